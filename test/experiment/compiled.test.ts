// What worker threads load: a compiled module as it is; a TypeScript module of the package only through a
// dist/ copy built from the same sources (fingerprint), never a stale one — checked on a throwaway package.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiledModule, compiledResolver, sourceFingerprint } from '../../src/experiment/compiled.js';
import { tempDir } from './toy.js';

function fakePackage(): string {
  const root = tempDir('talentsim-pkg-');
  mkdirSync(join(root, 'src', 'talent'), { recursive: true });
  mkdirSync(join(root, 'dist', 'talent'), { recursive: true });
  writeFileSync(join(root, 'src', 'talent', 'binding.ts'), 'export const x = 1;\n');
  writeFileSync(join(root, 'dist', 'talent', 'binding.js'), 'export const x = 1;\n');
  return root;
}

describe('compiledResolver', () => {
  it('maps a source module to its dist/ copy when the fingerprint matches', () => {
    const root = fakePackage();
    const r = compiledResolver(root);
    const fingerprint = r.writeFingerprint();
    expect(fingerprint).toBe(sourceFingerprint(join(root, 'src')));
    const src = pathToFileURL(join(root, 'src', 'talent', 'binding.ts')).href;
    expect(r.compiledModule(src)).toBe(pathToFileURL(join(root, 'dist', 'talent', 'binding.js')).href);
  });

  it('refuses a stale or missing build with a message saying to run the build', () => {
    const root = fakePackage();
    const src = pathToFileURL(join(root, 'src', 'talent', 'binding.ts')).href;
    expect(() => compiledResolver(root).compiledModule(src)).toThrow(/dist\/ has no build-fingerprint\.json: run `npm run build`/);
    compiledResolver(root).writeFingerprint();
    writeFileSync(join(root, 'src', 'talent', 'binding.ts'), 'export const x = 2;\n'); // edited after the build
    expect(() => compiledResolver(root).compiledModule(src)).toThrow('dist/ is stale (built from other sources than src/): run `npm run build`');
    writeFileSync(join(root, 'src', 'talent', 'extra.ts'), 'export {};\n');
    compiledResolver(root).writeFingerprint();
    expect(() => compiledResolver(root).compiledModule(pathToFileURL(join(root, 'src', 'talent', 'extra.ts')).href)).toThrow(/dist\/ has no dist\/talent\/extra\.js/);
  });

  it('passes JavaScript and non-file URLs through and refuses TypeScript outside src/', () => {
    const root = fakePackage();
    const r = compiledResolver(root);
    expect(r.compiledModule('file:///somewhere/model.mjs')).toBe('file:///somewhere/model.mjs');
    expect(r.compiledModule('data:text/javascript,export{}')).toBe('data:text/javascript,export{}');
    expect(() => r.compiledModule(pathToFileURL(join(root, 'elsewhere.ts')).href)).toThrow(/cannot load the TypeScript module .*compile it to JavaScript, or run with one worker/);
  });
});

describe('compiledModule of this package', () => {
  it('gives worker threads the current dist/ copy of a source module (dist built by pretest)', () => {
    const url = new URL('../../src/talent/binding.ts', import.meta.url).href;
    expect(compiledModule(url)).toBe(new URL('../../dist/talent/binding.js', import.meta.url).href);
  });
});

// CliIo is the CLI's only contact with the process: no other file under src/cli reads argv, the standard
// streams, the working directory or the environment (bin/ passes them in through processIo and main's argv),
// and no file falls back to untyped argument records.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli-helpers.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const cliFiles = sources(join(ROOT, 'src', 'cli')).map((f) => ({ file: relative(ROOT, f).split('\\').join('/'), text: readFileSync(f, 'utf8') }));

describe('the CLI reads the process only through CliIo', () => {
  it('finds the CLI sources', () => {
    expect(cliFiles.map((f) => f.file)).toContain('src/cli/io.ts');
    expect(cliFiles.length).toBeGreaterThan(15);
  });

  it('only io.ts (the adapter bin uses) touches process.argv, stdout, stderr, cwd or env', () => {
    const offenders = cliFiles
      .filter((f) => f.file !== 'src/cli/io.ts' && /\bprocess\.(argv|stdout|stderr|stdin|cwd|env|exit)\b/.test(f.text))
      .map((f) => f.file);
    expect(offenders).toEqual([]);
  });

  it('no command reads its arguments as an untyped record', () => {
    expect(cliFiles.filter((f) => f.text.includes('Record<string, unknown>')).map((f) => f.file)).toEqual([]);
  });
});

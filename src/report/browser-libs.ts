/** Locates and reads the UMD builds of vega, vega-lite and vega-embed so the report can inline them. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The browser builds inlined into report.html, in load order. */
export const BROWSER_LIBS = [
  { pkg: 'vega', file: 'build/vega.min.js' },
  { pkg: 'vega-lite', file: 'build/vega-lite.min.js' },
  { pkg: 'vega-embed', file: 'build/vega-embed.min.js' },
] as const;

/** The root folder of an installed package (its package.json need not be exported). */
export function packageRoot(pkg: string): string {
  let dir = dirname(require.resolve(pkg));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === pkg) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the package folder of ${pkg}`);
    dir = up;
  }
}

let cache: { pkg: string; path: string; code: string }[] | undefined;

/** Paths and source of the browser builds (read once, then cached). */
export function browserLibs(): { pkg: string; path: string; code: string }[] {
  if (!cache) {
    cache = BROWSER_LIBS.map(({ pkg, file }) => {
      const path = join(packageRoot(pkg), file);
      if (!existsSync(path)) throw new Error(`browser build of ${pkg} not found at ${path}`);
      return { pkg, path, code: readFileSync(path, 'utf8') };
    });
  }
  return cache;
}

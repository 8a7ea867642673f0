/** The talentsim version, read from package.json (same relative path from src/ and dist/). */
import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** The talentsim version from package.json. */
export function talentsimVersion(): string {
  if (cached === undefined) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    cached = pkg.version ?? '0.0.0';
  }
  return cached;
}

#!/usr/bin/env node
// talentsim command line: runs the compiled CLI in dist/ (build it with `npm run build`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('talentsim: dist/cli/main.js not found — run `npm run build` first (in the talentsim folder).\n');
  process.exit(2);
}
const { main } = await import(entry.href);
const { processIo } = await import(new URL('../dist/cli/io.js', import.meta.url).href);
// On Ctrl-C or SIGTERM: exit through process.exit, so the output folder's lock and this process's temp
// files are removed (kill -9 cannot be caught: the next run in the folder takes over its stale lock).
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.once(signal, () => {
    process.stderr.write('\ninterrupted: finished replicates are saved; rerun the same command with --resume to continue.\n');
    process.exit(code);
  });
}
process.exitCode = await main(process.argv.slice(2), processIo());

/** `patterns`: the baseline against the calibration patterns of calibration-targets.md. */
import { checkPatterns } from '../../talent/calibration/patterns.js';
import { loadScenario } from '../../scenario/index.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';

/** Options of {@link patternsCommand}. */
export interface PatternsArgs {
  scenario: string;
  replicates: number;
  json: boolean;
}

/** Runs the patterns check; prints a table (or JSON); exit 0 whatever the outcome (the table says which are met). */
export function patternsCommand(args: PatternsArgs, io: CliIo): number {
  const results = checkPatterns(loadScenario(args.scenario), { replicates: args.replicates });
  if (args.json) {
    const out = results.map(({ name, source, low, high, simulated, ciLow, ciHigh, ok }) => ({ name, source, low, high, simulated, ciLow, ciHigh, ok }));
    io.stdout(JSON.stringify(out, null, 2) + '\n');
    return EXIT.ok;
  }
  const fmt = (x: number) => (Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(4));
  const w = Math.max(...results.map((r) => r.name.length)) + 2;
  io.stdout(`${'pattern'.padEnd(w)}${'target'.padEnd(20)}${'simulated [95% CI]'.padEnd(30)}ok\n`);
  for (const r of results) {
    io.stdout(
      `${r.name.padEnd(w)}${`${fmt(r.low)}-${fmt(r.high)}`.padEnd(20)}${`${fmt(r.simulated)} [${fmt(r.ciLow)}, ${fmt(r.ciHigh)}]`.padEnd(30)}${r.ok ? 'yes' : 'NO'}\n`,
    );
  }
  io.stdout(`\n${results.filter((r) => r.ok).length} of ${results.length} patterns met (${args.replicates} replicates, years 1-5 of ${args.scenario}).\nSources:\n`);
  for (const r of results) io.stdout(`  ${r.name}: ${r.source}\n`);
  return EXIT.ok;
}

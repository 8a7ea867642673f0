/** `optimize`: a robust county portfolio — one county budget over village types × levers, over parameter uncertainty. */
import type { PortfolioResult } from '../../talent/policy/portfolio.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { intOption, numberListOption, policyOptions } from '../options.js';
import { formatNumber } from '../table.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const portfolioApi = () => import('../../talent/policy/portfolio.js');
const frontierApi = () => import('../../talent/policy/frontier.js');
const policyRun = () => import('../policy-run.js');
const posteriorApi = () => import('../../experiment/calibration/files.js');
const factorsApi = () => import('../../talent/parameter-factors.js');
const fsApi = () => import('node:fs/promises');

/** Plain-text summary: the allocation by village type, the objective and the paired comparisons. */
export function portfolioTable(r: PortfolioResult): string {
  const est = (e: { mean: number; ci_low: number; ci_high: number }, signed = false) =>
    `${formatNumber(e.mean, signed)} [${formatNumber(e.ci_low, signed)}, ${formatNumber(e.ci_high, signed)}]`;
  const lines = [`County portfolio of ${formatNumber(r.budget)} yuan per year (measured at the default parameters: ${formatNumber(r.spend)}), objective ${r.objective}`];
  for (const a of r.allocation) lines.push(`  ${a.villageType.padEnd(22)}${a.option || 'nothing'}`);
  lines.push(
    '',
    'Final evaluation on fresh parameter draws and replicates (95% CI):',
    `  portfolio                      ${est(r.objectiveEstimate)}`,
    `  best uniform pathway (${r.bestUniform.pathway}) ${est(r.bestUniform.objective)}`,
    `  uniform combined mix           ${est(r.combinedUniform.objective)}`,
    `  baseline                       ${est(r.baseline)}`,
  );
  for (const c of r.comparisons) {
    lines.push(`  portfolio − ${c.against}: ${est(c.gain, true)}; at least as good in ${Math.round(100 * c.drawsWon)}% of draws; 10th percentile of the per-draw gain ${formatNumber(c.gainP10, true)}`);
  }
  return lines.join('\n');
}

export default defineCommand({
  command: 'optimize',
  describe: 'a robust county portfolio: one budget over village types × levers, best in expectation over parameter draws',
  builder: (y) =>
    policyOptions(y)
      .option('budget', { type: 'number', demandOption: true, describe: 'county budget, yuan per year' })
      .option('objective', { type: 'string', describe: 'objective at the horizon, a village mean or count (default branches_renewed_share)' })
      .option('posterior', { type: 'string', describe: 'posterior.csv of a calibration to draw parameters from (default: Latin hypercube of the assumption parameters)' })
      .option('draws', { type: 'number', describe: 'parameter draws for the allocation (default 8)' })
      .option('replicates', { type: 'number', describe: 'replicates per draw (default 2)' })
      .option('final-draws', { type: 'number', describe: 'fresh parameter draws of the final evaluation (default: --draws)' })
      .option('final-replicates', { type: 'number', describe: 'replicates per draw of the final evaluation (default: --replicates)' })
      .option('draw-seed', { type: 'number', describe: 'seed of the parameter draws (default 1; the final evaluation uses the next)' })
      .option('frontier', { type: 'string', describe: 'a frontier output directory whose best mixes form the library (its budgets must include budget ÷ villages)' })
      .option('levels', { type: 'string', array: true, describe: 'per-village budgets of a library computed here (default: ⅓, ⅔, 1, 4⁄3 of budget ÷ villages)' })
      .option('search-replicates', { type: 'number', describe: 'frontier computed here: replicates of each search evaluation' })
      .option('evaluations', { type: 'number', describe: 'frontier computed here: most mixes per pathway and budget' })
      .option('frontier-replicates', { type: 'number', describe: 'frontier computed here: replicates of its final evaluation' })
      .option('out', { type: 'string', default: 'out/optimize', describe: 'output directory' }),
  async run(a, { io, commandLine }) {
    const [{ optimizePortfolio }, { parseFrontierCsv }, { policySettings }, { readPosteriorFile }, { parameterFactors }, fs] = await Promise.all([
      portfolioApi(), frontierApi(), policyRun(), posteriorApi(), factorsApi(), fsApi(),
    ]);
    const s = policySettings(a, io);
    const posterior = a.posterior ? await readPosteriorFile(a.posterior, parameterFactors()) : undefined;
    let library;
    if (a.frontier) {
      const file = `${a.frontier.replace(/\/+$/, '')}/frontier.csv`;
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch {
        const { ExperimentInputError } = await import('../../experiment/errors.js');
        throw new ExperimentInputError(`${file}: no frontier.csv there (run talentsim frontier --out ${a.frontier} first)`);
      }
      library = parseFrontierCsv(text, file);
    }
    const result = await optimizePortfolio(s.base, {
      budget: a.budget, objective: a.objective, posterior,
      draws: intOption('draws', a.draws, 1, 100_000), replicates: intOption('replicates', a.replicates, 1, 100_000),
      finalDraws: intOption('final-draws', a.finalDraws, 1, 100_000), finalReplicates: intOption('final-replicates', a.finalReplicates, 1, 100_000),
      drawSeed: intOption('draw-seed', a.drawSeed, 0, 0xfffffffe), library, levels: numberListOption('levels', a.levels),
      frontier: {
        searchReplicates: intOption('search-replicates', a.searchReplicates, 1, 1_000_000),
        maxEvaluations: intOption('evaluations', a.evaluations, 1, 1_000_000),
        replicates: intOption('frontier-replicates', a.frontierReplicates, 2, 1_000_000),
      },
      costs: s.costs, workers: s.workers, outDir: a.out, resume: s.resume, onNote: s.note, command: commandLine,
    });
    if (!a.quiet) io.stdout(portfolioTable(result) + '\n');
    io.stdout(`wrote ${result.files.join(', ')}\n`);
    return EXIT.ok;
  },
});

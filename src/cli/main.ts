/**
 * The talentsim command line: a thin yargs shell over the public API. `main(argv, io)` parses, runs one
 * command and returns its exit code (0 success, 1 failure while running, 2 bad input or usage); all
 * output goes through `io`, errors print without stack traces. Each command is declared in its own file
 * under `commands/`; this file only lists them.
 */
import yargs from 'yargs';
import { talentsimVersion } from '../experiment/version.js';
import type { CliCommand, CommandRun } from './command.js';
import { describeError, EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';

/**
 * The commands in help order, by name (= file name = first word of the command string). A module is
 * loaded only when needed: the named command alone when it is the first argument, all of them (they are
 * small; each loads its library code when it runs) for top-level help and usage errors.
 */
const COMMANDS: readonly (readonly [name: string, load: () => Promise<{ default: CliCommand }>])[] = [
  ['run', () => import('./commands/run.js')],
  ['compare', () => import('./commands/compare.js')],
  ['sweep', () => import('./commands/sweep.js')],
  ['validate', () => import('./commands/validate.js')],
  ['list', () => import('./commands/list.js')],
  ['describe', () => import('./commands/describe.js')],
  ['schema', () => import('./commands/schema.js')],
  ['merge', () => import('./commands/merge.js')],
  ['report', () => import('./commands/report.js')],
  ['patterns', () => import('./commands/patterns.js')],
  ['hindcast', () => import('./commands/hindcast.js')],
  ['calibrate', () => import('./commands/calibrate.js')],
  ['sensitivity', () => import('./commands/sensitivity.js')],
  ['robustness', () => import('./commands/robustness.js')],
  ['dose-response', () => import('./commands/dose-response.js')],
  ['frontier', () => import('./commands/frontier.js')],
  ['optimize', () => import('./commands/optimize.js')],
  ['sbatch', () => import('./commands/sbatch.js')],
  ['explore', () => import('./commands/explore.js')],
  ['mechanisms', () => import('./commands/mechanisms.js')],
];

/** The command modules `argv` needs, in help order. */
async function loadCommands(argv: readonly string[]): Promise<CliCommand[]> {
  const chosen = COMMANDS.filter(([name]) => name === argv[0]);
  const modules = await Promise.all((chosen.length ? chosen : COMMANDS).map(([, load]) => load()));
  return modules.map((m) => m.default);
}

/** The command line as a shell would take it back (arguments quoted where needed), for manifests. */
function commandLineOf(argv: readonly string[]): string {
  return ['talentsim', ...argv].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let selected: CommandRun | undefined;
  let helpText = '';
  const parser = yargs([...argv])
    .scriptName('talentsim')
    .usage('$0 <command> [options]\n\nAgent-based simulation of village Party-branch renewal: four policy pathways compared.')
    .exitProcess(false)
    .strict()
    .demandCommand(1, 'give a command (see --help)')
    .recommendCommands()
    .version(talentsimVersion())
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, io.columns || 100))
    .fail((msg, err) => {
      throw err ?? new CliUsage(msg ?? 'usage error');
    });
  for (const command of await loadCommands(argv)) command.register(parser, (run) => (selected = run));
  skipHelpCache(parser);

  try {
    await parser.parseAsync([...argv], {}, (_err: unknown, _args: unknown, output: string) => {
      if (output) helpText += output;
    });
  } catch (e) {
    if (e instanceof CliUsage) {
      io.stderr(`talentsim: ${e.message}\nRun \`talentsim --help\` for usage.\n`);
      return EXIT.badInput;
    }
    const d = describeError(e);
    io.stderr(d.lines.join('\n') + '\n');
    return d.code;
  }
  if (helpText) {
    io.stdout(helpText.endsWith('\n') ? helpText : helpText + '\n');
    return EXIT.ok;
  }
  if (!selected) return EXIT.ok;
  try {
    return await selected({ io, commandLine: commandLineOf(argv) });
  } catch (e) {
    const d = describeError(e);
    io.stderr(d.lines.join('\n') + '\n');
    return d.code;
  }
}

/**
 * yargs renders the chosen command's whole help text after its handler, only to keep it for a later
 * failure (≈10% of a `validate`'s start-up, more for `run` with its many options); this CLI never shows
 * it (a failure prints one line and points to --help, and --help itself renders anew), so it is skipped.
 * Through yargs' internal methods: if a later yargs lacks them, nothing changes but the start-up time.
 */
function skipHelpCache(parser: unknown): void {
  type Usage = { cacheHelpMessage?: () => void };
  const usage = (parser as { getInternalMethods?: () => { getUsageInstance?: () => Usage } }).getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

/** A usage error raised by yargs (unknown option, missing argument…). */
class CliUsage extends Error {}

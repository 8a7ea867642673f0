// main(argv, io) in process: the registry lists each command file once, each command loads by its own
// name, usage errors exit 2 with a message, help wraps at the width CliIo gives, and the --outcome help of
// the design analyses names the library's declared default outcomes.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { SENSITIVITY_OUTCOMES } from '../../src/talent/metrics.js';
import { captureIo, ROOT } from './cli-helpers.js';

const commandFiles = readdirSync(join(ROOT, 'src', 'cli', 'commands'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -'.ts'.length));

/** The command names the top-level help lists, in order. */
function listedCommands(help: string): string[] {
  const section = help.slice(help.indexOf('Commands:'), help.indexOf('Options:'));
  return [...section.matchAll(/^ {2}talentsim (\S+)/gm)].map((m) => m[1]);
}

describe('the command registry', () => {
  it('--help lists exactly the files under src/cli/commands, each once', async () => {
    const io = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.err).toBe('');
    const listed = listedCommands(io.out);
    expect(commandFiles.length).toBeGreaterThanOrEqual(11);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...commandFiles].sort());
  });

  it('each command, given first, loads the file of its name and prints its own help', async () => {
    for (const name of commandFiles) {
      const io = captureIo();
      expect(await main([name, '--help'], io)).toBe(0);
      expect(io.out.split('\n')[0]).toMatch(new RegExp(`^talentsim ${name}( |$)`));
    }
  });

  it('prints the version', async () => {
    const io = captureIo();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('usage errors', () => {
  const cases: [argv: string[], message: RegExp][] = [
    [[], /give a command/],
    [['bogus'], /Unknown argument: bogus/],
    [['compar'], /Did you mean compare\?/],
    [['run'], /Not enough non-option arguments: got 0, need at least 1/],
    [['run', 'baseline', '--bogus'], /Unknown argument: bogus/],
    [['merge', 'dir'], /Missing required argument: out/],
    [['sensitivity', 'baseline', '--method', 'fast'], /Invalid values:\s+Argument: method, Given: "fast"/],
    [['run', 'baseline', '--years', 'abc'], /--years: expected an integer from 1 to 500, found NaN/],
  ];
  for (const [argv, message] of cases) {
    it(`talentsim ${argv.join(' ')}: exit 2, the problem on stderr, nothing on stdout`, async () => {
      const io = captureIo();
      expect(await main(argv, io)).toBe(2);
      expect(io.err).toMatch(message);
      expect(io.err).not.toMatch(/\n\s+at /);
      expect(io.out).toBe('');
    });
  }

  it('a yargs usage error points to --help', async () => {
    const io = captureIo();
    await main(['bogus'], io);
    expect(io.err).toBe('talentsim: Unknown argument: bogus\nRun `talentsim --help` for usage.\n');
  });
});

describe('help texts', () => {
  const help = async (argv: string[], terminal: { columns?: number } = {}) => {
    const io = captureIo(terminal);
    expect(await main(argv, io)).toBe(0);
    return io.out;
  };
  const widest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));

  it('wrap at the terminal width CliIo gives, at most 100 columns', async () => {
    const none = await help(['run', '--help']);
    expect(widest(none)).toBe(100);
    expect(widest(await help(['run', '--help'], { columns: 60 }))).toBeLessThanOrEqual(60);
    expect(await help(['run', '--help'], { columns: 200 })).toBe(none);
    expect(widest(await help(['--help'], { columns: 72 }))).toBeLessThanOrEqual(72);
  });

  it('sensitivity and robustness name the default outcomes the library declares', async () => {
    for (const command of ['sensitivity', 'robustness']) {
      const text = (await help([command, '--help'])).replace(/\s+/g, ' ');
      expect(text).toContain(`--outcome outcome metric(s) at the horizon (default: ${SENSITIVITY_OUTCOMES.join(', ')}) [array]`);
    }
  });

  it('each design analysis describes its own --samples', async () => {
    expect((await help(['sensitivity', '--help'])).replace(/\s+/g, ' ')).toContain(
      '--samples per method: Morris — trajectories r (runs = r × (k + 1) for k parameters varied; default 10); Sobol — base sample N (runs = N × (k + 2); default 256).',
    );
    expect((await help(['robustness', '--help'])).replace(/\s+/g, ' ')).toContain(
      '--samples parameter draws N (Latin hypercube over the factors; runs = N × scenarios; default 20). Scenario discovery needs at least 10 draws per parameter varied',
    );
  });
});

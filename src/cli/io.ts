/**
 * The CLI's only contact with the process: everything it prints goes through a {@link CliIo}, and what it
 * needs to know about where it runs (working directory, terminal width, whether stderr is a terminal) is a
 * field of it. {@link processIo} is the one adapter that reads the real process; tests pass their own object.
 */

/** Output channels of the CLI and the facts it needs about where it runs (tests pass an object that captures them). */
export interface CliIo {
  /** Writes text to standard output. */
  stdout(text: string): void;
  /** Writes text to standard error. */
  stderr(text: string): void;
  /**
   * The working directory. `sbatch` resolves `--out` against it and runs its jobs there; the other commands
   * still resolve relative scenario paths and `--out` against the process's own directory (the scenario
   * loader and the file writes of the experiment read it), so give the process's directory for those.
   */
  cwd: string;
  /** Width in columns of the terminal standard output is on; undefined when it is not a terminal. Help wraps at this width, at most 100. */
  columns?: number;
  /**
   * True when standard error is a terminal (a progress display may redraw its line); false: it is not (a
   * log, a pipe), so progress comes as plain lines every few seconds; undefined: not known, no progress.
   */
  stderrIsTTY?: boolean;
  /** The stream a progress bar may draw on (only when it is a terminal); undefined: no bar. */
  progressStream?: NodeJS.WriteStream;
  /**
   * Calls `stop` once on the first Ctrl-C or SIGTERM, before any other handler (a long-running command such
   * as `explore` that stops cleanly on an interrupt); `stop` returns the exit code the process ends with.
   * Undefined where there is no process to interrupt (tests).
   */
  onInterrupt?: (stop: () => number) => void;
}

/** The real process's stdout/stderr, working directory and terminal facts; a progress bar only when stderr is a terminal. */
export function processIo(): CliIo {
  const tty = process.stderr.isTTY === true;
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    cwd: process.cwd(),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    stderrIsTTY: tty,
    progressStream: tty ? process.stderr : undefined,
    onInterrupt: (stop) => {
      const handler = () => process.exit(stop());
      process.prependOnceListener('SIGINT', handler);
      process.prependOnceListener('SIGTERM', handler);
    },
  };
}

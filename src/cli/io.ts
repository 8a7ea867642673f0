/** The CLI's only contact with the terminal: everything it prints goes through a {@link CliIo}. */

/** Output channels of the CLI (tests pass an object that captures them). */
export interface CliIo {
  /** Writes text to standard output. */
  stdout(text: string): void;
  /** Writes text to standard error. */
  stderr(text: string): void;
  /** The stream a progress bar may draw on (only when it is a terminal); undefined: no bar. */
  progressStream?: NodeJS.WriteStream;
  /** Working directory (default `process.cwd()`). */
  cwd?: string;
}

/** The real process's stdout/stderr; a progress bar only when stderr is a terminal. */
export function processIo(): CliIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    progressStream: process.stderr.isTTY ? process.stderr : undefined,
  };
}

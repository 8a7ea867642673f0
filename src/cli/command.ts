/**
 * How a CLI command is declared: one {@link defineCommand} call per file under `commands/` gives its yargs
 * command string, description, options builder and what it runs. The parsed arguments' type is inferred
 * from the builder (yargs' `Argv<T>` chain), so `run` reads typed values, never casts.
 */
import type { ArgumentsCamelCase, Argv } from 'yargs';
import type { CliIo } from './io.js';

/** What a command's `run` receives besides its arguments. */
export interface CommandContext {
  /** Where it prints. */
  io: CliIo;
  /** The command line as given (shell-quoted), recorded in manifests. */
  commandLine: string;
}

/** Runs a chosen command; resolves to its exit code. */
export type CommandRun = (context: CommandContext) => Promise<number> | number;

/** A command's declaration; `A`, its parsed arguments, is inferred from `builder`. */
export interface CommandSpec<A> {
  /** yargs command string: the name, then `<required>` and `[optional]` positionals. */
  command: string;
  /** One-line description shown by `--help`. */
  describe: string;
  /**
   * Declares the positionals and options. `helpShown` (yargs' second builder argument) is true when the
   * command's help or the version is printed: a description that needs library declarations loads them
   * only then (asynchronously), so usage errors stay fast.
   */
  builder(y: Argv, helpShown: boolean): Argv<A> | Promise<Argv<A>>;
  /** Runs the command on its parsed arguments; returns the exit code. */
  run(args: ArgumentsCamelCase<A>, context: CommandContext): Promise<number> | number;
}

/** A declared command, ready for the registry of `main`. */
export interface CliCommand {
  /** Adds the command to `parser`; when yargs chooses it, `select` receives what runs it. */
  register(parser: Argv, select: (run: CommandRun) => void): Argv;
}

/** Declares a command (the default export of its file under `commands/`). */
export function defineCommand<A>(spec: CommandSpec<A>): CliCommand {
  return {
    register: (parser, select) =>
      parser.command<A>(
        spec.command,
        spec.describe,
        // yargs calls a builder as (yargs, helpOrVersionSet); its type declarations name only the first.
        (y: Argv, helpOrVersionSet?: boolean) => spec.builder(y, helpOrVersionSet === true),
        (args) => select((context) => spec.run(args, context)),
      ),
  };
}

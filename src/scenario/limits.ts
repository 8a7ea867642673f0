/**
 * The limits on scenario input, in one place: how large a scenario file may be, how many YAML nodes and
 * aliases it may hold and how deeply they may nest, how long and how deeply nested a lever expression may
 * be, and which characters a name may contain. Every input is either accepted or refused with a message
 * well within a second; no input makes the checker throw or exhaust memory. docs/reliability.md lists the
 * values and the tests that pin them. Pure and browser-safe.
 */

/** The limits (numbers are inclusive maxima). */
export const SCENARIO_LIMITS = Object.freeze({
  /** Largest scenario file read, in bytes (1 MiB; `maxBytes` of the loaders, `--max-scenario-bytes` of the CLI). */
  fileBytes: 1024 * 1024,
  /** YAML nodes (scalars, mappings, sequences, aliases) in one file: a full scenario has a few hundred. */
  yamlNodes: 10_000,
  /** YAML lexical tokens in one file (bounds the parser's work before any node is built). */
  yamlTokens: 200_000,
  /** YAML aliases (`*name`) in one file. */
  yamlAliases: 100,
  /** Nesting depth of YAML mappings and sequences. */
  yamlDepth: 32,
  /** Columns of indentation plus list and key markers (`- `, `? `) on one line (bounds block nesting before parsing). */
  yamlIndent: 200,
  /** Characters of a lever expression. */
  expressionLength: 500,
  /** Nesting of brackets in a lever expression. */
  expressionNesting: 32,
  /** Depth of an expression's syntax tree (each operator of a chain `a + b + c …` adds one level). */
  expressionDepth: 100,
  /** Characters of a scenario name or county name. */
  nameLength: 100,
  /** Characters of a description. */
  descriptionLength: 10_000,
});

/**
 * Characters never allowed in a name: control characters (including newlines and tabs), the line and
 * paragraph separators U+2028/U+2029, and invisible format characters (bidirectional overrides, zero-width
 * characters). Names appear in CSV rows, folder names, HTML and scripts of reports.
 */
const NAME_FORBIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** The same for descriptions, which may contain newlines and tabs (prose). */
const TEXT_FORBIDDEN = /[\p{Cf}\u2028\u2029]|(?![\n\t])\p{Cc}/u;

/** Code point of a character as U+XXXX. */
function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why `name` is not an allowed name (a phrase such as "is empty"), or undefined if it is: 1 to {@link SCENARIO_LIMITS.nameLength}
 * characters, no control, format or line-separator characters, no leading or trailing space.
 */
export function nameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if ([...name].length > SCENARIO_LIMITS.nameLength) return `is longer than ${SCENARIO_LIMITS.nameLength} characters`;
  const bad = NAME_FORBIDDEN.exec(name);
  if (bad) return `contains the character ${codePoint(bad[0])} (control, format and line-separator characters, newlines and tabs included, are not allowed in names)`;
  if (name.trim() !== name) return 'starts or ends with a space';
  return undefined;
}

/** Why `text` is not an allowed description (a phrase), or undefined: newlines and tabs allowed, other control or format characters not. */
export function textProblem(text: string): string | undefined {
  if (text.length > SCENARIO_LIMITS.descriptionLength) return `is longer than ${SCENARIO_LIMITS.descriptionLength} characters`;
  const bad = TEXT_FORBIDDEN.exec(text);
  if (bad) return `contains the character ${codePoint(bad[0])} (control, format and line-separator characters are not allowed; newlines and tabs are)`;
  return undefined;
}

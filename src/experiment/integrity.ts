/**
 * Checksums of an output folder's final files. manifest.json lists every output it vouches for under
 * `files` (name → size in bytes and SHA-256, as written); readers (the report, a merge) call
 * {@link verifyOutputs} before they use a file and refuse one that does not match, naming it — so a file
 * truncated by a full disk, or changed by hand, is never read as if it were the run's result.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ExperimentInputError } from './errors.js';
import { fileRecord, readJsonIfExists, writeJsonDurable, type FileRecord } from './files.js';
import { OUTPUT_FILES } from './layout.js';

/** `files` of manifest.json: each output file's name (relative to the folder) and its record. */
export type OutputRecords = Record<string, FileRecord>;

/**
 * Verifies the outputs of `dir` against the `files` of its manifest.json: the `names` given (each must be
 * recorded), or every recorded file. A folder without manifest.json, or whose manifest predates `files`,
 * has nothing to verify against and passes. Throws {@link ExperimentInputError} listing every mismatch.
 */
export async function verifyOutputs(dir: string, names?: readonly string[]): Promise<void> {
  const manifestPath = join(dir, OUTPUT_FILES.manifest);
  const manifest = await readJsonIfExists<{ files?: OutputRecords }>(manifestPath);
  const files = manifest?.files;
  if (!files || typeof files !== 'object') return;
  const problems: string[] = [];
  const rerun = `rerun the command that wrote ${dir} (with --resume to reuse its finished replicates)`;
  for (const name of names ?? Object.keys(files)) {
    const path = join(dir, name);
    const want = Object.prototype.hasOwnProperty.call(files, name) ? files[name] : undefined;
    if (!want) {
      if (existsSync(path)) problems.push(`${path}: not recorded in ${manifestPath} (written after the run, or by another run); ${rerun}`);
      continue;
    }
    if (!existsSync(path)) {
      problems.push(`${path}: missing, but recorded in ${manifestPath}; ${rerun}`);
      continue;
    }
    const got = await fileRecord(path);
    if (got.bytes !== want.bytes || got.sha256 !== want.sha256) {
      const what = got.bytes !== want.bytes ? `${got.bytes} bytes, but ${manifestPath} records ${want.bytes}` : `its SHA-256 differs from the one ${manifestPath} records`;
      problems.push(`${path}: ${what}: the file is incomplete or was changed after the run; ${rerun}`);
    }
  }
  if (problems.length) throw new ExperimentInputError(problems);
}

/** Adds `records` (names relative to `dir`) to the `files` of `dir/manifest.json` (rewritten durably); no manifest, nothing done. */
export async function recordOutputs(dir: string, records: OutputRecords): Promise<void> {
  const path = join(dir, OUTPUT_FILES.manifest);
  const manifest = await readJsonIfExists<Record<string, unknown>>(path);
  if (!manifest) return;
  const files = { ...((manifest.files as OutputRecords | undefined) ?? {}), ...records };
  await writeJsonDurable(path, { ...manifest, files });
}

/**
 * Part files and their identity. A part (`parts/<unit>/<replicate>.csv`) is one replicate's rows (header +
 * rows) followed by one trailer line that makes it self-verifying:
 *
 *     #talentsim-part/1 unit=<unit hash> talentsim=<version> model=<model fingerprint> rows=<n> sha256=<hex>
 *
 * (the checksum and row count are over everything before the trailer). A unit's identity file
 * (`parts/<unit>/unit.json`, format `talentsim-unit/2`) names the scenario, its hash, the talentsim version
 * and the model fingerprint the parts were computed with. A resume or merge reuses a part only when both
 * check out: truncated, empty, foreign or unreadable parts are named and recomputed (resume) or refused
 * (merge); parts of another version or model are refused unless explicitly allowed.
 */
import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import { readJsonIfExists } from './files.js';

/** Format tag of the part trailer. */
export const PART_FORMAT = 'talentsim-part/1';

/** Format tag of unit.json. */
export const UNIT_FORMAT = 'talentsim-unit/2';

/** What a part's rows depend on beyond its scenario: the unit hash, the talentsim version, the model fingerprint. */
export interface PartIdentity {
  /** Unit hash (scenario identity, metric selection, model id). */
  unit: string;
  /** talentsim version that computed it. */
  talentsim: string;
  /** Fingerprint of the model code that computed it. */
  model: string;
}

/** parts/<unit>/unit.json. */
export interface UnitMeta {
  format: typeof UNIT_FORMAT;
  /** Scenario (unit) name. */
  name: string;
  /** Unit hash. */
  hash: string;
  talentsim: string;
  /** The model binding's id. */
  modelId: string;
  /** Fingerprint of the model code. */
  fingerprint: string;
}

const TRAILER = new RegExp(`^#${PART_FORMAT.replace('/', '\\/')} unit=(\\S+) talentsim=(\\S+) model=(\\S+) rows=(\\d+) sha256=([0-9a-f]{64})$`);

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function dataRows(csv: string): number {
  let n = 0;
  for (let i = csv.indexOf('\n'); i >= 0; i = csv.indexOf('\n', i + 1)) n++;
  return Math.max(0, n - 1);
}

/** The text of a part file: the part CSV (header + rows, ending in a newline) and its trailer. */
export function partFileText(csv: string, id: PartIdentity): string {
  const body = csv.endsWith('\n') || csv === '' ? csv : csv + '\n';
  return `${body}#${PART_FORMAT} unit=${id.unit} talentsim=${id.talentsim} model=${id.model} rows=${dataRows(body)} sha256=${sha256(body)}\n`;
}

/** Why a part cannot be used: damaged or of another unit (`corrupt`: recompute it), or of another version or model (`version`). */
export type PartProblem = { kind: 'corrupt' | 'version'; message: string };

/** A verified part: its CSV (without trailer), its full text and identity — or what is wrong with it. */
export type PartCheck = { ok: true; csv: string; text: string; identity: PartIdentity } | ({ ok: false } & PartProblem);

/** What a part must match: its unit hash always; the version and model fingerprint when given. */
export interface PartExpectation {
  unit: string;
  talentsim?: string;
  model?: string;
}

/** Checks part text (see the module comment). */
export function checkPartText(text: string, expect: PartExpectation): PartCheck {
  const corrupt = (message: string): PartCheck => ({ ok: false, kind: 'corrupt', message });
  if (text.length === 0) return corrupt('empty (0 bytes)');
  if (!text.endsWith('\n')) return corrupt('truncated (no complete last line)');
  const start = text.lastIndexOf('\n', text.length - 2) + 1;
  const m = TRAILER.exec(text.slice(start, -1));
  if (!m) return corrupt(`no ${PART_FORMAT} trailer: truncated, damaged or written by an older talentsim`);
  const body = text.slice(0, start);
  const [, unit, talentsim, model, rows, digest] = m;
  if (sha256(body) !== digest) return corrupt('checksum mismatch: the file was truncated or changed after it was written');
  if (dataRows(body) !== Number(rows)) return corrupt(`${dataRows(body)} rows, its trailer says ${rows}`);
  if (unit !== expect.unit) return corrupt(`belongs to other settings (unit hash ${unit}, expected ${expect.unit})`);
  if ((expect.talentsim !== undefined && talentsim !== expect.talentsim) || (expect.model !== undefined && model !== expect.model)) {
    return { ok: false, kind: 'version', message: `computed by talentsim ${talentsim} with model fingerprint ${model}; this run is talentsim ${expect.talentsim} with ${expect.model}` };
  }
  return { ok: true, csv: body, text, identity: { unit, talentsim, model } };
}

/** Reads and checks the part file at `path`; a problem (never a throw) if it is missing, not a file or damaged. */
export async function readPartFile(path: string, expect: PartExpectation): Promise<PartCheck> {
  try {
    const s = await lstat(path);
    if (s.isDirectory()) return { ok: false, kind: 'corrupt', message: 'is a folder, not a part file' };
    if (!s.isFile()) return { ok: false, kind: 'corrupt', message: 'is not a regular file' };
    return checkPartText(await readFile(path, 'utf8'), expect);
  } catch (e) {
    return { ok: false, kind: 'corrupt', message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
}

/** unit.json of a unit, or why it cannot vouch for the parts beside it (missing, damaged, older format). */
export async function readUnitMeta(path: string): Promise<{ ok: true; meta: UnitMeta } | { ok: false; problem: string; missing: boolean }> {
  let raw: unknown;
  try {
    raw = await readJsonIfExists<unknown>(path);
  } catch (e) {
    return { ok: false, problem: (e as Error).message.replace(`${path}: `, ''), missing: false };
  }
  if (raw === undefined) return { ok: false, problem: 'missing', missing: true };
  const m = raw as Partial<UnitMeta>;
  if (!m || typeof m !== 'object' || m.format !== UNIT_FORMAT) return { ok: false, problem: `not in format ${UNIT_FORMAT} (written by an older talentsim, or damaged)`, missing: false };
  for (const k of ['name', 'hash', 'talentsim', 'modelId', 'fingerprint'] as const) {
    if (typeof m[k] !== 'string') return { ok: false, problem: `lacks "${k}"`, missing: false };
  }
  return { ok: true, meta: m as UnitMeta };
}

/**
 * Durable, atomic file writing for every output of talentsim: a file is written to a recognisable
 * temporary name beside its target (every write loop going on until the operating system took every byte:
 * `FileHandle.write` may take fewer bytes than given), checked for its full size, flushed to disk (fsync),
 * renamed over the target, and the folder flushed — so an interrupted run (Ctrl-C, kill -9, power loss) or
 * a full disk never leaves a half-written file under a final name. Each write returns the file's size and
 * SHA-256, which manifests record and readers verify (see integrity.ts). File-system failures become
 * {@link EnvironmentError}s naming the file and the cause in words.
 */
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { lstatSync, unlinkSync } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { environmentError, EnvironmentError, ExperimentInputError } from './errors.js';

/** Size and SHA-256 (hex) of a file as written: what manifest.json records and readers verify. */
export interface FileRecord {
  bytes: number;
  sha256: string;
}

/** Names of temporary files (`.<target>.<pid>.<8 hex>.tmp`): the only names a cleanup ever removes. */
export const TEMP_FILE_PATTERN = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

/** A fresh temporary name beside `path`, matching {@link TEMP_FILE_PATTERN}. */
export function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Temp files of this thread being written: removed if the process exits before they are renamed. */
const activeTemps = new Set<string>();
let exitHookInstalled = false;

function trackTemp(path: string): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const p of activeTemps) {
        try {
          unlinkSync(p);
        } catch {
          // already gone
        }
      }
    });
  }
  activeTemps.add(path);
}

/**
 * Writes all of `data` at the handle's position, calling `write` again after a short write until every
 * byte is taken; a write that takes nothing raises EIO instead of looping. (Exported for tests.)
 */
export async function writeAll(h: Pick<FileHandle, 'write'>, data: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await h.write(data, offset, data.length - offset);
    if (!(bytesWritten > 0)) {
      throw Object.assign(new Error(`the device accepted 0 of ${data.length - offset} bytes`), { code: 'EIO' });
    }
    offset += bytesWritten;
  }
}

/**
 * Creates `dir` and its missing parents one by one (so an error names its true cause: `mkdir -p` reports a
 * read-only file system as ENOENT). Throws {@link EnvironmentError}.
 */
export async function ensureDir(dir: string): Promise<void> {
  const missing: string[] = [];
  let d = resolve(dir);
  for (;;) {
    try {
      const s = await stat(d);
      if (!s.isDirectory()) throw new EnvironmentError('create the folder', dir, Object.assign(new Error('not a directory'), { code: 'ENOTDIR' }));
      break;
    } catch (e) {
      if (e instanceof EnvironmentError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw environmentError(e, 'create the folder', dir);
      missing.push(d);
      const parent = dirname(d);
      if (parent === d) break;
      d = parent;
    }
  }
  for (const m of missing.reverse()) {
    try {
      await mkdir(m);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && (await stat(m).catch(() => undefined))?.isDirectory()) continue;
      throw environmentError(e, 'create the folder', m);
    }
  }
}

/**
 * Checks that `dir` can be an output folder: a non-empty path that is a folder or does not exist yet.
 * A file in its place is the user's to correct ({@link ExperimentInputError}); the folder is then created.
 */
export async function prepareOutputDir(dir: string): Promise<void> {
  if (typeof dir !== 'string' || dir.trim() === '') throw new ExperimentInputError(`the output folder must be a non-empty path, found ${JSON.stringify(dir)}`);
  let d = resolve(dir);
  for (;;) {
    const s = await lstat(d).catch(() => undefined);
    if (s) {
      if (!s.isDirectory() && !(s.isSymbolicLink() && (await stat(d).catch(() => undefined))?.isDirectory())) {
        throw new ExperimentInputError(
          d === resolve(dir) ? `${dir}: is a file, not a folder; give a folder for the outputs (it is created if missing)` : `${dir}: ${d} is a file, not a folder; give another output folder`,
        );
      }
      break;
    }
    const parent = dirname(d);
    if (parent === d) break;
    d = parent;
  }
  await ensureDir(dir);
}

/** Flushes a folder's entries (the rename) to disk; platforms that cannot fsync a folder are skipped. */
async function fsyncDir(dir: string): Promise<void> {
  let h: FileHandle;
  try {
    h = await open(dir, 'r');
  } catch {
    return; // Windows cannot open a folder; the rename is still atomic
  }
  try {
    await h.sync();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EIO' || code === 'ENOSPC') throw environmentError(e, 'write', dir);
  } finally {
    await h.close();
  }
}

/** A write into an open temp file that counts and hashes every byte it hands over. */
class CountingWriter {
  bytes = 0;
  private readonly hash: Hash = createHash('sha256');
  constructor(private readonly h: FileHandle) {}
  async write(data: string | Uint8Array): Promise<void> {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    await writeAll(this.h, buf);
    this.hash.update(buf);
    this.bytes += buf.length;
  }
  record(): FileRecord {
    return { bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

/**
 * The one durable write: `fill` writes into a temp file beside `path`; its size is checked, then fsync,
 * rename over `path`, fsync of the folder. On any error the temp file is removed, `path` is untouched and
 * a file-system failure is thrown as an {@link EnvironmentError} naming `path`.
 */
async function writeDurable(path: string, fill: (w: CountingWriter) => Promise<void>): Promise<FileRecord> {
  const dir = dirname(path);
  await ensureDir(dir);
  const tmp = tempName(path);
  trackTemp(tmp);
  let record: FileRecord;
  try {
    const h = await open(tmp, 'wx');
    try {
      const w = new CountingWriter(h);
      await fill(w);
      record = w.record();
      const size = (await h.stat()).size;
      if (size !== record.bytes) throw Object.assign(new Error(`${size} of ${record.bytes} bytes reached the file`), { code: 'EIO' });
      await h.sync();
    } finally {
      await h.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw environmentError(e, 'write', path);
  } finally {
    activeTemps.delete(tmp);
  }
  await fsyncDir(dir);
  return record;
}

/** Writes `data` to `path` via temp file + fsync + rename (creating the folder); returns its size and SHA-256. */
export async function writeFileDurable(path: string, data: string | Uint8Array): Promise<FileRecord> {
  return writeDurable(path, (w) => w.write(data));
}

/** Writes a value as pretty JSON (two-space indent, trailing newline), durably. */
export async function writeJsonDurable(path: string, value: unknown): Promise<FileRecord> {
  return writeFileDurable(path, JSON.stringify(value, null, 2) + '\n');
}

/**
 * Writes `path` by streaming chunks produced by `produce` into a temp file, then fsync + rename. Memory use
 * is bounded by the largest chunk plus 1 MiB of buffer, whatever the file's size.
 */
export async function writeStreamDurable(
  path: string,
  produce: (write: (chunk: string) => Promise<void>) => Promise<void>,
): Promise<FileRecord> {
  return writeDurable(path, async (w) => {
    let buffer = '';
    const flushAt = 1 << 20;
    await produce(async (chunk) => {
      buffer += chunk;
      if (buffer.length >= flushAt) {
        await w.write(buffer);
        buffer = '';
      }
    });
    if (buffer) await w.write(buffer);
  });
}

/** Size and SHA-256 of the file at `path` (streamed); throws {@link EnvironmentError} if it cannot be read. */
export async function fileRecord(path: string): Promise<FileRecord> {
  let h: FileHandle;
  try {
    h = await open(path, 'r');
  } catch (e) {
    throw environmentError(e, 'read', path);
  }
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const { bytesRead } = await h.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
      bytes += bytesRead;
    }
    return { bytes, sha256: hash.digest('hex') };
  } catch (e) {
    throw environmentError(e, 'read', path);
  } finally {
    await h.close();
  }
}

/**
 * Reads and parses a JSON file; `undefined` if it does not exist. Invalid JSON is an
 * {@link ExperimentInputError} naming the file; other read failures an {@link EnvironmentError}.
 */
export async function readJsonIfExists<T>(path: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if ((e as NodeJS.ErrnoException).code === 'EISDIR') throw new ExperimentInputError(`${path}: is a folder, not a JSON file`);
    throw environmentError(e, 'read', path);
  }
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new ExperimentInputError(`${path}: not valid JSON (${(e as Error).message}); the file is damaged or was not written by talentsim`);
  }
}

/**
 * Removes the temp files ({@link TEMP_FILE_PATTERN}) under `dir` (to `depth` folder levels, symbolic links
 * not followed) last modified before `before` (ms since the epoch): what a killed run left behind. Called by
 * the owner of the folder's lock, so no live writer's temp file is older than its start. Returns the paths removed.
 */
export async function removeStaleTempFiles(dir: string, before: number, depth = 3): Promise<string[]> {
  const removed: string[] = [];
  const walk = async (d: string, level: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (level < depth) await walk(p, level + 1);
      } else if (e.isFile() && TEMP_FILE_PATTERN.test(e.name)) {
        try {
          if (lstatSync(p).mtimeMs < before) {
            await rm(p, { force: true });
            removed.push(p);
          }
        } catch {
          // gone meanwhile
        }
      }
    }
  };
  await walk(dir, 0);
  return removed;
}

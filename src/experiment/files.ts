/**
 * Durable, atomic file writing for experiment outputs: every file is written to a temporary name beside
 * its target, flushed to disk (fsync) and renamed over the target, so an interrupted run (Ctrl-C, kill -9,
 * power loss) never leaves a half-written file under a final name.
 */
import { randomBytes } from 'node:crypto';
import { open, mkdir, rename, rm, readFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

async function fsyncDir(dir: string): Promise<void> {
  try {
    const h = await open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // Some platforms (Windows) cannot fsync a directory; the rename is still atomic.
  }
}

/**
 * The one durable write: `fill` writes into an open temp file beside `path`; then fsync, rename over
 * `path`, fsync the directory. On any error the temp file is removed and `path` is untouched.
 */
async function writeDurable(path: string, fill: (h: FileHandle) => Promise<void>): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = tempName(path);
  try {
    const h = await open(tmp, 'w');
    try {
      await fill(h);
      await h.sync();
    } finally {
      await h.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  await fsyncDir(dir);
}

/** Writes `data` to `path` via temp file + fsync + rename (creating the directory). */
export async function writeFileDurable(path: string, data: string | Uint8Array): Promise<void> {
  await writeDurable(path, async (h) => {
    await h.writeFile(data);
  });
}

/** Writes a value as pretty JSON (two-space indent, trailing newline), durably. */
export async function writeJsonDurable(path: string, value: unknown): Promise<void> {
  await writeFileDurable(path, JSON.stringify(value, null, 2) + '\n');
}

/** Reads and parses a JSON file; `undefined` if it does not exist. */
export async function readJsonIfExists<T>(path: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  return JSON.parse(text) as T;
}

/**
 * Writes `path` by streaming chunks produced by `produce` into a temp file, then fsync + rename. Memory use
 * is bounded by the largest chunk, whatever the file's size.
 */
export async function writeStreamDurable(
  path: string,
  produce: (write: (chunk: string) => Promise<void>) => Promise<void>,
): Promise<void> {
  await writeDurable(path, async (h) => {
    let buffer = '';
    const flushAt = 1 << 20;
    await produce(async (chunk) => {
      buffer += chunk;
      if (buffer.length >= flushAt) {
        await h.write(buffer);
        buffer = '';
      }
    });
    if (buffer) await h.write(buffer);
  });
}

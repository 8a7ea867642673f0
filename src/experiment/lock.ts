/**
 * An exclusive lock on an output folder, so two runs never write into one folder at once. The lock is a
 * file `.talentsim.lock` in the folder, created with O_EXCL (only one process can create it), holding the
 * owner's pid, host, start time and command. A second run finds it and stops with a clear message
 * ({@link OutputLockedError}); a lock whose owner is gone (same host, pid no longer alive — kill -9,
 * power loss) is stale and taken over. The lock is re-entrant within a process (an ensemble inside a
 * command that already holds it) and released when the last holder is done or the process exits. Its
 * owner, on taking it, removes the temp files a killed run left in the folder (older than its start).
 */
import { hostname } from 'node:os';
import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { environmentError, ExperimentInputError } from './errors.js';
import { prepareOutputDir, removeStaleTempFiles, tempName } from './files.js';

/** Name of the lock file inside a locked output folder. */
export const LOCK_FILE = '.talentsim.lock';

/** A lock file older than this with unreadable content (its writer died while creating it) is stale. */
const UNREADABLE_LOCK_STALE_MS = 10_000;

/** Who holds a lock (the content of the lock file). */
export interface LockOwner {
  pid: number;
  host: string;
  /** ISO start time. */
  started: string;
  command?: string;
}

/** The output folder is locked by another live run. */
export class OutputLockedError extends ExperimentInputError {
  override readonly name = 'OutputLockedError';
  /** The lock's owner, when its file could be read. */
  readonly owner: LockOwner | undefined;
  constructor(dir: string, owner: LockOwner | undefined) {
    const who = owner ? `pid ${owner.pid} on ${owner.host}, started ${owner.started}${owner.command ? `: ${owner.command}` : ''}` : 'owner unknown';
    super(
      `${dir}: in use by another talentsim run (${who}); wait for it to finish or give another output folder. ` +
        `If that run no longer exists (e.g. on another machine), delete ${join(dir, LOCK_FILE)}`,
    );
    this.owner = owner;
  }
}

interface Held {
  path: string;
  owner: LockOwner;
  count: number;
}

/** Locks this process holds, by absolute folder path. */
const held = new Map<string, Held>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const h of held.values()) {
      try {
        if (sameOwner(JSON.parse(readFileSync(h.path, 'utf8')) as LockOwner, h.owner)) unlinkSync(h.path);
      } catch {
        // already gone
      }
    }
  });
}

function sameOwner(a: LockOwner | undefined, b: LockOwner): boolean {
  return !!a && a.pid === b.pid && a.host === b.host && a.started === b.started;
}

/** True if process `pid` exists on this host (EPERM: it exists, owned by someone else). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const o = JSON.parse(await readFile(path, 'utf8')) as LockOwner;
    return o && typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.started === 'string' ? o : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a lock file found in place can be taken over: its owner is gone. */
async function isStale(path: string, owner: LockOwner | undefined): Promise<boolean> {
  if (!owner) {
    const s = await stat(path).catch(() => undefined);
    return !s || Date.now() - s.mtimeMs > UNREADABLE_LOCK_STALE_MS;
  }
  if (owner.host !== hostname()) return false; // cannot tell whether a process on another machine lives
  if (owner.pid === process.pid) return true; // not held by this process (see `held`): a previous process with our pid
  return !alive(owner.pid);
}

/** Creates the lock file exclusively; false if it exists. */
async function tryCreate(path: string, owner: LockOwner): Promise<boolean> {
  let h;
  try {
    h = await open(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw environmentError(e, 'create the lock file', path);
  }
  try {
    await h.writeFile(JSON.stringify(owner) + '\n');
    await h.sync();
  } catch (e) {
    await h.close().catch(() => undefined);
    await rm(path, { force: true });
    throw environmentError(e, 'write the lock file', path);
  }
  await h.close();
  return true;
}

/** A lock held on an output folder; `release` once. */
export interface OutputLock {
  readonly dir: string;
  /** When the lock was taken (ms since the epoch). */
  readonly since: number;
  release(): Promise<void>;
}

/**
 * Takes the lock of output folder `dir` (creating the folder); throws {@link OutputLockedError} if a live
 * run holds it. Re-entrant within this process.
 */
export async function lockOutputDir(dir: string, options: { command?: string } = {}): Promise<OutputLock> {
  await prepareOutputDir(dir);
  const key = resolve(dir);
  const path = join(key, LOCK_FILE);
  const mine = held.get(key);
  if (mine) {
    mine.count++;
    return handle(dir, key, Date.parse(mine.owner.started));
  }
  const owner: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString(), ...(options.command ? { command: options.command } : {}) };
  for (let attempt = 0; ; attempt++) {
    if (await tryCreate(path, owner)) break;
    const found = await readOwner(path);
    if (attempt >= 2 || !(await isStale(path, found))) throw new OutputLockedError(dir, found);
    // Take over the stale lock: move it aside first (atomic), then check that what we moved is what we
    // judged stale; if another process took the lock over meanwhile, put it back and report it as held.
    const aside = tempName(path);
    try {
      await rename(path, aside);
    } catch {
      continue; // gone meanwhile: try again
    }
    const moved = await readOwner(aside);
    if (found && moved && !sameOwner(moved, found)) {
      await rename(aside, path).catch(() => undefined);
      throw new OutputLockedError(dir, moved);
    }
    await rm(aside, { force: true });
  }
  installExitHook();
  held.set(key, { path, owner, count: 1 });
  const since = Date.parse(owner.started);
  await removeStaleTempFiles(key, since);
  return handle(dir, key, since);
}

function handle(dir: string, key: string, since: number): OutputLock {
  let released = false;
  return {
    dir,
    since,
    async release() {
      if (released) return;
      released = true;
      const h = held.get(key);
      if (!h || --h.count > 0) return;
      held.delete(key);
      if (sameOwner(await readOwner(h.path), h.owner)) {
        // Every writer of this run has finished or was stopped (a worker thread terminated mid-write when
        // another replicate failed, e.g. on a full disk, never reaches its own cleanup): no temp file under
        // the folder can be live, so none is left behind.
        await removeStaleTempFiles(key, Number.POSITIVE_INFINITY);
        await rm(h.path, { force: true });
      }
    },
  };
}

/** Runs `fn` holding the lock of `dir` (see {@link lockOutputDir}); without a folder, just runs it. */
export async function withOutputLock<T>(dir: string | undefined, fn: () => Promise<T>, options: { command?: string } = {}): Promise<T> {
  if (dir === undefined) return fn();
  const lock = await lockOutputDir(dir, options);
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}

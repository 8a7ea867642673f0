/**
 * Errors of the experiment layer, by who can fix them: {@link ExperimentInputError} is the user's input (a
 * bad option, a resume against changed scenarios, a corrupted or foreign output folder: exit 2 in the CLI);
 * {@link EnvironmentError} is the machine (disk full, read-only file system, permission denied: exit 1),
 * always naming the file and the cause in words.
 */

/** Bad experiment input (inconsistent shards, a resume against changed scenarios, a bad shard spec...). */
export class ExperimentInputError extends Error {
  override readonly name: string = 'ExperimentInputError';
  /** Every problem found, one message each. */
  readonly problems: readonly string[];
  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    super(list.join('\n'));
    this.problems = list;
  }
}

/** What file-system error codes mean, in words (the code itself is added in parentheses). */
const CAUSES: Readonly<Record<string, string>> = {
  ENOSPC: 'disk full (no space left on the device)',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for the file system',
  EIO: 'input/output error (the disk or network file system failed)',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'is a folder, not a file',
  EEXIST: 'already exists',
  ENOENT: 'no such file or folder',
  ENOTEMPTY: 'a folder that is not empty is in the way',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on the system',
  ENAMETOOLONG: 'file name too long',
  ELOOP: 'too many levels of symbolic links',
  EBUSY: 'the file or device is busy',
  ETXTBSY: 'the file is busy',
  ESTALE: 'stale network file handle',
  ENXIO: 'no such device',
  ENODEV: 'no such device',
};

/** The cause of a file-system error in words, e.g. "disk full (no space left on the device) [ENOSPC]". */
export function fsCause(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && CAUSES[code]) return `${CAUSES[code]} [${code}]`;
  const message = e instanceof Error ? e.message : String(e);
  return code ? `${message} [${code}]` : message;
}

/** True for an error the operating system raised about a file (it has an errno code such as ENOSPC). */
export function isFsError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z0-9]+$/.test((e as NodeJS.ErrnoException).code!);
}

/**
 * A failure of the machine, not of the input: a file could not be written or read because the disk is
 * full, the file system is read-only, permission is denied, the device failed... Names the file, what
 * was being done and the cause in words; `code` is the errno code (ENOSPC, EROFS, EIO…).
 */
export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';
  /** The file or folder concerned. */
  readonly path: string;
  /** The errno code, e.g. "ENOSPC" (undefined if the failure had none). */
  readonly code: string | undefined;
  /** `action` is what could not be done ("write", "create the folder"…), `cause` the file-system error. */
  constructor(action: string, path: string, cause: unknown) {
    super(`cannot ${action} ${path}: ${fsCause(cause)}`, { cause });
    this.path = path;
    this.code = (cause as NodeJS.ErrnoException | undefined)?.code;
  }

  /** Plain data of the error, to cross from a worker thread (a class does not survive the structured clone). */
  toData(): EnvironmentErrorData {
    return { message: this.message, path: this.path, code: this.code };
  }

  /** The error again from {@link toData}'s data. */
  static fromData(data: EnvironmentErrorData): EnvironmentError {
    const e = new EnvironmentError('', data.path, undefined);
    e.message = data.message;
    (e as { code: string | undefined }).code = data.code;
    return e;
  }
}

/** An {@link EnvironmentError} as plain data. */
export interface EnvironmentErrorData {
  message: string;
  path: string;
  code: string | undefined;
}

/**
 * `e` as an {@link EnvironmentError} about `path` when it is a file-system error (errors that already
 * are one, and errors of other kinds, are returned unchanged).
 */
export function environmentError(e: unknown, action: string, path: string): unknown {
  if (e instanceof EnvironmentError || e instanceof ExperimentInputError || !isFsError(e)) return e;
  return new EnvironmentError(action, path, e);
}

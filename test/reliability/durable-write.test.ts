// Issue 17, items 1, 16 and 18 at the level of the one durable write: short writes are continued until
// every byte is taken, each write returns its size and SHA-256, file-system errors name the file and the
// cause in words, an output folder that is a file is the user's to correct, and the temp files a killed
// run left are recognised and removed (only those older than the lock owner's start).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvironmentError, ExperimentInputError, fsCause } from '../../src/experiment/errors.js';
import { prepareOutputDir, removeStaleTempFiles, tempName, TEMP_FILE_PATTERN, writeAll, writeFileDurable, writeStreamDurable } from '../../src/experiment/files.js';
import { temp } from './helpers.js';

describe('issue 17 item 1: every write loop handles short writes', () => {
  it('calls write again after a short write until all bytes are taken', async () => {
    const taken: number[] = [];
    const got: Buffer[] = [];
    // A file handle that takes at most 7 bytes per call, as a nearly full disk does.
    const handle = {
      write: async (buf: Uint8Array, offset: number, length: number) => {
        const n = Math.min(7, length);
        taken.push(n);
        got.push(Buffer.from(buf.subarray(offset, offset + n)));
        return { bytesWritten: n, buffer: buf };
      },
    };
    const data = Buffer.from('scenario,replicate,seed,year,metric,value\n'.repeat(3));
    await writeAll(handle as never, data);
    expect(Buffer.concat(got).equals(data)).toBe(true);
    expect(taken.length).toBe(Math.ceil(data.length / 7));
  });

  it('raises EIO instead of looping when the device takes nothing', async () => {
    const handle = { write: async () => ({ bytesWritten: 0, buffer: Buffer.alloc(0) }) };
    await expect(writeAll(handle as never, Buffer.from('abc'))).rejects.toMatchObject({ code: 'EIO' });
  });

  it('returns the size and SHA-256 of what it wrote, streamed or whole', async () => {
    const dir = temp();
    const text = 'a,b\n1,2\n'.repeat(200_000); // more than the 1 MiB stream buffer
    const whole = await writeFileDurable(join(dir, 'whole.csv'), text);
    const streamed = await writeStreamDurable(join(dir, 'streamed.csv'), async (write) => {
      for (let i = 0; i < 200_000; i++) await write('a,b\n1,2\n');
    });
    const expected = { bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') };
    expect(whole).toEqual(expected);
    expect(streamed).toEqual(expected);
    expect(readFileSync(join(dir, 'streamed.csv'), 'utf8')).toBe(text);
    expect(readdirSync(dir).sort()).toEqual(['streamed.csv', 'whole.csv']); // no temp file left
  });
});

describe('issue 17 item 16: file-system failures in words, user-correctable ones as input errors', () => {
  it('names the cause in words with its code', () => {
    expect(fsCause(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe('disk full (no space left on the device) [ENOSPC]');
    expect(fsCause(Object.assign(new Error('x'), { code: 'EROFS' }))).toBe('read-only file system [EROFS]');
    expect(fsCause(Object.assign(new Error('x'), { code: 'EIO' }))).toMatch(/^input\/output error/);
  });

  it('refuses an output folder that is a file (or lies under one) as an input error', async () => {
    const dir = temp();
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    await expect(prepareOutputDir(file)).rejects.toThrow(ExperimentInputError);
    await expect(prepareOutputDir(file)).rejects.toThrow(/a-file: is a file, not a folder/);
    await expect(prepareOutputDir(join(file, 'sub'))).rejects.toThrow(/is a file, not a folder/);
    await expect(prepareOutputDir('')).rejects.toThrow(/non-empty path/);
  });

  it('throws an EnvironmentError naming the target when the write fails', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'target.csv')); // a folder where the file should go: the rename fails
    const e = await writeFileDurable(join(dir, 'target.csv'), 'x').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(EnvironmentError);
    expect((e as Error).message).toContain(join(dir, 'target.csv'));
    expect(readdirSync(dir)).toEqual(['target.csv']); // the temp file was removed
  });
});

describe('issue 17 item 18: temp files left by a killed run are recognised and removed', () => {
  it('gives temp files a recognisable name beside their target', () => {
    const t = tempName('/x/parts/baseline/3.csv');
    expect(t.startsWith('/x/parts/baseline/.3.csv.')).toBe(true);
    expect(TEMP_FILE_PATTERN.test(t.slice(t.lastIndexOf('/') + 1))).toBe(true);
    expect(TEMP_FILE_PATTERN.test('3.csv')).toBe(false);
    expect(TEMP_FILE_PATTERN.test('.notes.tmp')).toBe(false);
  });

  it('removes only temp-named files older than the given start, at any depth of the folder', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'parts', 'baseline'), { recursive: true });
    const old = join(dir, 'parts', 'baseline', '.3.csv.4242.0badcafe.tmp');
    const fresh = join(dir, 'parts', 'baseline', '.4.csv.4243.0badf00d.tmp');
    const other = join(dir, '.hidden.tmp');
    for (const f of [old, fresh, other]) writeFileSync(f, 'partial');
    const start = Date.now();
    utimesSync(old, new Date(start - 60_000), new Date(start - 60_000));
    utimesSync(fresh, new Date(start + 60_000), new Date(start + 60_000));
    const removed = await removeStaleTempFiles(dir, start);
    expect(removed).toEqual([old]);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });
});

/**
 * `talentsim explore`: the static server (GET/HEAD of files under the built page only, content types,
 * 127.0.0.1 only, no way out of the folder), the words when the page is not built, --no-serve, a taken
 * port, and the real binary printing its URL and stopping cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExplore, serveExplorer, type ExplorerServer } from '../../src/cli/commands/explore.js';
import type { CliIo } from '../../src/cli/io.js';
import { BIN, ROOT } from '../cli/cli-helpers.js';

/** A raw request (the path is sent as given, not normalised as fetch would). */
function get(port: number, path: string, method = 'GET'): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function captureIo(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe('the explorer server', () => {
  let dir: string;
  let server: ExplorerServer;

  beforeAll(async () => {
    const top = mkdtempSync(join(tmpdir(), 'talentsim-explore-'));
    dir = join(top, 'dist');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(dir, 'assets', 'app.css'), 'body{}');
    writeFileSync(join(dir, 'data.bin'), 'xx');
    writeFileSync(join(top, 'secret.txt'), 'outside');
    symlinkSync(join(top, 'secret.txt'), join(dir, 'link.txt'));
    server = await serveExplorer(dir, 0);
  });
  afterAll(async () => server?.close());

  it('listens on 127.0.0.1 only and serves index.html for /', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const r = await get(server.port, '/');
    expect(r).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>x</title>' });
  });

  it('gives each file its content type', async () => {
    expect((await get(server.port, '/assets/app.js')).type).toBe('text/javascript; charset=utf-8');
    expect((await get(server.port, '/assets/app.css?v=1')).type).toBe('text/css; charset=utf-8');
    expect((await get(server.port, '/data.bin')).type).toBe('application/octet-stream');
    const head = await get(server.port, '/index.html', 'HEAD');
    expect([head.status, head.body]).toEqual([200, '']);
  });

  it('answers 404 for missing files and anything outside the folder, 405 for other methods', async () => {
    for (const path of ['/missing.js', '/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/link.txt', '/assets', '/%zz', '/a%00b']) {
      expect((await get(server.port, path)).status, path).toBe(404);
    }
    const post = await get(server.port, '/', 'POST');
    expect(post.status).toBe(405);
  });
});

describe('talentsim explore', () => {
  it('says how to build the page when it is not built, and exits 1', async () => {
    const io = captureIo();
    const code = await runExplore({ port: 0, open: false, serve: true }, io, { dir: join(tmpdir(), 'talentsim-no-such-dist') });
    expect(code).toBe(1);
    expect(io.err).toMatch(/the explorer page is not built .*npm run build:explorer/);
  });

  it('prints the built file\'s address with --no-serve', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talentsim-explore-'));
    writeFileSync(join(dir, 'index.html'), '');
    const io = captureIo();
    expect(await runExplore({ port: 0, open: false, serve: false }, io, { dir })).toBe(0);
    expect(io.out).toBe(`explorer: ${pathToFileURL(join(dir, 'index.html')).href}\n`);
  });

  it('serves until told to stop, and exits 1 with words when the port is taken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talentsim-explore-'));
    writeFileSync(join(dir, 'index.html'), 'hi');
    const io = captureIo();
    let port = 0;
    const first = runExplore({ port: 0, open: false, serve: true }, io, {
      dir,
      until: async (s) => {
        port = s.port;
        expect((await get(s.port, '/')).body).toBe('hi');
        const io2 = captureIo();
        expect(await runExplore({ port: s.port, open: false, serve: true }, io2, { dir, until: async () => undefined })).toBe(1);
        expect(io2.err).toMatch(new RegExp(`port ${s.port} is already in use; choose another port with --port`));
      },
    });
    expect(await first).toBe(0);
    expect(io.out).toContain(`explorer: http://127.0.0.1:${port}/`);
    await expect(get(port, '/')).rejects.toThrow();
  });

  it('rejects a port that is not one, as a usage error', async () => {
    await expect(runExplore({ port: 70000, open: false, serve: true }, captureIo())).rejects.toThrow(/--port: expected a whole number from 0 to 65535/);
  });

  it('the binary prints the URL of the built page and stops with exit 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'explore', '--port', '0'], { cwd: ROOT });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        const m = /explorer: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error(`explore exited early: ${out}${err}`)));
    });
    const page = await get(Number(new URL(url).port), '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Content-Security-Policy');
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(out).toContain('explorer stopped');
  }, 60_000);

  it('is listed in the help with its options', async () => {
    const child = spawn(process.execPath, [BIN, 'explore', '--help'], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await new Promise((r) => child.on('close', r));
    for (const o of ['--port', '--open', '--serve']) expect(out).toContain(o);
  }, 60_000);
});

/**
 * `explore`: serves the built explorer page (explorer/dist, made by `npm run build:explorer`) on
 * 127.0.0.1 and prints its URL, or with --no-serve prints the built file's address. The server is a tiny
 * static one: GET and HEAD of files under dist only, with their content types; nothing else.
 */
import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineCommand } from '../command.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';

/** The built page's folder in the package (from src/cli/commands or dist/cli/commands alike). */
export const EXPLORER_DIST: string = fileURLToPath(new URL('../../../explorer/dist/', import.meta.url));

/** The default port of `talentsim explore`. */
export const EXPLORE_PORT = 5180;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** A running explorer server. */
export interface ExplorerServer {
  /** http://127.0.0.1:PORT/ */
  url: string;
  port: number;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

/** The file under `root` that a request path names, or undefined if it names none (or leaves root). */
async function fileFor(root: string, urlPath: string): Promise<string | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || !path.startsWith('/')) return undefined;
  if (path.endsWith('/')) path += 'index.html';
  const candidate = join(root, ...path.split('/').filter((s) => s !== ''));
  if (path.split('/').includes('..')) return undefined;
  try {
    const real = realpathSync(candidate);
    if (real !== root && !real.startsWith(root + sep)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/** Serves the files of `dir` on 127.0.0.1:`port` (0: any free port). Rejects if the port cannot be bound. */
export async function serveExplorer(dir: string = EXPLORER_DIST, port: number = EXPLORE_PORT): Promise<ExplorerServer> {
  const root = realpathSync(dir);
  const server: Server = createServer((req, res) => {
    const send = (status: number, text: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'only GET and HEAD\n', { Allow: 'GET, HEAD' });
      return;
    }
    void fileFor(root, req.url ?? '/').then(async (file) => {
      if (!file) {
        send(404, 'not found\n');
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, {
          'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Length': String(body.length),
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        send(500, 'cannot read the file\n');
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${bound}/`,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Opens `target` in the desktop's default browser; false if no opener could be started. */
function openInBrowser(target: string): Promise<boolean> {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [target]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', target]] : ['xdg-open', [target]];
  return new Promise((resolve) => {
    try {
      const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}

/** Arguments of `explore`. */
export interface ExploreArgs {
  port: number;
  open: boolean;
  serve: boolean;
}

/** Options of {@link runExplore} (tests stop the server with `until`; the CLI waits for Ctrl-C). */
export interface RunExploreOptions {
  /** The built page's folder (default: the package's explorer/dist). */
  dir?: string;
  /** Resolves when the server should stop (default: SIGINT or SIGTERM, then the process exits). */
  until?: (server: ExplorerServer) => Promise<void>;
}

/** Stops on Ctrl-C or SIGTERM: closes the server and ends the process with exit 0 (before any other interrupt handler runs). */
function untilSignal(io: CliIo): (server: ExplorerServer) => Promise<void> {
  return (server) =>
    new Promise<void>((resolve) => {
      if (!io.onInterrupt) return resolve();
      io.onInterrupt(() => {
        void server.close();
        io.stdout('explorer stopped\n');
        return EXIT.ok;
      });
    });
}

/** Runs `explore`: 0 after serving (or printing the file), 1 if the page is not built or the port is taken. */
export async function runExplore(args: ExploreArgs, io: CliIo, options: RunExploreOptions = {}): Promise<number> {
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new UsageError(`--port: expected a whole number from 0 to 65535; found ${args.port}`);
  const dir = options.dir ?? EXPLORER_DIST;
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    io.stderr(`talentsim explore: the explorer page is not built (${index} is missing). Build it with \`npm run build:explorer\` in the talentsim folder, then run \`talentsim explore\` again.\n`);
    return EXIT.failure;
  }
  if (!args.serve) {
    const file = pathToFileURL(index).href;
    io.stdout(`explorer: ${file}\n`);
    if (args.open && !(await openInBrowser(file))) io.stdout('could not start a browser: open the address above yourself\n');
    return EXIT.ok;
  }
  let server: ExplorerServer;
  try {
    server = await serveExplorer(dir, args.port);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? `port ${args.port} is already in use` : code === 'EACCES' ? `no permission to listen on port ${args.port}` : (e as Error).message;
    io.stderr(`talentsim explore: cannot serve the explorer: ${why}; choose another port with --port (0 picks a free one).\n`);
    return EXIT.failure;
  }
  io.stdout(`explorer: ${server.url}  (serving ${dir} on 127.0.0.1 only; Ctrl-C stops)\n`);
  if (args.open && !(await openInBrowser(server.url))) io.stdout('could not start a browser: open the address above yourself\n');
  await (options.until ?? untilSignal(io))(server);
  await server.close();
  return EXIT.ok;
}

export default defineCommand({
  command: 'explore',
  describe: 'serve the explorer page (run the model in the browser) on 127.0.0.1 and print its URL',
  builder: (y) =>
    y
      .option('port', { type: 'number', default: EXPLORE_PORT, describe: 'port on 127.0.0.1 (0: any free port)' })
      .option('open', { type: 'boolean', default: false, describe: 'open the page in the default browser' })
      .option('serve', { type: 'boolean', default: true, describe: 'serve the page (--no-serve: print the built file\'s address instead)' }),
  run: (args, { io }) => runExplore(args, io),
});

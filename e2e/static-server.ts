/**
 * A plain static file server for tests that must run without Vite: what a
 * course site's web server does with the package. Serves folders under URL
 * prefixes and a few pages from memory, on 127.0.0.1 (a secure context, so
 * WebGPU is on) and a free port. Nothing is transformed: a file is sent as
 * it is, with its type.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

export interface StaticServer {
  /** The server's origin, e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  close(): Promise<void>;
}

export interface StaticSite {
  /** URL prefix (ending in /) → folder on disk: `{ '/lib/': 'dist/lib' }`. */
  readonly folders?: Readonly<Record<string, string>>;
  /** URL path → text, served as the type its extension says: `{ '/embed.html': '<!doctype html>…' }`. */
  readonly pages?: Readonly<Record<string, string>>;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

function typeOf(path: string): string {
  return TYPES[extname(path)] ?? 'application/octet-stream';
}

/** The file a URL path names under a folder, or undefined when the path would leave it. */
function fileUnder(folder: string, rest: string): string | undefined {
  const root = resolve(folder);
  const file = resolve(root, normalize(decodeURIComponent(rest)).replace(/^([/\\])+/, ''));
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

export async function serveStatic(site: StaticSite): Promise<StaticServer> {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const page = site.pages?.[path];
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': typeOf(path) }).end(page);
      return;
    }
    for (const [prefix, folder] of Object.entries(site.folders ?? {})) {
      if (!path.startsWith(prefix)) continue;
      const file = fileUnder(folder, path.slice(prefix.length));
      if (!file) break;
      try {
        const body = await readFile(file);
        response.writeHead(200, { 'content-type': typeOf(file) }).end(body);
      } catch {
        response.writeHead(404).end(`Not found: ${join(prefix, path.slice(prefix.length))}`);
      }
      return;
    }
    response.writeHead(404).end(`Not found: ${path}`);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
  };
}

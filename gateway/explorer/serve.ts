import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

/** Where `npm run explorer:build` writes the explorer (gateway/explorer/build.ts). */
export const EXPLORER_DIST = path.join(__dirname, 'dist');
/** The build's identity (a hash of its inputs), written last: its presence means a complete build. */
export const BUILD_STAMP = 'build-id.txt';
/** Where the page loads its scripts, styles and workers from. */
export const ASSET_PREFIX = '/explorer/';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * The browser may load nothing from anywhere but the gateway: no CDN, no web font, no analytics.
 * Inline styles are Monaco's (it positions editor lines with style attributes); data: URLs are the
 * icons and fonts that GraphiQL's stylesheet embeds.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>SSM API explorer</title>
<p>The explorer has not been built. Run <code>npm run explorer:build</code> (<code>npm start</code> and
<code>npm test</code> build it), then reload this page.</p></html>`;

/**
 * The self-hosted explorer step of the gateway: `GET /graphql` from a browser (Accept: text/html)
 * gets the explorer page, `GET /explorer/*` its files, all from the bundle built at build time.
 * Every other request passes on to the API.
 */
export class Explorer {
  constructor(private readonly dir = EXPLORER_DIST) {}

  /** Whether the request is the explorer's (its page or one of its files) rather than the API's. */
  wants(req: http.IncomingMessage, pathname: string): boolean {
    if (req.method !== 'GET') return false;
    if (pathname === '/graphql') return (req.headers.accept ?? '').includes('text/html');
    return pathname.startsWith(ASSET_PREFIX);
  }

  /** Answers a request that `wants` said is the explorer's. */
  answer(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    return this.send(req, res, pathname === '/graphql' ? 'index.html' : pathname.slice(ASSET_PREFIX.length));
  }

  private async send(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    const file = path.resolve(this.dir, name);
    const type = CONTENT_TYPES[path.extname(file)];
    // Only files of the bundle's own kinds, inside the bundle's folder: no path escapes it.
    if (!type || !file.startsWith(this.dir + path.sep)) return notFound(res);
    const build = this.buildId();
    if (!build) {
      res.writeHead(name === 'index.html' ? 503 : 404, { 'content-type': CONTENT_TYPES['.html'] });
      res.end(NOT_BUILT);
      return;
    }
    const etag = `"${build}-${name}"`;
    const headers = {
      'content-type': type,
      // Names are fixed across builds: revalidate every time, a 304 when nothing changed.
      'cache-control': 'no-cache',
      etag,
      'x-content-type-options': 'nosniff',
      ...(name === 'index.html' ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return notFound(res);
    }
    res.writeHead(200, { ...headers, 'content-length': body.length });
    res.end(body);
  }

  /** The current build's id, or null while there is none (read per request: builds replace it). */
  private buildId(): string | null {
    try {
      return readFileSync(path.join(this.dir, BUILD_STAMP), 'utf8').trim();
    } catch {
      return null;
    }
  }
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found.');
}

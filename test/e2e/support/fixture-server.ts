import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export interface FixtureRequest {
  /** Host header, lower-cased, port stripped. */
  host: string;
  /** Pathname only; the query string is in `url`. */
  path: string;
  /** The request target as sent (pathname plus query string). */
  url: string;
  method: string;
  scheme: 'http' | 'https';
  headers: Record<string, string | string[] | undefined>;
  /** Date.now() when the request head arrived. */
  at: number;
}

export interface FixtureResponse {
  body: string;
  /** Content-Type; defaults to HTML. */
  type?: string;
  status?: number;
  headers?: Record<string, string>;
}

export interface FixtureServer {
  port: number;
  /** Answer host+pathname with this response (the query string is ignored); the latest registration wins. */
  route(host: string, path: string, response: FixtureResponse): void;
  /** Every request received, in order, except favicons and Chromium's own background traffic. */
  requests: FixtureRequest[];
  /** Requests to this host (port stripped), or those matching a predicate. */
  requestsTo(host: string | ((request: FixtureRequest) => boolean)): FixtureRequest[];
  /** Forget recorded requests; routes stay. */
  clear(): void;
  close(): Promise<void>;
}

const TLS_HANDSHAKE = 0x16;
const HTML_TYPE = 'text/html; charset=utf-8';

interface Certificate {
  key: Buffer;
  cert: Buffer;
}

// openssl takes a noticeable fraction of a second, and every test starts a server.
let certificate: Promise<Certificate> | undefined;

function selfSignedCertificate(): Promise<Certificate> {
  certificate ??= (async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fixture-cert-'));
    try {
      const keyFile = path.join(dir, 'key.pem');
      const certFile = path.join(dir, 'cert.pem');
      await promisify(execFile)('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=fixture',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ]);
      return { key: await readFile(keyFile), cert: await readFile(certFile) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
  // A failed attempt must not poison every later server in this process.
  certificate.catch(() => {
    certificate = undefined;
  });
  return certificate;
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);
}

/** A minimal valid HTML5 page. The title is escaped; bodyHtml is inserted as markup. */
export function html(title: string, bodyHtml: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${bodyHtml}</body></html>`;
}

function hostOf(hostHeader: string | undefined): string {
  if (!hostHeader) return '';
  const host = hostHeader.toLowerCase();
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end === -1 ? host : host.slice(0, end + 1);
  }
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

/**
 * Chromium's own start-up traffic, which the catch-all host mapping sends here despite the
 * quiet-network flags: component update checks and the Google accounts cookie probe.
 */
function isBrowserBackgroundRequest(req: IncomingMessage, host: string, pathname: string): boolean {
  return (
    req.headers['x-goog-update-updater'] !== undefined ||
    (host === 'accounts.google.com' && pathname === '/ListAccounts')
  );
}

function pathnameOf(target: string): string {
  const query = target.search(/[?#]/);
  return query === -1 ? target : target.slice(0, query);
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const tls = await selfSignedCertificate();
  const routes = new Map<string, FixtureResponse>();
  const requests: FixtureRequest[] = [];
  const sockets = new Set<Socket>();
  const routeKey = (host: string, pathname: string) => `${host.toLowerCase()} ${pathname}`;

  const handle = (scheme: 'http' | 'https') => (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const host = hostOf(req.headers.host);
    const pathname = pathnameOf(url);
    const method = req.method ?? 'GET';
    // Chromium asks for these on its own; recording them would make request counts flaky.
    if (pathname === '/favicon.ico' || isBrowserBackgroundRequest(req, host, pathname)) {
      res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
      return;
    }
    requests.push({
      host,
      path: pathname,
      url,
      method,
      scheme,
      headers: req.headers,
      at: Date.now(),
    });
    const response = routes.get(routeKey(host, pathname)) ?? {
      body: html(host + pathname, `<h1 id="fixture">${escapeHtml(`${host} ${pathname}`)}</h1>`),
    };
    const headers: Record<string, string> = {
      'content-type': response.type ?? HTML_TYPE,
      'cache-control': 'no-store',
    };
    // Lower-cased so a route's 'Cache-Control' replaces the default instead of being sent twice.
    for (const [name, value] of Object.entries(response.headers ?? {})) {
      headers[name.toLowerCase()] = value;
    }
    res.writeHead(response.status ?? 200, headers);
    res.end(method === 'HEAD' ? undefined : response.body);
  };

  const httpServer = http.createServer(handle('http'));
  const httpsServer = https.createServer({ key: tls.key, cert: tls.cert }, handle('https'));
  // Browsers drop connections mid-handshake when they give up on a host; that is not a failure.
  httpsServer.on('tlsClientError', () => {});
  httpServer.on('clientError', (_error, socket) => socket.destroy());

  const front = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.once('data', (chunk) => {
      // Put the peeked bytes back so the chosen server parses the stream from its first byte.
      socket.pause();
      socket.unshift(chunk);
      const target = chunk[0] === TLS_HANDSHAKE ? httpsServer : httpServer;
      target.emit('connection', socket);
      // Resume only after the server has attached its own listeners in the emit above.
      process.nextTick(() => socket.resume());
    });
  });

  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(0, '127.0.0.1', () => {
      front.off('error', reject);
      resolve();
    });
  });
  const { port } = front.address() as AddressInfo;

  return {
    port,
    requests,
    route(host, pathname, response) {
      routes.set(routeKey(host, pathname), response);
    },
    requestsTo(host) {
      if (typeof host === 'function') return requests.filter(host);
      const wanted = host.toLowerCase();
      return requests.filter((request) => request.host === wanted);
    },
    clear() {
      // Keep the array identity: callers may hold `server.requests`.
      requests.length = 0;
    },
    async close() {
      const closed = new Promise<void>((resolve) => front.close(() => resolve()));
      // Browsers keep idle keep-alive connections open, and close() waits for them.
      for (const socket of sockets) socket.destroy();
      httpServer.close();
      httpsServer.close();
      await closed;
    },
  };
}

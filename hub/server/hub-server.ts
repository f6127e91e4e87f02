// Serves a hub app over HTTP with its WebSockets, the one way main.ts, the socket tests and the
// fan-out bench all run it, so the socket limits below hold everywhere.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { HubApp } from './app';
import { DEFAULT_LIMITS } from './limits';

export interface HubServer {
  server: ServerType;
  /** Closes every socket (1001), stops listening and resolves once the server has closed. */
  close(): Promise<void>;
}

/** A peer that doesn't answer the closing handshake is cut off after this long. */
const CLOSE_GRACE_MS = 1_000;

export function serveHub(
  app: HubApp,
  options: { hostname: string; port: number; maxMessageBytes?: number },
  onListening?: (info: AddressInfo) => void,
): HubServer {
  // ws enforces the size cap while reading a frame, before the hub sees a byte of it (1009).
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes ?? DEFAULT_LIMITS.socketMessageBytes,
  });
  const server = serve(
    {
      fetch: app.fetch,
      port: options.port,
      hostname: options.hostname,
      websocket: { server: sockets },
    },
    onListening,
  );
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets.clients) socket.close(1001, 'The hub is stopping.');
        const cutOff = setTimeout(() => {
          for (const socket of sockets.clients) socket.terminate();
        }, CLOSE_GRACE_MS);
        cutOff.unref();
        sockets.close();
        server.close(() => {
          clearTimeout(cutOff);
          resolve();
        });
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      }),
  };
}

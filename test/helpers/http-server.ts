/**
 * Real HTTP servers on 127.0.0.1 for the outbound checks: each records the requests it got
 * and how many were in flight at once. Servers started in a test are closed when it ends.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

/** A request as the server saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** `performance.now()` when it arrived. */
  at: number;
}

/** Requests in flight, counted over one or several servers. */
export interface InFlight {
  now: number;
  max: number;
}

/** A running test server. */
export interface TestServer {
  /** `http://localhost:<port>` (a host name, as links write them). */
  origin: string;
  port: number;
  requests: SeenRequest[];
  /** Requests in flight on this server. */
  inFlight: InFlight;
  /** Most connections open at once. */
  maxConnections: number;
  close(): Promise<void>;
}

/** What a handler answers with; `'reset'` destroys the connection without a response. */
export type Handler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  seen: SeenRequest,
) => void | Promise<void>;

/** Options of `startServer`. */
export interface ServerOptions {
  /** Also count in-flight requests here (shared by several servers). */
  shared?: InFlight;
  /** Origin written with 127.0.0.1 instead of localhost. */
  ipOrigin?: boolean;
}

/** Start a server on 127.0.0.1 and a free port; it closes when the current test ends. */
export async function startServer(
  handler: Handler,
  options: ServerOptions = {},
): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const inFlight: InFlight = { now: 0, max: 0 };
  let connections = 0;
  let maxConnections = 0;
  const server = http.createServer(async (req, res) => {
    const seen = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      at: performance.now(),
    };
    requests.push(seen);
    const counters = options.shared ? [inFlight, options.shared] : [inFlight];
    for (const counter of counters) {
      counter.now += 1;
      counter.max = Math.max(counter.max, counter.now);
    }
    let done = false;
    const end = () => {
      if (done) return;
      done = true;
      for (const counter of counters) counter.now -= 1;
    };
    res.on('close', end);
    try {
      await handler(req, res, seen);
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });
  server.on('connection', (socket) => {
    connections += 1;
    maxConnections = Math.max(maxConnections, connections);
    socket.on('close', () => {
      connections -= 1;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  onTestFinished(close);
  return {
    origin: `http://${options.ipOrigin ? '127.0.0.1' : 'localhost'}:${port}`,
    port,
    requests,
    inFlight,
    get maxConnections() {
      return maxConnections;
    },
    close,
  };
}

/** Wait `ms` milliseconds. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Answer with a status and optional headers and body. */
export function answer(
  res: http.ServerResponse,
  status: number,
  headers: Record<string, string> = {},
  body = '',
): void {
  res.writeHead(status, headers);
  res.end(body);
}

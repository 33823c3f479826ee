import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { INestApplication } from '@nestjs/common';

/** How long a stopping server waits for the requests it is serving: less than the usual 30 s before SIGKILL. */
const drainDeadlineMs = 10_000;

/**
 * On SIGTERM or SIGINT: stop taking connections, let those open finish the requests they carry (at most
 * drainDeadlineMs), then close the application (jobs, live sockets, database) and end by the signal. Nest's own
 * shutdown hooks stop the jobs and the database first and the HTTP server after: a request being served, or read just
 * then from a connection already open, could commit its post and never be answered, and its client, asking again,
 * post it twice.
 */
export function closeOnSignals(app: INestApplication): void {
  const server = app.getHttpServer() as Server;
  const connections = new Set<Socket>();
  let draining = false;
  let drained = () => {};
  const forget = (socket: Socket) => {
    connections.delete(socket);
    if (connections.size === 0) drained();
  };
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => forget(socket));
  });
  // A WebSocket leaves HTTP: the application's shutdown closes those.
  server.on('upgrade', (_request, socket: Socket) => forget(socket));
  // A connection is idle between requests: closed then, a request it sends later is refused, not half served.
  server.on('request', (_request, response: ServerResponse) => {
    response.once('close', () => {
      if (draining) server.closeIdleConnections();
    });
  });
  const drain = () =>
    new Promise<void>((resolve) => {
      const deadline = setTimeout(resolve, drainDeadlineMs);
      drained = () => {
        clearTimeout(deadline);
        resolve();
      };
      draining = true;
      if (connections.size === 0) drained();
      else server.closeIdleConnections();
    });
  const stop = async (signal: NodeJS.Signals) => {
    server.close();
    await drain();
    await app.close();
    process.kill(process.pid, signal);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, (received) => void stop(received));
}

import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
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
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });
  // A WebSocket leaves HTTP: the application's shutdown closes those.
  server.on('upgrade', (_request, socket: Socket) => connections.delete(socket));
  const stop = async (signal: NodeJS.Signals) => {
    server.close();
    const deadline = Date.now() + drainDeadlineMs;
    // A connection is idle between requests: closed then, a request it sends later is refused, not half served.
    while (connections.size > 0 && Date.now() < deadline) {
      server.closeIdleConnections();
      await delay(20);
    }
    await app.close();
    process.kill(process.pid, signal);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, (received) => void stop(received));
}

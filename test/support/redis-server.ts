import { ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { until } from './live-client.js';

/**
 * A free TCP port on loopback: nothing listens there once this returns. Chosen below Linux's ephemeral range
 * (32768-60999), where the kernel picks the local ports of outgoing connections: the tests' own connections to
 * PostgreSQL could take one there, and a redis-server started on it later could not listen (seen once in CI).
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const server = createServer();
    const listening = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (!listening) continue;
    await new Promise((resolve) => server.close(resolve));
    return port;
  }
}

/** A throwaway redis-server that keeps nothing on disk. */
export async function startRedis(port: number): Promise<ChildProcess> {
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  // Probed by connecting: a probe that listened on the port itself would take it from redis-server for that moment.
  await until(
    () =>
      new Promise<boolean>((resolve, reject) => {
        if (server.exitCode !== null) reject(new Error(`redis-server on port ${port} exited with code ${server.exitCode}`));
        const socket = connect(port, '127.0.0.1');
        socket.on('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      }),
    'redis-server listens',
  );
  return server;
}

export async function stopRedis(server: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGKILL');
  await exited;
}

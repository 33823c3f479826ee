import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { until } from './live-client.js';

/** A free TCP port on loopback: nothing listens there once this returns. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** A throwaway redis-server that keeps nothing on disk. */
export async function startRedis(port: number): Promise<ChildProcess> {
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  await until(
    () =>
      new Promise<boolean>((resolve) => {
        const socket = createServer().listen(port, '127.0.0.1');
        socket.on('listening', () => socket.close(() => resolve(false)));
        socket.on('error', () => resolve(true));
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

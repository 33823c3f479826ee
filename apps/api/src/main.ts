import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap.js';
import { EnvironmentError, loadEnvironment } from './config/environment.js';
import { DatabaseUnreachableError } from './database/database-reachability.js';
import { DemoSeedService } from './demo/demo-seed.service.js';
import { closeOnSignals } from './graceful-shutdown.js';

/** Where the server really listens, and the address to open in a browser (all interfaces: this machine's). */
function describeAddress(address: AddressInfo): string {
  const everywhere = address.address === '0.0.0.0' || address.address === '::';
  const host = address.family === 'IPv6' && !everywhere ? `[${address.address}]` : address.address;
  const open = `http://${everywhere ? 'localhost' : host}:${address.port}`;
  return everywhere
    ? `twofa-forum listening on all interfaces (${address.address}, port ${address.port}); open ${open} (GraphQL at /graphql)`
    : `twofa-forum listening on ${host}:${address.port}; open ${open} (GraphQL at /graphql)`;
}

/** Why the server could not listen where PORT and HOST say, for the errors an operator can fix there, and which setting to change. */
const listenProblems: Record<string, { settings: string; problem: string }> = {
  EADDRINUSE: { settings: 'PORT, HOST', problem: 'it is already in use (another server, or another instance of this one?)' },
  EACCES: { settings: 'PORT, HOST', problem: 'it needs privileges this process has not (ports below 1024)' },
  EADDRNOTAVAIL: { settings: 'PORT, HOST', problem: 'it is not an address of this machine' },
  ENOTFOUND: { settings: 'HOST', problem: 'the name does not resolve (a typo, or a name missing from DNS and /etc/hosts?)' },
  EAI_AGAIN: { settings: 'HOST', problem: 'the name could not be resolved just now (is DNS reachable? an IP address needs none)' },
};

try {
  const environment = loadEnvironment();
  const app = await createApp(environment);
  await app.listen(environment.PORT, environment.HOST).catch((error: NodeJS.ErrnoException) => {
    const known = listenProblems[error.code ?? ''];
    if (!known) throw error;
    throw new EnvironmentError([
      `${known.settings}: cannot listen on ${environment.HOST} port ${environment.PORT}: ${known.problem} (${error.code})`,
    ]);
  });
  closeOnSignals(app);
  new Logger('Main').log(describeAddress(app.getHttpServer().address() as AddressInfo));
  // Last, so it is not lost among the build and start-up lines.
  const credentials = app.get(DemoSeedService).takeStaffCredentialsNotice();
  if (credentials) console.log(credentials);
} catch (error) {
  if (error instanceof EnvironmentError || error instanceof DatabaseUnreachableError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

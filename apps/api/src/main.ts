import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { createApp, listen, ListenError } from './bootstrap.js';
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

try {
  const environment = loadEnvironment();
  const app = await createApp(environment);
  const address = await listen(app, environment.PORT, environment.HOST);
  closeOnSignals(app);
  new Logger('Main').log(describeAddress(address));
  // Only once the server listens: a start that fails leaves an empty database, for the next one to fill and show the
  // staff password of. Printed last, so it is not lost among the start-up lines.
  const credentials = await app.get(DemoSeedService).seedIfEmpty();
  if (credentials) console.log(credentials);
} catch (error) {
  if (error instanceof EnvironmentError || error instanceof DatabaseUnreachableError || error instanceof ListenError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap.js';
import { EnvironmentError, loadEnvironment } from './config/environment.js';

try {
  const environment = loadEnvironment();
  const app = await createApp(environment);
  await app.listen(environment.PORT, environment.HOST);
  new Logger('Main').log(`twofa-forum listening on ${await app.getUrl()} (GraphQL at /graphql)`);
} catch (error) {
  if (error instanceof EnvironmentError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

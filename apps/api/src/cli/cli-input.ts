import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { createLogger } from '../bootstrap.js';
import { AppError } from '../common/app-error.js';
import { loadEnvironment } from '../config/environment.js';
import { prepareSqliteFolder } from '../database/data-source-options.js';
import { waitForDatabase } from '../database/database-reachability.js';
import { UsersService } from '../users/users.service.js';

/** Everything on standard input, without the one trailing newline that `echo` or a typed Enter adds. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Bad flags: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

/**
 * Runs a users command-line tool: reads its flags, starts the app without its HTTP side, runs `action` with the
 * users service and prints what it returns. Sets the exit code: 0 done, 1 refused (an AppError), 2 bad flags.
 */
export async function runUsersCommand<Flags>(
  usage: string,
  readFlags: () => Promise<Flags>,
  refusal: string,
  action: (users: UsersService, flags: Flags) => Promise<string>,
): Promise<void> {
  process.exitCode = await runCommand(usage, readFlags, refusal, action).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  });
}

async function runCommand<Flags>(
  usage: string,
  readFlags: () => Promise<Flags>,
  refusal: string,
  action: (users: UsersService, flags: Flags) => Promise<string>,
): Promise<number> {
  let flags: Flags;
  try {
    flags = await readFlags();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${usage}`);
    return 2;
  }
  // A command-line tool never seeds the demo forum: its staff password would be shown to nobody. An account made
  // here makes the database non-empty, so `npm start` will not seed one later either.
  const environment = loadEnvironment({ ...process.env, SEED_DEMO: 'false' });
  prepareSqliteFolder(environment);
  // Someone is waiting at the terminal: an unreachable database is said at once, not after the server's retries.
  await waitForDatabase(environment, { attempts: 1, delaySeconds: 0 });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(environment), { logger: createLogger(environment, ['error']) });
  try {
    console.log(await action(app.get(UsersService), flags));
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(`${refusal}: ${error.message}`);
    return 1;
  } finally {
    await app.close();
  }
}

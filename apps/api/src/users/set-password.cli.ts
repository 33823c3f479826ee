import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppModule } from '../app.module.js';
import { SignUpInput } from '../auth/dto/sign-up.input.js';
import { createLogger } from '../bootstrap.js';
import { AppError } from '../common/app-error.js';
import { loadEnvironment } from '../config/environment.js';
import { readStdin } from './cli-input.js';
import { UsersService } from './users.service.js';

const usage = `Usage: npm run -s user:set-password -- --username NAME --password-stdin   (or --password PASSWORD, which the shell history and npm's output keep)`;

class UsageError extends Error {}

/** Reads the flags; the password follows the sign-up rule. Throws UsageError listing every problem. */
async function readFlags(): Promise<{ username: string; password: string }> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { username: { type: 'string' }, password: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const problems: string[] = [];
  if (!values.username) problems.push('--username is required');
  if (values.password !== undefined && values['password-stdin']) problems.push('give either --password or --password-stdin, not both');
  const password = values['password-stdin'] ? await readStdin() : values.password;
  if (password === undefined) problems.push('give --password-stdin (or --password)');
  else {
    const input = plainToInstance(SignUpInput, { password });
    const rule = validateSync(input).find((error) => error.property === 'password');
    if (rule) problems.push(Object.values(rule.constraints ?? {}).join('; '));
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return { username: values.username!, password: password! };
}

async function main(): Promise<number> {
  let flags: Awaited<ReturnType<typeof readFlags>>;
  try {
    flags = await readFlags();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${usage}`);
    return 2;
  }
  // A command-line tool never seeds the demo forum: its staff password would be shown to nobody.
  const environment = loadEnvironment({ ...process.env, SEED_DEMO: 'false' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(environment), { logger: createLogger(environment, ['error']) });
  try {
    const user = await app.get(UsersService).setPassword(flags.username, flags.password);
    console.log(`New password set for ${user.username}.`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(`Cannot set the password: ${error.message}`);
    return 1;
  } finally {
    await app.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}

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
import { Role } from './role.js';
import { UsersService } from './users.service.js';

const usage = `Usage: npm run user:create -- --role member|staff|admin --username NAME --email ADDRESS (--password PASSWORD | --password-stdin)`;
const roles: Record<string, Role> = { member: Role.MEMBER, staff: Role.STAFF, admin: Role.ADMIN };

class UsageError extends Error {}

/** Reads and validates the flags with the sign-up rules; throws UsageError listing every problem. */
async function readFlags(): Promise<{ input: SignUpInput; role: Role }> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: 'string', default: 'member' },
        username: { type: 'string' },
        email: { type: 'string' },
        password: { type: 'string' },
        'password-stdin': { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const problems: string[] = [];
  const role = roles[values.role.toLowerCase()];
  if (!role) problems.push(`role must be member, staff or admin (got ${JSON.stringify(values.role)})`);
  if (values.password !== undefined && values['password-stdin']) problems.push('give either --password or --password-stdin, not both');
  const password = values['password-stdin'] ? await readStdin() : values.password;
  const input = plainToInstance(SignUpInput, { username: values.username, email: values.email, password });
  for (const error of validateSync(input)) {
    const messages = Object.values(error.constraints ?? {});
    // A missing flag would otherwise list every rule of that field.
    problems.push(input[error.property as keyof SignUpInput] === undefined ? `--${error.property} is required` : messages.join('; '));
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return { input, role };
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
  // A command-line tool never seeds the demo forum: its staff password would be shown to nobody. The account made
  // here makes the database non-empty, so `npm start` will not seed one later either.
  const environment = loadEnvironment({ ...process.env, SEED_DEMO: 'false' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(environment), { logger: createLogger(environment, ['error']) });
  try {
    const user = await app.get(UsersService).createAccount({ ...flags.input, role: flags.role });
    console.log(`Created ${user.role} ${user.username} <${user.email}> (id ${user.id})`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(`Cannot create the user: ${error.message}`);
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

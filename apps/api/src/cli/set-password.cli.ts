import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SignUpInput } from '../auth/dto/sign-up.input.js';
import { readStdin, runUsersCommand, UsageError } from './cli-input.js';

const usage = `Usage: npm run -s user:set-password -- --username NAME --password-stdin   (or --password PASSWORD, which the shell history and npm's output keep)`;

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

await runUsersCommand(usage, readFlags, 'Cannot set the password', async (users, flags) => {
  const user = await users.setPassword(flags.username, flags.password);
  return `New password set for ${user.username}; every session of the account is signed out.`;
});

import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SignUpInput } from '../auth/dto/sign-up.input.js';
import { readStdin, runUsersCommand, UsageError } from './cli-input.js';
import { Role } from '../common/role.js';

const usage = `Usage: npm run user:create -- --role member|staff|admin --username NAME --email ADDRESS (--password PASSWORD | --password-stdin)`;
const roles: Record<string, Role> = { member: Role.MEMBER, staff: Role.STAFF, admin: Role.ADMIN };

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

await runUsersCommand(usage, readFlags, 'Cannot create the user', async (users, flags) => {
  const user = await users.createAccount({ ...flags.input, role: flags.role });
  return `Created ${user.role} ${user.username} <${user.email}> (id ${user.id})`;
});

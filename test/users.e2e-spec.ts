import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Role } from '../apps/api/src/common/role.js';
import { UsersService } from '../apps/api/src/users/users.service.js';
import { createAccount, enrolTwoFactor, TestAccount } from './support/accounts.js';
import { runCli } from './support/cli.js';
import { TestApp } from './support/test-app.js';

const setUserRoleMutation = `mutation SetRole($userId: ID!, $role: Role!) {
  setUserRole(userId: $userId, role: $role) { id username role isStaff }
}`;
const userQuery = 'query User($username: String!) { user(username: $username) { id username role isStaff isBot } }';

describe('users: profiles and roles', () => {
  let app: TestApp;
  let admin: TestAccount;
  let staff: TestAccount;
  let member: TestAccount;
  beforeAll(async () => {
    app = await TestApp.start();
    admin = await createAccount(app, Role.ADMIN);
    staff = await createAccount(app, Role.STAFF);
  });
  beforeEach(async () => {
    member = await createAccount(app, Role.MEMBER);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('shows a public profile by username, case-insensitively, without email', async () => {
    const data = await app.query(userQuery, { username: member.username.toUpperCase() });
    expect(data.user).toEqual({ id: member.id, username: member.username, role: 'MEMBER', isStaff: false, isBot: false });
    await expect(app.query(userQuery, { username: 'nobody-here' })).resolves.toEqual({ user: null });
    const withEmail = await app.request(`{ user(username: "${member.username}") { email } }`);
    expect(withEmail.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('lets an admin make a member staff and back, recording each change in the moderation log', async () => {
    const promoted = await app.query(setUserRoleMutation, { userId: member.id, role: 'STAFF' }, { token: admin.token });
    expect(promoted.setUserRole).toEqual({ id: member.id, username: member.username, role: 'STAFF', isStaff: true });
    await expect(app.query(userQuery, { username: member.username })).resolves.toMatchObject({ user: { role: 'STAFF', isStaff: true } });
    // The new role applies to the member's existing session at once.
    await expect(app.query('{ me { role isStaff } }', {}, { token: member.token })).resolves.toEqual({
      me: { role: 'STAFF', isStaff: true },
    });

    await app.query(setUserRoleMutation, { userId: member.id, role: 'MEMBER' }, { token: admin.token });
    await expect(app.query(userQuery, { username: member.username })).resolves.toMatchObject({ user: { role: 'MEMBER', isStaff: false } });

    const log = await app.nest
      .get(DataSource)
      .query(
        `SELECT action, target_type, target_id, actor_id, note FROM moderation_actions WHERE target_id = ${Number(member.id)} ORDER BY id`,
      );
    expect(
      log.map((row: Record<string, unknown>) => ({ ...row, target_id: Number(row.target_id), actor_id: Number(row.actor_id) })),
    ).toEqual([
      { action: 'CHANGE_ROLE', target_type: 'USER', target_id: Number(member.id), actor_id: Number(admin.id), note: 'MEMBER->STAFF' },
      { action: 'CHANGE_ROLE', target_type: 'USER', target_id: Number(member.id), actor_id: Number(admin.id), note: 'STAFF->MEMBER' },
    ]);
  });

  it('refuses role changes by members and staff (FORBIDDEN) and anonymous users (UNAUTHENTICATED)', async () => {
    const other = await createAccount(app, Role.MEMBER);
    for (const token of [member.token, staff.token]) {
      const response = await app.request(setUserRoleMutation, { userId: other.id, role: 'STAFF' }, { token });
      expect(response.errors?.[0]).toMatchObject({
        message: 'Only admins can do this',
        extensions: { code: 'FORBIDDEN', reason: 'ADMIN_ONLY' },
      });
    }
    const anonymous = await app.request(setUserRoleMutation, { userId: other.id, role: 'STAFF' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await expect(app.query(userQuery, { username: other.username })).resolves.toMatchObject({ user: { role: 'MEMBER' } });
  });

  it('never assigns BOT, never changes the bot, never changes your own role', async () => {
    const toBot = await app.request(setUserRoleMutation, { userId: member.id, role: 'BOT' }, { token: admin.token });
    expect(toBot.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'role' }] });

    const { bot } = await app.nest.get(UsersService).ensureBotAccount();
    const changeBot = await app.request(setUserRoleMutation, { userId: String(bot.id), role: 'MEMBER' }, { token: admin.token });
    expect(changeBot.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const self = await app.request(setUserRoleMutation, { userId: admin.id, role: 'MEMBER' }, { token: admin.token });
    expect(self.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await expect(app.query(userQuery, { username: member.username })).resolves.toMatchObject({ user: { role: 'MEMBER' } });
    await expect(app.query(userQuery, { username: 'faq-bot' })).resolves.toMatchObject({ user: { role: 'BOT', isBot: true } });
    await expect(app.query(userQuery, { username: admin.username })).resolves.toMatchObject({ user: { role: 'ADMIN' } });
  });

  it('answers NOT_FOUND for an unknown user and BAD_USER_INPUT for a malformed id', async () => {
    const missing = await app.request(setUserRoleMutation, { userId: '999999', role: 'STAFF' }, { token: admin.token });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await app.request(setUserRoleMutation, { userId: 'abc', role: 'STAFF' }, { token: admin.token });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'userId' }] });
  });

  it('creates the bot account once, whoever asks', async () => {
    const users = app.nest.get(UsersService);
    const [first, second] = await Promise.all([users.ensureBotAccount(), users.ensureBotAccount()]);
    expect(second.bot).toEqual(first.bot);
    expect(first.bot).toMatchObject({ username: 'faq-bot', role: Role.BOT });
    await expect(users.ensureBotAccount()).resolves.toEqual({ bot: first.bot, created: false });
  });
});

describe('users: the user:create CLI', () => {
  // The CLI runs from the build (test/support/global-setup.ts), as `npm run user:create` does.
  const cli = 'dist/apps/api/src/cli/create-user.cli.js';
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** Runs the CLI against the test app's database. */
  const createUser = (args: string[], stdin?: string) =>
    runCli(cli, args, { ...process.env, NODE_ENV: 'test', SEED_DEMO: 'false', WEB_DIST_PATH: '', ...app.database.environment }, stdin);

  const signIn = 'mutation($input: SignInInput!) { signIn(input: $input) { token user { username email role } } }';

  it('creates an admin who can then sign in', async () => {
    const username = `alice_${randomBytes(3).toString('hex')}`;
    const result = await createUser([
      '--role',
      'admin',
      '--username',
      username,
      '--email',
      `${username}@Example.com`,
      '--password',
      'a long admin password',
    ]);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toContain(username);

    const data = await app.query(signIn, { input: { login: username, password: 'a long admin password' } });
    expect(data.signIn.user).toEqual({ username, email: `${username}@example.com`, role: 'ADMIN' });
    const other = await createAccount(app, Role.MEMBER);
    // Admin powers wait for two-factor sign-in.
    await expect(
      app.request(setUserRoleMutation, { userId: other.id, role: 'STAFF' }, { token: data.signIn.token }),
    ).resolves.toMatchObject({
      errors: [{ extensions: { code: 'FORBIDDEN', reason: 'TWO_FACTOR_REQUIRED' } }],
    });
    await enrolTwoFactor(app, data.signIn.token, 'a long admin password');
    await expect(app.query(setUserRoleMutation, { userId: other.id, role: 'STAFF' }, { token: data.signIn.token })).resolves.toMatchObject({
      setUserRole: { role: 'STAFF' },
    });
  });

  it('reads the password from stdin', async () => {
    const username = `stdin_${randomBytes(3).toString('hex')}`;
    const result = await createUser(
      ['--role', 'staff', '--username', username, '--email', `${username}@example.com`, '--password-stdin'],
      'piped in password\n',
    );
    expect(result.status).toBe(0);
    await expect(app.query(signIn, { input: { login: `${username}@example.com`, password: 'piped in password' } })).resolves.toMatchObject({
      signIn: { user: { role: 'STAFF' } },
    });
  });

  it('refuses bad flags with a clear message naming each problem, creating nothing', async () => {
    const result = await createUser(['--role', 'bot', '--username', 'no', '--email', 'nope', '--password', 'short']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('role must be member, staff or admin');
    expect(result.stderr).toMatch(/username must be 3–32 characters/);
    expect(result.stderr).toContain('email must be a valid email address');
    expect(result.stderr).toContain('password must be 10–200 characters long');
    expect(result.stderr).toContain('Usage:');
    await expect(app.query(userQuery, { username: 'no' })).resolves.toEqual({ user: null });
  });

  it('refuses a duplicate username or email', async () => {
    const existing = await createAccount(app, Role.MEMBER);
    const result = await createUser([
      '--username',
      existing.username.toUpperCase(),
      '--email',
      `fresh_${randomBytes(3).toString('hex')}@example.com`,
      '--password',
      'a long enough password',
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('username or email address is already in use');
  });
});

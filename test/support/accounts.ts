import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../../apps/api/src/users/password-hasher.js';
import { SessionsService } from '../../apps/api/src/auth/sessions.service.js';
import { sessionCookieName } from '../../apps/api/src/auth/session-token.js';
import { Environment } from '../../apps/api/src/config/environment.js';
import { isStaffRole, Role } from '../../apps/api/src/common/role.js';
import { UserEntity } from '../../apps/api/src/users/user.entity.js';
import type { TestApp } from './test-app.js';

/** Every account createAccount makes has this password (hashed once per test process: hashing is slow on purpose). */
export const testPassword = 'the test accounts share this one';
let testPasswordHash: Promise<string> | null = null;

export interface TestAccount {
  id: string;
  username: string;
  token: string;
  /** Staff and admins: the TOTP secret they enrolled with, to make codes (see totpCode). */
  totpSecret?: string;
}

/**
 * A user with a live session, made directly in the database so suites don't depend on the sign-up flow.
 * Staff and admins then turn two-factor sign-in on through the GraphQL API, as they must before using staff tools.
 */
export async function createAccount(app: TestApp, role: Role = Role.MEMBER, username?: string): Promise<TestAccount> {
  const name = username ?? `${role.toLowerCase()}_${randomBytes(3).toString('hex')}`;
  const user = await app.nest
    .get(DataSource)
    .getRepository(UserEntity)
    .save({
      username: name,
      usernameKey: name.toLowerCase(),
      email: `${name.toLowerCase()}@example.test`,
      passwordHash: await (testPasswordHash ??= app.nest.get(PasswordHasher).hash(testPassword)),
      role,
      createdAt: new Date(),
    });
  const { token } = await app.nest.get(SessionsService).create(user.id);
  const account: TestAccount = { id: String(user.id), username: name, token };
  if (isStaffRole(role)) account.totpSecret = (await enrolTwoFactor(app, token)).secret;
  return account;
}

/** The session cookie (name=value) a browser signed in as `account` sends. */
export function sessionCookieOf(app: TestApp, account: TestAccount): string {
  return `${sessionCookieName(app.nest.get(Environment).cookieSecure)}=${account.token}`;
}

/**
 * Turns two-factor sign-in on for the session's account through the API; returns the secret, the recovery codes and the
 * code that confirmed it (used: a test that needs a used code takes this one, not the current step's, which a slow
 * test may reach a step after).
 */
export async function enrolTwoFactor(
  app: TestApp,
  token: string,
  password = testPassword,
): Promise<{ secret: string; recoveryCodes: string[]; enrolmentCode: string; enrolmentDeviceToken: string }> {
  const begun = await app.query<{ beginTwoFactorEnrolment: { setupKey: string } }>(
    'mutation { beginTwoFactorEnrolment { setupKey } }',
    {},
    { token },
  );
  const secret = begun.beginTwoFactorEnrolment.setupKey.replace(/\s/g, '');
  const enrolmentCode = await totpCode(secret);
  const confirmed = await app.query<{ confirmTwoFactorEnrolment: { codes: string[]; deviceToken: string } }>(
    'mutation Confirm($code: String!, $password: String!) { confirmTwoFactorEnrolment(code: $code, password: $password) { codes deviceToken } }',
    { code: enrolmentCode, password },
    { token },
  );
  const { codes: recoveryCodes, deviceToken: enrolmentDeviceToken } = confirmed.confirmTwoFactorEnrolment;
  return { secret, recoveryCodes, enrolmentCode, enrolmentDeviceToken };
}

/**
 * The code an authenticator app would show `stepsAhead` time steps from now. The server accepts one step either side,
 * and each step once per account, so a test that needs several codes in a row takes the next step.
 */
export function totpCode(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });
}

import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SessionsService } from '../../apps/api/src/auth/sessions.service.js';
import { Role } from '../../apps/api/src/users/role.js';
import { UserEntity } from '../../apps/api/src/users/user.entity.js';
import type { TestApp } from './test-app.js';

export interface TestAccount {
  id: string;
  username: string;
  token: string;
}

/** A user with a live session, made directly in the database so suites don't depend on the sign-up flow. */
export async function createAccount(app: TestApp, role: Role = Role.MEMBER, username?: string): Promise<TestAccount> {
  const name = username ?? `${role.toLowerCase()}_${randomBytes(3).toString('hex')}`;
  const user = await app.nest
    .get(DataSource)
    .getRepository(UserEntity)
    .save({
      username: name,
      usernameKey: name.toLowerCase(),
      email: `${name.toLowerCase()}@example.test`,
      passwordHash: null,
      role,
      createdAt: new Date(),
    });
  const { token } = await app.nest.get(SessionsService).create(user.id);
  return { id: String(user.id), username: name, token };
}

import { afterAll, beforeAll } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount, type TestAccount } from './accounts.js';
import { TestApp } from './test-app.js';

/** An API with the people of a thread: someone who asks, a member who replies, and a staff member. */
export interface ForumCast {
  readonly app: TestApp;
  readonly asker: TestAccount;
  readonly helper: TestAccount;
  readonly staff: TestAccount;
}

/**
 * Registers the suite's hooks: starts the API with `settings` and makes the three accounts before the suite, stops
 * the API after it. Call it in the `describe` body; read the fields inside hooks and tests.
 */
export function useForumCast(settings: Record<string, string> = {}): ForumCast {
  let cast: ForumCast | undefined;
  let app: TestApp | undefined;

  beforeAll(async () => {
    app = await TestApp.start(settings);
    const asker = await createAccount(app, Role.MEMBER);
    const helper = await createAccount(app, Role.MEMBER);
    const staff = await createAccount(app, Role.STAFF);
    cast = { app, asker, helper, staff };
  });

  afterAll(async () => {
    await app?.stop();
  });

  const started = (): ForumCast => {
    if (!cast) throw new Error('useForumCast: the suite has not started yet (use it inside hooks and tests)');
    return cast;
  };
  return {
    get app() {
      return started().app;
    },
    get asker() {
      return started().asker;
    },
    get helper() {
      return started().helper;
    },
    get staff() {
      return started().staff;
    },
  };
}

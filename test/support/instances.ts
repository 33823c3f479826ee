import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { TestApp } from './test-app.js';

/** Two instances of the API, as behind a load balancer: one database, one Redis. */
export interface TwoInstances {
  readonly first: TestApp;
  readonly second: TestApp;
  /** The Redis both use (TEST_REDIS_URL). */
  readonly redisUrl: string;
  /** Their key prefix, of this suite alone, so other suites on the same Redis cannot cross its keys and messages. */
  readonly prefix: string;
}

/**
 * Registers the suite's hooks: starts two instances on TEST_REDIS_URL (with `settings` on top) before the suite, the
 * second on the first one's database and TOTP key, and stops both after it. Call it in the `describe` body of a suite
 * skipped without TEST_REDIS_URL; read `first` and `second` inside hooks and tests.
 */
export function useTwoInstances(settings: Record<string, string> = {}): TwoInstances {
  const redisUrl = process.env.TEST_REDIS_URL ?? '';
  const prefix = `twofa:test:${randomBytes(4).toString('hex')}:`;
  let first: TestApp | undefined;
  let second: TestApp | undefined;

  beforeAll(async () => {
    const shared = { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix, ...settings };
    first = await TestApp.start(shared);
    second = await TestApp.start({ ...shared, ...first.database.environment, TOTP_ENCRYPTION_KEY: first.totpEncryptionKey });
  });

  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  const started = (app: TestApp | undefined): TestApp => {
    if (!app) throw new Error('useTwoInstances: the suite has not started yet (use it inside hooks and tests)');
    return app;
  };
  return {
    get first() {
      return started(first);
    },
    get second() {
      return started(second);
    },
    redisUrl,
    prefix,
  };
}

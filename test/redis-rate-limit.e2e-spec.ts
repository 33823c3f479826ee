import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../apps/api/src/common/role.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { TestApp } from './support/test-app.js';

const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
const question = () => ({
  input: {
    title: `Forum signature settings ${randomBytes(3).toString('hex')}`,
    body: 'Where do I change the signature shown under my posts?',
  },
});

// Needs a Redis server: set TEST_REDIS_URL (.ci/run does).
describe.skipIf(!process.env.TEST_REDIS_URL)('rate limits across instances sharing Redis', () => {
  const settings = {
    REDIS_URL: process.env.TEST_REDIS_URL!,
    // A prefix of its own, so that other suites on the same Redis cannot share these counters.
    REDIS_KEY_PREFIX: `twofa:test:${randomBytes(4).toString('hex')}:`,
    RATE_LIMIT_ASK_SECONDS: '60',
  };
  let first: TestApp;
  let second: TestApp;
  let member: TestAccount;

  beforeAll(async () => {
    first = await TestApp.start(settings);
    second = await TestApp.start({ ...settings, ...first.database.environment });
    member = await createAccount(first, Role.MEMBER);
  });
  afterAll(async () => {
    await second?.nest.close();
    await first?.stop();
  });

  it('makes a member wait between questions whichever instance they reach', async () => {
    await first.query(askMutation, question(), { token: member.token });

    const refused = await second.request(askMutation, question(), { token: member.token });

    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('keeps the counters of other members apart', async () => {
    const other = await createAccount(first, Role.MEMBER);
    await expect(second.query(askMutation, question(), { token: other.token })).resolves.toHaveProperty('askQuestion.id');
  });
});

import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../apps/api/src/common/role.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { useTwoInstances } from './support/instances.js';

const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
const question = () => ({
  input: {
    title: `Forum signature settings ${randomBytes(3).toString('hex')}`,
    body: 'Where do I change the signature shown under my posts?',
  },
});

// Needs a Redis server: set TEST_REDIS_URL (.ci/run does).
describe.skipIf(!process.env.TEST_REDIS_URL)('rate limits across instances sharing Redis', () => {
  const instances = useTwoInstances({ RATE_LIMIT_ASK_SECONDS: '60' });
  let member: TestAccount;

  beforeAll(async () => {
    member = await createAccount(instances.first, Role.MEMBER);
  });

  it('makes a member wait between questions whichever instance they reach', async () => {
    await instances.first.query(askMutation, question(), { token: member.token });

    const refused = await instances.second.request(askMutation, question(), { token: member.token });

    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('keeps the counters of other members apart', async () => {
    const other = await createAccount(instances.first, Role.MEMBER);
    await expect(instances.second.query(askMutation, question(), { token: other.token })).resolves.toHaveProperty('askQuestion.id');
  });
});

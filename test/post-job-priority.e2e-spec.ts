import { randomBytes } from 'node:crypto';
import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../apps/api/src/common/role.js';
import { postJobsQueueName } from '../apps/api/src/jobs/post-jobs.service.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { TestApp } from './support/test-app.js';

const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
const replyMutation = 'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }';

// Needs a Redis server: set TEST_REDIS_URL (.ci/run does).
describe.skipIf(!process.env.TEST_REDIS_URL)('post jobs on BullMQ: the asker waits for the bot, not for the backlog', () => {
  const redisUrl = process.env.TEST_REDIS_URL!;
  const prefix = `twofa:test:${randomBytes(4).toString('hex')}:`;
  let app: TestApp;
  let member: TestAccount;
  let other: TestAccount;
  let worker: Worker | undefined;

  beforeAll(async () => {
    // No worker in the app: the jobs wait in Redis, where the test's own worker takes them one at a time.
    app = await TestApp.start({ REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix, JOB_WORKERS: 'false' });
    member = await createAccount(app, Role.MEMBER);
    other = await createAccount(app, Role.MEMBER);
  });
  afterAll(async () => {
    await worker?.close(true);
    await app?.stop();
  });

  it("hands a worker the bot's decision before the notifications and checks queued ahead of it", async () => {
    const ask = async (title: string) =>
      (
        await app.query<{ askQuestion: { id: string } }>(
          askMutation,
          // A mention, so the question has notifications to send too.
          { input: { title, body: `I turned on two-factor yesterday and now wonder where my backup codes went, @${other.username}.` } },
          { token: member.token },
        )
      ).askQuestion.id;
    const busyThread = await ask('Backup codes after turning on two-factor');
    for (const index of [1, 2, 3]) {
      await app.query(
        replyMutation,
        { threadId: busyThread, body: `Reply ${index}: look under security settings.` },
        // Someone else's reply: the asker is notified.
        { token: other.token },
      );
    }
    const newThread = await ask('Where did my backup codes go?');

    worker = new Worker(postJobsQueueName, null, { connection: { url: redisUrl }, prefix: `${prefix}jobs`, autorun: false });
    const taken: string[] = [];
    for (;;) {
      const next = await worker.getNextJob('test-token', { block: false });
      if (!next) break;
      taken.push(String(next.id));
    }

    // Both questions' decisions first, in the order asked; then the background jobs, in the order queued.
    expect(taken.slice(0, 2)).toEqual([`bot-decision.THREAD.${busyThread}`, `bot-decision.THREAD.${newThread}`]);
    // A notification per question and per reply; no impostor check, as no reply asks for codes.
    expect(taken).toHaveLength(2 + 2 + 3);
    expect(taken.slice(2).every((id) => !id.startsWith('bot-decision.'))).toBe(true);
    expect(taken.indexOf(`notify-question.THREAD.${busyThread}`)).toBe(2);
  });
});

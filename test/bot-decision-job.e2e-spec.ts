import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostType } from '../apps/api/src/common/post-type.js';
import { Role } from '../apps/api/src/common/role.js';
import { PostJobs } from '../apps/api/src/jobs/post-jobs.service.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { TestApp } from './support/test-app.js';

// Questions written for these tests (not from the eval set): the bot answers the first publicly.
const answered = {
  title: 'Where are the backup codes for two-factor?',
  body: 'I turned on two-factor today and the setup never showed me any backup codes. Where do I find them?',
};

const threadQuery = `query Thread($id: ID!) {
  thread(id: $id) {
    processing replyCount
    replies(first: 20) { nodes { author { isBot } } }
    botSuggestion { status replyId }
  }
}`;

interface ThreadView {
  processing: boolean;
  replyCount: number;
  replies: { nodes: { author: { isBot: boolean } }[] };
  botSuggestion: { status: string; replyId: string | null } | null;
}

/**
 * The bot's decision on a question, run by hand: this instance records post jobs but runs none (JOB_WORKERS off), so
 * each test decides when, and how many times, the job runs. On PostgreSQL the bot's reply, its decision and the job's
 * completion are one statement; on SQLite one transaction.
 */
describe("the bot's decision job", () => {
  let app: TestApp;
  let asker: TestAccount;
  let staff: TestAccount;
  beforeAll(async () => {
    app = await TestApp.start({ JOB_WORKERS: 'false' });
    asker = await createAccount(app, Role.MEMBER);
    staff = await createAccount(app, Role.STAFF);
  });
  afterAll(async () => {
    await app.stop();
  });

  const ask = async () =>
    (
      await app.query<{ askQuestion: { id: string } }>(
        'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
        { input: answered },
        { token: asker.token },
      )
    ).askQuestion.id;
  const decide = (threadId: string) =>
    app.nest.get(PostJobs).run({ job: 'bot-decision', postType: PostType.THREAD, postId: Number(threadId), causedById: Number(asker.id) });
  const view = async (threadId: string) =>
    (await app.query<{ thread: ThreadView }>(threadQuery, { id: threadId }, { token: staff.token })).thread;

  it('answers once when the job runs twice at once, and again after it finished', async () => {
    const threadId = await ask();
    expect(await view(threadId)).toMatchObject({ processing: true, replyCount: 0, botSuggestion: null });

    await Promise.all([decide(threadId), decide(threadId)]);
    await decide(threadId);

    const thread = await view(threadId);
    expect(thread).toMatchObject({ processing: false, replyCount: 1, botSuggestion: { status: 'ANSWERED' } });
    expect(thread.replies.nodes).toEqual([{ author: { isBot: true } }]);
    expect(thread.botSuggestion!.replyId).not.toBeNull();
  });

  it('leaves a question locked before the job ran to staff: no reply, the suggestion waits for review, the job is done', async () => {
    const threadId = await ask();
    await app.query('mutation Lock($threadId: ID!) { lockThread(threadId: $threadId) { id } }', { threadId }, { token: staff.token });

    await decide(threadId);

    expect(await view(threadId)).toMatchObject({
      processing: false,
      replyCount: 0,
      replies: { nodes: [] },
      botSuggestion: { status: 'PENDING_REVIEW', replyId: null },
    });
  });

  it('posts nothing when staff decided before the job ran', async () => {
    const threadId = await ask();
    await app.query(
      'mutation Dismiss($threadId: ID!) { dismissSuggestion(threadId: $threadId) { status } }',
      { threadId },
      { token: staff.token },
    );

    await decide(threadId);

    expect(await view(threadId)).toMatchObject({ processing: false, replyCount: 0, botSuggestion: { status: 'DISMISSED', replyId: null } });
  });
});

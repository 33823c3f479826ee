import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../apps/api/src/common/role.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { TestApp } from './support/test-app.js';

// Questions written for these tests: the bot answers the first kind publicly, not the second.
const backupCodes = (n: number) => ({
  title: `Setup of 2FA showed me no codes to keep (${n})`,
  body: 'I turned on two-factor authentication today and was never shown any backup codes. Where do I find them?',
});
const offTopic = (n: number) => ({
  title: `Changing the language of the app (${n})`,
  body: 'How do I switch the interface language to Portuguese?',
});

const stateQuery = `query State($id: ID!) { thread(id: $id) { id status staffReplied botAwaitsAsker } }`;
const listQuery = `query List($filter: ThreadFilter) { threads(filter: $filter, first: 50) { nodes { id } } }`;

describe('thread state: staff replies, the Unanswered filter, a bot answer awaiting the asker', () => {
  let app: TestApp;
  let asker: TestAccount;
  let staff: TestAccount;
  let count = 0;

  beforeAll(async () => {
    app = await TestApp.start();
    asker = await createAccount(app, Role.MEMBER);
    staff = await createAccount(app, Role.STAFF);
  });

  afterAll(async () => {
    await app?.stop();
  });

  async function ask(input: { title: string; body: string }): Promise<{ id: string; botReplyId: string | null }> {
    const { askQuestion } = await app.query<{ askQuestion: { id: string } }>(
      `mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
      { input },
      { token: asker.token },
    );
    await app.jobsDone();
    const { thread } = await app.query<{ thread: { botSuggestion: { replyId: string | null } | null } }>(
      'query T($id: ID!) { thread(id: $id) { botSuggestion { replyId } } }',
      { id: askQuestion.id },
      { token: asker.token },
    );
    return { id: askQuestion.id, botReplyId: thread.botSuggestion?.replyId ?? null };
  }

  async function reply(token: string, threadId: string, body: string): Promise<string> {
    const data = await app.query<{ replyToThread: { id: string } }>(
      `mutation R($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }`,
      { threadId, body },
      { token },
    );
    await app.jobsDone();
    return data.replyToThread.id;
  }

  async function state(id: string, token?: string): Promise<{ status: string; staffReplied: boolean; botAwaitsAsker: boolean }> {
    return (await app.query<{ thread: { status: string; staffReplied: boolean; botAwaitsAsker: boolean } }>(stateQuery, { id }, { token }))
      .thread;
  }

  async function listed(filter: Record<string, unknown>): Promise<string[]> {
    return (await app.query<{ threads: { nodes: { id: string }[] } }>(listQuery, { filter })).threads.nodes.map((node) => node.id);
  }

  it('Unanswered leaves out threads with a visible staff answer; Answered takes them in', async () => {
    const quiet = await ask(offTopic((count += 1)));
    const communityOnly = await ask(offTopic((count += 1)));
    await reply(asker.token, communityOnly.id, 'Adding: I am on the Android app.');
    const staffAnswered = await ask(offTopic((count += 1)));
    const staffReplyId = await reply(staff.token, staffAnswered.id, 'Settings, then Language: pick Português there.');

    await expect(state(staffAnswered.id)).resolves.toMatchObject({ status: 'OPEN', staffReplied: true });
    await expect(state(communityOnly.id)).resolves.toMatchObject({ staffReplied: false });
    const unanswered = await listed({ unanswered: true });
    expect(unanswered).toEqual(expect.arrayContaining([quiet.id, communityOnly.id]));
    expect(unanswered).not.toContain(staffAnswered.id);
    const answered = await listed({ unanswered: false });
    expect(answered).toContain(staffAnswered.id);
    expect(answered).not.toContain(quiet.id);

    // A hidden staff reply answers nobody: the thread is unanswered again.
    await app.query(`mutation H($id: ID!) { hidePost(postType: REPLY, postId: $id) { id } }`, { id: staffReplyId }, { token: staff.token });
    await expect(state(staffAnswered.id)).resolves.toMatchObject({ staffReplied: false });
    await expect(listed({ unanswered: true })).resolves.toContain(staffAnswered.id);
  });

  it("says the bot's answer awaits the asker until the asker, staff, an accepted answer or a lock settles it", async () => {
    const answeredByBot = await ask(backupCodes((count += 1)));
    expect(answeredByBot.botReplyId).not.toBeNull();
    await expect(state(answeredByBot.id)).resolves.toMatchObject({ botAwaitsAsker: true });
    // Still unanswered: the asker has not said it helped.
    await expect(listed({ unanswered: true })).resolves.toContain(answeredByBot.id);
    await expect(state((await ask(offTopic((count += 1)))).id)).resolves.toMatchObject({ botAwaitsAsker: false });

    const staffSettles = await ask(backupCodes((count += 1)));
    await reply(staff.token, staffSettles.id, 'There are no backup codes for your account; save the QR code instead.');
    await expect(state(staffSettles.id)).resolves.toMatchObject({ botAwaitsAsker: false, staffReplied: true });

    const accepted = await ask(backupCodes((count += 1)));
    const helper = await createAccount(app, Role.MEMBER);
    const communityReply = await reply(helper.token, accepted.id, 'Same here, the QR code is the backup.');
    await app.query(`mutation A($id: ID!) { acceptAnswer(replyId: $id) { id } }`, { id: communityReply }, { token: asker.token });
    await expect(state(accepted.id)).resolves.toMatchObject({ status: 'ANSWERED', staffReplied: false, botAwaitsAsker: false });

    const locked = await ask(backupCodes((count += 1)));
    await app.query(`mutation L($id: ID!) { lockThread(threadId: $id) { id } }`, { id: locked.id }, { token: staff.token });
    await expect(state(locked.id)).resolves.toMatchObject({ status: 'LOCKED', botAwaitsAsker: false });

    const askerSays = await ask(backupCodes((count += 1)));
    await app.query(`mutation Y($id: ID!) { markBotAnswerHelpful(threadId: $id) { id } }`, { id: askerSays.id }, { token: asker.token });
    await expect(state(askerSays.id)).resolves.toMatchObject({ status: 'ANSWERED', botAwaitsAsker: false });
  });

  it('hiding the accepted reply withdraws the acceptance, for members and staff alike', async () => {
    const acceptedQuery = `query Accepted($id: ID!) { thread(id: $id) { status acceptedReply { id } } }`;
    const accepted = (id: string, token?: string) =>
      app
        .query<{ thread: { status: string; acceptedReply: { id: string } | null } }>(acceptedQuery, { id }, { token })
        .then((data) => data.thread);
    const hide = (id: string) =>
      app.query(`mutation H($id: ID!) { hidePost(postType: REPLY, postId: $id) { id } }`, { id }, { token: staff.token });
    const accept = (id: string) => app.query(`mutation A($id: ID!) { acceptAnswer(replyId: $id) { id } }`, { id }, { token: asker.token });
    const member = await createAccount(app, Role.MEMBER);
    const helper = await createAccount(app, Role.MEMBER);

    const thread = await ask(offTopic((count += 1)));
    const answer = await reply(helper.token, thread.id, 'Settings, then Language.');
    await accept(answer);
    await expect(accepted(thread.id, member.token)).resolves.toEqual({ status: 'ANSWERED', acceptedReply: { id: answer } });

    await hide(answer);
    // Nobody is told that a hidden accepted answer exists: no ANSWERED without an answer to show.
    await expect(accepted(thread.id, member.token)).resolves.toEqual({ status: 'OPEN', acceptedReply: null });
    await expect(accepted(thread.id)).resolves.toEqual({ status: 'OPEN', acceptedReply: null });
    await expect(accepted(thread.id, staff.token)).resolves.toEqual({ status: 'OPEN', acceptedReply: null });
    await expect(listed({ status: 'ANSWERED' })).resolves.not.toContain(thread.id);
    await expect(listed({ status: 'OPEN' })).resolves.toContain(thread.id);

    // Restoring it does not accept it again; the asker may.
    await app.query(`mutation R($id: ID!) { restorePost(postType: REPLY, postId: $id) { id } }`, { id: answer }, { token: staff.token });
    await expect(accepted(thread.id, member.token)).resolves.toEqual({ status: 'OPEN', acceptedReply: null });
    await accept(answer);
    await expect(accepted(thread.id, member.token)).resolves.toEqual({ status: 'ANSWERED', acceptedReply: { id: answer } });

    // A locked thread stays LOCKED.
    await app.query(`mutation L($id: ID!) { lockThread(threadId: $id) { id } }`, { id: thread.id }, { token: staff.token });
    await hide(answer);
    await expect(accepted(thread.id, member.token)).resolves.toEqual({ status: 'LOCKED', acceptedReply: null });
    await app.query(`mutation U($id: ID!) { unlockThread(threadId: $id) { id } }`, { id: thread.id }, { token: staff.token });
    await expect(accepted(thread.id, staff.token)).resolves.toEqual({ status: 'OPEN', acceptedReply: null });
  });
});

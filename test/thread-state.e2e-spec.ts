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

  describe('the accepted answer, hidden and restored by staff', () => {
    const acceptedQuery = `query Accepted($id: ID!) { thread(id: $id) { status acceptedReply { id } } }`;
    const accepted = (id: string, token?: string) =>
      app
        .query<{ thread: { status: string; acceptedReply: { id: string } | null } }>(acceptedQuery, { id }, { token })
        .then((data) => data.thread);
    const moderate = (action: 'hidePost' | 'restorePost', id: string) =>
      app.query(`mutation M($id: ID!) { ${action}(postType: REPLY, postId: $id) { id } }`, { id }, { token: staff.token });
    const hide = (id: string) => moderate('hidePost', id);
    const restore = (id: string) => moderate('restorePost', id);
    const accept = (id: string) => app.query(`mutation A($id: ID!) { acceptAnswer(replyId: $id) { id } }`, { id }, { token: asker.token });
    const unaccept = (id: string) =>
      app.query(`mutation U($id: ID!) { unacceptAnswer(threadId: $id) { id } }`, { id }, { token: asker.token });
    const answeredBy = (id: string) => ({ status: 'ANSWERED', acceptedReply: { id } });
    const open = { status: 'OPEN', acceptedReply: null };
    let helper: TestAccount;
    let member: TestAccount;

    beforeAll(async () => {
      helper = await createAccount(app, Role.MEMBER);
      member = await createAccount(app, Role.MEMBER);
    });

    /** A question of the asker's with the helper's replies, the first of them accepted. */
    async function answeredThread(replies = 1): Promise<{ id: string; replyIds: string[] }> {
      const thread = await ask(offTopic((count += 1)));
      const replyIds: string[] = [];
      for (let index = 0; index < replies; index++)
        replyIds.push(await reply(helper.token, thread.id, `Settings, then Language (${index}).`));
      await accept(replyIds[0]);
      return { id: thread.id, replyIds };
    }

    it('hiding it withdraws the acceptance for members and staff alike; restoring it accepts it again', async () => {
      const {
        id,
        replyIds: [answer],
      } = await answeredThread();
      await expect(accepted(id, member.token)).resolves.toEqual(answeredBy(answer));

      await hide(answer);
      // Nobody is told that a hidden accepted answer exists: no ANSWERED without an answer to show.
      for (const token of [member.token, undefined, staff.token]) await expect(accepted(id, token)).resolves.toEqual(open);
      await expect(listed({ status: 'ANSWERED' })).resolves.not.toContain(id);
      await expect(listed({ status: 'OPEN' })).resolves.toContain(id);

      await restore(answer);
      for (const token of [member.token, undefined, staff.token]) await expect(accepted(id, token)).resolves.toEqual(answeredBy(answer));
      await expect(listed({ status: 'ANSWERED' })).resolves.toContain(id);
      await expect(listed({ unanswered: true })).resolves.not.toContain(id);
    });

    it('in a locked thread too: LOCKED all along, with the answer back once restored', async () => {
      const {
        id,
        replyIds: [answer],
      } = await answeredThread();
      await app.query(`mutation L($id: ID!) { lockThread(threadId: $id) { id } }`, { id }, { token: staff.token });
      await hide(answer);
      await expect(accepted(id, member.token)).resolves.toEqual({ status: 'LOCKED', acceptedReply: null });
      await restore(answer);
      await expect(accepted(id, member.token)).resolves.toEqual({ status: 'LOCKED', acceptedReply: { id: answer } });
      await app.query(`mutation U($id: ID!) { unlockThread(threadId: $id) { id } }`, { id }, { token: staff.token });
      await expect(accepted(id, member.token)).resolves.toEqual(answeredBy(answer));
    });

    it('restoring it leaves an answer accepted since, or withdrawn since: the later choice stays', async () => {
      const other = await answeredThread(2);
      await hide(other.replyIds[0]);
      await accept(other.replyIds[1]);
      await restore(other.replyIds[0]);
      await expect(accepted(other.id, member.token)).resolves.toEqual(answeredBy(other.replyIds[1]));

      const none = await answeredThread(2);
      await hide(none.replyIds[0]);
      await accept(none.replyIds[1]);
      await unaccept(none.id);
      await restore(none.replyIds[0]);
      await expect(accepted(none.id, member.token)).resolves.toEqual(open);
    });

    it('restoring a reply that was not the accepted answer when hidden accepts nothing', async () => {
      const {
        id,
        replyIds: [answer, another],
      } = await answeredThread(2);
      await hide(another);
      await restore(another);
      await expect(accepted(id, member.token)).resolves.toEqual(answeredBy(answer));

      const unanswered = await ask(offTopic((count += 1)));
      const never = await reply(helper.token, unanswered.id, 'Settings, then Language.');
      await hide(never);
      await restore(never);
      await expect(accepted(unanswered.id, member.token)).resolves.toEqual(open);

      // Once given back, it is remembered no more: hidden again while unaccepted, restoring it accepts nothing.
      await hide(answer);
      await restore(answer);
      await unaccept(id);
      await hide(answer);
      await restore(answer);
      await expect(accepted(id, member.token)).resolves.toEqual(open);
    });

    it('the moderation log says which hide withdrew the acceptance and which restore gave it back', async () => {
      const logged = async (action: 'hidePost' | 'restorePost', id: string) =>
        (
          await app.query<Record<string, { id: string; acceptance: string | null }>>(
            `mutation M($id: ID!) { ${action}(postType: REPLY, postId: $id) { id acceptance } }`,
            { id },
            { token: staff.token },
          )
        )[action]!;
      const {
        replyIds: [answer, another],
      } = await answeredThread(2);
      const entries: [{ id: string; acceptance: string | null }, string | null][] = [
        [await logged('hidePost', answer), 'WITHDRAWN'],
        [await logged('restorePost', answer), 'GIVEN_BACK'],
        [await logged('hidePost', another), null],
        [await logged('restorePost', another), null],
      ];
      // An answer accepted since stays: restoring the one hidden gives nothing back.
      const since = await answeredThread(2);
      entries.push([await logged('hidePost', since.replyIds[0]), 'WITHDRAWN']);
      await accept(since.replyIds[1]);
      entries.push([await logged('restorePost', since.replyIds[0]), null]);

      for (const [entry, acceptance] of entries) expect(entry.acceptance).toBe(acceptance);
      const log = await app.query<{ moderationLog: { nodes: { id: string; acceptance: string | null }[] } }>(
        '{ moderationLog(first: 50) { nodes { id acceptance } } }',
        {},
        { token: staff.token },
      );
      const stored = new Map(log.moderationLog.nodes.map((node) => [node.id, node.acceptance]));
      for (const [entry, acceptance] of entries) expect(stored.get(entry.id)).toBe(acceptance);
    });
  });
});

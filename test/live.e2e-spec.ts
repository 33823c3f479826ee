import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { liveChannels } from '../apps/api/src/live/live-pubsub.js';
import { ThreadEntity } from '../apps/api/src/threads/thread.entity.js';
import { Role } from '../apps/api/src/common/role.js';
import { createAccount, sessionCookieOf, TestAccount } from './support/accounts.js';
import { listenerCount, LiveClient, liveClient, subscribe, until } from './support/live-client.js';
import { TestApp } from './support/test-app.js';
import { useTwoInstances } from './support/instances.js';

const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
const replyMutation = 'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }';
const acceptMutation = 'mutation Accept($replyId: ID!) { acceptAnswer(replyId: $replyId) { id } }';
const lockMutation = 'mutation Lock($threadId: ID!) { lockThread(threadId: $threadId) { id } }';
const threadActivity = 'subscription Activity($threadId: ID!) { threadActivity(threadId: $threadId) { kind threadId replyId at } }';
const forumActivity = 'subscription { forumActivity { threadId lastActivityAt } }';
// What the web app's thread page takes from an event instead of reading the thread again.
const activityWithChange = `subscription Activity($threadId: ID!) {
  threadActivity(threadId: $threadId) {
    kind threadId replyId
    reply { id threadId body bodyHtml isStaffAnswer isAccepted hidden edited viewerCanEdit impostorWarning author { id username isStaff isBot } }
    question { id title body bodyHtml tags edited viewerCanEdit }
    state { status locked }
  }
}`;
type Activity = { threadActivity: Record<string, any> };
const notificationAdded =
  'subscription { notificationAdded { unreadCount notification { kind replyId read thread { id title } actor { username } } } }';

const markAllRead = 'mutation { markAllNotificationsRead }';

/** How many times each app read someone's unread count (the only count over notifications) while `work` ran, and its result. */
async function unreadCountReads<T>(apps: TestApp[], work: () => Promise<T>): Promise<{ result: T; reads: number[] }> {
  const spies = apps.map((app) => vi.spyOn(app.nest.get(DataSource).logger, 'logQuery'));
  try {
    const result = await work();
    const reads = spies.map((spy) => spy.mock.calls.filter(([query]) => /COUNT\(\*\).* FROM notifications /s.test(query)).length);
    return { result, reads };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

// Off-topic on purpose, so that the FAQ bot stays out of these threads.
const question = () => ({
  title: `Forum colours on my phone ${randomBytes(3).toString('hex')}`,
  body: 'Can the forum use a darker colour scheme on small screens, please?',
});

describe('live updates (graphql-ws on /graphql)', () => {
  let app: TestApp;
  let asker: TestAccount;
  let replier: TestAccount;
  let staff: TestAccount;
  /** A member who takes no part in the threads. */
  let bystander: TestAccount;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    app = await TestApp.start();
    asker = await createAccount(app, Role.MEMBER);
    replier = await createAccount(app, Role.MEMBER);
    staff = await createAccount(app, Role.STAFF);
    bystander = await createAccount(app, Role.MEMBER);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });
  afterAll(async () => {
    await app.stop();
  });

  const connect = (options: Parameters<typeof liveClient>[1] = {}) => {
    const client = liveClient(app, options);
    clients.push(client);
    return client;
  };
  const ask = async (token = asker.token) =>
    (await app.query<{ askQuestion: { id: string } }>(askMutation, { input: question() }, { token })).askQuestion.id;
  const reply = async (threadId: string, token = replier.token, body = 'Try the appearance setting in your browser.') =>
    (await app.query<{ replyToThread: { id: string } }>(replyMutation, { threadId, body }, { token })).replyToThread.id;
  const listening = (channel: string, count = 1) =>
    until(() => listenerCount(app, channel) === count, `${count} listener(s) on ${channel}`);
  const moderate = (action: 'hidePost' | 'restorePost', postType: 'THREAD' | 'REPLY', postId: string) =>
    app.query(`mutation M($postId: ID!) { ${action}(postType: ${postType}, postId: $postId) { id } }`, { postId }, { token: staff.token });
  /** What a subscriber gets when it may not see the change: the news that the thread changed, to read it again. */
  const bare = (threadId: string) => ({ kind: 'UPDATED', threadId, replyId: null, reply: null, question: null, state: null });

  it('delivers a reply posted over HTTP to an anonymous threadActivity subscriber', async () => {
    const threadId = await ask();
    const activity = subscribe<{ threadActivity: Record<string, unknown> }>(connect(), threadActivity, { threadId });
    await listening(liveChannels.thread(Number(threadId)));

    const replyId = await reply(threadId);

    const result = await activity.next();
    expect(result.errors).toBeUndefined();
    expect(result.data?.threadActivity).toEqual({ kind: 'NEW_REPLY', threadId, replyId, at: expect.any(String) });
  });

  it('reports a withdrawn accepted answer to thread subscribers as ACCEPTED with no reply, and the state', async () => {
    const threadId = await ask();
    const replyId = await reply(threadId);
    await app.query(acceptMutation, { replyId }, { token: asker.token });
    const activity = subscribe<{ threadActivity: Record<string, unknown> }>(connect(), threadActivity, { threadId });
    await listening(liveChannels.thread(Number(threadId)));

    await app.query(
      'mutation Unaccept($threadId: ID!) { unacceptAnswer(threadId: $threadId) { id } }',
      { threadId },
      { token: asker.token },
    );

    expect((await activity.next()).data?.threadActivity).toMatchObject({ kind: 'ACCEPTED', threadId, replyId: null });
  });

  it('reports the accepted answer a moderator restored to thread subscribers as ACCEPTED again, with the state', async () => {
    const threadId = await ask();
    const replyId = await reply(threadId);
    await app.query(acceptMutation, { replyId }, { token: asker.token });
    await moderate('hidePost', 'REPLY', replyId);
    const activity = subscribe<Activity>(connect(), activityWithChange, { threadId });
    await listening(liveChannels.thread(Number(threadId)));

    await moderate('restorePost', 'REPLY', replyId);

    expect((await activity.next()).data?.threadActivity).toMatchObject({ kind: 'UPDATED', threadId, replyId });
    expect((await activity.next()).data?.threadActivity).toMatchObject({
      kind: 'ACCEPTED',
      threadId,
      replyId,
      state: { status: 'ANSWERED', locked: false },
    });
  });

  it('reports an edited reply and a hidden reply to thread subscribers as UPDATED', async () => {
    const threadId = await ask();
    const replyId = await reply(threadId);
    const activity = subscribe<{ threadActivity: Record<string, unknown> }>(connect({ token: staff.token }), threadActivity, { threadId });
    await listening(liveChannels.thread(Number(threadId)));

    await app.query(
      'mutation Edit($replyId: ID!) { editReply(replyId: $replyId, input: { body: "Edited: try the appearance setting." }) { id } }',
      { replyId },
      { token: replier.token },
    );
    expect((await activity.next()).data?.threadActivity).toMatchObject({ kind: 'UPDATED', threadId, replyId });

    await app.query(
      'mutation Hide($postId: ID!) { hidePost(postType: REPLY, postId: $postId) { id } }',
      { postId: replyId },
      { token: staff.token },
    );
    expect((await activity.next()).data?.threadActivity).toMatchObject({ kind: 'UPDATED', threadId, replyId });
  });

  it('reports an accepted answer and a lock to thread subscribers, and the activity to forumActivity', async () => {
    const threadId = await ask();
    const replyId = await reply(threadId);
    const client = connect();
    const activity = subscribe<{ threadActivity: Record<string, unknown> }>(client, threadActivity, { threadId });
    const forum = subscribe<{ forumActivity: { threadId: string; lastActivityAt: string } }>(client, forumActivity);
    await listening(liveChannels.thread(Number(threadId)));
    await listening(liveChannels.forum());

    await app.query(acceptMutation, { replyId }, { token: asker.token });
    await app.query(lockMutation, { threadId }, { token: staff.token });

    expect((await activity.next()).data?.threadActivity).toMatchObject({ kind: 'ACCEPTED', threadId, replyId });
    expect((await activity.next()).data?.threadActivity).toMatchObject({ kind: 'LOCKED', threadId, replyId: null });
    expect((await forum.next()).data?.forumActivity).toEqual({ threadId, lastActivityAt: expect.any(String) });
  });

  it('tells forumActivity subscribers that a moderator hid or restored a thread or a reply; of a reply in a hidden thread, staff only', async () => {
    const threadId = await ask();
    const replyId = await reply(threadId);
    const visibility = `subscription { forumActivity { threadId visibilityChanged } }`;
    const member = subscribe<{ forumActivity: Record<string, unknown> }>(connect({ token: replier.token }), visibility);
    const moderator = subscribe<{ forumActivity: Record<string, unknown> }>(connect({ token: staff.token }), visibility);
    await listening(liveChannels.forum(), 2);

    await moderate('hidePost', 'REPLY', replyId);
    await moderate('hidePost', 'THREAD', threadId);
    await moderate('restorePost', 'REPLY', replyId);
    await moderate('restorePost', 'THREAD', threadId);
    await reply(threadId);

    const changed = { threadId, visibilityChanged: true };
    const expected = {
      member: [changed, changed, changed, { threadId, visibilityChanged: false }],
      moderator: [changed, changed, changed, changed, { threadId, visibilityChanged: false }],
    };
    for (const [subscriber, messages] of [
      [member, expected.member],
      [moderator, expected.moderator],
    ] as const) {
      for (const message of messages) expect((await subscriber.next()).data?.forumActivity).toEqual(message);
    }
  });

  it('tells forumActivity subscribers what lists filter the thread on as the activity left it: asker, tags, answered', async () => {
    const listed = 'subscription { forumActivity { threadId visibilityChanged listing { authorId tags answered } } }';
    const forum = subscribe<{ forumActivity: Record<string, unknown> }>(connect(), listed);
    await listening(liveChannels.forum());
    const askTagged = async (tags: string[]) =>
      (await app.query<{ askQuestion: { id: string } }>(askMutation, { input: { ...question(), tags } }, { token: asker.token }))
        .askQuestion.id;

    const tagged = await askTagged(['theme', 'display']);
    await reply(tagged);
    await reply(tagged, staff.token, 'Staff here: the forum follows the dark setting of your browser.');
    const accepted = await askTagged([]);
    await app.query(acceptMutation, { replyId: await reply(accepted) }, { token: asker.token });
    await reply(accepted, staff.token);
    await app.query(
      'mutation Hide($postId: ID!) { hidePost(postType: THREAD, postId: $postId) { id } }',
      { postId: accepted },
      { token: staff.token },
    );

    const activity = (threadId: string, tags: string[], answered: boolean) => ({
      threadId,
      visibilityChanged: false,
      listing: { authorId: asker.id, tags, answered },
    });
    for (const message of [
      activity(tagged, ['display', 'theme'], false),
      activity(tagged, ['display', 'theme'], false),
      // A staff answer answers the thread, as ThreadFilter.unanswered counts it.
      activity(tagged, ['display', 'theme'], true),
      activity(accepted, [], false),
      activity(accepted, [], false),
      activity(accepted, [], true),
      activity(accepted, [], true),
      { threadId: accepted, visibilityChanged: true, listing: null },
    ])
      expect((await forum.next()).data?.forumActivity).toEqual(message);
  });

  it('tells forumActivity subscribers when an accepted answer is withdrawn: unanswered again, unless a staff answer answers it', async () => {
    const listed = 'subscription { forumActivity { threadId lastActivityAt listing { answered } } }';
    // The last test's subscriber is gone once the server has seen its socket close.
    await listening(liveChannels.forum(), 0);
    const forum = subscribe<{ forumActivity: { threadId: string; lastActivityAt: string; listing: unknown } }>(connect(), listed);
    await listening(liveChannels.forum());
    // An asker of their own: accepting and withdrawing answers have a budget per member.
    const own = await createAccount(app, Role.MEMBER);
    const accept = (replyId: string) => app.query(acceptMutation, { replyId }, { token: own.token });
    const unaccept = (threadId: string) =>
      app.query('mutation Unaccept($threadId: ID!) { unacceptAnswer(threadId: $threadId) { id } }', { threadId }, { token: own.token });

    const alone = await ask(own.token);
    await accept(await reply(alone));
    await unaccept(alone);
    const withStaff = await ask(own.token);
    await reply(withStaff, staff.token, 'Staff here: the setting is under Security.');
    await accept(await reply(withStaff));
    await unaccept(withStaff);

    const answered = [
      [alone, false],
      [alone, false],
      [alone, true],
      [alone, false],
      [withStaff, false],
      [withStaff, true],
      [withStaff, true],
      [withStaff, true],
    ] as const;
    const received = [];
    for (const [threadId, isAnswered] of answered) {
      const { forumActivity } = (await forum.next()).data!;
      expect(forumActivity).toMatchObject({ threadId, listing: { answered: isAnswered } });
      received.push(forumActivity);
    }
    // Withdrawing an answer is not new activity: lists keep the thread where it was.
    expect(received[3].lastActivityAt).toBe(received[2].lastActivityAt);
  });

  it('refuses threadActivity on a hidden thread to members, and keeps hidden activity from them', async () => {
    const threadId = await ask();
    const threads = app.nest.get(DataSource).getRepository(ThreadEntity);
    const channel = liveChannels.thread(Number(threadId));

    await threads.update({ id: Number(threadId) }, { hidden: true });
    const refused = await subscribe(connect({ token: replier.token }), threadActivity, { threadId }).next();
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    await threads.update({ id: Number(threadId) }, { hidden: false });
    const member = subscribe<{ threadActivity: { replyId: string } }>(connect({ token: replier.token }), threadActivity, { threadId });
    const moderator = subscribe<{ threadActivity: { replyId: string } }>(connect({ token: staff.token }), threadActivity, { threadId });
    await listening(channel, 2);

    await threads.update({ id: Number(threadId) }, { hidden: true });
    const hiddenReplyId = await reply(threadId, staff.token, 'A note for staff while the thread is hidden.');
    await threads.update({ id: Number(threadId) }, { hidden: false });
    const visibleReplyId = await reply(threadId);

    expect((await moderator.next()).data?.threadActivity.replyId).toBe(hiddenReplyId);
    expect((await moderator.next()).data?.threadActivity.replyId).toBe(visibleReplyId);
    expect((await member.next()).data?.threadActivity.replyId).toBe(visibleReplyId);
  });

  it('tells members following a thread that staff hid or restored the question, with nothing but the notice to read it again', async () => {
    const threadId = await ask();
    const member = subscribe<Activity>(connect({ token: replier.token }), activityWithChange, { threadId });
    const anonymous = subscribe<Activity>(connect(), activityWithChange, { threadId });
    const moderator = subscribe<Activity>(connect({ token: staff.token }), activityWithChange, { threadId });
    await listening(liveChannels.thread(Number(threadId)), 3);

    for (const action of ['hidePost', 'restorePost']) {
      await app.query(
        `mutation M($postId: ID!) { ${action}(postType: THREAD, postId: $postId) { id } }`,
        { postId: threadId },
        { token: staff.token },
      );
      for (const subscriber of [member, anonymous, moderator]) {
        const result = await subscriber.next();
        expect(result.errors).toBeUndefined();
        expect(result.data?.threadActivity).toEqual(bare(threadId));
      }
    }
  });

  it('lets the asker follow their hidden question and get what a reload would show them; other members and anonymous are refused', async () => {
    const threadId = await ask();
    await moderate('hidePost', 'THREAD', threadId);
    for (const client of [connect({ token: bystander.token }), connect()]) {
      const refused = await subscribe(client, threadActivity, { threadId }).next();
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const own = subscribe<Activity>(connect({ token: asker.token }), activityWithChange, { threadId });
    await listening(liveChannels.thread(Number(threadId)));

    const replyId = await reply(threadId, staff.token, 'Staff here: we hid your question, it showed your setup key.');
    // Staff edit it: its author may not while it is hidden.
    await app.query(
      'mutation Q($threadId: ID!) { editQuestion(threadId: $threadId, input: { body: "Edited: the key is gone now." }) { id } }',
      { threadId },
      { token: staff.token },
    );
    await app.query(lockMutation, { threadId }, { token: staff.token });
    await moderate('restorePost', 'THREAD', threadId);

    for (const expected of [
      {
        kind: 'NEW_REPLY',
        replyId,
        reply: { id: replyId, body: 'Staff here: we hid your question, it showed your setup key.', isStaffAnswer: true, hidden: false },
      },
      {
        kind: 'UPDATED',
        replyId: null,
        question: { id: threadId, body: 'Edited: the key is gone now.', edited: true, viewerCanEdit: false },
      },
      { kind: 'LOCKED', replyId: null, state: { status: 'LOCKED', locked: true } },
      bare(threadId),
    ]) {
      const result = await own.next();
      expect(result.errors).toBeUndefined();
      expect(result.data?.threadActivity).toMatchObject({ threadId, ...expected });
    }
  });

  it("keeps another member's hidden reply from the asker of a hidden question: neither its text nor its id", async () => {
    const threadId = await ask();
    const hiddenReplyId = await reply(threadId, replier.token, 'An answer that a moderator will hide.');
    await moderate('hidePost', 'THREAD', threadId);
    const own = subscribe<Activity>(connect({ token: asker.token }), activityWithChange, { threadId });
    const moderator = subscribe<Activity>(connect({ token: staff.token }), activityWithChange, { threadId });
    await listening(liveChannels.thread(Number(threadId)), 2);

    await moderate('hidePost', 'REPLY', hiddenReplyId);
    await app.query(
      'mutation E($replyId: ID!) { editReply(replyId: $replyId, input: { body: "A secret edit of a hidden reply." }) { id } }',
      { replyId: hiddenReplyId },
      { token: staff.token },
    );
    const staffReplyId = await reply(threadId, staff.token, 'Staff here: the answer above was hidden, it asked for your code.');

    for (const expected of [
      { kind: 'UPDATED', replyId: hiddenReplyId },
      { kind: 'UPDATED', replyId: hiddenReplyId, reply: { body: 'A secret edit of a hidden reply.', hidden: true } },
      { kind: 'NEW_REPLY', replyId: staffReplyId },
    ])
      expect((await moderator.next()).data?.threadActivity).toMatchObject(expected);
    for (const withheld of [1, 2]) {
      const result = await own.next();
      expect(result.errors, `message ${withheld}`).toBeUndefined();
      expect(result.data?.threadActivity).toEqual(bare(threadId));
      expect(JSON.stringify(result)).not.toContain('secret edit');
    }
    expect((await own.next()).data?.threadActivity).toMatchObject({ kind: 'NEW_REPLY', replyId: staffReplyId });
  });

  it('keeps the asker informed when their question is hidden while they follow it, and other members not', async () => {
    const threadId = await ask();
    const own = subscribe<Activity>(connect({ token: asker.token }), activityWithChange, { threadId });
    const member = subscribe<Activity>(connect({ token: bystander.token }), activityWithChange, { threadId });
    await listening(liveChannels.thread(Number(threadId)), 2);

    await moderate('hidePost', 'THREAD', threadId);
    const replyId = await reply(threadId, staff.token, 'Staff here: we hid your question, it showed your recovery codes.');
    await moderate('restorePost', 'THREAD', threadId);

    const staffReply = {
      kind: 'NEW_REPLY',
      threadId,
      replyId,
      reply: { body: 'Staff here: we hid your question, it showed your recovery codes.' },
    };
    for (const expected of [bare(threadId), staffReply, bare(threadId)])
      expect((await own.next()).data?.threadActivity).toMatchObject(expected);
    for (const expected of [bare(threadId), bare(threadId)]) expect((await member.next()).data?.threadActivity).toEqual(expected);
  });

  it("tells the asker's forumActivity of activity in their hidden question, which their thread list shows, and no other member's", async () => {
    const threadId = await ask();
    const replyId = await reply(threadId);
    await moderate('hidePost', 'THREAD', threadId);
    const listed = async (account: TestAccount) =>
      (await app.query<{ threads: { nodes: { id: string }[] } }>('{ threads(first: 50) { nodes { id } } }', {}, { token: account.token }))
        .threads.nodes;
    expect(await listed(asker)).toContainEqual({ id: threadId });
    expect(await listed(bystander)).not.toContainEqual({ id: threadId });
    // Subscribers of earlier tests are gone once the server has seen their sockets close.
    await listening(liveChannels.forum(), 0);
    const forum = 'subscription { forumActivity { threadId visibilityChanged } }';
    const own = subscribe<{ forumActivity: Record<string, unknown> }>(connect({ token: asker.token }), forum);
    const member = subscribe<{ forumActivity: Record<string, unknown> }>(connect({ token: bystander.token }), forum);
    await listening(liveChannels.forum(), 2);

    await reply(threadId, staff.token, 'Staff here: we hid your question, it showed your setup key.');
    await moderate('hidePost', 'REPLY', replyId);
    const visibleId = await ask(bystander.token);

    for (const expected of [
      { threadId, visibilityChanged: false },
      { threadId, visibilityChanged: true },
      { threadId: visibleId, visibilityChanged: false },
    ])
      expect((await own.next()).data?.forumActivity).toEqual(expected);
    expect((await member.next()).data?.forumActivity).toEqual({ threadId: visibleId, visibilityChanged: false });
  });

  it('carries the new reply, as each subscriber may see it, with its author', async () => {
    const threadId = await ask();
    const anonymous = subscribe<Activity>(connect(), activityWithChange, { threadId });
    const author = subscribe<Activity>(connect({ token: replier.token }), activityWithChange, { threadId });
    await listening(liveChannels.thread(Number(threadId)), 2);

    const replyId = await reply(threadId, replier.token, 'Try the **appearance** setting in your browser.');

    const expected = {
      kind: 'NEW_REPLY',
      replyId,
      question: null,
      state: null,
      reply: {
        id: replyId,
        threadId,
        body: 'Try the **appearance** setting in your browser.',
        bodyHtml: expect.stringContaining('<strong>appearance</strong>'),
        isStaffAnswer: false,
        isAccepted: false,
        hidden: false,
        edited: false,
        impostorWarning: false,
        author: { id: replier.id, username: replier.username, isStaff: false, isBot: false },
      },
    };
    const forAnonymous = await anonymous.next();
    expect(forAnonymous.errors).toBeUndefined();
    expect(forAnonymous.data?.threadActivity).toMatchObject({ ...expected, reply: { ...expected.reply, viewerCanEdit: false } });
    expect((await author.next()).data?.threadActivity).toMatchObject({
      ...expected,
      reply: { ...expected.reply, viewerCanEdit: true },
    });
  });

  it('carries an edited reply and an edited question with its tags, and reads nothing per subscriber', async () => {
    const threadId = await ask();
    const replyId = await reply(threadId);
    const edit = async (round: number) => {
      await app.query(
        'mutation E($replyId: ID!, $body: String!) { editReply(replyId: $replyId, input: { body: $body }) { id } }',
        { replyId, body: `Edited ${round}: use the _appearance_ setting.` },
        { token: replier.token },
      );
    };
    const statementsFor = async (subscribers: number, round: number) => {
      const results = Array.from({ length: subscribers }, () => subscribe<Activity>(connect(), activityWithChange, { threadId }));
      await listening(liveChannels.thread(Number(threadId)), subscribers);
      const { result: received, statements } = await app.countStatements(async () => {
        await edit(round);
        const messages = await Promise.all(results.map((result) => result.next()));
        // The edit's search-index batch (SQLite) comes ~50 ms after it: counted in every round, not only in a slow one.
        await app.jobsDone();
        return messages;
      });
      await Promise.all(clients.splice(0).map((client) => client.dispose()));
      await listening(liveChannels.thread(Number(threadId)), 0);
      return { statements, received };
    };

    const alone = await statementsFor(0, 1);
    const watched = await statementsFor(3, 2);
    expect(watched.statements).toBe(alone.statements);
    for (const result of watched.received) {
      expect(result.errors).toBeUndefined();
      expect(result.data?.threadActivity).toMatchObject({
        kind: 'UPDATED',
        replyId,
        reply: {
          id: replyId,
          body: 'Edited 2: use the _appearance_ setting.',
          bodyHtml: expect.stringContaining('<em>appearance</em>'),
          edited: true,
        },
      });
    }

    const watcher = subscribe<Activity>(connect(), activityWithChange, { threadId });
    await listening(liveChannels.thread(Number(threadId)));
    await app.query(
      'mutation Q($threadId: ID!) { editQuestion(threadId: $threadId, input: { title: "Darker forum colours on my phone", tags: ["mobile", "display"] }) { id } }',
      { threadId },
      { token: asker.token },
    );
    expect((await watcher.next()).data?.threadActivity).toMatchObject({
      kind: 'UPDATED',
      replyId: null,
      reply: null,
      question: {
        id: threadId,
        title: 'Darker forum colours on my phone',
        tags: ['display', 'mobile'],
        edited: true,
        viewerCanEdit: false,
      },
    });
  });

  it('carries the thread state after an accept, a withdrawal and a lock, and tells each subscriber whether they did it', async () => {
    const threadId = await ask();
    const replyId = await reply(threadId);
    const document = activityWithChange.replace('kind threadId replyId', 'kind threadId replyId byYou');
    const anonymous = subscribe<Activity>(connect(), document, { threadId });
    const toAsker = subscribe<Activity>(connect({ token: asker.token }), document, { threadId });
    const toStaff = subscribe<Activity>(connect({ token: staff.token }), document, { threadId });
    await listening(liveChannels.thread(Number(threadId)), 3);

    await app.query(acceptMutation, { replyId }, { token: asker.token });
    await app.query('mutation U($threadId: ID!) { unacceptAnswer(threadId: $threadId) { id } }', { threadId }, { token: asker.token });
    await reply(threadId, staff.token);
    await app.query(lockMutation, { threadId }, { token: staff.token });

    const expected = [
      { kind: 'ACCEPTED', replyId, state: { status: 'ANSWERED', locked: false }, reply: null, byAsker: true },
      { kind: 'ACCEPTED', replyId: null, state: { status: 'OPEN', locked: false }, reply: null, byAsker: true },
      { kind: 'NEW_REPLY', byAsker: false },
      { kind: 'LOCKED', replyId: null, state: { status: 'LOCKED', locked: true }, reply: null, byAsker: false },
    ];
    for (const { byAsker, ...step } of expected) {
      expect((await anonymous.next()).data?.threadActivity).toMatchObject({ ...step, question: null, byYou: false });
      expect((await toAsker.next()).data?.threadActivity).toMatchObject({ ...step, byYou: byAsker });
      expect((await toStaff.next()).data?.threadActivity).toMatchObject({ ...step, byYou: !byAsker });
    }
  });

  it('keeps an edited hidden reply to staff: members get no reply and no id, and read the thread again', async () => {
    const threadId = await ask();
    const replyId = await reply(threadId);
    await app.query(
      'mutation H($postId: ID!) { hidePost(postType: REPLY, postId: $postId) { id } }',
      { postId: replyId },
      { token: staff.token },
    );
    const member = subscribe<Activity>(connect({ token: asker.token }), activityWithChange, { threadId });
    const anonymous = subscribe<Activity>(connect(), activityWithChange, { threadId });
    const moderator = subscribe<Activity>(connect({ token: staff.token }), activityWithChange, { threadId });
    await listening(liveChannels.thread(Number(threadId)), 3);

    await app.query(
      'mutation E($replyId: ID!) { editReply(replyId: $replyId, input: { body: "A secret edit of a hidden reply." }) { id } }',
      { replyId },
      { token: staff.token },
    );

    expect((await moderator.next()).data?.threadActivity).toMatchObject({
      kind: 'UPDATED',
      replyId,
      reply: { id: replyId, body: 'A secret edit of a hidden reply.', hidden: true },
    });
    for (const other of [member, anonymous]) {
      const result = await other.next();
      expect(result.errors).toBeUndefined();
      expect(result.data?.threadActivity).toEqual(bare(threadId));
      expect(JSON.stringify(result)).not.toContain('secret edit');
    }
  });

  /**
   * A moderator hides a thread while a reply to it is being edited or posted. The live event must follow the thread's
   * state at the commit, not the one read when the request began. PostgreSQL only: the test holds a table lock on its
   * own connection to stop one side mid-way, which SQLite (one connection, queued transactions) cannot do.
   */
  describe.skipIf(!process.env.TEST_DATABASE_URL?.startsWith('postgres'))('a thread hidden while a reply to it is in flight', () => {
    const hideThread = (threadId: string, hide: boolean) =>
      app.query(
        `mutation H($postId: ID!) { ${hide ? 'hidePost' : 'restorePost'}(postType: THREAD, postId: $postId) { id } }`,
        { postId: threadId },
        { token: staff.token },
      );
    /** Holds `table` locked against writes on a connection of its own until `release`. */
    const holdTable = async (table: string) => {
      const runner = app.nest.get(DataSource).createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      await runner.query(`LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`);
      const [{ pid }] = (await runner.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
      return {
        /** Until `count` statements wait, directly or through one another, on this lock. */
        waiting: (count: number, what: string) =>
          until(async () => {
            const [row] = (await app.nest.get(DataSource).query(
              `WITH RECURSIVE blocked(pid) AS (
                 SELECT a.pid FROM pg_stat_activity a WHERE $1 = ANY(pg_blocking_pids(a.pid))
                 UNION SELECT a.pid FROM pg_stat_activity a JOIN blocked b ON b.pid = ANY(pg_blocking_pids(a.pid)))
               SELECT COUNT(*) AS n FROM blocked`,
              [pid],
            )) as { n: string }[];
            return Number(row.n) >= count;
          }, what),
        release: async () => {
          await runner.commitTransaction();
          await runner.release();
        },
      };
    };
    /**
     * What a member watching the thread gets: the bare news that it was hidden, then, once it is shown again, that news,
     * and nothing of what happened while it was hidden.
     */
    const expectNothingUntilRestored = async (member: ReturnType<typeof subscribe<Activity>>, threadId: string, secret: string) => {
      const hidden = await member.next();
      await hideThread(threadId, false);
      const restored = await member.next();
      for (const result of [hidden, restored]) {
        expect(JSON.stringify(result)).not.toContain(secret);
        expect(result.data?.threadActivity).toEqual(bare(threadId));
      }
    };

    it('keeps a reply edited while its thread was hidden from members', async () => {
      const threadId = await ask();
      const replyId = await reply(threadId);
      const member = subscribe<Activity>(connect({ token: bystander.token }), activityWithChange, { threadId });
      const moderator = subscribe<Activity>(connect({ token: staff.token }), activityWithChange, { threadId });
      await listening(liveChannels.thread(Number(threadId)), 2);

      // The hide holds the thread's row, hidden but not committed, and waits to log itself; the edit has read the
      // thread (visible) and waits for the row.
      const log = await holdTable('moderation_actions');
      const hidden = hideThread(threadId, true);
      await log.waiting(1, 'the hide waits to log itself');
      const edit = app.request(
        'mutation E($replyId: ID!) { editReply(replyId: $replyId, input: { body: "Edited while the thread went away." }) { id } }',
        { replyId },
        { token: replier.token },
      );
      await log.waiting(2, 'the edit waits for the thread being hidden');
      await log.release();
      await hidden;
      expect((await edit).errors).toBeUndefined();

      // The edit commits after the hide, but the two are announced as they finish, so staff may get them in either order.
      const staffGot = [(await moderator.next()).data?.threadActivity, (await moderator.next()).data?.threadActivity];
      expect(staffGot).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'UPDATED', replyId: null }),
          expect.objectContaining({
            kind: 'UPDATED',
            replyId,
            reply: expect.objectContaining({ body: 'Edited while the thread went away.' }),
          }),
        ]),
      );
      await expectNothingUntilRestored(member, threadId, 'went away');
    });

    it('keeps a reply posted while its thread was being hidden from members', async () => {
      const threadId = await ask();
      const member = subscribe<Activity>(connect({ token: bystander.token }), activityWithChange, { threadId });
      const moderator = subscribe<Activity>(connect({ token: staff.token }), activityWithChange, { threadId });
      await listening(liveChannels.thread(Number(threadId)), 2);

      // The hide holds the thread's row, hidden but not committed, and waits to log itself; the reply has read the
      // thread (visible) and waits for the row.
      const log = await holdTable('moderation_actions');
      const hidden = hideThread(threadId, true);
      await log.waiting(1, 'the hide waits to log itself');
      const posted = app.request(replyMutation, { threadId, body: 'Posted as the thread went away.' }, { token: replier.token });
      await log.waiting(2, 'the reply waits for the thread being hidden');
      await log.release();
      await hidden;
      const replyId = ((await posted).data as { replyToThread: { id: string } }).replyToThread.id;

      // Both commit before either is announced, so staff may get the two in either order.
      const staffGot = [(await moderator.next()).data?.threadActivity, (await moderator.next()).data?.threadActivity];
      expect(staffGot).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'UPDATED', replyId: null }),
          expect.objectContaining({
            kind: 'NEW_REPLY',
            replyId,
            reply: expect.objectContaining({ body: 'Posted as the thread went away.' }),
          }),
        ]),
      );
      await expectNothingUntilRestored(member, threadId, 'went away');
    });
  });

  it('sends notificationAdded to the asker only, with the unread count', async () => {
    const threadId = await ask();
    const askerNotifications = subscribe<{ notificationAdded: Record<string, any> }>(connect({ token: asker.token }), notificationAdded);
    const otherNotifications = subscribe<{ notificationAdded: Record<string, any> }>(connect({ token: staff.token }), notificationAdded);
    await listening(liveChannels.notifications(Number(asker.id)));
    await listening(liveChannels.notifications(Number(staff.id)));

    const replyId = await reply(threadId);
    const first = await askerNotifications.next();
    expect(first.errors).toBeUndefined();
    expect(first.data?.notificationAdded).toMatchObject({
      unreadCount: expect.any(Number),
      notification: { kind: 'REPLY', replyId, read: false, thread: { id: threadId }, actor: { username: replier.username } },
    });
    // Posted once the first has arrived: two replies' notification jobs may run at once and finish in either order.
    await reply(threadId, staff.token, `Thanks @${replier.username}, that is right.`);
    const second = await askerNotifications.next();
    expect(second.data?.notificationAdded.unreadCount).toBe(first.data!.notificationAdded.unreadCount + 1);
    // The staff member wrote the second reply and was notified of nothing: the asker's events never reached them.
    askerNotifications.unsubscribe();
    otherNotifications.unsubscribe();
    await until(() => listenerCount(app) === 0, 'the subscriptions are released');
    const unreadForStaff = await app.query<{ unreadNotificationCount: number }>('{ unreadNotificationCount }', {}, { token: staff.token });
    expect(unreadForStaff.unreadNotificationCount).toBe(0);
  });

  it("reads the unread count once for all of a member's subscriptions to a notification, and again for the next one", async () => {
    const threadId = await ask();
    // Two tabs with five subscriptions each.
    const tabs = [connect({ token: asker.token }), connect({ token: asker.token })];
    const subscriptions = tabs.flatMap((client) =>
      Array.from({ length: 5 }, () => subscribe<{ notificationAdded: Record<string, any> }>(client, notificationAdded)),
    );
    await listening(liveChannels.notifications(Number(asker.id)), 10);
    await app.jobsDone();
    const notify = () =>
      unreadCountReads([app], async () => {
        const replyId = await reply(threadId);
        const results = await Promise.all(subscriptions.map((subscription) => subscription.next()));
        expect(results.map((result) => result.data?.notificationAdded.notification.replyId)).toEqual(Array(10).fill(replyId));
        return results.map((result) => result.data?.notificationAdded.unreadCount);
      });

    await app.query(markAllRead, {}, { token: asker.token });
    expect(await notify()).toEqual({ result: Array(10).fill(1), reads: [1] });
    expect(await notify()).toEqual({ result: Array(10).fill(2), reads: [1] });
    await app.query(markAllRead, {}, { token: asker.token });
    expect(await notify()).toEqual({ result: Array(10).fill(1), reads: [1] });
  });

  it('refuses notificationAdded without a session, and a socket with a bad token', async () => {
    const anonymous = await subscribe(connect(), notificationAdded).next();
    expect(anonymous.data ?? null).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    expect(await subscribe(connect({ token: 'not-a-session' }), forumActivity).ended).toMatchObject({ error: { code: 4403 } });
  });

  it('signs the socket in with the session cookie of the same origin only', async () => {
    const cookie = sessionCookieOf(app, asker);
    const host = new URL(app.url).host;
    const sameOrigin = subscribe<{ notificationAdded: Record<string, any> }>(
      connect({ cookie, origin: `http://${host}` }),
      notificationAdded,
    );
    await listening(liveChannels.notifications(Number(asker.id)));

    const crossSite = await subscribe(connect({ cookie, origin: 'https://evil.example' }), notificationAdded).next();
    expect(crossSite.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const threadId = await ask();
    await reply(threadId);
    expect((await sameOrigin.next()).data?.notificationAdded.notification.kind).toBe('REPLY');
  });

  it('serves only subscriptions on the socket, within the HTTP limits', async () => {
    const client = connect();
    expect(await subscribe(client, '{ health { status } }').ended).toEqual({
      error: [expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })],
    });
    const aliases = Array.from({ length: 31 }, (_, index) => `a${index}: forumActivity { threadId }`).join(' ');
    expect(await subscribe(client, `subscription { ${aliases} }`).ended).toEqual({
      error: expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(/Aliases limit of 30/) })]),
    });
    const badId = await subscribe(client, threadActivity, { threadId: 'abc' }).next();
    expect(badId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('releases every listener when a subscription completes or the client goes away', async () => {
    const threadId = await ask();
    const client = connect({ token: asker.token });
    const activity = subscribe(client, threadActivity, { threadId });
    subscribe(client, forumActivity);
    subscribe(client, notificationAdded);
    await until(() => listenerCount(app) === 3, 'three listeners');

    activity.unsubscribe();
    await until(() => listenerCount(app) === 2, 'the completed subscription is released');

    await client.dispose();
    await until(() => listenerCount(app) === 0, 'all listeners are released');
    expect(listenerCount(app)).toBe(0);
  });
});

// Needs a Redis server: set TEST_REDIS_URL (.ci/run does).
describe.skipIf(!process.env.TEST_REDIS_URL)('live updates across instances sharing Redis', () => {
  const instances = useTwoInstances();
  let redis: Redis;
  let asker: TestAccount;
  let replier: TestAccount;

  beforeAll(async () => {
    redis = new Redis(instances.redisUrl);
    asker = await createAccount(instances.first, Role.MEMBER);
    replier = await createAccount(instances.first, Role.MEMBER);
  });
  afterAll(async () => {
    await redis?.quit();
  });

  const subscribers = async (channel: string) => {
    const [, count] = (await redis.pubsub('NUMSUB', `${instances.prefix}live:${channel}`)) as [string, number];
    return Number(count);
  };

  it('delivers an event raised on one instance to a subscriber on the other, and unsubscribes when it leaves', async () => {
    const { askQuestion } = await instances.first.query<{ askQuestion: { id: string } }>(
      askMutation,
      { input: question() },
      { token: asker.token },
    );
    const threadChannel = liveChannels.thread(Number(askQuestion.id));
    const notificationChannel = liveChannels.notifications(Number(asker.id));
    const client = liveClient(instances.second, { token: asker.token });
    try {
      const activity = subscribe<Activity>(client, activityWithChange, { threadId: askQuestion.id });
      const notifications = subscribe<{ notificationAdded: Record<string, any> }>(client, notificationAdded);
      await until(
        async () => (await subscribers(threadChannel)) === 1 && (await subscribers(notificationChannel)) === 1,
        'Redis has both subscriptions',
      );

      const { replyToThread } = await instances.first.query<{ replyToThread: { id: string } }>(
        replyMutation,
        { threadId: askQuestion.id, body: 'Your browser decides; look for its appearance setting.' },
        { token: replier.token },
      );

      // The change crossed Redis as JSON and reached the other instance's subscriber whole.
      expect((await activity.next()).data?.threadActivity).toMatchObject({
        kind: 'NEW_REPLY',
        threadId: askQuestion.id,
        replyId: replyToThread.id,
        reply: {
          id: replyToThread.id,
          body: 'Your browser decides; look for its appearance setting.',
          viewerCanEdit: false,
          author: { id: replier.id, username: replier.username },
        },
      });
      expect((await notifications.next()).data?.notificationAdded.notification).toMatchObject({
        kind: 'REPLY',
        replyId: replyToThread.id,
      });
    } finally {
      await client.dispose();
    }
    await until(() => listenerCount(instances.second) === 0, 'the second instance releases its listeners');
    await until(
      async () => (await subscribers(threadChannel)) === 0 && (await subscribers(notificationChannel)) === 0,
      'Redis channels are unsubscribed',
    );
    expect(await subscribers(threadChannel)).toBe(0);
  });

  it("reads the unread count once on each instance for all of a member's subscriptions there", async () => {
    const { askQuestion } = await instances.first.query<{ askQuestion: { id: string } }>(
      askMutation,
      { input: question() },
      { token: asker.token },
    );
    const notificationChannel = liveChannels.notifications(Number(asker.id));
    const apps = [instances.first, instances.second];
    const clients = apps.map((app) => liveClient(app, { token: asker.token }));
    try {
      const subscriptions = clients.flatMap((client) =>
        Array.from({ length: 3 }, () => subscribe<{ notificationAdded: Record<string, any> }>(client, notificationAdded)),
      );
      await until(
        async () => apps.every((app) => listenerCount(app, notificationChannel) === 3) && (await subscribers(notificationChannel)) === 2,
        'both instances listen, three subscriptions each',
      );
      await instances.first.jobsDone();
      const { unreadNotificationCount } = await instances.first.query<{ unreadNotificationCount: number }>(
        '{ unreadNotificationCount }',
        {},
        { token: asker.token },
      );

      const notified = await unreadCountReads(apps, async () => {
        await instances.first.query(
          replyMutation,
          { threadId: askQuestion.id, body: 'Your browser decides; look for its appearance setting.' },
          { token: replier.token },
        );
        return Promise.all(subscriptions.map(async (subscription) => (await subscription.next()).data?.notificationAdded.unreadCount));
      });

      expect(notified).toEqual({ result: Array(6).fill(unreadNotificationCount + 1), reads: [1, 1] });
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
    }
  });
});

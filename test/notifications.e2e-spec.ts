import { randomBytes } from 'node:crypto';
import { DataSource, ObjectLiteral, Repository } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { MarkdownService } from '../apps/api/src/markdown/markdown.service.js';
import { NotificationEntity } from '../apps/api/src/notifications/notification.entity.js';
import { NotificationKind } from '../apps/api/src/notifications/notification-kind.js';
import { ReplyEntity } from '../apps/api/src/threads/reply.entity.js';
import { ThreadEntity } from '../apps/api/src/threads/thread.entity.js';
import { Role } from '../apps/api/src/common/role.js';
import { PostType } from '../apps/api/src/common/post-type.js';
import { PendingPostJobEntity } from '../apps/api/src/jobs/pending-post-job.entity.js';
import { PostJobs } from '../apps/api/src/jobs/post-jobs.service.js';
import { PostsService } from '../apps/api/src/threads/posts.service.js';
import { RevisionsService } from '../apps/api/src/threads/revisions.service.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { holdCalls } from './support/hold-calls.js';
import { until } from './support/live-client.js';
import { queryPlans } from './support/query-plans.js';
import { TestApp } from './support/test-app.js';

const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id title } }';
const replyMutation = 'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }';
const acceptMutation = 'mutation Accept($replyId: ID!) { acceptAnswer(replyId: $replyId) { id } }';
const unacceptMutation = 'mutation Unaccept($threadId: ID!) { unacceptAnswer(threadId: $threadId) { id } }';
const notificationsQuery = `query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    nodes { id kind replyId replyIsYours read createdAt thread { id title } actor { id username isBot } }
    edges { cursor }
    pageInfo { hasNextPage endCursor }
  }
  unreadNotificationCount
}`;
const markReadMutation = 'mutation MarkRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }';
const markAllMutation = 'mutation { markAllNotificationsRead }';
const markThreadMutation = 'mutation MarkThread($threadId: ID!) { markThreadNotificationsRead(threadId: $threadId) }';
const editQuestionMutation =
  'mutation EditQuestion($threadId: ID!, $input: EditQuestionInput!) { editQuestion(threadId: $threadId, input: $input) { id } }';
const editReplyMutation =
  'mutation EditReply($replyId: ID!, $input: EditReplyInput!) { editReply(replyId: $replyId, input: $input) { id } }';

interface NotificationNode {
  id: string;
  kind: string;
  replyId: string | null;
  replyIsYours: boolean;
  read: boolean;
  thread: { id: string; title: string };
  actor: { id: string; username: string; isBot: boolean } | null;
}
interface NotificationsData {
  notifications: { nodes: NotificationNode[]; edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  unreadNotificationCount: number;
}

// Off-topic on purpose, so that the FAQ bot stays out of these threads.
const question = (body = 'Can the forum use a darker colour scheme on small screens, please?') => ({
  title: `Forum colours on my phone ${randomBytes(3).toString('hex')}`,
  body,
});

describe('notifications', () => {
  let app: TestApp;
  let asker: TestAccount;
  let replier: TestAccount;
  let bystander: TestAccount;
  let staff: TestAccount;
  let bot: TestAccount;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  // Fresh people for every test, so that each starts with no notifications.
  beforeEach(async () => {
    asker = await createAccount(app, Role.MEMBER);
    replier = await createAccount(app, Role.MEMBER);
    bystander = await createAccount(app, Role.MEMBER);
    staff = await createAccount(app, Role.STAFF);
    bot = await createAccount(app, Role.BOT);
  });
  afterAll(async () => {
    await app.stop();
  });

  const ask = async (token = asker.token, body?: string) =>
    (await app.query<{ askQuestion: { id: string; title: string } }>(askMutation, { input: question(body) }, { token })).askQuestion;
  // Its notifications are made by jobs: done when this returns, as a moment later for a reader.
  const reply = async (threadId: string, token = replier.token, body = 'Try the appearance setting in your browser.') => {
    const { replyToThread } = await app.query<{ replyToThread: { id: string } }>(replyMutation, { threadId, body }, { token });
    await app.jobsDone();
    return replyToThread.id;
  };
  // Notifications are made by jobs after each post: read them once those have run.
  const notificationsOf = async (account: TestAccount, variables: Record<string, unknown> = {}) => {
    await app.jobsDone();
    return app.query<NotificationsData>(notificationsQuery, variables, { token: account.token });
  };

  it('tells the asker about a reply, with the thread, the reply and who wrote it', async () => {
    const thread = await ask();
    const replyId = await reply(thread.id);

    const { notifications, unreadNotificationCount } = await notificationsOf(asker);
    expect(notifications.nodes).toEqual([
      {
        id: expect.any(String),
        kind: 'REPLY',
        replyId,
        replyIsYours: false,
        read: false,
        createdAt: expect.any(String),
        thread: { id: thread.id, title: thread.title },
        actor: { id: replier.id, username: replier.username, isBot: false },
      },
    ]);
    expect(unreadNotificationCount).toBe(1);
    expect((await notificationsOf(replier)).notifications.nodes).toEqual([]);
  });

  it('does not notify the asker of their own reply', async () => {
    const thread = await ask();
    await reply(thread.id, asker.token);
    await expect(notificationsOf(asker)).resolves.toMatchObject({ notifications: { nodes: [] }, unreadNotificationCount: 0 });
  });

  it("reports the FAQ bot's reply as BOT_ANSWER", async () => {
    const thread = await ask();
    const replyId = await reply(thread.id, bot.token, 'Two-factor authentication has no backup codes; save the QR code instead.');
    const { notifications } = await notificationsOf(asker);
    expect(notifications.nodes).toMatchObject([{ kind: 'BOT_ANSWER', replyId, actor: { username: bot.username, isBot: true } }]);
  });

  it("does not notify the asker of the bot's instant answer to the question they just posted", async () => {
    const input = {
      title: `No backup codes after turning on 2FA ${randomBytes(3).toString('hex')}`,
      body: 'I turned on two-factor authentication today and was never shown any backup codes. Where do I find them?',
    };
    const asked = await app.query<{ askQuestion: { id: string } }>(askMutation, { input }, { token: asker.token });
    await app.jobsDone();
    const { thread } = await app.query<{ thread: { botSuggestion: { replyId: string | null } | null } }>(
      'query T($id: ID!) { thread(id: $id) { botSuggestion { replyId } } }',
      { id: asked.askQuestion.id },
      { token: asker.token },
    );
    expect(thread.botSuggestion?.replyId).toEqual(expect.any(String));
    await expect(notificationsOf(asker)).resolves.toMatchObject({ notifications: { nodes: [] }, unreadNotificationCount: 0 });
    // Someone else's reply still notifies.
    await reply(asked.askQuestion.id, staff.token, 'There are no backup codes for your account; save the QR code instead.');
    await expect(notificationsOf(asker)).resolves.toMatchObject({
      notifications: { nodes: [{ kind: 'REPLY' }] },
      unreadNotificationCount: 1,
    });
  });

  it('notifies people mentioned in a reply once each, never the author, never twice for one reply', async () => {
    const thread = await ask();
    const body = `@${bystander.username} and @${staff.username.toUpperCase()}, see this. Also @${asker.username}, @${replier.username}, @nobody_here and again @${bystander.username}.`;
    const replyId = await reply(thread.id, replier.token, body);

    expect((await notificationsOf(bystander)).notifications.nodes).toMatchObject([
      { kind: 'MENTION', replyId, actor: { username: replier.username } },
    ]);
    expect((await notificationsOf(staff)).notifications.nodes).toMatchObject([{ kind: 'MENTION', replyId }]);
    // The asker already hears about this reply.
    expect((await notificationsOf(asker)).notifications.nodes.map((node) => node.kind)).toEqual(['REPLY']);
    expect((await notificationsOf(replier)).notifications.nodes).toEqual([]);
  });

  it("notifies once when a reply's job is run again after it finished, even twice at once", async () => {
    const thread = await ask();
    const replyId = await reply(thread.id, replier.token, `Thanks, @${bystander.username} knows this one.`);
    const job = { job: 'notify-reply', postType: PostType.REPLY, postId: Number(replyId), causedById: null };
    const jobs = app.nest.get(PostJobs);
    await Promise.all([jobs.run(job), jobs.run(job)]);
    expect((await notificationsOf(asker)).notifications.nodes).toMatchObject([{ kind: 'REPLY', replyId }]);
    expect((await notificationsOf(bystander)).notifications.nodes).toMatchObject([{ kind: 'MENTION', replyId }]);
  });

  const editReply = async (replyId: string, body: string, token = replier.token) => {
    await app.query(editReplyMutation, { replyId, input: { body } }, { token });
    await app.jobsDone();
  };
  const mentionsOf = async (account: TestAccount) =>
    (await notificationsOf(account)).notifications.nodes
      .filter((node) => node.kind === 'MENTION')
      .map((node) => ({ replyId: node.replyId, actor: node.actor?.username }));

  it('notifies whom an edit of a reply newly mentions, once, and nobody the reply named or told before', async () => {
    const newcomer = await createAccount(app, Role.MEMBER);
    const thread = await ask();
    const replyId = await reply(thread.id, replier.token, `Thanks, @${bystander.username} knows this one.`);

    await editReply(
      replyId,
      `Thanks, @${bystander.username} knows this one, and @${newcomer.username} too. @${replier.username} @${asker.username}`,
    );
    expect(await mentionsOf(newcomer)).toEqual([{ replyId, actor: replier.username }]);
    expect(await mentionsOf(bystander)).toEqual([{ replyId, actor: replier.username }]);
    // The asker heard of the reply already; its author never hears of their own words.
    expect((await notificationsOf(asker)).notifications.nodes.map((node) => node.kind)).toEqual(['REPLY']);
    expect((await notificationsOf(replier)).notifications.nodes).toEqual([]);

    // Edited again with the same people named, or one of them dropped and named again: nobody hears twice.
    await editReply(replyId, `Thanks. @${newcomer.username} and @${bystander.username} know this one.`);
    await editReply(replyId, `Thanks, @${bystander.username} knows.`);
    await editReply(replyId, `Thanks, @${bystander.username} and @${newcomer.username} know.`);
    expect(await mentionsOf(newcomer)).toEqual([{ replyId, actor: replier.username }]);
    expect(await mentionsOf(bystander)).toEqual([{ replyId, actor: replier.username }]);
  });

  it('notifies whom an edit of a question newly mentions, with staff who edited it as who did', async () => {
    const thread = await ask(asker.token, 'Can the forum use a darker colour scheme on small screens, please?');
    await app.query(
      editQuestionMutation,
      { threadId: thread.id, input: { body: `Can the forum use a darker colour scheme, @${bystander.username}?` } },
      { token: asker.token },
    );
    await app.jobsDone();
    expect(await mentionsOf(bystander)).toEqual([{ replyId: null, actor: asker.username }]);

    await app.query(
      editQuestionMutation,
      { threadId: thread.id, input: { body: `Can the forum use a darker scheme, @${bystander.username} and @${replier.username}?` } },
      { token: staff.token },
    );
    await app.jobsDone();
    expect(await mentionsOf(bystander)).toEqual([{ replyId: null, actor: asker.username }]);
    expect(await mentionsOf(replier)).toEqual([{ replyId: null, actor: staff.username }]);
  });

  it("notifies once when an edit's job is run again after it finished, even twice at once", async () => {
    const thread = await ask();
    const replyId = await reply(thread.id);
    await editReply(replyId, `Try the appearance setting in your browser, @${bystander.username}.`);
    const job = { job: 'notify-reply-edit', postType: PostType.REPLY, postId: Number(replyId), causedById: Number(replier.id) };
    const jobs = app.nest.get(PostJobs);
    await Promise.all([jobs.run(job), jobs.run(job)]);
    expect(await mentionsOf(bystander)).toEqual([{ replyId, actor: replier.username }]);
    // Run anew while nothing is pending (a sweep that found the row before the first run removed it): still once.
    await app.nest
      .get(DataSource)
      .getRepository(PendingPostJobEntity)
      .insert({ ...job, createdAt: new Date() });
    await jobs.run(job);
    expect(await mentionsOf(bystander)).toEqual([{ replyId, actor: replier.username }]);
  });

  it('tells nobody whom an edit of a hidden reply names, not even once it is restored and edited again', async () => {
    const newcomer = await createAccount(app, Role.MEMBER);
    const thread = await ask();
    const replyId = await reply(thread.id);
    const moderate = (action: string) =>
      app.query(`mutation M($id: ID!) { ${action}(postType: REPLY, postId: $id) { id } }`, { id: replyId }, { token: staff.token });
    await moderate('hidePost');
    // Only staff may edit a hidden post.
    await editReply(replyId, `Try the appearance setting in your browser, @${bystander.username}.`, staff.token);
    await expect(notificationsOf(bystander)).resolves.toMatchObject({ notifications: { nodes: [] }, unreadNotificationCount: 0 });

    await moderate('restorePost');
    await editReply(replyId, `Try the appearance setting in your browser, @${bystander.username} and @${newcomer.username}.`);
    expect(await mentionsOf(newcomer)).toEqual([{ replyId, actor: replier.username }]);
    expect(await mentionsOf(bystander)).toEqual([]);
  });

  const mentionCounts = (people: TestAccount[]) => Promise.all(people.map(async (person) => (await mentionsOf(person)).length));
  const names = (people: TestAccount[]) => people.map((person) => `@${person.username}`).join(' ');

  it("reads and lexes as many texts for an edit's mentions at the twelfth edit as at the second: the text before it, not every earlier one", async () => {
    const thread = await ask();
    const replyId = await reply(thread.id, replier.token, `Ask @${bystander.username}.`);
    const lexed = vi.spyOn(app.nest.get(MarkdownService), 'mentions');
    const revisions = app.nest.get(RevisionsService);
    const editsFrom = revisions.editsFrom.bind(revisions);
    let textsRead = 0;
    const read = vi.spyOn(revisions, 'editsFrom').mockImplementation(async (...post) => {
      const edits = await editsFrom(...post);
      textsRead += edits.length;
      return edits;
    });
    onTestFinished(() => [lexed, read].forEach((spy) => spy.mockRestore()));
    const textsOf = async (edit: number) => {
      lexed.mockClear();
      textsRead = 0;
      // A name not named before, so that each edit has its mentions job.
      await editReply(replyId, `Ask @${bystander.username} or @nobody_${edit}.`);
      return { lexed: lexed.mock.calls.length, read: textsRead };
    };
    await textsOf(1);
    const second = await textsOf(2);
    for (let edit = 3; edit < 12; edit++) await textsOf(edit);
    expect(second.lexed).toBeGreaterThan(0);
    expect(second.read).toBeGreaterThan(0);
    expect(await textsOf(12)).toEqual(second);
    // A name dropped in one edit and named again in the next is not news: whoever it names was told when first named.
    await editReply(replyId, 'Ask anyone.');
    await editReply(replyId, `Ask @${bystander.username} again.`);
    expect(await mentionsOf(bystander)).toEqual([{ replyId, actor: replier.username }]);
  });

  it('notifies at most 10 people by mention from one reply over all its edits, the first ones named', async () => {
    const people = await Promise.all(Array.from({ length: 13 }, () => createAccount(app, Role.MEMBER)));
    const thread = await ask();
    const replyId = await reply(thread.id, replier.token, `Ask ${names(people.slice(0, 6))}.`);

    // Each version names fewer than 10, and none of the people before: the post's 10 run out all the same.
    await editReply(replyId, `Ask ${names(people.slice(6, 11))} instead.`);
    expect(await mentionCounts(people)).toEqual([...Array(10).fill(1), 0, 0, 0]);
    await editReply(replyId, `Ask ${names(people.slice(10))} instead.`);
    expect(await mentionCounts(people)).toEqual([...Array(10).fill(1), 0, 0, 0]);
  });

  it('notifies at most 10 people by mention from one question over all its edits', async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => createAccount(app, Role.MEMBER)));
    const thread = await ask(asker.token, `Can the forum use a darker colour scheme, ${names(people.slice(0, 8))}?`);
    const editQuestion = async (body: string, token: string) => {
      await app.query(editQuestionMutation, { threadId: thread.id, input: { body } }, { token });
      await app.jobsDone();
    };

    await editQuestion(`Can the forum use a darker colour scheme, ${names(people.slice(8, 10))}?`, asker.token);
    expect(await mentionCounts(people)).toEqual([...Array(10).fill(1), 0, 0]);
    // Staff editing it have no more names to spend than its author.
    await editQuestion(`Can the forum use a darker colour scheme, ${names(people.slice(10))}?`, staff.token);
    expect(await mentionCounts(people)).toEqual([...Array(10).fill(1), 0, 0]);
  });

  it('notifies people mentioned in a question, and ignores mentions inside code', async () => {
    const thread = await ask(asker.token, `Hi @${staff.username}, is this right? \`@${bystander.username}\` is just an example.`);
    expect((await notificationsOf(staff)).notifications.nodes).toMatchObject([
      { kind: 'MENTION', replyId: null, thread: { id: thread.id } },
    ]);
    expect((await notificationsOf(bystander)).notifications.nodes).toEqual([]);
  });

  it('notifies exactly the people the post links as mentions: not in a link, a web address or an indented code block', async () => {
    const body = [
      `[@${bystander.username}](https://a.test/profile) on https://a.test/@${bystander.username}, see @@${staff.username}.`,
      `<a href="https://a.test/faq">ask @${bystander.username}</a>`,
      '',
      `    @${bystander.username} in a code block`,
      '',
      '<a href="https://a.test/faq">',
      '',
      `never closed, so ask @${bystander.username} is its text`,
    ].join('\n');
    const thread = await ask(asker.token, body);
    const html = (
      await app.query<{ thread: { bodyHtml: string } }>('query T($id: ID!) { thread(id: $id) { bodyHtml } }', { id: thread.id })
    ).thread.bodyHtml;

    expect(html.match(/class="mention"[^>]*>@[^<]+/g)).toEqual([`class="mention">@${staff.username}`]);
    expect((await notificationsOf(staff)).notifications.nodes).toMatchObject([{ kind: 'MENTION', thread: { id: thread.id } }]);
    expect((await notificationsOf(bystander)).notifications.nodes).toEqual([]);
  });

  it('notifies the person a hand-written link in the form of a mention names, as it reads as one', async () => {
    const thread = await ask(asker.token, `<a class="mention" href="/u/${bystander.username}">@${bystander.username}</a> knows`);
    const html = (
      await app.query<{ thread: { bodyHtml: string } }>('query T($id: ID!) { thread(id: $id) { bodyHtml } }', { id: thread.id })
    ).thread.bodyHtml;

    expect(html).toContain(`class="mention" href="/u/${bystander.username}">@${bystander.username}</a>`);
    expect((await notificationsOf(bystander)).notifications.nodes).toMatchObject([{ kind: 'MENTION', thread: { id: thread.id } }]);
  });

  it('notifies at most 10 of the people one post mentions, the first ones', async () => {
    const people = await Promise.all(Array.from({ length: 11 }, () => createAccount(app, Role.MEMBER)));
    await ask(asker.token, people.map((person) => `@${person.username}`).join(' '));

    const counts = await Promise.all(people.map(async (person) => (await notificationsOf(person)).notifications.nodes.length));
    expect(counts).toEqual([...Array(10).fill(1), 0]);
  });

  // An acceptance's notifications are made by a job, for the acceptance that stands when it runs: done when this returns.
  const accept = async (replyId: string, token: string) => {
    await app.query(acceptMutation, { replyId }, { token });
    await app.jobsDone();
  };

  it('tells the answer’s author and the asker about an accepted answer, except whoever accepted it', async () => {
    const thread = await ask();
    const replyId = await reply(thread.id);
    await app.query(markAllMutation, {}, { token: asker.token });

    await app.query(acceptMutation, { replyId }, { token: asker.token });
    expect((await notificationsOf(replier)).notifications.nodes).toMatchObject([
      { kind: 'ACCEPTED', replyId, replyIsYours: true, actor: { username: asker.username } },
    ]);
    expect((await notificationsOf(asker, { unreadOnly: true })).notifications.nodes).toEqual([]);

    const second = await ask();
    const secondReplyId = await reply(second.id);
    await app.query(acceptMutation, { replyId: secondReplyId }, { token: staff.token });
    expect((await notificationsOf(asker, { unreadOnly: true })).notifications.nodes).toMatchObject([
      { kind: 'ACCEPTED', replyIsYours: false },
      { kind: 'REPLY', replyIsYours: false },
    ]);
    expect((await notificationsOf(staff)).notifications.nodes).toEqual([]);
  });

  it('tells each person about an accepted answer once per reply, however often it is withdrawn and accepted again', async () => {
    const thread = await ask();
    const firstReplyId = await reply(thread.id);
    const secondReplyId = await reply(thread.id, bystander.token);

    for (let round = 0; round < 3; round++) {
      await accept(firstReplyId, asker.token);
      await app.query(unacceptMutation, { threadId: thread.id }, { token: asker.token });
      await accept(firstReplyId, asker.token);
      await accept(secondReplyId, asker.token);
      // Staff accepting tells the asker too, once per reply as well.
      await accept(firstReplyId, staff.token);
    }

    const accepted = async (account: TestAccount) =>
      (await notificationsOf(account, { first: 50 })).notifications.nodes
        .filter((node) => node.kind === 'ACCEPTED')
        .map((node) => node.replyId);
    expect(await accepted(replier)).toEqual([firstReplyId]);
    expect(await accepted(bystander)).toEqual([secondReplyId]);
    expect(await accepted(asker)).toEqual([firstReplyId]);
  });

  it('tells nobody anew when staff restore the accepted answer they hid: the acceptance is given back, not made again', async () => {
    const thread = await ask();
    const replyId = await reply(thread.id);
    await accept(replyId, asker.token);
    for (const action of ['hidePost', 'restorePost'])
      await app.query(`mutation M($id: ID!) { ${action}(postType: REPLY, postId: $id) { id } }`, { id: replyId }, { token: staff.token });

    const accepted = async (account: TestAccount) =>
      (await notificationsOf(account, { first: 50 })).notifications.nodes
        .filter((node) => node.kind === 'ACCEPTED' && node.replyId === replyId)
        .map((node) => node.actor?.username);
    expect(await accepted(replier)).toEqual([asker.username]);
    expect(await accepted(asker)).toEqual([]);
  });

  /** Holds the notification jobs of these replies at their first read until `release()`, as a slow database would. */
  const holdJobsOf = (replyIds: string[]) =>
    holdCalls(app.nest.get(PostsService), 'findOne', {
      when: 'before',
      matching: (postType, postId) => postType === PostType.REPLY && replyIds.includes(String(postId)),
    });
  /** Accepts the reply, and fails unless the answer comes while the notification jobs are held. */
  const acceptAtOnce = async (replyId: string, token: string) => {
    const answered = await Promise.race([
      app.request(acceptMutation, { replyId }, { token }).then((response) => response.errors ?? 'answered'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting after 3 s'), 3000)),
    ]);
    expect(answered).toBe('answered');
  };
  const acceptedOf = async (account: TestAccount) =>
    (await notificationsOf(account, { first: 50 })).notifications.nodes
      .filter((node) => node.kind === 'ACCEPTED')
      .map((node) => ({ replyId: node.replyId, actor: node.actor?.username }));

  it('accepts an answer without waiting for its notifications, which come once their job has run', async () => {
    const thread = await ask();
    const replyId = await reply(thread.id);
    const hold = holdJobsOf([replyId]);
    try {
      await acceptAtOnce(replyId, staff.token);
      await hold.reached;
      const unread = (account: TestAccount) =>
        app.query<NotificationsData>(notificationsQuery, { unreadOnly: true }, { token: account.token });
      await expect(unread(replier)).resolves.toMatchObject({ notifications: { nodes: [] } });

      hold.release();
      expect(await acceptedOf(replier)).toEqual([{ replyId, actor: staff.username }]);
      expect(await acceptedOf(asker)).toEqual([{ replyId, actor: staff.username }]);
      // Queued again (a sweep that read the pending row before the run removed it): nobody is told twice.
      const jobs = app.nest.get(PostJobs);
      await jobs.run({ job: 'notify-accepted', postType: PostType.REPLY, postId: Number(replyId), causedById: Number(staff.id) });
      expect(await acceptedOf(replier)).toEqual([{ replyId, actor: staff.username }]);
      expect(await acceptedOf(asker)).toEqual([{ replyId, actor: staff.username }]);
    } finally {
      hold.restore();
    }
  });

  it('tells of the acceptance that stands when its job runs: none withdrawn or replaced, and who accepted last', async () => {
    const withdrawn = await ask();
    const withdrawnReplyId = await reply(withdrawn.id);
    const replaced = await ask();
    const replacedReplyId = await reply(replaced.id);
    const replacingReplyId = await reply(replaced.id, bystander.token);
    const again = await ask();
    const againReplyId = await reply(again.id);
    const hold = holdJobsOf([withdrawnReplyId, replacedReplyId, replacingReplyId, againReplyId]);
    // Each change comes while the job of the acceptance before it is reading the reply.
    const acceptHeld = async (replyId: string, token: string) => {
      const runs = hold.held.length;
      await acceptAtOnce(replyId, token);
      await until(() => hold.held.length > runs, 'the acceptance’s job is under way');
    };
    try {
      await acceptHeld(withdrawnReplyId, asker.token);
      await app.query(unacceptMutation, { threadId: withdrawn.id }, { token: asker.token });
      await acceptHeld(replacedReplyId, asker.token);
      await acceptHeld(replacingReplyId, asker.token);
      // The asker's acceptance is withdrawn and staff accept the same reply again: the job of the first gives way.
      await acceptHeld(againReplyId, asker.token);
      await app.query(unacceptMutation, { threadId: again.id }, { token: asker.token });
      await acceptHeld(againReplyId, staff.token);
    } finally {
      hold.restore();
    }
    expect(await acceptedOf(replier)).toEqual([{ replyId: againReplyId, actor: staff.username }]);
    expect(await acceptedOf(bystander)).toEqual([{ replyId: replacingReplyId, actor: asker.username }]);
    expect(await acceptedOf(asker)).toEqual([{ replyId: againReplyId, actor: staff.username }]);
  });

  /** Holds every run of the job `name` until `release()`, before it reads anything. */
  const holdRunsOf = (name: string) => holdCalls(app.nest.get(PostJobs), 'run', { when: 'before', matching: (job) => job.job === name });

  it('notifies the people a post named when it was posted although it was edited before its job ran, and those its edit names', async () => {
    const people = await Promise.all(Array.from({ length: 4 }, () => createAccount(app, Role.MEMBER)));
    const hold = holdCalls(app.nest.get(PostJobs), 'run', {
      when: 'before',
      matching: (job) => job.job === 'notify-question' || job.job === 'notify-reply',
    });
    try {
      const thread = await ask(asker.token, `Can the forum use a darker colour scheme, ${names(people.slice(0, 1))}?`);
      const replyId = (
        await app.query<{ replyToThread: { id: string } }>(
          replyMutation,
          { threadId: thread.id, body: `Ask ${names(people.slice(2, 3))}.` },
          { token: replier.token },
        )
      ).replyToThread.id;
      await until(() => hold.held.length >= 2, 'both posts’ jobs are under way');
      await app.query(
        editQuestionMutation,
        { threadId: thread.id, input: { body: `Can the forum use a darker colour scheme, ${names(people.slice(1, 2))}?` } },
        { token: asker.token },
      );
      await app.query(editReplyMutation, { replyId, input: { body: `Ask ${names(people.slice(3))} instead.` } }, { token: replier.token });
      hold.release();
      await app.jobsDone();
    } finally {
      hold.restore();
    }
    expect(await mentionCounts(people)).toEqual([1, 1, 1, 1]);
  });

  it('tells of an acceptance a moderator gives back by restoring its reply once, as its acceptor made it, whenever its job ran', async () => {
    const moderator = await createAccount(app, Role.STAFF);
    const moderate = (action: string, replyId: string) =>
      app.query(`mutation M($id: ID!) { ${action}(postType: REPLY, postId: $id) { id } }`, { id: replyId }, { token: moderator.token });
    // Its job runs while the reply is hidden, and finds no acceptance.
    const ranHidden = await ask();
    const ranHiddenReplyId = await reply(ranHidden.id);
    // Hidden and restored before its job runs, which finds the acceptance back.
    const restoredFirst = await ask();
    const restoredFirstReplyId = await reply(restoredFirst.id, bystander.token);
    const hold = holdRunsOf('notify-accepted');
    try {
      await acceptAtOnce(ranHiddenReplyId, staff.token);
      await acceptAtOnce(restoredFirstReplyId, asker.token);
      await until(() => hold.held.length >= 2, 'both acceptances’ jobs are under way');
      await moderate('hidePost', ranHiddenReplyId);
      await moderate('hidePost', restoredFirstReplyId);
      await moderate('restorePost', restoredFirstReplyId);
      hold.release();
      await app.jobsDone();
      await moderate('restorePost', ranHiddenReplyId);
    } finally {
      hold.restore();
    }
    const told = async () => ({
      replier: await acceptedOf(replier),
      bystander: await acceptedOf(bystander),
      asker: await acceptedOf(asker),
      moderator: await acceptedOf(moderator),
    });
    const once = {
      replier: [{ replyId: ranHiddenReplyId, actor: staff.username }],
      bystander: [{ replyId: restoredFirstReplyId, actor: asker.username }],
      asker: [{ replyId: ranHiddenReplyId, actor: staff.username }],
      moderator: [],
    };
    expect(await told()).toEqual(once);

    // Hidden and restored again: everyone was told.
    for (const replyId of [ranHiddenReplyId, restoredFirstReplyId]) {
      await moderate('hidePost', replyId);
      await moderate('restorePost', replyId);
    }
    expect(await told()).toEqual(once);
  });

  // On PostgreSQL, where the job's transaction and the acceptance's lock rows (SQLite queues whole transactions).
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'accepts a reply again at once while the job of its earlier acceptance is storing its notifications',
    async () => {
      const thread = await ask();
      const replyId = await reply(thread.id);
      // Who was told of an accepted answer already: read inside the transaction that stores the job's notifications.
      const read = holdCalls(Repository.prototype as Repository<ObjectLiteral>, 'find', {
        when: 'before',
        matching(options) {
          return (
            this.target === NotificationEntity && (options?.where as { kind?: unknown } | undefined)?.kind === NotificationKind.ACCEPTED
          );
        },
      });
      try {
        await acceptAtOnce(replyId, asker.token);
        await read.reached;
        await app.query(unacceptMutation, { threadId: thread.id }, { token: asker.token });
        await acceptAtOnce(replyId, staff.token);
      } finally {
        read.restore();
      }
      expect(await acceptedOf(replier)).toEqual([{ replyId, actor: staff.username }]);
      expect(await acceptedOf(asker)).toEqual([{ replyId, actor: staff.username }]);
    },
  );

  it('marks only your own notifications read, one by one or all at once', async () => {
    const thread = await ask();
    await reply(thread.id);
    await reply(thread.id, bystander.token, `And @${replier.username} is right.`);
    const [newest, oldest] = (await notificationsOf(asker)).notifications.nodes;
    const [othersNotification] = (await notificationsOf(replier)).notifications.nodes;

    await expect(app.query(markReadMutation, { ids: [oldest.id, othersNotification.id] }, { token: asker.token })).resolves.toEqual({
      markNotificationsRead: 1,
    });
    const afterOne = await notificationsOf(asker);
    expect(afterOne.notifications.nodes.map((node) => [node.id, node.read])).toEqual([
      [newest.id, false],
      [oldest.id, true],
    ]);
    expect((await notificationsOf(asker, { unreadOnly: true })).notifications.nodes.map((node) => node.id)).toEqual([newest.id]);
    expect((await notificationsOf(replier)).unreadNotificationCount).toBe(1);

    await expect(app.query(markAllMutation, {}, { token: asker.token })).resolves.toEqual({ markAllNotificationsRead: 0 });
    expect((await notificationsOf(asker)).unreadNotificationCount).toBe(0);
    expect((await notificationsOf(replier)).unreadNotificationCount).toBe(1);
  });

  it('marks your notifications about the thread you opened read, and no one else’s, nor of other threads', async () => {
    const opened = await ask();
    const other = await ask();
    await reply(opened.id);
    await reply(opened.id, bystander.token, `Same here, and @${replier.username} knows more.`);
    await reply(other.id);
    expect((await notificationsOf(asker)).unreadNotificationCount).toBe(3);

    await expect(app.query(markThreadMutation, { threadId: opened.id }, { token: asker.token })).resolves.toEqual({
      markThreadNotificationsRead: 1,
    });
    const after = await notificationsOf(asker);
    expect(after.notifications.nodes.map((node) => [node.thread.id, node.read])).toEqual([
      [other.id, false],
      [opened.id, true],
      [opened.id, true],
    ]);
    // The replier was mentioned in the opened thread, and has not opened it.
    expect((await notificationsOf(replier)).unreadNotificationCount).toBe(1);

    expect((await app.request(markThreadMutation, { threadId: opened.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    for (const threadId of ['abc', '0', '']) {
      const response = await app.request(markThreadMutation, { threadId }, { token: replier.token });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await notificationsOf(replier)).unreadNotificationCount).toBe(1);
  });

  it('counts unread notifications up to 100, exactly below that', async () => {
    const thread = await ask();
    const replyId = await reply(thread.id);
    // A reader who has not looked for a long time: 120 more unread about the same reply.
    const [told] = (await notificationsOf(asker)).notifications.nodes;
    const pile = Array.from({ length: 120 }, () => ({
      userId: Number(asker.id),
      kind: told.kind as NotificationKind,
      threadId: Number(thread.id),
      replyId: Number(replyId),
      actorId: Number(replier.id),
      readAt: null,
      createdAt: new Date(),
    }));
    await app.nest.get(DataSource).getRepository(NotificationEntity).insert(pile);
    expect((await notificationsOf(asker)).unreadNotificationCount).toBe(100);

    const newest = (await notificationsOf(asker, { first: 25 })).notifications.nodes.map((node) => node.id);
    await expect(app.query(markReadMutation, { ids: newest }, { token: asker.token })).resolves.toEqual({ markNotificationsRead: 96 });
    expect((await notificationsOf(asker)).unreadNotificationCount).toBe(96);
  });

  it('pages newest first with opaque cursors', async () => {
    const thread = await ask();
    const replyIds: string[] = [];
    for (let index = 0; index < 3; index++) replyIds.push(await reply(thread.id));

    const first = await notificationsOf(asker, { first: 2 });
    expect(first.notifications.nodes.map((node) => node.replyId)).toEqual([replyIds[2], replyIds[1]]);
    expect(first.notifications.pageInfo.hasNextPage).toBe(true);
    const second = await notificationsOf(asker, { first: 2, after: first.notifications.pageInfo.endCursor });
    expect(second.notifications.nodes.map((node) => node.replyId)).toEqual([replyIds[0]]);
    expect(second.notifications.pageInfo).toEqual({ hasNextPage: false, endCursor: second.notifications.edges[0].cursor });
  });

  it('drops notifications about posts that get hidden, and notifies nobody about hidden posts', async () => {
    const dataSource = app.nest.get(DataSource);
    const thread = await ask();
    const replyId = await reply(thread.id);
    expect((await notificationsOf(asker)).unreadNotificationCount).toBe(1);

    await dataSource.getRepository(ReplyEntity).update({ id: Number(replyId) }, { hidden: true });
    await expect(notificationsOf(asker)).resolves.toMatchObject({ notifications: { nodes: [] }, unreadNotificationCount: 0 });

    // Staff may still reply in a hidden thread; its asker is not told.
    await dataSource.getRepository(ThreadEntity).update({ id: Number(thread.id) }, { hidden: true });
    await reply(thread.id, staff.token, `@${bystander.username} have a look at this one.`);
    await dataSource.getRepository(ThreadEntity).update({ id: Number(thread.id) }, { hidden: false });
    await expect(notificationsOf(asker)).resolves.toMatchObject({ notifications: { nodes: [] }, unreadNotificationCount: 0 });
    await expect(notificationsOf(bystander)).resolves.toMatchObject({ notifications: { nodes: [] }, unreadNotificationCount: 0 });
  });

  it('refuses anonymous callers and bad input without changing anything', async () => {
    const thread = await ask();
    await reply(thread.id);

    const anonymous = await app.request(notificationsQuery);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const anonymousMark = await app.request(markAllMutation);
    expect(anonymousMark.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    for (const first of [0, 51]) {
      const response = await app.request(notificationsQuery, { first }, { token: asker.token });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    for (const after of ['not a cursor', '']) {
      const badCursor = await app.request(notificationsQuery, { after }, { token: asker.token });
      expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
      expect(badCursor.errors?.[0]?.extensions?.fields).toEqual([{ field: 'after', message: expect.any(String) }]);
      expect(badCursor.data ?? null).toBeNull();
    }
    for (const ids of [['abc'], [], Array.from({ length: 101 }, (_, index) => String(index + 1))]) {
      const response = await app.request(markReadMutation, { ids }, { token: asker.token });
      expect(response.status).toBeLessThan(500);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await notificationsOf(asker)).unreadNotificationCount).toBe(1);
  });

  it("reads a page of a member's notifications from the index of theirs, newest first, without sorting them all", async () => {
    const thread = await ask();
    for (let index = 0; index < 3; index++) await reply(thread.id);
    await app.jobsDone();
    const plans = await queryPlans(app, /\bFROM notifications n\b.*ORDER BY n\.created_at DESC/s, async () =>
      expect((await notificationsOf(asker, { first: 2 })).notifications.nodes).toHaveLength(2),
    );
    expect(plans).toHaveLength(1);
    // A member with thousands of them had every one read and sorted for each page.
    expect(plans[0]).toMatch(/notifications_by_user_newest/);
    expect(plans[0]).not.toMatch(/TEMP B-TREE|Sort\b/);
  });
});

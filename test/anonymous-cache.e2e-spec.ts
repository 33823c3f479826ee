import { describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { KnowledgeBaseChanges } from '../apps/api/src/canonical-answers/knowledge-base-changes.js';
import { Role } from '../apps/api/src/common/role.js';
import { PendingPostJobEntity } from '../apps/api/src/jobs/pending-post-job.entity.js';
import { PostJobs } from '../apps/api/src/jobs/post-jobs.service.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { useForumCast } from './support/forum-cast.js';
import { useTwoInstances } from './support/instances.js';
import { until } from './support/live-client.js';
import { freePort, startRedis, stopRedis } from './support/redis-server.js';
import { TestApp } from './support/test-app.js';

// Post jobs run only when a test runs them (runPostJobs): a job bumps the content generation too, and one finishing
// at its own moment could hide a missing bump of the write under test.
const jobsByHand = { JOB_WORKERS: 'false' };

const threadQuery = `query Thread($id: ID!) {
  thread(id: $id) {
    id title body processing status viewerCanEdit
    acceptedReply { id }
    replies(first: 20) { nodes { id body author { username isBot isStaff } } }
  }
}`;

interface ThreadView {
  id: string;
  title: string;
  body: string;
  processing: boolean;
  status: string;
  viewerCanEdit: boolean;
  acceptedReply: { id: string } | null;
  replies: { nodes: { id: string; body: string; author: { username: string; isBot: boolean; isStaff: boolean } }[] };
}

const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
const replyMutation = 'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }';

/** A visitor who is not signed in reads the thread; `statements`: the SQL statements the request ran. */
async function anonymousRead(app: TestApp, threadId: string): Promise<{ thread: ThreadView; statements: number; headers: Headers }> {
  const { result: response, statements } = await app.countStatements(() =>
    app.request<{ thread: ThreadView }>(threadQuery, { id: threadId }),
  );
  expect(response.errors).toBeUndefined();
  return { thread: response.data!.thread, statements, headers: response.headers };
}

async function signedInRead(app: TestApp, threadId: string, reader: TestAccount): Promise<ThreadView> {
  return (await app.query<{ thread: ThreadView }>(threadQuery, { id: threadId }, { token: reader.token })).thread;
}

async function ask(app: TestApp, asker: TestAccount, title: string, body: string): Promise<string> {
  return (await app.query<{ askQuestion: { id: string } }>(askMutation, { input: { title, body } }, { token: asker.token })).askQuestion.id;
}

async function reply(app: TestApp, threadId: string, author: TestAccount, body: string): Promise<string> {
  return (await app.query<{ replyToThread: { id: string } }>(replyMutation, { threadId, body }, { token: author.token })).replyToThread.id;
}

/** Runs every pending post job (or every pending `job`) as a worker would. */
async function runPostJobs(app: TestApp, job?: string): Promise<void> {
  const pending = await app.nest
    .get(DataSource)
    .getRepository(PendingPostJobEntity)
    .find({ where: job === undefined ? {} : { job }, order: { id: 'ASC' } });
  for (const { job, postType, postId, causedById } of pending) await app.nest.get(PostJobs).run({ job, postType, postId, causedById });
}

describe('the anonymous response cache', () => {
  const cast = useForumCast(jobsByHand);

  it('answers a repeated anonymous read without a statement, and browsers are still told not to store it', async () => {
    const { app, asker } = cast;
    const threadId = await ask(app, asker, 'Where do the recovery codes show up', 'I switched on two-step login and saw no codes.');
    const first = await anonymousRead(app, threadId);
    const second = await anonymousRead(app, threadId);
    expect(first.statements).toBeGreaterThan(0);
    expect(second.statements).toBe(0);
    expect(second.thread).toEqual(first.thread);
    expect(second.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('cache-control')).toBe('no-store');
  });

  it("keeps its answers through a reply's notification job, which writes nothing a visitor can see", async () => {
    const { app, asker, helper } = cast;
    const threadId = await ask(app, asker, 'Copy of the authenticator for my tablet', 'Can the tablet show the same sign-in numbers?');
    await runPostJobs(app);
    await reply(app, threadId, helper, 'Scan the setup QR code on the tablet too, when you turn two-factor on.');
    await anonymousRead(app, threadId);
    expect((await anonymousRead(app, threadId)).statements).toBe(0);

    await runPostJobs(app);
    const unread = await app.query<{ unreadNotificationCount: number }>('{ unreadNotificationCount }', {}, { token: asker.token });
    expect(unread.unreadNotificationCount).toBeGreaterThan(0);
    expect((await anonymousRead(app, threadId)).statements).toBe(0);
  });

  it('keeps its answers through sign-ins, sign-outs, two-factor settings, notification reads and staff-only bot statistics', async () => {
    const { app, asker } = cast;
    const threadId = await ask(app, asker, 'Printing the setup code', 'Is a printed setup code enough as a spare?');
    await runPostJobs(app);
    await anonymousRead(app, threadId);
    expect((await anonymousRead(app, threadId)).statements).toBe(0);

    const member = await createAccount(app);
    await app.query('mutation { markAllNotificationsRead }', {}, { token: asker.token });
    await app.query('mutation { beginTwoFactorEnrolment { setupKey } }', {}, { token: member.token });
    // "This solves my problem" only counts toward statistics that staff alone read.
    await app.query('mutation { recordDeflection(slug: "save-qr-code") }', {}, { token: member.token });
    const wrongPassword = await app.request('mutation { signIn(input: { login: "nobody-here", password: "not the password" }) { token } }');
    expect(wrongPassword.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await app.query('mutation { signOut }', {}, { token: member.token });
    expect((await anonymousRead(app, threadId)).statements).toBe(0);
  });

  it('never caches what differs between two anonymous requests, such as the health check', async () => {
    const { app } = cast;
    const health = async () => (await app.query<{ health: { time: string } }>('{ health { time } }')).health.time;
    const earlier = await health();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await health()).not.toBe(earlier);
  });

  it('shows an anonymous reader a new reply, an edit, a hidden reply and an accepted answer on the very next read', async () => {
    const { app, asker, helper, staff } = cast;
    const threadId = await ask(app, asker, 'Second device for the one-time codes', 'Can two phones make the same sign-in codes?');
    await anonymousRead(app, threadId);
    expect((await anonymousRead(app, threadId)).statements).toBe(0);

    const replyId = await reply(app, threadId, helper, 'Yes: scan the same setup code on both phones.');
    expect((await anonymousRead(app, threadId)).thread.replies.nodes.map((node) => node.body)).toEqual([
      'Yes: scan the same setup code on both phones.',
    ]);

    await app.query(
      'mutation Edit($replyId: ID!, $input: EditReplyInput!) { editReply(replyId: $replyId, input: $input) { id } }',
      { replyId, input: { body: 'Yes: scan the same setup code on both phones, at setup time.' } },
      { token: helper.token },
    );
    expect((await anonymousRead(app, threadId)).thread.replies.nodes[0]!.body).toBe(
      'Yes: scan the same setup code on both phones, at setup time.',
    );

    await app.query('mutation Accept($replyId: ID!) { acceptAnswer(replyId: $replyId) { id } }', { replyId }, { token: asker.token });
    const accepted = (await anonymousRead(app, threadId)).thread;
    expect(accepted.acceptedReply).toEqual({ id: replyId });
    expect(accepted.status).toBe((await signedInRead(app, threadId, helper)).status);

    const spam = await reply(app, threadId, helper, 'Also, have a look at my shop for phone cases.');
    expect((await anonymousRead(app, threadId)).thread.replies.nodes.map((node) => node.id)).toContain(spam);
    await app.query(
      'mutation Hide($postId: ID!) { hidePost(postType: REPLY, postId: $postId, reason: "advert") { id } }',
      { postId: spam },
      { token: staff.token },
    );
    expect((await anonymousRead(app, threadId)).thread.replies.nodes.map((node) => node.id)).not.toContain(spam);
  });

  it("shows an anonymous reader the bot's reply and the end of processing once the bot's job has run", async () => {
    const { app, asker, helper } = cast;
    const threadId = await ask(
      app,
      asker,
      'Locked out of my vault, no device left',
      'My only phone with the authenticator was stolen and I am logged out of every computer and browser. How do I get my two-factor reset?',
    );
    const before = (await anonymousRead(app, threadId)).thread;
    expect(before.processing).toBe(true);
    expect(before.replies.nodes).toEqual([]);

    await runPostJobs(app);
    const after = (await anonymousRead(app, threadId)).thread;
    expect(after.processing).toBe(false);
    expect(after.replies.nodes.map((node) => node.author.isBot)).toEqual([true]);
    expect(after).toEqual(await signedInRead(app, threadId, helper));
  });

  it("shows the asker's confirmation of the bot's answer on its thread once its job has run, and keeps other threads' pages", async () => {
    const { app, asker } = cast;
    const botQuery = 'query Bot($id: ID!) { thread(id: $id) { acceptedReply { id } botSuggestion { status feedback replyId } } }';
    const anonymousBotRead = async (threadId: string) => {
      const { result, statements } = await app.countStatements(() =>
        app.query<{
          thread: { acceptedReply: { id: string } | null; botSuggestion: { status: string; feedback: string | null; replyId: string } };
        }>(botQuery, { id: threadId }),
      );
      return { thread: result.thread, statements };
    };
    const answered = await ask(
      app,
      asker,
      'Phone with my authenticator is broken',
      'The phone that had my two-factor codes does not turn on anymore. My laptop is still logged in though. What do I do?',
    );
    const other = await ask(app, asker, 'Authenticator on a second phone', 'Can a second phone show the same sign-in codes?');
    await runPostJobs(app);
    const replyId = (await anonymousBotRead(answered)).thread.botSuggestion.replyId;
    await app.query('mutation Accept($replyId: ID!) { acceptAnswer(replyId: $replyId) { id } }', { replyId }, { token: asker.token });
    await anonymousRead(app, other);
    expect((await anonymousRead(app, other)).statements).toBe(0);
    expect((await anonymousBotRead(answered)).thread).toEqual({
      acceptedReply: { id: replyId },
      botSuggestion: { status: 'ANSWERED', feedback: null, replyId },
    });
    expect((await anonymousBotRead(answered)).statements).toBe(0);

    await runPostJobs(app);
    expect((await anonymousRead(app, other)).statements).toBe(0);
    expect((await anonymousBotRead(answered)).thread).toEqual({
      acceptedReply: { id: replyId },
      botSuggestion: { status: 'CONFIRMED_BY_ASKER', feedback: 'HELPFUL', replyId },
    });
  });

  it("keeps a thread's page through writes to other threads, and shows those writes in the lists at once", async () => {
    const { app, asker, helper } = cast;
    const quiet = await ask(app, asker, 'Spare copy of the setup code', 'Where should a printed setup code be kept?');
    const busy = await ask(app, asker, 'Sign-in numbers on a new tablet', 'The tablet shows no codes after the move.');
    await runPostJobs(app);
    const latest = async () => {
      const { result: response, statements } = await app.countStatements(() =>
        app.request<{ threads: { nodes: { id: string; title: string; replyCount: number }[] } }>(
          '{ threads(first: 5) { nodes { id title replyCount } } }',
        ),
      );
      expect(response.errors).toBeUndefined();
      return { nodes: response.data!.threads.nodes, statements };
    };
    await anonymousRead(app, quiet);
    await latest();
    expect((await latest()).statements).toBe(0);

    const replyId = await reply(app, busy, helper, 'Scan the setup code on the tablet as well.');
    expect((await latest()).nodes.find((node) => node.id === busy)?.replyCount).toBe(1);
    await app.query('mutation Accept($replyId: ID!) { acceptAnswer(replyId: $replyId) { id } }', { replyId }, { token: asker.token });
    await app.query(
      'mutation Unaccept($threadId: ID!) { unacceptAnswer(threadId: $threadId) { id } }',
      { threadId: busy },
      { token: asker.token },
    );
    await app.query(
      'mutation Edit($threadId: ID!, $input: EditQuestionInput!) { editQuestion(threadId: $threadId, input: $input) { id } }',
      { threadId: busy, input: { title: 'Sign-in numbers missing on a new tablet', body: 'The tablet shows no codes after the move.' } },
      { token: asker.token },
    );
    expect((await latest()).nodes.find((node) => node.id === busy)?.title).toBe('Sign-in numbers missing on a new tablet');
    expect((await anonymousRead(app, busy)).thread.title).toBe('Sign-in numbers missing on a new tablet');
    const newer = await ask(app, helper, 'Authenticator for two accounts', 'Can one app hold codes for two vaults?');
    expect((await latest()).nodes[0]!.id).toBe(newer);
    await runPostJobs(app);

    expect((await anonymousRead(app, quiet)).statements).toBe(0);
  });

  it('shows an anonymous reader an edited question and a withdrawn answer on the very next read', async () => {
    const { app, asker, helper } = cast;
    const threadId = await ask(app, asker, 'Codes on two phones', 'Can both phones show the same sign-in codes?');
    const replyId = await reply(app, threadId, helper, 'Yes, scan the setup code on both.');
    await app.query('mutation Accept($replyId: ID!) { acceptAnswer(replyId: $replyId) { id } }', { replyId }, { token: asker.token });
    expect((await anonymousRead(app, threadId)).thread.acceptedReply).toEqual({ id: replyId });
    expect((await anonymousRead(app, threadId)).statements).toBe(0);

    await app.query(
      'mutation Unaccept($threadId: ID!) { unacceptAnswer(threadId: $threadId) { id } }',
      { threadId },
      { token: asker.token },
    );
    expect((await anonymousRead(app, threadId)).thread.acceptedReply).toBeNull();
    await app.query(
      'mutation Edit($threadId: ID!, $input: EditQuestionInput!) { editQuestion(threadId: $threadId, input: $input) { id } }',
      { threadId, input: { title: 'Codes on two phones at once', body: 'Can both phones show the same sign-in codes, please?' } },
      { token: asker.token },
    );
    expect((await anonymousRead(app, threadId)).thread).toMatchObject({
      title: 'Codes on two phones at once',
      body: 'Can both phones show the same sign-in codes, please?',
    });
  });

  it("shows an anonymous reader a user's new role on the very next read", async () => {
    const { app, asker } = cast;
    const admin = await createAccount(app, Role.ADMIN);
    const member = await createAccount(app, Role.MEMBER);
    const threadId = await ask(app, asker, 'Codes stopped working after travel', 'My one-time codes are refused since I flew abroad.');
    await reply(app, threadId, member, 'Check that the phone clock is set automatically.');
    expect((await anonymousRead(app, threadId)).thread.replies.nodes[0]!.author.isStaff).toBe(false);
    await anonymousRead(app, threadId);

    await app.query(
      'mutation Role($userId: ID!) { setUserRole(userId: $userId, role: STAFF) { id } }',
      { userId: member.id },
      { token: admin.token },
    );
    expect((await anonymousRead(app, threadId)).thread.replies.nodes[0]!.author.isStaff).toBe(true);
  });

  it('never serves a signed-in reader a cached anonymous answer, nor caches theirs for visitors', async () => {
    const { app, asker, helper, staff } = cast;
    const threadId = await ask(app, asker, 'Backup of the authenticator secret', 'Should I keep the setup key somewhere safe?');
    const hiddenId = await reply(app, threadId, helper, 'Send me the key and I will keep it for you.');
    await anonymousRead(app, threadId);
    expect((await anonymousRead(app, threadId)).statements).toBe(0);

    const { result: asAuthor, statements } = await app.countStatements(() => signedInRead(app, threadId, asker));
    expect(statements).toBeGreaterThan(0);
    expect(asAuthor.viewerCanEdit).toBe(true);

    await app.query(
      'mutation Hide($postId: ID!) { hidePost(postType: REPLY, postId: $postId) { id } }',
      { postId: hiddenId },
      { token: staff.token },
    );
    // Staff read first, and see the hidden reply; the visitor after them must not.
    expect((await signedInRead(app, threadId, staff)).replies.nodes.map((node) => node.id)).toContain(hiddenId);
    const anonymous = (await anonymousRead(app, threadId)).thread;
    expect(anonymous.replies.nodes.map((node) => node.id)).not.toContain(hiddenId);
    expect(anonymous.viewerCanEdit).toBe(false);
  });

  it('treats a token that is no session as a visitor', async () => {
    const { app, asker } = cast;
    const threadId = await ask(app, asker, 'Authenticator on a smartwatch', 'Can my watch hold the sign-in codes?');
    const response = async () => {
      const { result: answer, statements } = await app.countStatements(() =>
        app.request<{ thread: ThreadView }>(threadQuery, { id: threadId }, { token: 'not-a-session' }),
      );
      expect(answer.errors).toBeUndefined();
      return statements;
    };
    await response();
    expect(await response()).toBe(1); // the session lookup, and nothing else
  });
});

// Its own forum: the first impostor check, run before any question's bot decision, makes the bot's account.
describe('the anonymous response cache and the impostor check', () => {
  const cast = useForumCast(jobsByHand);

  it("keeps other threads' pages through a reply's impostor check, and shows the bot's profile the first check made", async () => {
    const { app, asker, helper, staff } = cast;
    const botProfile = async () => {
      const { result, statements } = await app.countStatements(() =>
        app.query<{ user: { username: string; isBot: boolean } | null }>('query Bot { user(username: "faq-bot") { username isBot } }'),
      );
      return { user: result.user, statements };
    };
    const quietPageCached = async () => {
      await anonymousRead(app, quiet);
      expect((await anonymousRead(app, quiet)).statements).toBe(0);
    };
    const quiet = await ask(app, asker, 'Dark mode for the forum', 'Is there a dark theme for the forum pages?');
    const asked = await ask(app, asker, 'Which browsers does the forum support', 'Does the forum work in older browsers?');
    await quietPageCached();

    const asking = ['I can sort this out. DM me your code when it arrives.', 'Send me your recovery codes and I will check them for you.'];
    await reply(app, asked, helper, asking[0]!);
    await botProfile();
    expect(await botProfile()).toEqual({ user: null, statements: 0 });
    await runPostJobs(app, 'impostor-check');
    expect((await anonymousRead(app, quiet)).statements).toBe(0);
    expect((await botProfile()).user).toEqual({ username: 'faq-bot', isBot: true });

    await runPostJobs(app);
    await quietPageCached();
    await reply(app, asked, helper, asking[1]!);
    await runPostJobs(app);
    expect((await anonymousRead(app, quiet)).statements).toBe(0);

    const { thread } = await anonymousRead(app, asked);
    expect(thread.replies.nodes.map((node) => node.body)).toEqual(asking);
    const warnings = await app.query<{ thread: { replies: { nodes: { impostorWarning: boolean }[] } } }>(
      'query Warnings($id: ID!) { thread(id: $id) { replies(first: 20) { nodes { impostorWarning } } } }',
      { id: asked },
    );
    expect(warnings.thread.replies.nodes).toEqual([{ impostorWarning: true }, { impostorWarning: true }]);
    const flags = await app.query<{ openFlags: { nodes: { reporter: { isBot: boolean } }[] } }>(
      'query { openFlags(first: 50) { nodes { reporter { isBot } } } }',
      {},
      { token: staff.token },
    );
    expect(flags.openFlags.nodes).toEqual([{ reporter: { isBot: true } }, { reporter: { isBot: true } }]);
  });
});

describe('the anonymous response cache, turned off', () => {
  const cast = useForumCast({ ...jobsByHand, ANONYMOUS_CACHE_SECONDS: '0' });

  it('reads the database on every request', async () => {
    const { app, asker } = cast;
    const threadId = await ask(app, asker, 'Recovery codes printed twice', 'Is the second printout still valid?');
    await anonymousRead(app, threadId);
    expect((await anonymousRead(app, threadId)).statements).toBeGreaterThan(0);
  });
});

describe.skipIf(!process.env.TEST_REDIS_URL)('the anonymous response cache on two instances sharing Redis', () => {
  const instances = useTwoInstances(jobsByHand);

  it('shows a write made on one instance to an anonymous read on the other at once', async () => {
    const { first, second } = instances;
    const asker = await createAccount(first, Role.MEMBER);
    const helper = await createAccount(first, Role.MEMBER);
    const threadId = await ask(first, asker, 'Codes on a tablet and a phone', 'Does a second device need its own setup?');
    await anonymousRead(second, threadId);
    expect((await anonymousRead(second, threadId)).statements).toBe(0);

    await reply(first, threadId, helper, 'Scan the same QR code on both during setup.');
    expect((await anonymousRead(second, threadId)).thread.replies.nodes.map((node) => node.body)).toEqual([
      'Scan the same QR code on both during setup.',
    ]);
    await runPostJobs(first);
    expect((await anonymousRead(second, threadId)).thread.processing).toBe(false);
    expect((await anonymousRead(second, threadId)).statements).toBe(0);

    // A write to another thread on the first leaves this page cached on the second.
    const other = await ask(first, helper, 'Setup code on paper', 'Is a printed setup code safe enough?');
    await reply(first, other, asker, 'Keep it with your other important papers.');
    await runPostJobs(first);
    expect((await anonymousRead(second, other)).thread.replies.nodes).toHaveLength(1);
    expect((await anonymousRead(second, threadId)).statements).toBe(0);
  });
});

describe('the anonymous response cache when Redis goes away', () => {
  it('stops using the cache while Redis is unreachable, answers all the same, and uses it again once Redis is back', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const app = await TestApp.start({ ...jobsByHand, REDIS_URL: `redis://127.0.0.1:${port}` });
    try {
      const health = async () => (await app.query<{ health: { redis: string } }>('{ health { redis } }')).health.redis;
      await until(async () => (await health()) === 'CONNECTED', 'Redis is connected');
      const asker = await createAccount(app, Role.MEMBER);
      const helper = await createAccount(app, Role.MEMBER);
      const threadId = await ask(app, asker, 'Authenticator app asks for a PIN', 'Is that PIN the same as my master password?');
      await anonymousRead(app, threadId);
      expect((await anonymousRead(app, threadId)).statements).toBe(0);

      await stopRedis(redis);
      await until(async () => (await health()) === 'DEGRADED', 'health reports Redis degraded');
      expect((await anonymousRead(app, threadId)).statements).toBeGreaterThan(0);
      expect((await anonymousRead(app, threadId)).statements).toBeGreaterThan(0);
      await reply(app, threadId, helper, 'No, the app has its own PIN.');
      expect((await anonymousRead(app, threadId)).thread.replies.nodes.map((node) => node.body)).toEqual(['No, the app has its own PIN.']);

      // Reconnected, the instance reads the canonical answers again, in the background: not inside a counted read.
      const answersReadAgain = new Promise<void>((resolve) =>
        app.nest.get(KnowledgeBaseChanges).onChange((change) => (change.topic === 'answers' ? resolve() : undefined)),
      );
      redis = await startRedis(port);
      await until(async () => (await health()) === 'CONNECTED', 'health reports Redis connected again');
      await answersReadAgain;
      const resumed = await anonymousRead(app, threadId);
      expect(resumed.thread.replies.nodes.map((node) => node.body)).toEqual(['No, the app has its own PIN.']);
      expect((await anonymousRead(app, threadId)).statements).toBe(0);
    } finally {
      await app.stop();
      await stopRedis(redis);
    }
  }, 60_000);
});

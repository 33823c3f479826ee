import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { liveChannels } from '../apps/api/src/live/live-pubsub.js';
import { Role } from '../apps/api/src/common/role.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { useTwoInstances } from './support/instances.js';
import { listenerCount, LiveClient, liveClient, LiveSubscription, subscribe, until } from './support/live-client.js';
import { TestApp } from './support/test-app.js';

const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
const replyMutation = 'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }';
const flagMutation = 'mutation Flag($postId: ID!) { flagPost(postType: THREAD, postId: $postId, reason: "Looks like spam to me") { id } }';
const resolveMutation = 'mutation Resolve($flagId: ID!) { resolveFlag(flagId: $flagId, note: "No action needed") { id } }';
const dismissMutation = 'mutation Dismiss($threadId: ID!) { dismissSuggestion(threadId: $threadId) { status } }';
const staffQueueChanged = 'subscription { staffQueueChanged { area threadId flagId } }';
const botStatus = 'query Status($threadId: ID!) { thread(id: $threadId) { botSuggestion { status } } }';
const deflectMutation = 'mutation Deflect($slug: String!) { recordDeflection(slug: $slug) }';
const usefulMutation = 'mutation Useful($threadId: ID!) { voteBotAnswerUseful(threadId: $threadId) { usefulVotes } }';
const countsQuery = '{ botQueueCounts { pending unhelpful noSuggestion dismissed } openFlagCount }';

type Change = { area: string; threadId: string | null; flagId: string | null };
type Changes = LiveSubscription<{ staffQueueChanged: Change }>;

// Off-topic on purpose: the FAQ bot finds nothing for it, so it waits in the NO_SUGGESTION queue.
const question = () => ({
  title: `Forum colours on my phone ${randomBytes(3).toString('hex')}`,
  body: 'Can the forum use a darker colour scheme on small screens, please?',
});

/** The next change the subscriber gets that matches, skipping the others (the bot's own decision may come between). */
async function nextChange(changes: Changes, matches: (change: Change) => boolean): Promise<Change> {
  for (;;) {
    const result = await changes.next();
    expect(result.errors).toBeUndefined();
    const change = result.data!.staffQueueChanged;
    if (matches(change)) return change;
  }
}

describe('staffQueueChanged (live staff queues)', () => {
  let app: TestApp;
  let member: TestAccount;
  let staff: TestAccount;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    app = await TestApp.start();
    member = await createAccount(app, Role.MEMBER);
    staff = await createAccount(app, Role.STAFF);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    // Else the next test's staffChanges could count this test's listener as its own, and miss what comes before its own.
    await until(() => listenerCount(app, liveChannels.staffQueues()) === 0, 'the staff subscriptions ended');
  });
  afterAll(async () => {
    await app.stop();
  });

  const connect = (token?: string) => {
    const client = liveClient(app, { token });
    clients.push(client);
    return client;
  };
  const staffChanges = async (): Promise<Changes> => {
    const changes = subscribe<{ staffQueueChanged: Change }>(connect(staff.token), staffQueueChanged);
    await until(() => listenerCount(app, liveChannels.staffQueues()) === 1, 'the staff subscription is listening');
    return changes;
  };
  const ask = async () =>
    (await app.query<{ askQuestion: { id: string } }>(askMutation, { input: question() }, { token: member.token })).askQuestion.id;
  const decided = (threadId: string) =>
    until(async () => {
      const { thread } = await app.query<{ thread: { botSuggestion: { status: string } | null } }>(
        botStatus,
        { threadId },
        { token: staff.token },
      );
      return thread.botSuggestion !== null;
    }, 'the bot decided');

  it('refuses visitors (UNAUTHENTICATED) and members (FORBIDDEN)', async () => {
    const anonymous = await subscribe(connect(), staffQueueChanged).next();
    expect(anonymous.data ?? null).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const asMember = await subscribe(connect(member.token), staffQueueChanged).next();
    expect(asMember.data ?? null).toBeNull();
    expect(asMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(listenerCount(app, liveChannels.staffQueues())).toBe(0);
  });

  it('refuses the queue counts to visitors (UNAUTHENTICATED) and members (FORBIDDEN)', async () => {
    for (const query of ['{ botQueueCounts { pending } }', '{ openFlagCount }']) {
      const anonymous = await app.request(query);
      expect(anonymous.errors?.[0]?.extensions?.code, query).toBe('UNAUTHENTICATED');
      expect(anonymous.data ?? null, query).toBeNull();
      const asMember = await app.request(query, {}, { token: member.token });
      expect(asMember.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
      expect(asMember.data ?? null, query).toBeNull();
    }
  });

  it('counts the open flags as they are raised and resolved, and every queue in one statement per area', async () => {
    const counts = async () => {
      const { result, statements } = await app.countStatements(() =>
        app.query<{ botQueueCounts: Record<string, number>; openFlagCount: number }>(countsQuery, {}, { token: staff.token }),
      );
      return { ...result, statements };
    };
    const session = (await app.countStatements(() => app.query('{ __typename }', {}, { token: staff.token }))).statements;
    const before = await counts();
    expect(before.statements).toBe(session + 2);

    const threadId = await ask();
    await decided(threadId);
    const flagger = await createAccount(app, Role.MEMBER);
    const { flagPost } = await app.query<{ flagPost: { id: string } }>(flagMutation, { postId: threadId }, { token: flagger.token });
    const raised = await counts();
    expect(raised).toEqual({
      botQueueCounts: { ...before.botQueueCounts, noSuggestion: before.botQueueCounts.noSuggestion! + 1 },
      openFlagCount: before.openFlagCount + 1,
      statements: session + 2,
    });

    await app.query(resolveMutation, { flagId: flagPost.id }, { token: staff.token });
    expect((await counts()).openFlagCount).toBe(before.openFlagCount);
  });

  it("tells staff of a deflection and of a useful vote, which only the bot's statistics show, once each", async () => {
    const asker = await createAccount(app, Role.MEMBER);
    // Worded for the bot to answer it publicly, so that readers can find its answer useful.
    const { askQuestion } = await app.query<{ askQuestion: { id: string } }>(
      askMutation,
      {
        input: {
          title: `Locked out of my account completely ${randomBytes(3).toString('hex')}`,
          body: 'My authenticator app was on a phone I sold, and I am not signed in on any other device. Please reset my 2FA.',
        },
      },
      { token: asker.token },
    );
    await decided(askQuestion.id);
    const changes = await staffChanges();
    const reader = await createAccount(app, Role.MEMBER);

    await app.query(deflectMutation, { slug: 'save-qr-code' }, { token: reader.token });
    // Counted once per member and answer: a second one changes nothing, and tells nothing.
    await app.query(deflectMutation, { slug: 'save-qr-code' }, { token: reader.token });
    await app.query(usefulMutation, { threadId: askQuestion.id }, { token: reader.token });
    await app.query(usefulMutation, { threadId: askQuestion.id }, { token: reader.token });
    const { flagPost } = await app.query<{ flagPost: { id: string } }>(flagMutation, { postId: askQuestion.id }, { token: reader.token });

    // The bot's own decision on the question may still be on its way.
    const notTheBots = (change: Change) => change.area !== 'BOT_QUEUES';
    expect(await nextChange(changes, notTheBots)).toEqual({ area: 'BOT_STATS', threadId: null, flagId: null });
    expect(await nextChange(changes, notTheBots)).toEqual({ area: 'BOT_STATS', threadId: askQuestion.id, flagId: null });
    expect(await nextChange(changes, notTheBots)).toEqual({ area: 'FLAGS', threadId: null, flagId: flagPost.id });
  });

  it("tells staff of a new question, and of the bot's decision on it, by id only", async () => {
    const changes = await staffChanges();
    const threadId = await ask();

    expect(await nextChange(changes, () => true)).toEqual({ area: 'BOT_QUEUES', threadId, flagId: null });
    await decided(threadId);
    // The decision (no match) is told once it committed: a staff member reading the queue then finds it there.
    expect(await nextChange(changes, () => true)).toEqual({ area: 'BOT_QUEUES', threadId, flagId: null });
  });

  it('tells staff of their decisions and replies, and of flags raised and resolved', async () => {
    const threadId = await ask();
    await decided(threadId);
    const changes = await staffChanges();

    await app.query(dismissMutation, { threadId }, { token: staff.token });
    expect(await nextChange(changes, () => true)).toEqual({ area: 'BOT_QUEUES', threadId, flagId: null });

    await app.query(replyMutation, { threadId, body: 'Your browser decides: look for its appearance setting.' }, { token: staff.token });
    expect(await nextChange(changes, () => true)).toEqual({ area: 'BOT_QUEUES', threadId, flagId: null });

    const flagger = await createAccount(app, Role.MEMBER);
    const { flagPost } = await app.query<{ flagPost: { id: string } }>(flagMutation, { postId: threadId }, { token: flagger.token });
    expect(await nextChange(changes, () => true)).toEqual({ area: 'FLAGS', threadId: null, flagId: flagPost.id });

    await app.query(resolveMutation, { flagId: flagPost.id }, { token: staff.token });
    expect(await nextChange(changes, () => true)).toEqual({ area: 'FLAGS', threadId: null, flagId: flagPost.id });
  });
});

describe.skipIf(!process.env.TEST_REDIS_URL)('staffQueueChanged across instances sharing Redis', () => {
  const instances = useTwoInstances();
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(instances.redisUrl);
  });
  afterAll(async () => {
    await redis?.quit();
  });

  it('reaches staff on one instance when a member asks on the other', async () => {
    const member = await createAccount(instances.first, Role.MEMBER);
    const staff = await createAccount(instances.first, Role.STAFF);
    const client = liveClient(instances.second, { token: staff.token });
    try {
      const changes = subscribe<{ staffQueueChanged: Change }>(client, staffQueueChanged);
      await until(async () => {
        const [, count] = (await redis.pubsub('NUMSUB', `${instances.prefix}live:${liveChannels.staffQueues()}`)) as [string, number];
        return Number(count) === 1;
      }, 'Redis has the staff subscription');
      const { askQuestion } = await instances.first.query<{ askQuestion: { id: string } }>(
        askMutation,
        { input: question() },
        { token: member.token },
      );
      expect(await nextChange(changes, () => true)).toEqual({ area: 'BOT_QUEUES', threadId: askQuestion.id, flagId: null });
    } finally {
      await client.dispose();
    }
  });
});

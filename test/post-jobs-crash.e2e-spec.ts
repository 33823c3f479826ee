import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

// The built server, as `npm start` runs it, killed with SIGKILL between a post's commit and its jobs.
const main = 'dist/apps/api/src/main.js';

const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
const replyMutation = 'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }';
const acceptMutation = 'mutation Accept($replyId: ID!) { acceptAnswer(replyId: $replyId) { id } }';
const signUpMutation = 'mutation SignUp($input: SignUpInput!) { signUp(input: $input) { token } }';
const threadQuery = `query Thread($id: ID!) {
  thread(id: $id) { processing replies(first: 10) { nodes { id author { isBot } } } }
}`;
const notificationsQuery = '{ notifications(first: 10) { nodes { kind replyId } } unreadNotificationCount }';
const botQuery = 'query Bot($id: ID!) { thread(id: $id) { acceptedReply { id } botSuggestion { status replyId } } }';

interface Server {
  process: ChildProcess;
  url: string;
}

interface ThreadData {
  thread: { processing: boolean; replies: { nodes: { id: string; author: { isBot: boolean } }[] } };
}

interface BotData {
  thread: { acceptedReply: { id: string } | null; botSuggestion: { status: string; replyId: string | null } | null };
}

interface NotificationsData {
  notifications: { nodes: { kind: string; replyId: string | null }[] };
  unreadNotificationCount: number;
}

/** Starts the built server on `database` and resolves once it listens. */
function startServer(database: TestDatabase, settings: Record<string, string>): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [main], {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: '0',
        HOST: '127.0.0.1',
        WEB_DIST_PATH: '',
        DATABASE_URL: '',
        REDIS_URL: '',
        SEED_DEMO: 'false',
        RATE_LIMIT_ASK_SECONDS: '0',
        RATE_LIMIT_REPLY_SECONDS: '0',
        RATE_LIMIT_SIGN_UPS_PER_HOUR: '1000',
        TOTP_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        ...database.environment,
        ...settings,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 60_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const listening = /listening on 127\.0\.0\.1:(\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve({ process: child, url: `http://127.0.0.1:${listening[1]}/graphql` });
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}):\n${output}`));
    });
  });
}

function killHard(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.process.once('exit', () => resolve());
    server.process.kill('SIGKILL');
  });
}

async function graphql<T>(server: Server, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

async function signUp(server: Server, name: string): Promise<string> {
  const username = `${name}_${randomBytes(3).toString('hex')}`;
  const input = { username, email: `${username}@example.test`, password: 'correct horse battery staple' };
  return (await graphql<{ signUp: { token: string } }>(server, signUpMutation, { input })).signUp.token;
}

/** Reads through the API until `accept` holds (the restarted server works through what was left), or fails. */
async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  const until = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const variants = [
  { name: 'in-process jobs (no Redis)', redis: false },
  { name: 'BullMQ jobs on Redis', redis: true },
] as const;

describe.each(variants)('post jobs survive kill -9 between the commit and the jobs: $name', ({ redis }) => {
  let database: TestDatabase;
  let server: Server | null = null;
  const redisSettings: Record<string, string> = redis
    ? { REDIS_URL: process.env.TEST_REDIS_URL ?? '', REDIS_KEY_PREFIX: `twofa:test:${randomBytes(4).toString('hex')}:` }
    : {};

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  // Each test's last server goes with it: one left running would take the next test's jobs off the shared queue.
  afterEach(async () => {
    if (server) await killHard(server);
    server = null;
  });

  afterAll(async () => {
    await database?.drop();
  });

  it.skipIf(redis && !process.env.TEST_REDIS_URL)(
    'gives the question its bot decision, and the reply and its acceptance their notifications, after a restart, once each',
    async () => {
      // The first instance stores posts but runs no jobs, like an instance that dies right after the commit.
      server = await startServer(database, { ...redisSettings, JOB_WORKERS: 'false' });
      const asker = await signUp(server, 'asker');
      const replier = await signUp(server, 'replier');
      const question = await graphql<{ askQuestion: { id: string } }>(
        server,
        askMutation,
        {
          input: {
            title: `No backup codes after turning on 2FA ${randomBytes(3).toString('hex')}`,
            body: 'I turned on two-factor authentication today and was never shown any backup codes. Where do I find them?',
          },
        },
        asker,
      );
      const threadId = question.askQuestion.id;
      const { replyToThread } = await graphql<{ replyToThread: { id: string } }>(
        server,
        replyMutation,
        { threadId, body: 'Same here, following this thread.' },
        replier,
      );
      await graphql(server, acceptMutation, { replyId: replyToThread.id }, asker);
      // Nothing ran: the bot has not answered, the asker has not heard of the reply, nor the replier of its acceptance, and
      // the page is told to look again.
      expect((await graphql<ThreadData>(server, threadQuery, { id: threadId })).thread).toEqual({
        processing: true,
        replies: { nodes: [{ id: replyToThread.id, author: { isBot: false } }] },
      });
      expect(await graphql<NotificationsData>(server, notificationsQuery, {}, asker)).toMatchObject({ unreadNotificationCount: 0 });
      expect(await graphql<NotificationsData>(server, notificationsQuery, {}, replier)).toMatchObject({ unreadNotificationCount: 0 });

      await killHard(server);
      server = null;
      server = await startServer(database, redisSettings);

      const thread = await eventually(
        () => graphql<ThreadData>(server!, threadQuery, { id: threadId }),
        (data) => !data.thread.processing,
        'the question is processed',
      );
      const notifications = await eventually(
        () => graphql<NotificationsData>(server!, notificationsQuery, {}, asker),
        (data) => data.unreadNotificationCount > 0,
        'the asker is notified of the reply',
      );
      await eventually(
        () => graphql<NotificationsData>(server!, notificationsQuery, {}, replier),
        (data) => data.unreadNotificationCount > 0,
        'the replier is notified of the acceptance',
      );
      // A moment more for anything that would run twice.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((await graphql<ThreadData>(server, threadQuery, { id: threadId })).thread.replies.nodes).toHaveLength(
        thread.thread.replies.nodes.length,
      );
      expect(thread.thread.replies.nodes.filter((reply) => reply.author.isBot)).toHaveLength(1);
      // The bot's instant answer does not notify the asker who caused it; the member's reply does, once.
      expect(notifications.notifications.nodes).toEqual([{ kind: 'REPLY', replyId: replyToThread.id }]);
      expect(await graphql<NotificationsData>(server, notificationsQuery, {}, asker)).toMatchObject({ unreadNotificationCount: 1 });
      // The asker accepted it: only the replier is told, once.
      expect(await graphql<NotificationsData>(server, notificationsQuery, {}, replier)).toEqual({
        notifications: { nodes: [{ kind: 'ACCEPTED', replyId: replyToThread.id }] },
        unreadNotificationCount: 1,
      });
    },
    90_000,
  );

  it.skipIf(redis && !process.env.TEST_REDIS_URL)(
    "records the asker's acceptance of the bot's answer after a restart",
    async () => {
      server = await startServer(database, redisSettings);
      const asker = await signUp(server, 'asker');
      const question = await graphql<{ askQuestion: { id: string } }>(
        server,
        askMutation,
        {
          input: {
            title: `Lost the phone with my authenticator ${randomBytes(3).toString('hex')}`,
            body: 'The phone that had my two-factor codes is gone. My laptop is still signed in though. What do I do?',
          },
        },
        asker,
      );
      const threadId = question.askQuestion.id;
      const answered = await eventually(
        () => graphql<BotData>(server!, botQuery, { id: threadId }),
        (data) => data.thread.botSuggestion?.status === 'ANSWERED',
        'the bot answers',
      );
      const replyId = answered.thread.botSuggestion!.replyId!;
      await killHard(server);
      server = null;

      // An instance that dies right after the acceptance's commit: its confirmation is left to a job.
      server = await startServer(database, { ...redisSettings, JOB_WORKERS: 'false' });
      await graphql(server, acceptMutation, { replyId }, asker);
      expect((await graphql<BotData>(server, botQuery, { id: threadId })).thread).toEqual({
        acceptedReply: { id: replyId },
        botSuggestion: { status: 'ANSWERED', replyId },
      });
      await killHard(server);
      server = null;

      server = await startServer(database, redisSettings);
      await eventually(
        () => graphql<BotData>(server!, botQuery, { id: threadId }),
        (data) => data.thread.botSuggestion?.status === 'CONFIRMED_BY_ASKER',
        "the asker's acceptance is recorded",
      );
    },
    90_000,
  );
});

describe('a server told to stop (SIGTERM)', () => {
  let database: TestDatabase;
  let server: Server | null = null;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    if (server && server.process.exitCode === null && server.process.signalCode === null) await killHard(server);
    await database?.drop();
  });

  it('answers every question it stored, when the signal comes amid a burst of them, and exits by the signal', async () => {
    server = await startServer(database, {});
    const askers = await Promise.all(Array.from({ length: 20 }, (_, index) => signUp(server!, `asker${index}`)));
    const run = randomBytes(3).toString('hex');
    const exited = new Promise<NodeJS.Signals | null>((resolve) => server!.process.once('exit', (_code, signal) => resolve(signal)));
    let signalled = false;
    const asks = askers.map(async (token, index) => {
      const title = `Where are my backup codes, ${run} ${index}?`;
      try {
        const answer = await graphql<{ askQuestion: { id: string } }>(
          server!,
          askMutation,
          { input: { title, body: 'Two-factor sign-in is on now, but no page showed me backup codes. Where are they?' } },
          token,
        );
        // The signal comes as soon as the first question is answered, with the others on their way or being served.
        if (!signalled) {
          signalled = true;
          server!.process.kill('SIGTERM');
        }
        return answer.askQuestion.id ? title : null;
      } catch {
        // Refused or cut before it was read: nothing may have been stored for it (checked below).
        return null;
      }
    });
    const answered = new Set((await Promise.all(asks)).filter((title) => title !== null));
    await expect(exited).resolves.toBe('SIGTERM');
    expect(answered.size).toBeGreaterThan(0);

    server = await startServer(database, {});
    const { threads } = await graphql<{ threads: { nodes: { title: string }[] } }>(server, '{ threads(first: 50) { nodes { title } } }');
    const stored = threads.nodes.map((thread) => thread.title).filter((title) => title.includes(run));
    // Nothing stored was left unanswered: its client, asking again, would post it twice.
    expect(stored.sort()).toEqual([...answered].sort());
  }, 90_000);
});

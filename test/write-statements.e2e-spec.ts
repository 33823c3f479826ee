import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Role } from '../apps/api/src/common/role.js';
import { PostJob } from '../apps/api/src/jobs/post-job.js';
import { PostJobs } from '../apps/api/src/jobs/post-jobs.service.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { queryPlans } from './support/query-plans.js';
import { TestApp } from './support/test-app.js';

const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
const replyMutation = 'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }';
const postgres = Boolean(process.env.TEST_DATABASE_URL);

/**
 * The SQL statements of the requests every member makes, counted by the app's SQL logger. The post jobs are left
 * to another instance (JOB_WORKERS off), so that only the request is counted: the bot and notifications run after it.
 */
describe('statements per request', () => {
  let app: TestApp;
  let member: TestAccount;
  beforeAll(async () => {
    app = await TestApp.start({ JOB_WORKERS: 'false' });
    member = await createAccount(app, Role.MEMBER);
  });
  afterAll(async () => {
    await app.stop();
  });

  const statementsOf = async (request: () => Promise<unknown>) => (await app.countStatements(request)).statements;
  const ask = () =>
    app.query<{ askQuestion: { id: string } }>(
      askMutation,
      { input: { title: 'How do I change the signature under my posts?', body: 'The profile page has no field.', tags: ['profile'] } },
      { token: member.token },
    );

  it('checks a session in one statement', async () => {
    expect(await statementsOf(() => app.query('{ health { status } }', {}, { token: member.token }))).toBe(1);
    expect(await statementsOf(() => app.query('{ health { status } }'))).toBe(0);
  });

  it('asks a question in 6 statements: session, transaction with the thread, its tags and its pending jobs (on PostgreSQL one statement without a transaction: 2)', async () => {
    expect(await statementsOf(ask)).toBeLessThanOrEqual(postgres ? 2 : 6);
  });

  it("replies in 6 statements: session (which has the author's profile, for the answer and the live event), thread, transaction with the bump (which answers whether the thread is hidden as it commits) and the reply (one's own question's reply has no jobs); on PostgreSQL the bump and the reply are one statement without a transaction: 3", async () => {
    const { askQuestion } = await ask();
    const statements = await statementsOf(() =>
      app.query(
        replyMutation.replace('{ id }', '{ id impostorWarning author { username } }'),
        { threadId: askQuestion.id, body: 'Open **Settings**.' },
        { token: member.token },
      ),
    );
    expect(statements).toBeLessThanOrEqual(postgres ? 3 : 6);
  });

  it("accepts an answer in 12 statements: session, the reply, the thread with its tags, a transaction (the thread under lock, the reply with its author's role, the thread's state, the jobs of earlier acceptances of the reply dropped, this one's recorded in one insert that returns their versions), the thread the bot reindexes and the thread for the answer", async () => {
    const { askQuestion } = await ask();
    const replier = await createAccount(app, Role.MEMBER);
    const { replyToThread } = await app.query<{ replyToThread: { id: string } }>(
      replyMutation,
      { threadId: askQuestion.id, body: 'Open **Settings**, then Profile.' },
      { token: replier.token },
    );
    const accept = () =>
      app.query(
        'mutation Accept($replyId: ID!) { acceptAnswer(replyId: $replyId) { id status } }',
        { replyId: replyToThread.id },
        { token: member.token },
      );
    expect(await statementsOf(accept)).toBe(12);
  });

  it("edits a question in 10 statements and a reply in 12, the revision's HTML copied from the post's row as the edit reads it under lock: session, the post (the question with its tags; the reply with its thread), a transaction (the thread and the reply under lock, the update, the revision), then the post answered", async () => {
    const { askQuestion } = await ask();
    const replier = await createAccount(app, Role.MEMBER);
    const { replyToThread } = await app.query<{ replyToThread: { id: string } }>(
      replyMutation,
      { threadId: askQuestion.id, body: 'Open **Settings**.' },
      { token: replier.token },
    );
    const editQuestion = () =>
      app.query(
        'mutation Edit($id: ID!, $input: EditQuestionInput!) { editQuestion(threadId: $id, input: $input) { id } }',
        { id: askQuestion.id, input: { body: 'The profile page has **no** field.' } },
        { token: member.token },
      );
    const editReply = () =>
      app.query(
        'mutation Edit($id: ID!, $input: EditReplyInput!) { editReply(replyId: $id, input: $input) { id } }',
        { id: replyToThread.id, input: { body: 'Open **Profile**.' } },
        { token: replier.token },
      );
    expect(await statementsOf(editQuestion)).toBe(10);
    expect(await statementsOf(editReply)).toBe(12);
  });

  it('runs the same statement texts whatever the ids, so that SQLite prepares each once', async () => {
    const logger = app.nest.get(DataSource).logger;
    const textsOf = async (request: () => Promise<unknown>) => {
      const spy = vi.spyOn(logger, 'logQuery');
      try {
        await request();
        return new Set(spy.mock.calls.map(([query]) => query));
      } finally {
        spy.mockRestore();
      }
    };
    const threads = [(await ask()).askQuestion.id, (await ask()).askQuestion.id];
    const replyTo = (threadId: string) => () =>
      app.query(replyMutation, { threadId, body: 'Open **Settings**, then Security.' }, { token: member.token });
    const first = await textsOf(replyTo(threads[0]));
    expect(first.size).toBeGreaterThanOrEqual(3);
    expect(await textsOf(replyTo(threads[1]))).toEqual(first);
    expect(await textsOf(ask)).toEqual(await textsOf(ask));
  });

  it('searches in 3 statements however many results: the ranked candidates, their threads, their snippets and titles (on SQLite, first whether posts wait to be indexed)', async () => {
    for (let index = 0; index < 3; index++) await ask();
    const search = 'query Search($query: String!) { search(query: $query, first: 20) { nodes { threadId titleHtml snippet } } }';
    // A first search writes the new questions into SQLite's index (another query: the second is not a cached answer).
    await app.query(search, { query: 'profile' });
    let results = 0;
    const statements = await statementsOf(async () => {
      results = (await app.query<{ search: { nodes: unknown[] } }>(search, { query: 'signature' })).search.nodes.length;
    });
    expect(results).toBeGreaterThanOrEqual(3);
    expect(statements).toBe(postgres ? 3 : 4);
  });
});

/**
 * The statements of a post and the jobs it sets off (the bot's decision, notifications, checks), which share the
 * process and, on PostgreSQL, the pool with requests: a post that has nobody to notify and nothing to check gets no
 * such job, and each job reads its post once.
 */
describe('statements per post with its jobs', () => {
  let app: TestApp;
  let asker: TestAccount;
  let replier: TestAccount;
  beforeAll(async () => {
    app = await TestApp.start();
    asker = await createAccount(app, Role.MEMBER);
    replier = await createAccount(app, Role.MEMBER);
    // The first post makes the bot's account, which later ones find cached.
    await statementsWithJobs(() => ask('How do I turn on two-factor sign-in?', 'Where is the setting for it?'));
  });
  afterAll(async () => {
    await app.stop();
  });

  /**
   * The statements of a request and of every job it sets off, counted once the last of them has finished. On SQLite
   * the posts then go into the search index in a batch of 6 statements (begin, the noted rows, delete, insert,
   * forget, commit), which the posts written within the same moment share: those are counted apart.
   */
  const statementsWithJobs = async (request: () => Promise<unknown>) => {
    const jobs = app.nest.get(PostJobs);
    const run = jobs.run.bind(jobs);
    const taken: string[] = [];
    const { result: indexBatches, statements } = await app.countStatements(async () => {
      const runs: Promise<void>[] = [];
      const spy = vi.spyOn(jobs, 'run').mockImplementation((job: PostJob) => {
        taken.push(job.job);
        const running = run(job);
        runs.push(running);
        return running;
      });
      const logged = vi.spyOn(app.nest.get(DataSource).logger, 'logQuery');
      try {
        await request();
        // Jobs set off jobs (the bot's reply): wait until a pause passes with none started.
        for (let settled = runs.length; ; settled = runs.length) {
          await Promise.all(runs);
          await new Promise((resolve) => setTimeout(resolve, 100));
          if (runs.length === settled) break;
        }
        return logged.mock.calls.filter(([query]) => query.startsWith('SELECT row_id FROM search_pending')).length;
      } finally {
        spy.mockRestore();
        logged.mockRestore();
      }
    });
    return { statements: statements - 6 * indexBatches, indexBatches, jobs: taken.sort() };
  };
  const indexedInBatches = !postgres;
  const ask = (title: string, body: string) =>
    app.query<{ askQuestion: { id: string } }>(askMutation, { input: { title, body } }, { token: asker.token });

  it("asks a question the bot has no answer for in 12: the ask's 6, then the bot reads the question with whether it was decided (one statement), records its decision in one transaction and indexes the question (on PostgreSQL 5: the ask and the decision are one statement each)", async () => {
    const counted = await statementsWithJobs(() =>
      ask('How do I change the signature under my forum posts?', 'The profile page has no field for it.'),
    );
    expect(counted.jobs).toEqual(['bot-decision']);
    expect(counted.statements).toBeLessThanOrEqual(postgres ? 5 : 12);
    expect(counted.indexBatches).toBe(indexedInBatches ? 1 : 0);
  });

  it("asks a question the bot answers in 14: its reply commits with the decision, in one transaction, and needs no job, as it notifies nobody (the asker is looking) and is no impostor's, and its live message has the bot's account at hand (on PostgreSQL 5: the reply, the decision and the job's completion are one statement)", async () => {
    let threadId = '';
    const counted = await statementsWithJobs(async () => {
      threadId = (await ask('I lost my phone with the authenticator app', 'How do I sign in now? I have no backup codes.')).askQuestion.id;
    });
    expect(counted.jobs).toEqual(['bot-decision']);
    expect(counted.statements).toBeLessThanOrEqual(postgres ? 5 : 14);
    const { thread } = await app.query<{ thread: { replyCount: number; botSuggestion: { status: string } } }>(
      'query Thread($id: ID!) { thread(id: $id) { replyCount botSuggestion { status } } }',
      { id: threadId },
      { token: asker.token },
    );
    expect(thread).toEqual({ replyCount: 1, botSuggestion: { status: 'ANSWERED' } });
    expect(counted.indexBatches).toBeGreaterThanOrEqual(indexedInBatches ? 1 : 0);
  });

  it('replies to someone in 12: the reply, then one read of it, the notification with its job done (nobody is subscribed: no unread count); on PostgreSQL 5, the reply and the notification each one statement', async () => {
    const { askQuestion } = await ask('How do I change the signature under my forum posts?', 'The profile page has no field for it.');
    const counted = await statementsWithJobs(() =>
      app.query(replyMutation, { threadId: askQuestion.id, body: 'Open **Settings**, then Profile.' }, { token: replier.token }),
    );
    expect(counted.jobs).toEqual(['notify-reply']);
    expect(counted.statements).toBeLessThanOrEqual(postgres ? 5 : 12);
    expect(counted.indexBatches).toBe(indexedInBatches ? 1 : 0);
  });

  it('reads no replies when the bot answers: a reply is never left without its decision, so there is no earlier one to look for', async () => {
    const spy = vi.spyOn(app.nest.get(DataSource).logger, 'logQuery');
    try {
      await statementsWithJobs(() => ask('I lost my phone with the authenticator app', 'How do I sign in now? I have no backup codes.'));
      const readsOfReplies = spy.mock.calls.filter(([query]) => /^\s*SELECT\b[\s\S]*\bFROM\s+"?replies"?\b/i.test(query));
      expect(readsOfReplies).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it.skipIf(postgres)('sweeps the pending jobs in the order of their ids, with no sort', async () => {
    const dataSource = app.nest.get(DataSource);
    const spy = vi.spyOn(dataSource.logger, 'logQuery');
    try {
      await app.nest.get(PostJobs).sweep(new Date(Date.now() - 60_000));
      const [[query, parameters]] = spy.mock.calls.filter(([query]) => /\bFROM\s+"?pending_post_jobs"?/i.test(query));
      const plan = (await dataSource.query(`EXPLAIN QUERY PLAN ${query}`, parameters)) as { detail: string }[];
      expect(plan.map((step) => step.detail)).toEqual(['SCAN PendingPostJobEntity']);
    } finally {
      spy.mockRestore();
    }
  });

  const plansOf = (pattern: RegExp, requests: () => Promise<unknown>) => queryPlans(app, pattern, requests);

  it("tells whether a thread is answered from the index of visible staff answers, not by reading the thread's replies", async () => {
    const { askQuestion } = await ask('Where do I keep a copy of the setup QR code?', 'I want a spare in case my phone breaks.');
    const plans = await plansOf(/\bEXISTS\s*\(SELECT 1 FROM replies sr\b/i, async () => {
      await app.query(replyMutation, { threadId: askQuestion.id, body: 'Print it when you set up two-factor.' }, { token: asker.token });
      await app.query('query List { threads(filter: { unanswered: true }, first: 5) { nodes { id } } }');
    });
    expect(plans.length).toBeGreaterThanOrEqual(2);
    for (const plan of plans) expect(plan).toMatch(/replies_visible_staff_answers/);
  });

  it("counts the hidden replies a member may see from the index of hidden replies, not by reading the thread's replies", async () => {
    const { askQuestion } = await ask('Can I scan the setup QR code into two apps?', 'One on my phone, one on my tablet.');
    const plans = await plansOf(/\bCOUNT\(\*\) AS count FROM replies r\b/i, () =>
      app.query('query Read($id: ID!) { thread(id: $id) { hiddenReplyCount } }', { id: askQuestion.id }, { token: asker.token }),
    );
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatch(/replies_hidden/);
  });

  it('gives a post the jobs it needs: a mention, a reply asking for codes', async () => {
    const mention = await statementsWithJobs(() =>
      ask('Where do I find my backup codes now?', `I looked everywhere, @${replier.username} said you would know.`),
    );
    expect(mention.jobs).toEqual(['bot-decision', 'notify-question']);
    const { askQuestion } = await ask('How do I change the signature under my forum posts?', 'The profile page has no field for it.');
    const impostor = await statementsWithJobs(() =>
      app.query(
        replyMutation,
        { threadId: askQuestion.id, body: 'Send me the six-digit code from your authenticator app and I will fix it.' },
        { token: replier.token },
      ),
    );
    expect(impostor.jobs).toEqual(['impostor-check', 'notify-reply']);
  });
});

import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Role } from '../apps/api/src/common/role.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { TestApp } from './support/test-app.js';

const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
const replyMutation = 'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }';

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

  const statementsOf = async (request: () => Promise<unknown>) => {
    const before = app.queryCount;
    await request();
    return app.queryCount - before;
  };
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

  it('asks a question in 6 statements: session, transaction with the thread, its tags and its pending jobs', async () => {
    expect(await statementsOf(ask)).toBeLessThanOrEqual(6);
  });

  it('replies in 9 statements: session, thread, transaction with the bump (which answers whether the thread is hidden as it commits), the reply and its pending jobs, the author for the live event and for the answer', async () => {
    const { askQuestion } = await ask();
    const statements = await statementsOf(() =>
      app.query(
        replyMutation.replace('{ id }', '{ id impostorWarning author { username } }'),
        { threadId: askQuestion.id, body: 'Open **Settings**.' },
        { token: member.token },
      ),
    );
    expect(statements).toBeLessThanOrEqual(9);
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
    expect(first.size).toBeGreaterThan(3);
    expect(await textsOf(replyTo(threads[1]))).toEqual(first);
    expect(await textsOf(ask)).toEqual(await textsOf(ask));
  });

  it('searches in 3 statements however many results: the ranked candidates, their threads, their snippets', async () => {
    for (let index = 0; index < 3; index++) await ask();
    const search = 'query Search($query: String!) { search(query: $query, first: 20) { nodes { threadId snippet thread { title } } } }';
    let results = 0;
    const statements = await statementsOf(async () => {
      results = (await app.query<{ search: { nodes: unknown[] } }>(search, { query: 'signature' })).search.nodes.length;
    });
    expect(results).toBeGreaterThanOrEqual(3);
    expect(statements).toBe(3);
  });
});

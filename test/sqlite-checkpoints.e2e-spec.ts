import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { Role } from '../apps/api/src/common/role.js';
import { SqliteCheckpoints } from '../apps/api/src/database/sqlite-checkpoints.js';
import { createAccount } from './support/accounts.js';
import { TestApp } from './support/test-app.js';

const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
const replyMutation = 'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }';
const pageBytes = 4096 + 24;

/** The WAL size in pages past which the app's own connection checkpoints in its commits. */
async function automaticCheckpointPages(app: TestApp): Promise<number> {
  const [row] = await app.nest.get(DataSource).query<{ wal_autocheckpoint: number }[]>('PRAGMA wal_autocheckpoint');
  return row.wal_autocheckpoint;
}

/** Pages in the WAL and how many of them are in the database file, asked on a connection of the test's own. */
function walState(path: string): { log: number; checkpointed: number; filePages: number } {
  const database = new Database(path, { fileMustExist: true });
  try {
    const [{ log, checkpointed }] = database.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[];
    return { log, checkpointed, filePages: Math.floor(statSync(`${path}-wal`).size / pageBytes) };
  } finally {
    database.close();
  }
}

/** Members' replies on one member's question, each with its notification job: about 30 WAL pages a reply. */
async function replyMany(app: TestApp, count: number): Promise<void> {
  const asker = await createAccount(app, Role.MEMBER);
  const replier = await createAccount(app, Role.MEMBER);
  const { askQuestion } = await app.query<{ askQuestion: { id: string } }>(
    askMutation,
    { input: { title: 'How do I change the signature under my posts?', body: 'The profile page has no field.', tags: ['profile'] } },
    { token: asker.token },
  );
  for (let index = 0; index < count; index++) {
    await app.query(
      replyMutation,
      { threadId: askQuestion.id, body: `Open **Settings**, then the third field (${index}).` },
      { token: replier.token },
    );
  }
  await app.jobsDone();
}

describe.skipIf(!!process.env.TEST_DATABASE_URL)('SQLite checkpoints on a thread of their own', () => {
  let app: TestApp | null = null;
  afterEach(async () => {
    await app?.stop();
    app = null;
  });

  it('keeps them out of commits and the WAL bounded while the app keeps answering', async () => {
    app = await TestApp.start();
    const path = app.database.environment.SQLITE_PATH;
    expect(await automaticCheckpointPages(app)).toBe(10_000);
    // About 6000 pages, well past the 1000 at which a checkpoint is due and below the 10,000 at which the app's
    // connection would checkpoint: only the thread's checkpoints let the WAL start over and stay this short.
    await replyMany(app, 250);
    await expect.poll(() => walState(path).log - walState(path).checkpointed, { timeout: 5000 }).toBeLessThan(1000);
    expect(walState(path).filePages).toBeLessThan(4000);
    expect(await automaticCheckpointPages(app)).toBe(10_000);
  });

  it('lets the app checkpoint in its commits again when the thread dies', async () => {
    app = await TestApp.start();
    // What a crash of the thread looks like to the app: it exits.
    await (app.nest.get(SqliteCheckpoints) as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await expect.poll(() => automaticCheckpointPages(app!)).toBe(1000);
    const path = app.database.environment.SQLITE_PATH;
    await replyMany(app, 60);
    expect(walState(path).log - walState(path).checkpointed).toBeLessThan(1000);
  });

  it('has nothing to do for an in-memory database', async () => {
    app = await TestApp.start({ SQLITE_PATH: ':memory:' });
    expect(await automaticCheckpointPages(app)).toBe(1000);
    await replyMany(app, 3);
  });
});

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

/** A member's question, and a function that posts another member's reply on it and waits for the reply's jobs. */
async function questionToReplyTo(app: TestApp): Promise<() => Promise<void>> {
  const asker = await createAccount(app, Role.MEMBER);
  const replier = await createAccount(app, Role.MEMBER);
  const { askQuestion } = await app.query<{ askQuestion: { id: string } }>(
    askMutation,
    { input: { title: 'How do I change the signature under my posts?', body: 'The profile page has no field.', tags: ['profile'] } },
    { token: asker.token },
  );
  let replies = 0;
  return async () => {
    await app.query(
      replyMutation,
      { threadId: askQuestion.id, body: `Open **Settings**, then the third field (${replies++}).` },
      { token: replier.token },
    );
    await app.jobsDone();
  };
}

/** Members' replies on one member's question, each with its notification job: about 16 WAL pages a reply. */
async function replyMany(app: TestApp, count: number): Promise<void> {
  const reply = await questionToReplyTo(app);
  for (let index = 0; index < count; index++) await reply();
}

describe.skipIf(!!process.env.TEST_DATABASE_URL)('SQLite checkpoints on a thread of their own', () => {
  let app: TestApp | null = null;
  afterEach(async () => {
    await app?.stop();
    app = null;
  });

  it('keeps them out of commits, and the WAL starts over once the thread has copied it', async () => {
    app = await TestApp.start();
    const path = app.database.environment.SQLITE_PATH;
    expect(await automaticCheckpointPages(app)).toBe(10_000);
    // Until the WAL passes the 1000 pages at which a checkpoint is due, far below the 10,000 at which the app's connection
    // would checkpoint: only the thread copies them into the database. Between writes it may already have, and the WAL
    // started over.
    const reply = await questionToReplyTo(app);
    let log = walState(path).log;
    let startedOver = false;
    for (let replies = 0; log < 1000 && !startedOver && replies < 300; replies++) {
      await reply();
      const previous = log;
      ({ log } = walState(path));
      startedOver = log < previous;
    }
    if (!startedOver) {
      expect(log).toBeGreaterThanOrEqual(1000);
      // Once writes pause the thread copies all of it, and the next commit writes the WAL from its beginning again.
      // How long the WAL grows meanwhile is left to timing: under writes that never pause, PASSIVE checkpoints do not
      // catch up, and only the app's own at 10,000 pages lets the WAL start over.
      await expect
        .poll(
          () => {
            const { log: now, checkpointed } = walState(path);
            return checkpointed === now;
          },
          { timeout: 5000 },
        )
        .toBe(true);
      await reply();
      expect(walState(path).log).toBeLessThan(log);
    }
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

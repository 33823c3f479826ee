import { describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { ThreadStateService } from '../apps/api/src/threads/thread-state.service.js';
import { useForumCast } from './support/forum-cast.js';

interface ThreadRow {
  status: string;
  locked: boolean | number;
  accepted_reply_id: number | null;
}

/** The rule the status column must follow, written out here so the test does not reuse the code under test. */
function expectedStatus(row: ThreadRow): string {
  if (row.locked === true || row.locked === 1) return 'LOCKED';
  return row.accepted_reply_id !== null ? 'ANSWERED' : 'OPEN';
}

describe('thread status under concurrent lock and accept', () => {
  const forum = useForumCast();

  async function threadWithReply(n: number): Promise<{ threadId: string; replyId: string }> {
    const asked = await forum.app.query<{ askQuestion: { id: string } }>(
      `mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
      { input: { title: `Picking a font size for the reader (${n})`, body: 'Where is the setting for a larger font in the reader?' } },
      { token: forum.asker.token },
    );
    const replied = await forum.app.query<{ replyToThread: { id: string } }>(
      `mutation R($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }`,
      { threadId: asked.askQuestion.id, body: 'Settings, then Display, then Text size.' },
      { token: forum.helper.token },
    );
    return { threadId: asked.askQuestion.id, replyId: replied.replyToThread.id };
  }

  async function row(threadId: string): Promise<ThreadRow> {
    const dataSource = forum.app.nest.get(DataSource);
    const postgres = dataSource.options.type === 'postgres';
    const [found] = (await dataSource.query(`SELECT status, locked, accepted_reply_id FROM threads WHERE id = ${postgres ? '$1' : '?'}`, [
      Number(threadId),
    ])) as ThreadRow[];
    return found;
  }

  async function expectNoError(request: Promise<{ errors?: { message: string }[] }>): Promise<void> {
    expect((await request).errors).toBeUndefined();
  }

  it('never leaves a status that disagrees with locked and the accepted reply', { timeout: 180_000 }, async () => {
    const threads = await Promise.all(Array.from({ length: 6 }, (_, n) => threadWithReply(n)));
    const lock = (threadId: string, locked: boolean) =>
      forum.app.request(
        `mutation L($threadId: ID!) { ${locked ? 'lockThread' : 'unlockThread'}(threadId: $threadId) { id } }`,
        { threadId },
        { token: forum.staff.token },
      );
    // Staff, who may change the accepted answer of a locked thread: every request here must succeed, whichever wins.
    const accept = (replyId: string) =>
      forum.app.request(`mutation A($replyId: ID!) { acceptAnswer(replyId: $replyId) { id } }`, { replyId }, { token: forum.staff.token });
    const unaccept = (threadId: string) =>
      forum.app.request(
        `mutation U($threadId: ID!) { unacceptAnswer(threadId: $threadId) { id } }`,
        { threadId },
        { token: forum.staff.token },
      );

    for (let round = 0; round < 8; round += 1) {
      // Every thread at once, so the requests interleave: lock racing accept, then unlock racing unaccept.
      await Promise.all(
        threads.map(({ threadId, replyId }) => Promise.all([expectNoError(lock(threadId, true)), expectNoError(accept(replyId))])),
      );
      for (const { threadId, replyId } of threads) {
        const locked = await row(threadId);
        expect(locked).toMatchObject({ status: 'LOCKED', accepted_reply_id: Number(replyId) });
      }
      await Promise.all(
        threads.map(({ threadId }) => Promise.all([expectNoError(lock(threadId, false)), expectNoError(unaccept(threadId))])),
      );
      for (const { threadId } of threads) {
        const open = await row(threadId);
        expect(open).toMatchObject({ status: 'OPEN', accepted_reply_id: null });
        expect(open.status).toBe(expectedStatus(open));
      }
      // Accept racing unlock of a locked, unaccepted thread ends ANSWERED.
      await Promise.all(threads.map(({ threadId }) => expectNoError(lock(threadId, true))));
      await Promise.all(
        threads.map(({ threadId, replyId }) => Promise.all([expectNoError(accept(replyId)), expectNoError(lock(threadId, false))])),
      );
      for (const { threadId } of threads) {
        const answered = await row(threadId);
        expect(answered.status).toBe('ANSWERED');
        expect(answered.status).toBe(expectedStatus(answered));
      }
      await Promise.all(threads.map(({ threadId }) => expectNoError(unaccept(threadId))));
    }
  });

  // On PostgreSQL, where a change holds the thread's row (SQLite queues whole transactions).
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "holds a thread's row for a change without holding up writes that only refer to it, as a post job's notifications do",
    async () => {
      const { threadId } = await threadWithReply(100);
      const dataSource = forum.app.nest.get(DataSource);
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      let holding: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (holding = resolve));
      const change = forum.app.nest.get(ThreadStateService).change(Number(threadId), async () => {
        holding();
        await released;
      });
      try {
        await held;
        // On a connection of its own, as a job's transaction: a row whose foreign key names the thread.
        const referring = dataSource.transaction(async (manager) => {
          await manager.query(`SET LOCAL lock_timeout = '2s'`);
          await manager.query(`INSERT INTO thread_tags (thread_id, tag) VALUES ($1, 'font-size')`, [Number(threadId)]);
        });
        await expect(referring).resolves.toBeUndefined();
      } finally {
        release();
        await change;
      }
    },
  );
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { ReplyEntity } from '../threads/reply.entity.js';
import { ThreadStatus } from '../threads/thread-status.js';
import { ThreadEntity } from '../threads/thread.entity.js';
import { stillNeedsStaff } from './bot-queue-rule.js';
import { BotSuggestionStatus } from './bot-suggestion-status.js';
import { BotSuggestionEntity } from './bot-suggestion.entity.js';

const asker = 1;
const staff = 2;
const suggestedAt = new Date('2026-01-01T10:00:00Z');
const before = new Date('2026-01-01T09:00:00Z');
const after = new Date('2026-01-01T11:00:00Z');

describe('stillNeedsStaff', () => {
  let database: DataSource;

  beforeAll(async () => {
    database = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [ThreadEntity, ReplyEntity, BotSuggestionEntity],
      synchronize: true,
    });
    await database.initialize();
  });

  afterAll(async () => {
    await database.destroy();
  });

  beforeEach(async () => {
    await database.getRepository(BotSuggestionEntity).clear();
    await database.getRepository(ReplyEntity).clear();
    await database.getRepository(ThreadEntity).clear();
  });

  /** A question with a pending bot suggestion; returns the thread id. */
  async function pendingQuestion(thread: Partial<ThreadEntity> = {}): Promise<number> {
    const saved = await database.getRepository(ThreadEntity).save({
      authorId: asker,
      title: 'Where are my backup codes?',
      body: 'I turned on two-factor sign-in.',
      status: ThreadStatus.OPEN,
      createdAt: before,
      lastActivityAt: before,
      ...thread,
    });
    await database.getRepository(BotSuggestionEntity).save({
      threadId: saved.id,
      answerId: 1,
      confidence: 0.5,
      alternatives: '[]',
      status: BotSuggestionStatus.PENDING_REVIEW,
      createdAt: suggestedAt,
    });
    return saved.id;
  }

  async function reply(threadId: number, reply: Partial<ReplyEntity>): Promise<void> {
    await database.getRepository(ReplyEntity).save({ threadId, authorId: staff, body: 'A reply.', createdAt: after, ...reply });
  }

  async function sut(): Promise<number[]> {
    const rows = await stillNeedsStaff(database.getRepository(BotSuggestionEntity).createQueryBuilder('suggestion')).getMany();
    return rows.map((row) => row.threadId).sort((a, b) => a - b);
  }

  it('keeps an open, visible question nobody on staff answered', async () => {
    const threadId = await pendingQuestion();
    await reply(threadId, { authorId: 3, isStaffAnswer: false });

    expect(await sut()).toEqual([threadId]);
  });

  it('drops answered, locked and hidden questions', async () => {
    await pendingQuestion({ status: ThreadStatus.ANSWERED });
    await pendingQuestion({ status: ThreadStatus.LOCKED, locked: true });
    await pendingQuestion({ hidden: true });

    expect(await sut()).toEqual([]);
  });

  it('drops a question a staff member answered after the suggestion', async () => {
    const threadId = await pendingQuestion();
    await reply(threadId, { isStaffAnswer: true });

    expect(await sut()).toEqual([]);
  });

  it('keeps it when the staff answer came before the suggestion, is hidden, or is the asker adding to their own question', async () => {
    const earlier = await pendingQuestion();
    await reply(earlier, { isStaffAnswer: true, createdAt: before });
    const hidden = await pendingQuestion();
    await reply(hidden, { isStaffAnswer: true, hidden: true });
    const own = await pendingQuestion();
    await reply(own, { isStaffAnswer: true, authorId: asker });

    expect(await sut()).toEqual([earlier, hidden, own]);
  });
});

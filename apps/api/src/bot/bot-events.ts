import { EntityManager } from 'typeorm';
import { BotEventType } from './bot-event-type.js';
import { BotEventEntity } from './bot-event.entity.js';

/** Records countable bot events (the statistics read them) inside the caller's transaction. */
export async function recordBotEvents(
  manager: EntityManager,
  types: BotEventType[],
  details: { answerId?: number | null; threadId?: number | null; userId?: number | null },
): Promise<void> {
  if (types.length === 0) return;
  const createdAt = new Date();
  await manager.getRepository(BotEventEntity).insert(
    types.map((type) => ({
      type,
      answerId: details.answerId ?? null,
      threadId: details.threadId ?? null,
      userId: details.userId ?? null,
      createdAt,
    })),
  );
}

import { EntityManager } from 'typeorm';
import { SqlParameters, sqlRows } from '../common/sql.js';
import { BotEventType } from './bot-event-type.js';

/** Records countable bot events (the statistics read them) inside the caller's transaction, in one statement. */
export async function recordBotEvents(
  manager: EntityManager,
  types: BotEventType[],
  details: { answerId?: number | null; threadId?: number | null; userId?: number | null },
): Promise<void> {
  if (types.length === 0) return;
  const createdAt = new Date();
  const sql = new SqlParameters();
  const rows = types.map(
    (type) => `(${sql.list([type, details.answerId ?? null, details.threadId ?? null, details.userId ?? null, createdAt])})`,
  );
  await sqlRows(manager, `INSERT INTO bot_events (type, answer_id, thread_id, user_id, created_at) VALUES ${rows.join(', ')}`, sql.values);
}

/**
 * Records that a member found a suggested answer solved their problem, once per member and answer (the unique index
 * bot_events_deflection_once): again, or twice at once, changes nothing.
 */
export async function recordDeflectionOnce(manager: EntityManager, answerId: number, userId: number): Promise<void> {
  await sqlRows(
    manager,
    `INSERT INTO bot_events (type, answer_id, thread_id, user_id, created_at) VALUES ($1, $2, NULL, $3, $4) ON CONFLICT DO NOTHING`,
    [BotEventType.Deflection, answerId, userId, new Date()],
  );
}

/**
 * For a PostgreSQL statement that writes on its own (data-modifying WITH queries): a query that records the events once
 * for each row of the WITH query `from` (none when it returns none).
 */
export function botEventsQuery(
  sql: SqlParameters,
  types: BotEventType[],
  details: { answerId?: number | null; threadId?: number | null },
  from: string,
): string {
  return `INSERT INTO bot_events (type, answer_id, thread_id, user_id, created_at)
    SELECT type, ${sql.param(details.answerId ?? null)}, ${sql.param(details.threadId ?? null)}, NULL, ${sql.param(new Date())}
    FROM ${from} CROSS JOIN unnest(${sql.param(types)}::varchar[]) AS type`;
}

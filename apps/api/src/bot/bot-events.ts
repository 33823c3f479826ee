import { EntityManager } from 'typeorm';
import { sqlExecute, SqlParameters } from '../common/sql.js';
import { BotEventType } from './bot-event-type.js';

/**
 * Records countable bot events (the statistics read them) inside the caller's transaction, in one statement. `ifAbsent`
 * skips the rows a unique index holds already: a deflection counts once per member and answer (bot_events_deflection_once),
 * so recording it again, or twice at once, changes nothing. Returns how many rows it wrote.
 */
export async function recordBotEvents(
  manager: EntityManager,
  types: BotEventType[],
  details: { answerId?: number | null; threadId?: number | null; userId?: number | null },
  { ifAbsent = false }: { ifAbsent?: boolean } = {},
): Promise<number> {
  if (types.length === 0) return 0;
  const createdAt = new Date();
  const sql = new SqlParameters();
  const rows = types.map(
    (type) => `(${sql.list([type, details.answerId ?? null, details.threadId ?? null, details.userId ?? null, createdAt])})`,
  );
  const { affected } = await sqlExecute(
    manager,
    `INSERT INTO bot_events (type, answer_id, thread_id, user_id, created_at) VALUES ${rows.join(', ')}${ifAbsent ? ' ON CONFLICT DO NOTHING' : ''}`,
    sql.values,
  );
  return affected;
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

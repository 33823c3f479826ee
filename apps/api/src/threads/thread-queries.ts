import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { SqlParameters } from '../common/sql.js';
import { visibleStaffAnswerSql } from './thread-rows.js';
import { ThreadStatus } from './thread-status.js';
import { ThreadEntity } from './thread.entity.js';

/*
 * The threads feature's seam for other features' SQL. A query that filters its own rows by the state of their thread
 * or reply (a notification whose post was hidden, a bot suggestion whose question was answered) stays one statement
 * by joining through these functions; the threads and replies tables, their columns and the rules over them stay
 * here. Callers pass the SQL expressions of their own columns that hold the ids, and add these conditions after their
 * own `where` (each query builder one is an `andWhere`; visiblePostSql is for hand-written SQL). The thread is joined
 * as `thread`.
 */

/**
 * Keeps rows whose thread is visible and whose reply (`replyId`, may be NULL for the question itself) is visible, in
 * hand-written SQL (common/sql.ts): `joins` go after the caller's FROM, `condition` is ANDed with its own; their
 * parameters are added to `sql`. The thread is joined as `thread` (its `title` is there to select), the reply as `reply`.
 * `keepWithoutThread`: rows whose `threadId` is NULL (about no post at all) are kept too, with a NULL `thread`.
 */
export function visiblePostSql(
  columns: { threadId: string; replyId: string },
  sql: SqlParameters,
  options: { keepWithoutThread?: boolean } = {},
): { joins: string; condition: string } {
  const replyVisible = `(${columns.replyId} IS NULL OR reply.hidden = ${sql.param(false)})`;
  const threadJoin = `threads thread ON thread.id = ${columns.threadId} AND thread.hidden = ${sql.param(false)}
      LEFT JOIN replies reply ON reply.id = ${columns.replyId}`;
  if (options.keepWithoutThread) {
    return { joins: `LEFT JOIN ${threadJoin}`, condition: `(${columns.threadId} IS NULL OR thread.id IS NOT NULL) AND ${replyVisible}` };
  }
  return { joins: `JOIN ${threadJoin}`, condition: replyVisible };
}

/**
 * Keeps rows whose question still waits for staff: the thread is OPEN (no accepted answer, not locked), not hidden,
 * and no staff member other than the asker posted a visible staff answer after `since` (a staff member adding to
 * their own question is not an answer).
 */
export function whereAwaitingStaff<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  columns: { threadId: string; since: string },
): SelectQueryBuilder<T> {
  return query
    .innerJoin(ThreadEntity, 'thread', `thread.id = ${columns.threadId}`)
    .andWhere('thread.status = :queueThreadStatus AND thread.hidden = :queueThreadHidden', {
      queueThreadStatus: ThreadStatus.OPEN,
      queueThreadHidden: false,
    })
    .andWhere(
      `NOT EXISTS (SELECT 1 FROM replies staff_reply
        WHERE staff_reply.thread_id = ${columns.threadId}
          AND ${visibleStaffAnswerSql('staff_reply')}
          AND staff_reply.author_id <> thread.author_id
          AND staff_reply.created_at > ${columns.since})`,
    );
}

/**
 * Open, visible questions nobody has replied to, as a query over threads aliased `thread` (ordered and paged by
 * `thread.id`), for a caller to narrow by its own rows keyed by `thread.id`. Read through the partial threads_unreplied
 * index, whose condition is written as this one (for SQLite's sake, see 1764900000000): they are few.
 */
export function unrepliedOpenQuestions(manager: EntityManager): SelectQueryBuilder<ThreadEntity> {
  return manager
    .getRepository(ThreadEntity)
    .createQueryBuilder('thread')
    .where('thread.status = :unrepliedStatus AND thread.hidden = :unrepliedHidden AND thread.reply_count = 0', {
      unrepliedStatus: ThreadStatus.OPEN,
      unrepliedHidden: false,
    });
}

/**
 * The columns of the threads and replies tables that the search feature's own SQL reads. Search owns its read model
 * (the FTS5 `search_index` table and its triggers on SQLite, the `search_vector` columns and GIN indexes on
 * PostgreSQL, all made by its migrations) and ranks with engine functions (bm25, ts_rank) that need raw SQL, so
 * it does not join through the functions above; these columns are what threads promises it. Renaming or dropping one
 * breaks search: thread-queries.spec.ts fails first. (`search_vector` is PostgreSQL-only and not on the entities.)
 */
export const searchedPostColumns = {
  threads: ['id', 'title', 'body', 'hidden'],
  replies: ['id', 'thread_id', 'body', 'hidden'],
} as const;

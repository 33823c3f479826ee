import { sqlBoolean, sqlDate, sqlDateOrNull } from '../common/sql.js';
import { Reply } from './models/reply.model.js';
import { Thread, ThreadWithText } from './models/thread.model.js';
import { ThreadStatus } from './thread-status.js';

/*
 * The hot reads' hand-written SQL (see common/sql.ts): the columns they select and the rows they map, beside the
 * entities' own mapping in thread.mapper.ts.
 */

const listedThreadColumns = [
  'id',
  'author_id',
  'title',
  'status',
  'locked',
  'hidden',
  'reply_count',
  'accepted_reply_id',
  'edited_at',
  'version',
  'created_at',
  'last_activity_at',
] as const;
const threadColumns = [...listedThreadColumns, 'body', 'body_html'] as const;

/** A thread list row's columns, from `threads` aliased `t`: all but the texts. */
export const listedThreadSelect = listedThreadColumns.map((column) => `t.${column}`).join(', ');

/** A thread's columns with its texts, from `threads` aliased `t`. */
export const threadSelect = threadColumns.map((column) => `t.${column}`).join(', ');

export interface ListedThreadRow {
  id: number;
  author_id: number;
  title: string;
  status: ThreadStatus;
  locked: unknown;
  hidden: unknown;
  reply_count: number;
  accepted_reply_id: number | null;
  edited_at: unknown;
  version: number;
  created_at: unknown;
  last_activity_at: unknown;
}

export interface ThreadRow extends ListedThreadRow {
  body: string;
  body_html: string | null;
}

export function threadFromListedRow(row: ListedThreadRow): Thread {
  const editedAt = sqlDateOrNull(row.edited_at);
  return {
    id: String(row.id),
    title: row.title,
    status: row.status,
    locked: sqlBoolean(row.locked),
    hidden: sqlBoolean(row.hidden),
    replyCount: Number(row.reply_count),
    edited: editedAt !== null,
    editedAt,
    version: Number(row.version),
    createdAt: sqlDate(row.created_at),
    lastActivityAt: sqlDate(row.last_activity_at),
    authorId: Number(row.author_id),
    acceptedReplyId: row.accepted_reply_id === null ? null : Number(row.accepted_reply_id),
  };
}

export function threadFromRow(row: ThreadRow): ThreadWithText {
  return { ...threadFromListedRow(row), body: row.body, cookedHtml: row.body_html };
}

/**
 * A thread's columns with its texts, from `threads` aliased `t`, each named `t_<column>`: for reads that join it to a
 * reply, whose own columns keep their names (`replySelect`).
 */
export const joinedThreadSelect = threadColumns.map((column) => `t.${column} AS t_${column}`).join(', ');

export type JoinedThreadRow = { [Column in keyof ThreadRow as `t_${Column}`]: ThreadRow[Column] };

export function threadFromJoinedRow(row: JoinedThreadRow): ThreadWithText {
  return threadFromRow(Object.fromEntries(threadColumns.map((column) => [column, row[`t_${column}`]])) as unknown as ThreadRow);
}

/** A thread list row's columns (no texts), joined to a reply as joinedThreadSelect is: for lists of replies. */
export const joinedListedThreadSelect = listedThreadColumns.map((column) => `t.${column} AS t_${column}`).join(', ');

export type JoinedListedThreadRow = { [Column in keyof ListedThreadRow as `t_${Column}`]: ListedThreadRow[Column] };

export function threadFromJoinedListedRow(row: JoinedListedThreadRow): Thread {
  return threadFromListedRow(
    Object.fromEntries(listedThreadColumns.map((column) => [column, row[`t_${column}`]])) as unknown as ListedThreadRow,
  );
}

/** A row's `tags` column (see tagsColumn). */
export interface TagsColumn {
  tags: string | null;
}

/** A column `tags` of the thread aliased `alias`: its tags, separated by spaces (tags are a-z, 0-9 and -), for tagsOf. */
export function tagsColumn(alias: string, postgres: boolean): string {
  // PostgreSQL sorts them by its collation, as `tags` does; SQLite's are sorted in tagsOf.
  const tagList = postgres ? `string_agg(tag, ' ' ORDER BY tag)` : `group_concat(tag, ' ')`;
  return `(SELECT ${tagList} FROM thread_tags WHERE thread_id = ${alias}.id) AS tags`;
}

/** The tags of a row's `tags` column, sorted. */
export function tagsOf(row: TagsColumn, postgres: boolean): string[] {
  const tags = row.tags ? row.tags.split(' ') : [];
  return postgres ? tags : tags.sort();
}

/**
 * A staff answer everyone can see, as a condition on the reply aliased `alias`. Literals, not parameters: they match
 * the partial index replies_visible_staff_answers (migration 1764900000000), which SQLite uses only for a statement
 * whose terms are the index's own, so that whether a thread is answered is one index probe however many replies it has.
 */
export function visibleStaffAnswerSql(alias: string): string {
  return `${alias}.is_staff_answer = TRUE AND ${alias}.hidden = FALSE`;
}

/**
 * Whether the thread aliased `alias` is answered: it has an accepted answer, or a staff answer everyone can see. The one
 * rule for ThreadFilter.unanswered and for the `answered` that live thread lists are told.
 */
export function answeredSql(alias: string): string {
  return `(${alias}.accepted_reply_id IS NOT NULL OR EXISTS (SELECT 1 FROM replies sr WHERE sr.thread_id = ${alias}.id AND ${visibleStaffAnswerSql('sr')}))`;
}

/** A reply's columns, from `replies` aliased `r`. */
export const replySelect =
  'r.id, r.thread_id, r.author_id, r.body, r.body_html, r.is_staff_answer, r.hidden, r.edited_at, r.version, r.created_at';

export interface ReplyRow {
  id: number;
  thread_id: number;
  author_id: number;
  body: string;
  body_html: string | null;
  is_staff_answer: unknown;
  hidden: unknown;
  edited_at: unknown;
  version: number;
  created_at: unknown;
}

/** A reply of `thread`, which says whether it is the accepted answer and who asked (for rules on the asker). */
export function replyFromRow(row: ReplyRow, thread: Pick<Thread, 'authorId' | 'acceptedReplyId'> & Partial<Pick<Thread, 'locked'>>): Reply {
  const editedAt = sqlDateOrNull(row.edited_at);
  const id = Number(row.id);
  return {
    id: String(id),
    threadId: String(row.thread_id),
    body: row.body,
    cookedHtml: row.body_html,
    isStaffAnswer: sqlBoolean(row.is_staff_answer),
    isAccepted: thread.acceptedReplyId === id,
    hidden: sqlBoolean(row.hidden),
    edited: editedAt !== null,
    editedAt,
    version: Number(row.version),
    createdAt: sqlDate(row.created_at),
    authorId: Number(row.author_id),
    threadAuthorId: thread.authorId,
    threadLocked: thread.locked,
  };
}

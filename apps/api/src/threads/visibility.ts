import { AppError, ErrorReason } from '../common/app-error.js';
import { RequestContext } from '../common/request-context.js';
import { SqlParameters } from '../common/sql.js';

/** Who may see, and who may change, a post: hidden posts stay visible to staff and to their author. */
export interface Authored {
  authorId: number;
  hidden: boolean;
}

export function isVisibleTo(context: RequestContext, post: Authored): boolean {
  return !post.hidden || context.isStaff || (context.user !== null && context.user.id === post.authorId);
}

/** The author edits their own post, staff edit any. */
export function mayModify(context: RequestContext, post: Authored): boolean {
  return context.user !== null && (context.isStaff || context.user.id === post.authorId);
}

/** A locked thread's posts and accepted answer change only by staff: FORBIDDEN (THREAD_LOCKED) for anyone else. */
export function refuseChangesIfLocked(context: RequestContext, thread: { locked: boolean }): void {
  if (thread.locked && !context.isStaff) throw AppError.forbidden(ErrorReason.THREAD_LOCKED, 'The thread is locked');
}

/**
 * A post a moderator hid changes only by staff until it is restored (a hidden question's accepted answer too): FORBIDDEN
 * (POST_HIDDEN) for its author.
 */
export function refuseChangesIfHidden(context: RequestContext, post: { hidden: boolean }): void {
  if (post.hidden && !context.isStaff)
    throw AppError.forbidden(ErrorReason.POST_HIDDEN, 'A moderator hid this post: it can be changed again once it is restored');
}

/** The SQL condition that keeps hidden rows of `alias` (a threads or replies table) from viewers who may not see them. */
export function visibleSql(context: RequestContext, alias: string, sql: SqlParameters): string {
  if (context.isStaff) return '1 = 1';
  if (context.user) return `(${alias}.hidden = ${sql.param(false)} OR ${alias}.author_id = ${sql.param(context.user.id)})`;
  return `${alias}.hidden = ${sql.param(false)}`;
}

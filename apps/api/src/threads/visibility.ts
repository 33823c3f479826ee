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

/** The SQL condition that keeps hidden rows of `alias` (a threads or replies table) from viewers who may not see them. */
export function visibleSql(context: RequestContext, alias: string, sql: SqlParameters): string {
  if (context.isStaff) return '1 = 1';
  if (context.user) return `(${alias}.hidden = ${sql.param(false)} OR ${alias}.author_id = ${sql.param(context.user.id)})`;
  return `${alias}.hidden = ${sql.param(false)}`;
}

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

/** The SQL condition (and its parameters) that keeps hidden rows of `alias` from viewers who may not see them. */
export function visibleCondition(context: RequestContext, alias: string): { sql: string; parameters: Record<string, unknown> } {
  if (context.isStaff) return { sql: '1 = 1', parameters: {} };
  if (context.user) {
    return {
      sql: `(${alias}.hidden = :visibleHidden OR ${alias}.authorId = :visibleViewerId)`,
      parameters: { visibleHidden: false, visibleViewerId: context.user.id },
    };
  }
  return { sql: `${alias}.hidden = :visibleHidden`, parameters: { visibleHidden: false } };
}

/** visibleCondition for hand-written SQL (common/sql.ts): `alias` names a threads or replies table. */
export function visibleSql(context: RequestContext, alias: string, sql: SqlParameters): string {
  if (context.isStaff) return '1 = 1';
  if (context.user) return `(${alias}.hidden = ${sql.param(false)} OR ${alias}.author_id = ${sql.param(context.user.id)})`;
  return `${alias}.hidden = ${sql.param(false)}`;
}

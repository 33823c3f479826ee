import { AppError } from '../common/app-error.js';
import { CursorPosition, decodePositionCursor } from '../common/cursor.js';
import { parseId } from '../common/id.js';
import type { Edge } from '../common/paginated.js';
import type { RepliesArgs } from './dto/replies.args.js';
import type { ThreadRepliesPageInfo } from './models/thread-reply-connection.model.js';

/** Which page of a thread's replies to read: the first, the one after or before a cursor, or the one holding a reply. */
export type ReplyPageRequest =
  | { from: 'start' }
  | { from: 'after'; position: CursorPosition }
  | { from: 'before'; position: CursorPosition }
  | { from: 'around'; replyId: number };

/** The cursor of a thread's replies (the reply's time and id), the same whichever way the page was read. */
export const replyCursorKind = 'r';

/** The page `args` ask for; BAD_USER_INPUT for a bad cursor or id, or for more than one of after, before and around. */
export function replyPageRequest(args: RepliesArgs): ReplyPageRequest {
  const given = (['after', 'before', 'around'] as const).filter((name) => args[name] != null);
  if (given.length > 1) throw AppError.badInput(given[1], `cannot be combined with ${given[0]}`);
  if (args.after != null) return { from: 'after', position: decodePositionCursor(replyCursorKind, args.after) };
  if (args.before != null) return { from: 'before', position: decodePositionCursor(replyCursorKind, args.before, 'before') };
  if (args.around != null) return { from: 'around', replyId: parseId(args.around, 'around') };
  return { from: 'start' };
}

/**
 * A page from rows read one longer than `first` to tell whether more follow in the direction read (`before` reads
 * backwards, newest first, so its rows are turned around). `behind`: whether the viewer sees replies on the other side
 * (before a page read after a cursor or around a reply, after one read before a cursor).
 */
export function replyPageOf<Row, T>(
  rows: readonly Row[],
  first: number,
  request: ReplyPageRequest,
  behind: boolean,
  edgeOf: (row: Row) => Edge<T>,
): { edges: Edge<T>[]; nodes: T[]; pageInfo: ThreadRepliesPageInfo } {
  const more = rows.length > first;
  const kept = rows.slice(0, first);
  const edges = (request.from === 'before' ? kept.reverse() : kept).map(edgeOf);
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasPreviousPage: request.from === 'before' ? more : behind,
      hasNextPage: request.from === 'before' ? behind : more,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

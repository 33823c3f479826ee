import { AppError } from '../common/app-error.js';
import { idOrNull } from '../common/id.js';

const latestCursorTime = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** What a keyset cursor points after: the sort value (epoch milliseconds) and the id that breaks ties. */
export interface CursorPosition {
  at: Date;
  id: number;
}

/**
 * Opaque cursors: base64url of `kind:milliseconds:id`. The kind ties a cursor to the ordering that made it,
 * so a cursor from one list cannot be replayed against another.
 */
export function encodeCursor(kind: string, position: CursorPosition): string {
  return Buffer.from(`${kind}:${position.at.getTime()}:${position.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(kind: string, cursor: string, field = 'after'): CursorPosition {
  const invalid = () => AppError.badInput(field, 'is not a valid cursor');
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+={0,2}$/.test(cursor)) throw invalid();
  const match = /^([a-z]+):([0-9]{1,15}):([0-9]+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || match[1] !== kind) throw invalid();
  const at = Number(match[2]);
  const id = idOrNull(match[3]);
  // Both engines must be able to compare with it: a time no later than the year 9999, an id that fits int4.
  if (at > latestCursorTime || id === null) throw invalid();
  return { at: new Date(at), id };
}

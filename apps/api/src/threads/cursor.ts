import { AppError } from '../common/app-error.js';

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
  const match = /^([a-z]+):(-?[0-9]{1,16}):([1-9][0-9]{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || match[1] !== kind) throw invalid();
  const at = new Date(Number(match[2]));
  const id = Number(match[3]);
  if (Number.isNaN(at.getTime()) || !Number.isSafeInteger(id)) throw invalid();
  return { at, id };
}

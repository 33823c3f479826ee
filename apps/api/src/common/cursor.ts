import { AppError } from './app-error.js';
import { idOrNull } from './id.js';

/**
 * Opaque page cursors: base64url of `kind:value:value…` (whole numbers). The kind ties a cursor to the list
 * that made it, so a cursor from one list is refused by another.
 */
export function encodeCursor(kind: string, ...values: number[]): string {
  return Buffer.from([kind, ...values].join(':'), 'utf8').toString('base64url');
}

/** The cursor's values, or BAD_USER_INPUT on `field` when it is not a cursor of this kind with `count` values. */
export function decodeCursor(kind: string, cursor: string, count: number, field = 'after'): number[] {
  const invalid = () => AppError.badInput(field, 'is not a valid cursor');
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+={0,2}$/.test(cursor)) throw invalid();
  const [cursorKind, ...parts] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (cursorKind !== kind || parts.length !== count || !parts.every((part) => /^[0-9]{1,15}$/.test(part))) throw invalid();
  return parts.map(Number);
}

const latestCursorTime = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** What a keyset cursor points after: the sort value (a time) and the id that breaks ties. */
export interface CursorPosition {
  at: Date;
  id: number;
}

export function encodePositionCursor(kind: string, position: CursorPosition): string {
  return encodeCursor(kind, position.at.getTime(), position.id);
}

export function decodePositionCursor(kind: string, cursor: string, field = 'after'): CursorPosition {
  const [at, rawId] = decodeCursor(kind, cursor, 2, field);
  const id = idOrNull(String(rawId));
  // Both engines must be able to compare with it: a time no later than the year 9999, an id that fits int4.
  if (at > latestCursorTime || id === null) throw AppError.badInput(field, 'is not a valid cursor');
  return { at: new Date(at), id };
}

/** Lists ordered by id (insertion order): the cursor is the last id seen. */
export function encodeIdCursor(kind: string, id: number): string {
  return encodeCursor(kind, id);
}

export function decodeIdCursor(kind: string, cursor: string, field = 'after'): number {
  const id = idOrNull(String(decodeCursor(kind, cursor, 1, field)[0]));
  if (id === null) throw AppError.badInput(field, 'is not a valid cursor');
  return id;
}

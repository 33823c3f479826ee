import { AppError } from '../common/app-error.js';
import { idOrNull } from '../common/id.js';

/**
 * Moderation lists page by id: flags oldest first, the log newest first. Ids follow insertion order,
 * which is the order both lists mean. Cursors are base64url of `kind:id` so one list's cursor is refused by another.
 */
export function encodeIdCursor(kind: string, id: number): string {
  return Buffer.from(`${kind}:${id}`, 'utf8').toString('base64url');
}

export function decodeIdCursor(kind: string, cursor: string | undefined | null, field = 'after'): number | null {
  if (cursor === undefined || cursor === null) return null;
  const match = cursor.length <= 200 ? /^([a-z]+):([0-9]+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
  const id = match ? idOrNull(match[2]) : null;
  if (!match || match[1] !== kind || id === null) throw AppError.badInput(field, 'is not a valid cursor');
  return id;
}

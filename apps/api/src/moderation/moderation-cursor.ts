import { AppError } from '../common/app-error.js';

/**
 * Moderation lists page by id: flags oldest first, the log newest first. Ids follow insertion order,
 * which is the order both lists mean. Cursors are base64url of `kind:id` so one list's cursor is refused by another.
 */
export function encodeIdCursor(kind: string, id: number): string {
  return Buffer.from(`${kind}:${id}`, 'utf8').toString('base64url');
}

export function decodeIdCursor(kind: string, cursor: string | undefined | null, field = 'after'): number | null {
  if (cursor === undefined || cursor === null) return null;
  const match = /^([a-z]+):([1-9][0-9]{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const id = match ? Number(match[2]) : NaN;
  if (!match || match[1] !== kind || !Number.isSafeInteger(id)) throw AppError.badInput(field, 'is not a valid cursor');
  return id;
}

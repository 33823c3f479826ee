import { AppError } from '../common/app-error.js';

/**
 * Search pages by position: a ranked list has no stable key to seek from, and results may shift
 * between pages as posts change, which is what people expect of a search.
 */
const prefix = 'search:';
const maxOffset = 10_000;

export function encodeSearchCursor(offset: number): string {
  return Buffer.from(`${prefix}${offset}`).toString('base64url');
}

export function decodeSearchCursor(cursor: string | null | undefined): number {
  if (cursor === undefined || cursor === null) return 0;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = text.startsWith(prefix) ? Number(text.slice(prefix.length)) : NaN;
  if (!Number.isSafeInteger(offset) || offset < 0 || offset > maxOffset)
    throw AppError.badInput('after', 'is not a cursor from this search');
  return offset;
}

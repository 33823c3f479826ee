import { AppError } from './app-error.js';

/** The largest id a row can have: ids are int4 columns on PostgreSQL, so the same bound holds on SQLite. */
export const maxId = 2_147_483_647;

/** GraphQL IDs are strings; ours are positive integers that fit the id columns. */
export function parseId(value: string | number, field = 'id'): number {
  const id = idOrNull(String(value).trim());
  if (id === null) throw AppError.badInput(field, 'must be a positive integer id');
  return id;
}

/** The id in `text`, or null when it is not one a row could have. */
export function idOrNull(text: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= maxId ? id : null;
}

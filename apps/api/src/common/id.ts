import { AppError } from './app-error.js';

/** GraphQL IDs are strings; ours are positive integers. */
export function parseId(value: string | number, field = 'id'): number {
  const text = String(value).trim();
  if (!/^[1-9][0-9]{0,15}$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw AppError.badInput(field, 'must be a positive integer id');
  }
  return Number(text);
}

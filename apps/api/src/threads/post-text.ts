/** Normalisation applied to what people type, before it is validated and stored. */
import { collapseTitle, trimBody } from '#post-limits';

export function normalizeTitle(value: unknown): unknown {
  return typeof value === 'string' ? collapseTitle(value) : value;
}

export function normalizeBody(value: unknown): unknown {
  return typeof value === 'string' ? trimBody(value) : value;
}

/** Tags are trimmed, lower-cased and de-duplicated, keeping the first occurrence's order. */
export function normalizeTags(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const tags = value.map((tag) => (typeof tag === 'string' ? tag.trim().toLowerCase() : tag));
  return [...new Set(tags)];
}

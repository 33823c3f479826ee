/** Normalisation applied to what people type, before it is validated and stored. */

/** Titles are one line: runs of whitespace become one space, ends trimmed. */
export function normalizeTitle(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value;
}

/** Bodies keep their inner layout (indented code must survive); blank leading lines and trailing space go. */
export function normalizeBody(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd() : value;
}

/** Tags are trimmed, lower-cased and de-duplicated, keeping the first occurrence's order. */
export function normalizeTags(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const tags = value.map((tag) => (typeof tag === 'string' ? tag.trim().toLowerCase() : tag));
  return [...new Set(tags)];
}

export const tagPattern = /^[a-z0-9-]{1,32}$/;

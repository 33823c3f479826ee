/** Moderator notes are one paragraph: trimmed, and blank means none. */
export function normalizeNote(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Edits of questions and replies share one limit per member (RATE_LIMIT_EDIT_SECONDS between two). */
export function editRateLimitKey(userId: number): string {
  return `edit:${userId}`;
}

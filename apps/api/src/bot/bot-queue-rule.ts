import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { whereAwaitingStaff } from '../threads/thread-queries.js';

/**
 * Narrows a query over bot suggestions (alias `suggestion`, its own status filter already in `where`) to the
 * questions that still need staff: the thread is open and visible and no staff member has answered since the bot
 * looked at the question (the threads feature's rule, whereAwaitingStaff). The suggestion row itself is never
 * changed, so a thread comes back when it is unaccepted or unlocked. One joined query: no per-row look-ups.
 */
export function stillNeedsStaff<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return whereAwaitingStaff(query, { threadId: 'suggestion.thread_id', since: 'suggestion.created_at' });
}

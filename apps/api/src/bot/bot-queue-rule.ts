import { SelectQueryBuilder } from 'typeorm';
import { ThreadStatus } from '../threads/thread-status.js';
import { ThreadEntity } from '../threads/thread.entity.js';
import { BotSuggestionEntity } from './bot-suggestion.entity.js';

/**
 * Narrows a query over bot suggestions (alias `suggestion`, its own status filter already in `where`) to the
 * questions that still need staff: the thread is OPEN (no accepted answer, not locked), not hidden, and no
 * staff member has replied since the bot looked at the question — a visible reply with is_staff_answer,
 * posted after the suggestion was created, by someone other than the asker (a staff member adding to their
 * own question is not an answer). The suggestion row itself is never changed, so a thread comes back
 * when it is unaccepted or unlocked. One joined query: no per-row look-ups.
 */
export function stillNeedsStaff(query: SelectQueryBuilder<BotSuggestionEntity>): SelectQueryBuilder<BotSuggestionEntity> {
  return query
    .innerJoin(ThreadEntity, 'thread', 'thread.id = suggestion.threadId')
    .andWhere('thread.status = :queueThreadStatus AND thread.hidden = :queueThreadHidden', {
      queueThreadStatus: ThreadStatus.OPEN,
      queueThreadHidden: false,
    })
    .andWhere(
      `NOT EXISTS (SELECT 1 FROM replies staff_reply
        WHERE staff_reply.thread_id = suggestion.thread_id
          AND staff_reply.is_staff_answer = :queueStaffAnswer
          AND staff_reply.hidden = :queueReplyHidden
          AND staff_reply.author_id <> thread.author_id
          AND staff_reply.created_at > suggestion.created_at)`,
      { queueStaffAnswer: true, queueReplyHidden: false },
    );
}

import { registerEnumType } from '@nestjs/graphql';

export enum ThreadStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
  LOCKED = 'LOCKED',
}

registerEnumType(ThreadStatus, {
  name: 'ThreadStatus',
  description: 'Where a question stands: LOCKED when locked, else ANSWERED when a reply is accepted, else OPEN.',
  valuesMap: {
    OPEN: { description: 'Waiting for an answer; anyone signed in may reply.' },
    ANSWERED: { description: 'A visible reply is accepted as the answer (hiding it withdraws the acceptance).' },
    LOCKED: { description: 'A moderator locked the thread: no new replies, and only staff edit its posts or change its accepted answer.' },
  },
});

/**
 * The one rule for a thread's status, kept in the `status` column for filtering:
 * LOCKED when locked, else ANSWERED when a reply is accepted, else OPEN.
 * Call it whenever `locked` or `acceptedReplyId` changes.
 */
export function threadStatus(thread: { locked: boolean; acceptedReplyId: number | null }): ThreadStatus {
  if (thread.locked) return ThreadStatus.LOCKED;
  return thread.acceptedReplyId !== null ? ThreadStatus.ANSWERED : ThreadStatus.OPEN;
}

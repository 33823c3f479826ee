import { registerEnumType } from '@nestjs/graphql';

export enum ThreadStatus {
  Open = 'OPEN',
  Answered = 'ANSWERED',
  Locked = 'LOCKED',
}

registerEnumType(ThreadStatus, { name: 'ThreadStatus' });

/**
 * The one rule for a thread's status, kept in the `status` column for filtering:
 * LOCKED when locked, else ANSWERED when a reply is accepted, else OPEN.
 * Call it whenever `locked` or `acceptedReplyId` changes.
 */
export function threadStatus(thread: { locked: boolean; acceptedReplyId: number | null }): ThreadStatus {
  if (thread.locked) return ThreadStatus.Locked;
  return thread.acceptedReplyId !== null ? ThreadStatus.Answered : ThreadStatus.Open;
}

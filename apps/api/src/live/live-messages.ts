import { ThreadActivityKind } from './thread-activity-kind.js';

/** Who may see a message: hidden posts reach staff only; `members` carries the redacted copy for everyone else. */
export type Audience = 'everyone' | 'staff' | 'members';

export interface ThreadActivityMessage {
  kind: ThreadActivityKind;
  threadId: number;
  replyId: number | null;
  /** ISO timestamp: messages travel as JSON. */
  at: string;
  audience: Audience;
}

export interface ForumActivityMessage {
  threadId: number;
  lastActivityAt: string;
  audience: Audience;
}

export function reaches(audience: Audience, isStaff: boolean): boolean {
  return audience === 'everyone' || (audience === 'staff') === isStaff;
}

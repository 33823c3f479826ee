import { Role } from '../common/role.js';
import type { ThreadListingSnapshot } from '../events/forum-events.js';
import { StaffQueueArea } from './staff-queue-area.js';
import { ThreadActivityKind } from './thread-activity-kind.js';

/**
 * Who, of those who may read the thread, sees a message: hidden posts reach staff only; `members` carries the redacted
 * copy for everyone else.
 */
export type Audience = 'everyone' | 'staff' | 'members';

/** A post's author as the message carries it (read once by the publisher, never per subscriber). */
export interface AuthorMessage {
  id: number;
  username: string;
  role: Role;
  isStaff: boolean;
  isBot: boolean;
  createdAt: string;
}

/** A new or edited reply, as stored. Dates are ISO strings: messages travel as JSON. */
export interface ReplyMessage {
  id: number;
  threadId: number;
  threadAuthorId: number;
  author: AuthorMessage;
  body: string;
  bodyHtml: string | null;
  isStaffAnswer: boolean;
  isAccepted: boolean;
  hidden: boolean;
  editedAt: string | null;
  version: number;
  createdAt: string;
}

/** An edited question, as stored, with its tags. */
export interface QuestionMessage {
  id: number;
  authorId: number;
  title: string;
  body: string;
  bodyHtml: string | null;
  tags: string[];
  status: string;
  locked: boolean;
  hidden: boolean;
  replyCount: number;
  acceptedReplyId: number | null;
  editedAt: string | null;
  version: number;
  createdAt: string;
  lastActivityAt: string;
}

export interface ThreadActivityMessage {
  kind: ThreadActivityKind;
  threadId: number;
  replyId: number | null;
  /** Who did it (wrote the reply, accepted, locked, edited, moderated): subscribers are told whether it was them. */
  actorId: number;
  /** ISO timestamp: messages travel as JSON. */
  at: string;
  /**
   * The thread was hidden before and after the change: the message reaches only who may read it hidden (isVisibleTo:
   * staff and its asker), as its page does over HTTP. Hiding or showing the thread is told to everyone following it.
   */
  threadHidden: boolean;
  audience: Audience;
  /** What subscribers need to update their page without reading it again; absent when they must read it. */
  reply?: ReplyMessage;
  question?: QuestionMessage;
  state?: { status: string; locked: boolean };
}

export interface ForumActivityMessage {
  threadId: number;
  askerId: number;
  lastActivityAt: string;
  /** As in ThreadActivityMessage: while it stays hidden, the thread's activity reaches who lists it (staff, its asker). */
  threadHidden: boolean;
  /** A moderator hid or restored the thread or one of its replies; absent for activity. */
  visibilityChanged?: boolean;
  /** Activity: what lists filter the thread on, as the activity left it; absent when visibilityChanged. */
  listing?: ThreadListingSnapshot;
}

/** On the staff queues channel: ids and the area only, for staff to read their queues again. */
export interface StaffQueueMessage {
  area: StaffQueueArea;
  threadId: number | null;
  flagId: number | null;
}

export function reaches(audience: Audience, isStaff: boolean): boolean {
  return audience === 'everyone' || (audience === 'staff') === isStaff;
}

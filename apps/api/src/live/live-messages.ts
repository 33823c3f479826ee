import { Role } from '../common/role.js';
import type { ThreadListingSnapshot } from '../events/forum-events.js';
import { ThreadActivityKind } from './thread-activity-kind.js';

/** Who may see a message: hidden posts reach staff only; `members` carries the redacted copy for everyone else. */
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
  createdAt: string;
  lastActivityAt: string;
}

export interface ThreadActivityMessage {
  kind: ThreadActivityKind;
  threadId: number;
  replyId: number | null;
  /** ISO timestamp: messages travel as JSON. */
  at: string;
  audience: Audience;
  /** What subscribers need to update their page without reading it again; absent when they must read it. */
  reply?: ReplyMessage;
  question?: QuestionMessage;
  state?: { status: string; locked: boolean };
}

export interface ForumActivityMessage {
  threadId: number;
  lastActivityAt: string;
  audience: Audience;
  /** A moderator hid or restored the thread or one of its replies; absent for activity. */
  visibilityChanged?: boolean;
  /** Activity: what lists filter the thread on, as the activity left it; absent when visibilityChanged. */
  listing?: ThreadListingSnapshot;
}

export function reaches(audience: Audience, isStaff: boolean): boolean {
  return audience === 'everyone' || (audience === 'staff') === isStaff;
}

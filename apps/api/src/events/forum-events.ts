import { Injectable, Logger } from '@nestjs/common';
import type { PublicProfile } from '../common/request-context.js';

/**
 * A reply as it is after the change, as the action already has it: live subscribers are served from it, so nobody
 * reads the reply again per event.
 */
export interface ReplySnapshot {
  id: number;
  threadId: number;
  /** Who asked: rules on a reply may depend on it (the impostor warning). */
  threadAuthorId: number;
  authorId: number;
  /** The author's public profile when the action had it at hand (the poster's session, the bot's account), else null. */
  author: PublicProfile | null;
  body: string;
  bodyHtml: string | null;
  isStaffAnswer: boolean;
  isAccepted: boolean;
  hidden: boolean;
  editedAt: Date | null;
  version: number;
  createdAt: Date;
}

/** A question as it is after an edit, with its tags, as the edit already has it. */
export interface QuestionSnapshot {
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
  editedAt: Date | null;
  version: number;
  createdAt: Date;
  lastActivityAt: Date;
}

/** A thread's state after an accept, unaccept, lock or unlock, as the change left it (status: a ThreadStatus). */
export interface ThreadStateSnapshot {
  status: string;
  locked: boolean;
  hidden: boolean;
}

/**
 * What thread lists filter a thread on, as a change left it (see ThreadFilter): live lists tell from it whether they
 * show the thread, without reading it.
 */
export interface ThreadListingSnapshot {
  authorId: number;
  tags: string[];
  /** It has an accepted answer or a staff answer everyone can see: what ThreadFilter.unanswered looks at. */
  answered: boolean;
}

/** What happens in the forum that other features react to (the bot, notifications, live updates). */
export interface ForumEventMap {
  /** A question was stored (its jobs are queued separately, see PostJobs). `at`: when, also its last activity. */
  questionPosted: { threadId: number; authorId: number; title: string; tags: string[]; at: Date };
  /** A reply was stored (its jobs are queued separately, see PostJobs). `at`: when, also the thread's last activity. */
  replyPosted: {
    threadId: number;
    replyId: number;
    authorId: number;
    byBot: boolean;
    threadHidden: boolean;
    at: Date;
    reply: ReplySnapshot;
    /** The thread as this reply left it. */
    listing: ThreadListingSnapshot;
  };
  /**
   * A reply became the accepted answer (whom it concerns is told, and the bot hears the asker's choice of its answer, by
   * jobs the acceptance records, see PostJobs.recordAcceptance). `restored`: nobody chose it now; a moderator restored the
   * accepted reply that had been hidden and it got its acceptance back (`acceptedById` is the moderator; its jobs name who
   * accepted it).
   * What thread lists are told (`lists`; `lastActivityAt` is the thread's, which accepting does not change) is absent
   * then: the restore's own event makes them read themselves again.
   */
  replyAccepted: {
    threadId: number;
    replyId: number;
    acceptedById: number;
    state: ThreadStateSnapshot;
    restored: boolean;
    lists?: { lastActivityAt: Date; listing: ThreadListingSnapshot };
  };
  /**
   * The accepted answer was withdrawn; the thread is open again (unless locked). What thread lists are told (`lists`) is
   * absent when moderation withdrew it by hiding the answer: that change's own event makes them read themselves again.
   */
  answerUnaccepted: {
    threadId: number;
    actorId: number;
    state: ThreadStateSnapshot;
    lists?: { lastActivityAt: Date; listing: ThreadListingSnapshot };
  };
  threadLocked: { threadId: number; locked: boolean; actorId: number; state: ThreadStateSnapshot };
  /** A question (replyId null, `question` set) or a reply (`reply` set) was edited. */
  postEdited: {
    threadId: number;
    replyId: number | null;
    editorId: number;
    threadHidden: boolean;
    reply: ReplySnapshot | null;
    question: QuestionSnapshot | null;
  };
  /**
   * Moderation hid or restored a question (replyId null) or a reply. `threadHidden`: the thread's state after it;
   * `threadAuthorId`: who asked, who may still see it hidden.
   */
  postHidden: { threadId: number; threadAuthorId: number; replyId: number | null; hidden: boolean; actorId: number; threadHidden: boolean };
  /**
   * What staff queues list changed outside the events above: the bot decided on a question, staff confirmed, corrected
   * or dismissed its suggestion, the asker judged it (`threadId`), or a flag was raised or resolved (`flagId`); or only
   * the bot's statistics changed (`botStats`: a deflection, with no thread, or a useful vote). Raised after the commit.
   */
  staffQueueChanged:
    { area: 'botQueues'; threadId: number } | { area: 'botStats'; threadId: number | null } | { area: 'flags'; flagId: number };
  /**
   * A thread written now was dated in the past (the demo forum): asked at `askedAt`, each reply at its new time.
   * Features with records of the thread date them alike.
   */
  threadMovedIntoPast: { threadId: number; askedAt: Date; replyTimes: Map<number, Date> };
  /** A session was signed out or revoked (identified by its token's hash): what runs on it ends. */
  sessionEnded: { sessionHash: string };
  /**
   * A user's password was set anew: every session of the account ends but `keptSessionHashes` (the one the owner
   * changed it from; none when the user:set-password tool reset it).
   */
  passwordChanged: { userId: number; keptSessionHashes: string[] };
  /** An admin changed a user's role: what they may see changes at once. */
  roleChanged: { userId: number };
  /**
   * Two-factor sign-in was turned on or off: a staff account's powers come and go with it (RequestContext.isStaff).
   * Turned on, every session of the account ends but `keptSessionHashes` (the one that enrolled).
   */
  twoFactorChanged: { userId: number; enabled: boolean; keptSessionHashes: string[] };
  /** A wrong code at the second step of a sign-in from a device the account does not know: its password was right. */
  signInCodeRejected: { userId: number };
}

type Handler<K extends keyof ForumEventMap> = (event: ForumEventMap[K]) => Promise<void> | void;

/**
 * An in-process event bus for what must follow an action at once and cheaply from the event alone (live
 * messages, the bot's index of this instance); its handlers are awaited in order. A failing handler is logged and
 * never fails the action that raised the event. Work that reads or writes the database for a new post runs as a job
 * instead (PostJobs), so that it survives a crash and runs off the request.
 */
@Injectable()
export class ForumEvents {
  private readonly logger = new Logger('ForumEvents');
  private readonly handlers = new Map<keyof ForumEventMap, Handler<any>[]>();

  on<K extends keyof ForumEventMap>(type: K, handler: Handler<K>): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }

  async emit<K extends keyof ForumEventMap>(type: K, event: ForumEventMap[K]): Promise<void> {
    for (const handler of this.handlers.get(type) ?? []) {
      try {
        await handler(event);
      } catch (error) {
        this.logger.error(`${type} handler failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  }
}

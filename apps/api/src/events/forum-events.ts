import { Injectable, Logger } from '@nestjs/common';

/** What happens in the forum that other features react to (the bot, notifications, live updates). */
export interface ForumEventMap {
  questionPosted: { threadId: number; authorId: number };
  /** `causedById`: whose own action made the reply (the asker, when the bot answers a question as it is posted). */
  replyPosted: { threadId: number; replyId: number; authorId: number; causedById?: number };
  replyAccepted: { threadId: number; replyId: number; acceptedById: number };
  /** The accepted answer was withdrawn; the thread is open again (unless locked). */
  answerUnaccepted: { threadId: number; actorId: number };
  threadLocked: { threadId: number; locked: boolean; actorId: number };
  /** A question (replyId null) or a reply was edited. */
  postEdited: { threadId: number; replyId: number | null; editorId: number };
  /** Moderation hid or restored a question (replyId null) or a reply. */
  postHidden: { threadId: number; replyId: number | null; hidden: boolean; actorId: number };
  /** A session was signed out or revoked (identified by its token's hash): what runs on it ends. */
  sessionEnded: { sessionHash: string };
  /** An admin changed a user's role: what they may see changes at once. */
  roleChanged: { userId: number };
}

type Handler<K extends keyof ForumEventMap> = (event: ForumEventMap[K]) => Promise<void> | void;

/**
 * An in-process event bus whose handlers are awaited in order, so that a mutation returns once the
 * bot has replied. A failing handler is logged and never fails the action that raised the event.
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

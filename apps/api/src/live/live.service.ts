import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppError, ErrorReason } from '../common/app-error.js';
import { parseId } from '../common/id.js';
import { RequestContext } from '../common/request-context.js';
import { ForumEvents, QuestionSnapshot, ReplySnapshot } from '../events/forum-events.js';
import { Reply } from '../threads/models/reply.model.js';
import { Thread } from '../threads/models/thread.model.js';
import { PostType } from '../common/post-type.js';
import { PostsService } from '../threads/posts.service.js';
import { ThreadStatus } from '../threads/thread-status.js';
import { ThreadsService } from '../threads/threads.service.js';
import { isVisibleTo } from '../threads/visibility.js';
import { UsersService } from '../users/users.service.js';
import { Audience, ForumActivityMessage, QuestionMessage, reaches, ReplyMessage, ThreadActivityMessage } from './live-messages.js';
import { AccountChange, liveChannels, LivePubSub } from './live-pubsub.js';
import { ForumActivity } from './models/forum-activity.model.js';
import { ThreadActivity } from './models/thread-activity.model.js';
import { ThreadActivityKind } from './thread-activity-kind.js';

/**
 * Turns forum events into live messages, and hands each subscriber the ones they may see. A message carries the
 * change as the action had it (the new reply, the edited question, the thread's state), so that neither the
 * publisher nor any subscriber reads the thread again; only a reply's author, when the action did not have it at hand,
 * is read, once per message.
 */
@Injectable()
export class LiveService implements OnModuleInit {
  constructor(
    private readonly events: ForumEvents,
    private readonly pubSub: LivePubSub,
    private readonly posts: PostsService,
    private readonly threads: ThreadsService,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.events.on('questionPosted', async ({ threadId, authorId, tags, at }) => {
      const listing = { authorId, tags, answered: false };
      await this.publishForum({ threadId, lastActivityAt: at.toISOString(), audience: 'everyone', listing });
    });
    this.events.on('replyPosted', async ({ threadId, replyId, byBot, threadHidden, at, reply, listing }) => {
      const audience: Audience = threadHidden ? 'staff' : 'everyone';
      const kind = byBot ? ThreadActivityKind.BOT_ANSWER : ThreadActivityKind.NEW_REPLY;
      const message = await this.replyMessage(reply);
      await this.publishThread({ kind, threadId, replyId, at: at.toISOString(), audience, ...(message ? { reply: message } : {}) });
      await this.publishForum({ threadId, lastActivityAt: at.toISOString(), audience, listing });
    });
    this.events.on('replyAccepted', async ({ threadId, replyId, state, lastActivityAt, listing }) => {
      // Only a visible reply can be accepted (checked under the thread's lock).
      const audience: Audience = state.hidden ? 'staff' : 'everyone';
      const at = new Date().toISOString();
      await this.publishThread({ kind: ThreadActivityKind.ACCEPTED, threadId, replyId, at, audience, state: stateOf(state) });
      await this.publishForum({ threadId, lastActivityAt: lastActivityAt.toISOString(), audience, listing });
    });
    this.events.on('answerUnaccepted', async ({ threadId, state, lists }) => {
      const audience: Audience = state.hidden ? 'staff' : 'everyone';
      const at = new Date().toISOString();
      await this.publishThread({ kind: ThreadActivityKind.ACCEPTED, threadId, replyId: null, at, audience, state: stateOf(state) });
      if (lists)
        await this.publishForum({ threadId, lastActivityAt: lists.lastActivityAt.toISOString(), audience, listing: lists.listing });
    });
    this.events.on('threadLocked', async ({ threadId, locked, state }) => {
      await this.publishThread({
        kind: locked ? ThreadActivityKind.LOCKED : ThreadActivityKind.UNLOCKED,
        threadId,
        replyId: null,
        at: new Date().toISOString(),
        audience: state.hidden ? 'staff' : 'everyone',
        state: stateOf(state),
      });
    });
    this.events.on('postEdited', async ({ threadId, replyId, threadHidden, reply, question }) => {
      const edited = reply ? await this.replyMessage(reply) : null;
      const change = question ? { question: questionMessage(question) } : edited ? { reply: edited } : {};
      await this.publishUpdate(threadId, replyId, threadHidden, reply?.hidden ?? false, change);
    });
    this.events.on('postHidden', async ({ threadId, replyId, hidden, threadHidden }) => {
      // Who may now see what changed: subscribers read the thread again, and lists of threads read themselves again.
      const at = new Date().toISOString();
      if (replyId === null) {
        // The whole question: members following it read it again too, and find it gone (or back) as a reload shows them.
        await this.publishThread({ kind: ThreadActivityKind.UPDATED, threadId, replyId: null, at, audience: 'everyone' });
        await this.publishForum({ threadId, lastActivityAt: at, audience: 'everyone', visibilityChanged: true });
        return;
      }
      await this.publishUpdate(threadId, replyId, threadHidden, hidden, {});
      // The thread's reply count (and, for the accepted answer, its status) changed with it.
      await this.publishForum({ threadId, lastActivityAt: at, audience: threadHidden ? 'staff' : 'everyone', visibilityChanged: true });
    });
    this.events.on('sessionEnded', async ({ sessionHash }) => {
      await this.pubSub.publish(liveChannels.accounts(), { sessionHash } satisfies AccountChange);
    });
    const accountChanged = async ({ userId }: { userId: number }): Promise<void> => {
      await this.pubSub.publish(liveChannels.accounts(), { userId } satisfies AccountChange);
    };
    this.events.on('roleChanged', accountChanged);
    this.events.on('twoFactorChanged', accountChanged);
  }

  /** Live activity of one thread; NOT_FOUND for a thread the caller cannot see. */
  async threadActivity(context: RequestContext, threadIdInput: string): Promise<AsyncIterableIterator<ThreadActivity>> {
    const threadId = parseId(threadIdInput, 'threadId');
    const thread = (await this.posts.findOne(PostType.THREAD, threadId))?.thread ?? null;
    if (!thread || (thread.hidden && !context.isStaff)) throw AppError.notFound(ErrorReason.THREAD_NOT_FOUND, 'Thread', threadId);
    const isStaff = context.isStaff;
    return this.pubSub.subscribe<ThreadActivityMessage, ThreadActivity>(liveChannels.thread(threadId), (message) =>
      reaches(message.audience, isStaff) ? this.activityFor(context, message) : null,
    );
  }

  forumActivity(context: RequestContext): Promise<AsyncIterableIterator<ForumActivity>> {
    const isStaff = context.isStaff;
    return this.pubSub.subscribe<ForumActivityMessage, ForumActivity>(liveChannels.forum(), (message) =>
      reaches(message.audience, isStaff)
        ? {
            threadId: String(message.threadId),
            lastActivityAt: new Date(message.lastActivityAt),
            visibilityChanged: message.visibilityChanged ?? false,
            listing: message.listing ? { ...message.listing, authorId: String(message.listing.authorId) } : null,
          }
        : null,
    );
  }

  /**
   * One subscriber's view of a message. The audience already keeps hidden posts to staff; the reply is checked again
   * against this subscriber, and its author and the question's tags are handed to this subscriber's loaders, so that
   * resolving them reads nothing.
   */
  private activityFor(context: RequestContext, message: ThreadActivityMessage): ThreadActivity {
    const reply =
      message.reply && isVisibleTo(context, { authorId: message.reply.author.id, hidden: message.reply.hidden }) ? message.reply : null;
    if (reply) this.users.known(context, { ...reply.author, id: String(reply.author.id), createdAt: new Date(reply.author.createdAt) });
    const question = message.question && isVisibleTo(context, message.question) ? message.question : null;
    if (question) this.threads.knownTags(context, question.id, question.tags);
    return {
      kind: message.kind,
      threadId: String(message.threadId),
      replyId: message.replyId === null ? null : String(message.replyId),
      at: new Date(message.at),
      reply: reply ? toReplyModel(reply) : null,
      question: question ? toThreadModel(question) : null,
      state: message.state ? { status: message.state.status as ThreadStatus, locked: message.state.locked } : null,
    };
  }

  /**
   * An edit or a moderation change. On a visible thread and a visible post everyone gets it (with the change, if any);
   * a hidden post reaches staff with its id and change, everyone else without either (they read the thread again).
   */
  private async publishUpdate(
    threadId: number,
    replyId: number | null,
    threadHidden: boolean,
    replyHidden: boolean,
    change: Pick<ThreadActivityMessage, 'reply' | 'question'>,
  ): Promise<void> {
    const message = { kind: ThreadActivityKind.UPDATED, threadId, at: new Date().toISOString() };
    if (threadHidden) {
      await this.publishThread({ ...message, replyId, audience: 'staff', ...change });
      return;
    }
    if (!replyHidden) {
      await this.publishThread({ ...message, replyId, audience: 'everyone', ...change });
      return;
    }
    await this.publishThread({ ...message, replyId, audience: 'staff', ...change });
    await this.publishThread({ ...message, replyId: null, audience: 'members' });
  }

  /**
   * The reply with its author (as the action had it, else read once here for every subscriber); null if the author
   * is gone (subscribers read).
   */
  private async replyMessage(reply: ReplySnapshot): Promise<ReplyMessage | null> {
    const author = reply.author
      ? this.users.withProfile(reply.authorId, reply.author)
      : await this.users.byId(RequestContext.system(), reply.authorId);
    if (!author) return null;
    return {
      id: reply.id,
      threadId: reply.threadId,
      threadAuthorId: reply.threadAuthorId,
      author: { ...author, id: reply.authorId, createdAt: author.createdAt.toISOString() },
      body: reply.body,
      bodyHtml: reply.bodyHtml,
      isStaffAnswer: reply.isStaffAnswer,
      isAccepted: reply.isAccepted,
      hidden: reply.hidden,
      editedAt: reply.editedAt?.toISOString() ?? null,
      createdAt: reply.createdAt.toISOString(),
    };
  }

  private publishThread(message: ThreadActivityMessage): Promise<void> {
    return this.pubSub.publish(liveChannels.thread(message.threadId), message);
  }

  private publishForum(message: ForumActivityMessage): Promise<void> {
    return this.pubSub.publish(liveChannels.forum(), message);
  }
}

function stateOf(state: { status: string; locked: boolean }): ThreadActivityMessage['state'] {
  return { status: state.status, locked: state.locked };
}

function questionMessage(question: QuestionSnapshot): QuestionMessage {
  return {
    ...question,
    editedAt: question.editedAt?.toISOString() ?? null,
    createdAt: question.createdAt.toISOString(),
    lastActivityAt: question.lastActivityAt.toISOString(),
  };
}

function toReplyModel(reply: ReplyMessage): Reply {
  return {
    id: String(reply.id),
    threadId: String(reply.threadId),
    body: reply.body,
    cookedHtml: reply.bodyHtml,
    isStaffAnswer: reply.isStaffAnswer,
    isAccepted: reply.isAccepted,
    hidden: reply.hidden,
    edited: reply.editedAt !== null,
    editedAt: reply.editedAt === null ? null : new Date(reply.editedAt),
    createdAt: new Date(reply.createdAt),
    authorId: reply.author.id,
    threadAuthorId: reply.threadAuthorId,
  };
}

function toThreadModel(question: QuestionMessage): Thread {
  return {
    id: String(question.id),
    title: question.title,
    body: question.body,
    cookedHtml: question.bodyHtml,
    status: question.status as ThreadStatus,
    locked: question.locked,
    hidden: question.hidden,
    replyCount: question.replyCount,
    edited: question.editedAt !== null,
    editedAt: question.editedAt === null ? null : new Date(question.editedAt),
    createdAt: new Date(question.createdAt),
    lastActivityAt: new Date(question.lastActivityAt),
    authorId: question.authorId,
    acceptedReplyId: question.acceptedReplyId,
  };
}

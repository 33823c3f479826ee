import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppError, ErrorReason } from '../common/app-error.js';
import { parseId } from '../common/id.js';
import { RequestContext } from '../common/request-context.js';
import { ForumEvents, QuestionSnapshot, ReplySnapshot, ThreadStateSnapshot } from '../events/forum-events.js';
import { Reply } from '../threads/models/reply.model.js';
import { Thread } from '../threads/models/thread.model.js';
import { PostType } from '../common/post-type.js';
import { PostsService } from '../threads/posts.service.js';
import { ThreadStatus } from '../threads/thread-status.js';
import { ThreadsService } from '../threads/threads.service.js';
import { isVisibleTo } from '../threads/visibility.js';
import { UsersService } from '../users/users.service.js';
import { ForumActivityMessage, QuestionMessage, reaches, ReplyMessage, StaffQueueMessage, ThreadActivityMessage } from './live-messages.js';
import { AccountChange, liveChannels, LivePubSub } from './live-pubsub.js';
import { ForumActivity } from './models/forum-activity.model.js';
import { StaffQueueChange } from './models/staff-queue-change.model.js';
import { ThreadActivity } from './models/thread-activity.model.js';
import { StaffQueueArea } from './staff-queue-area.js';
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
      await this.publishForum({ threadId, askerId: authorId, lastActivityAt: at.toISOString(), threadHidden: false, listing });
    });
    this.events.on('replyPosted', async ({ threadId, replyId, authorId, byBot, threadHidden, at, reply, listing }) => {
      const kind = byBot ? ThreadActivityKind.BOT_ANSWER : ThreadActivityKind.NEW_REPLY;
      const message = await this.replyMessage(reply);
      const change = message ? { reply: message } : {};
      await this.publishThread({
        kind,
        threadId,
        replyId,
        actorId: authorId,
        at: at.toISOString(),
        threadHidden,
        audience: 'everyone',
        ...change,
      });
      await this.publishForum({ threadId, askerId: listing.authorId, lastActivityAt: at.toISOString(), threadHidden, listing });
    });
    this.events.on('replyAccepted', async ({ threadId, replyId, acceptedById, state, lists }) => {
      // Only a visible reply can be accepted (checked under the thread's lock, or restored with it).
      await this.publishThread(stateChanged(ThreadActivityKind.ACCEPTED, threadId, replyId, acceptedById, state));
      if (!lists) return;
      const { lastActivityAt, listing } = lists;
      const threadHidden = state.hidden;
      await this.publishForum({ threadId, askerId: listing.authorId, lastActivityAt: lastActivityAt.toISOString(), threadHidden, listing });
    });
    this.events.on('answerUnaccepted', async ({ threadId, actorId, state, lists }) => {
      await this.publishThread(stateChanged(ThreadActivityKind.ACCEPTED, threadId, null, actorId, state));
      if (!lists) return;
      const { lastActivityAt, listing } = lists;
      const threadHidden = state.hidden;
      await this.publishForum({ threadId, askerId: listing.authorId, lastActivityAt: lastActivityAt.toISOString(), threadHidden, listing });
    });
    this.events.on('threadLocked', async ({ threadId, locked, actorId, state }) => {
      const kind = locked ? ThreadActivityKind.LOCKED : ThreadActivityKind.UNLOCKED;
      await this.publishThread(stateChanged(kind, threadId, null, actorId, state));
    });
    this.events.on('postEdited', async ({ threadId, replyId, editorId, threadHidden, reply, question }) => {
      const edited = reply ? await this.replyMessage(reply) : null;
      const change = question ? { question: questionMessage(question) } : edited ? { reply: edited } : {};
      await this.publishUpdate(threadId, replyId, editorId, threadHidden, reply?.hidden ?? false, change);
    });
    this.events.on('postHidden', async ({ threadId, threadAuthorId, replyId, hidden, actorId, threadHidden }) => {
      // Who may now see what changed: subscribers read the thread again, and lists of threads read themselves again.
      const at = new Date().toISOString();
      const changed = { threadId, askerId: threadAuthorId, lastActivityAt: at, visibilityChanged: true };
      if (replyId === null) {
        // The whole question: members following it read it again too, and find it gone (or back) as a reload shows them.
        const message = { kind: ThreadActivityKind.UPDATED, threadId, replyId: null, actorId, at, threadHidden: false };
        await this.publishThread({ ...message, audience: 'everyone' });
        await this.publishForum({ ...changed, threadHidden: false });
        return;
      }
      await this.publishUpdate(threadId, replyId, actorId, threadHidden, hidden, {});
      // The thread's reply count (and, for the accepted answer, its status) changed with it.
      await this.publishForum({ ...changed, threadHidden });
    });
    this.publishStaffQueueChanges();
    this.events.on('sessionEnded', async ({ sessionHash }) => {
      await this.pubSub.publish(liveChannels.accounts(), { sessionHash } satisfies AccountChange);
    });
    const accountChanged = async ({ userId }: { userId: number }): Promise<void> => {
      await this.pubSub.publish(liveChannels.accounts(), { userId } satisfies AccountChange);
    };
    this.events.on('roleChanged', accountChanged);
    this.events.on('twoFactorChanged', accountChanged);
  }

  /** What moves questions in and out of the staff queues, flags in and out of the open ones, and the bot's statistics. */
  private publishStaffQueueChanges(): void {
    const botQueues = ({ threadId }: { threadId: number }) =>
      this.publishStaffQueues({ area: StaffQueueArea.BOT_QUEUES, threadId, flagId: null });
    this.events.on('questionPosted', botQueues);
    this.events.on('replyPosted', botQueues);
    this.events.on('replyAccepted', botQueues);
    this.events.on('answerUnaccepted', botQueues);
    this.events.on('threadLocked', botQueues);
    this.events.on('postEdited', (event) => (event.replyId === null ? botQueues(event) : undefined));
    this.events.on('postHidden', async (event) => {
      await botQueues(event);
      // Hiding a post resolves its open flags.
      await this.publishStaffQueues({ area: StaffQueueArea.FLAGS, threadId: event.threadId, flagId: null });
    });
    this.events.on('staffQueueChanged', (event) => {
      switch (event.area) {
        case 'flags':
          return this.publishStaffQueues({ area: StaffQueueArea.FLAGS, threadId: null, flagId: event.flagId });
        case 'botStats':
          return this.publishStaffQueues({ area: StaffQueueArea.BOT_STATS, threadId: event.threadId, flagId: null });
        case 'botQueues':
          return botQueues(event);
      }
    });
  }

  /** Staff: what changed in their queues, as it commits. */
  staffQueueChanges(context: RequestContext): Promise<AsyncIterableIterator<StaffQueueChange>> {
    context.requireStaff();
    return this.pubSub.subscribe<StaffQueueMessage, StaffQueueChange>(liveChannels.staffQueues(), (message) =>
      context.isStaff
        ? {
            area: message.area,
            threadId: message.threadId === null ? null : String(message.threadId),
            flagId: message.flagId === null ? null : String(message.flagId),
          }
        : null,
    );
  }

  /**
   * Live activity of one thread; NOT_FOUND for a thread the caller cannot see. Each message is checked again against the
   * thread as it then is, by the rule of its page over HTTP: a hidden thread's activity reaches staff and its asker.
   */
  async threadActivity(context: RequestContext, threadIdInput: string): Promise<AsyncIterableIterator<ThreadActivity>> {
    const threadId = parseId(threadIdInput, 'threadId');
    const thread = (await this.posts.findOne(PostType.THREAD, threadId))?.thread ?? null;
    if (!thread || !isVisibleTo(context, thread)) throw AppError.notFound(ErrorReason.THREAD_NOT_FOUND, 'Thread', threadId);
    const askerId = thread.authorId;
    return this.pubSub.subscribe<ThreadActivityMessage, ThreadActivity>(liveChannels.thread(threadId), (message) =>
      isVisibleTo(context, { authorId: askerId, hidden: message.threadHidden }) && reaches(message.audience, context.isStaff)
        ? this.activityFor(context, message)
        : null,
    );
  }

  /** Activity in the threads the caller's thread list shows: a hidden thread's reaches staff and its asker. */
  forumActivity(context: RequestContext): Promise<AsyncIterableIterator<ForumActivity>> {
    return this.pubSub.subscribe<ForumActivityMessage, ForumActivity>(liveChannels.forum(), (message) =>
      isVisibleTo(context, { authorId: message.askerId, hidden: message.threadHidden })
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
      byYou: context.user !== null && context.user.id === message.actorId,
      reply: reply ? toReplyModel(reply) : null,
      question: question ? toThreadModel(question) : null,
      state: message.state ? { status: message.state.status as ThreadStatus, locked: message.state.locked } : null,
    };
  }

  /**
   * An edit or a moderation change, for those who may read the thread. A visible post's reaches them all (with the
   * change, if any); a hidden post's reaches staff with its id and change, everyone else without either (they read the
   * thread again).
   */
  private async publishUpdate(
    threadId: number,
    replyId: number | null,
    actorId: number,
    threadHidden: boolean,
    replyHidden: boolean,
    change: Pick<ThreadActivityMessage, 'reply' | 'question'>,
  ): Promise<void> {
    const message = { kind: ThreadActivityKind.UPDATED, threadId, actorId, at: new Date().toISOString(), threadHidden };
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
      version: reply.version,
      createdAt: reply.createdAt.toISOString(),
    };
  }

  private publishThread(message: ThreadActivityMessage): Promise<void> {
    return this.pubSub.publish(liveChannels.thread(message.threadId), message);
  }

  private publishForum(message: ForumActivityMessage): Promise<void> {
    return this.pubSub.publish(liveChannels.forum(), message);
  }

  private publishStaffQueues(message: StaffQueueMessage): Promise<void> {
    return this.pubSub.publish(liveChannels.staffQueues(), message);
  }
}

/** An accept, a withdrawal or a lock, with the thread's state after it, for those who may read the thread. */
function stateChanged(
  kind: ThreadActivityKind,
  threadId: number,
  replyId: number | null,
  actorId: number,
  state: ThreadStateSnapshot,
): ThreadActivityMessage {
  const at = new Date().toISOString();
  return {
    kind,
    threadId,
    replyId,
    actorId,
    at,
    threadHidden: state.hidden,
    audience: 'everyone',
    state: { status: state.status, locked: state.locked },
  };
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
    version: reply.version,
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
    version: question.version,
    createdAt: new Date(question.createdAt),
    lastActivityAt: new Date(question.lastActivityAt),
    authorId: question.authorId,
    acceptedReplyId: question.acceptedReplyId,
  };
}

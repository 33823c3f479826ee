import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppError, ErrorReason } from '../common/app-error.js';
import { parseId } from '../common/id.js';
import { RequestContext } from '../common/request-context.js';
import { ForumEvents } from '../events/forum-events.js';
import { Reply } from '../threads/models/reply.model.js';
import { Thread } from '../threads/models/thread.model.js';
import { PostType } from '../common/post-type.js';
import { PostsService } from '../threads/posts.service.js';
import { Audience, ForumActivityMessage, reaches, ThreadActivityMessage } from './live-messages.js';
import { AccountChange, liveChannels, LivePubSub } from './live-pubsub.js';
import { ForumActivity } from './models/forum-activity.model.js';
import { ThreadActivity } from './models/thread-activity.model.js';
import { ThreadActivityKind } from './thread-activity-kind.js';

/** Turns forum events into live messages, and hands each subscriber the ones they may see. */
@Injectable()
export class LiveService implements OnModuleInit {
  constructor(
    private readonly events: ForumEvents,
    private readonly pubSub: LivePubSub,
    private readonly posts: PostsService,
  ) {}

  onModuleInit(): void {
    this.events.on('questionPosted', async ({ threadId, at }) => {
      await this.publishForum({ threadId, lastActivityAt: at.toISOString(), audience: 'everyone' });
    });
    this.events.on('replyPosted', async ({ threadId, replyId, byBot, threadHidden, at }) => {
      const audience: Audience = threadHidden ? 'staff' : 'everyone';
      const kind = byBot ? ThreadActivityKind.BOT_ANSWER : ThreadActivityKind.NEW_REPLY;
      await this.publishThread({ kind, threadId, replyId, at: at.toISOString(), audience });
      await this.publishForum({ threadId, lastActivityAt: at.toISOString(), audience });
    });
    this.events.on('replyAccepted', async ({ threadId, replyId }) => {
      const [thread, reply] = await Promise.all([this.thread(threadId), this.reply(replyId)]);
      if (!thread) return;
      const audience: Audience = thread.hidden || !reply || reply.hidden ? 'staff' : 'everyone';
      await this.publishThread({ kind: ThreadActivityKind.ACCEPTED, threadId, replyId, at: new Date().toISOString(), audience });
      await this.publishForum({ threadId, lastActivityAt: thread.lastActivityAt.toISOString(), audience });
    });
    this.events.on('threadLocked', async ({ threadId, locked }) => {
      const thread = await this.thread(threadId);
      if (!thread) return;
      const kind = locked ? ThreadActivityKind.LOCKED : ThreadActivityKind.UNLOCKED;
      await this.publishThread({
        kind,
        threadId,
        replyId: null,
        at: new Date().toISOString(),
        audience: thread.hidden ? 'staff' : 'everyone',
      });
    });
    this.events.on('postEdited', async ({ threadId, replyId }) => {
      await this.publishUpdate(threadId, replyId);
    });
    this.events.on('postHidden', async ({ threadId, replyId }) => {
      await this.publishUpdate(threadId, replyId);
    });
    this.events.on('answerUnaccepted', async ({ threadId }) => {
      await this.publishUpdate(threadId, null);
    });
    this.events.on('sessionEnded', async ({ sessionHash }) => {
      await this.pubSub.publish(liveChannels.accounts(), { sessionHash } satisfies AccountChange);
    });
    this.events.on('roleChanged', async ({ userId }) => {
      await this.pubSub.publish(liveChannels.accounts(), { userId } satisfies AccountChange);
    });
  }

  /** Live activity of one thread; NOT_FOUND for a thread the caller cannot see. */
  async threadActivity(context: RequestContext, threadIdInput: string): Promise<AsyncIterableIterator<ThreadActivity>> {
    const threadId = parseId(threadIdInput, 'threadId');
    const thread = await this.thread(threadId);
    if (!thread || (thread.hidden && !context.isStaff)) throw AppError.notFound(ErrorReason.THREAD_NOT_FOUND, 'Thread', threadId);
    const isStaff = context.isStaff;
    return this.pubSub.subscribe<ThreadActivityMessage, ThreadActivity>(liveChannels.thread(threadId), (message) =>
      reaches(message.audience, isStaff)
        ? {
            kind: message.kind,
            threadId: String(message.threadId),
            replyId: message.replyId === null ? null : String(message.replyId),
            at: new Date(message.at),
          }
        : null,
    );
  }

  forumActivity(context: RequestContext): Promise<AsyncIterableIterator<ForumActivity>> {
    const isStaff = context.isStaff;
    return this.pubSub.subscribe<ForumActivityMessage, ForumActivity>(liveChannels.forum(), (message) =>
      reaches(message.audience, isStaff) ? { threadId: String(message.threadId), lastActivityAt: new Date(message.lastActivityAt) } : null,
    );
  }

  /** An edit or a moderation change: staff learn which reply; others get no reply id, since it may now be hidden. */
  private async publishUpdate(threadId: number, replyId: number | null): Promise<void> {
    const thread = await this.thread(threadId);
    if (!thread) return;
    const at = new Date().toISOString();
    const message = { kind: ThreadActivityKind.UPDATED, threadId, at };
    if (thread.hidden) {
      await this.publishThread({ ...message, replyId, audience: 'staff' });
      return;
    }
    const reply = replyId === null ? null : await this.reply(replyId);
    if (replyId === null || (reply && !reply.hidden)) {
      await this.publishThread({ ...message, replyId, audience: 'everyone' });
      return;
    }
    await this.publishThread({ ...message, replyId, audience: 'staff' });
    await this.publishThread({ ...message, replyId: null, audience: 'members' });
  }

  private publishThread(message: ThreadActivityMessage): Promise<void> {
    return this.pubSub.publish(liveChannels.thread(message.threadId), message);
  }

  private publishForum(message: ForumActivityMessage): Promise<void> {
    return this.pubSub.publish(liveChannels.forum(), message);
  }

  private async thread(id: number): Promise<Thread | null> {
    return (await this.posts.findOne(PostType.THREAD, id))?.thread ?? null;
  }

  private async reply(id: number): Promise<Reply | null> {
    return (await this.posts.findOne(PostType.REPLY, id))?.reply ?? null;
  }
}

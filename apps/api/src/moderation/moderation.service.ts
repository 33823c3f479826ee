import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, LessThan, Repository } from 'typeorm';
import { AppError, ErrorReason } from '../common/app-error.js';
import { parseId } from '../common/id.js';
import { PageArgs } from '../common/page.args.js';
import { AuthUser, RequestContext } from '../common/request-context.js';
import { Role } from '../common/role.js';
import { ForumEvents } from '../events/forum-events.js';
import { Thread } from '../threads/models/thread.model.js';
import { PostType, postNotFound } from '../common/post-type.js';
import { PostJob } from '../jobs/post-job.js';
import { PostJobs } from '../jobs/post-jobs.service.js';
import { postKey, PostsService, PostWithAuthor } from '../threads/posts.service.js';
import { ThreadStateChange, ThreadStateService } from '../threads/thread-state.service.js';
import { User } from '../users/models/user.model.js';
import { UsersService } from '../users/users.service.js';
import { PostTargetArgs } from './dto/post-target.args.js';
import { ThreadTargetArgs } from './dto/thread-target.args.js';
import { FlagEntity, FlagResolution, FlagStatus } from './flag.entity.js';
import { AcceptanceChange, ModerationActionKind, ModerationTargetType } from './moderation-action-kind.js';
import { ModerationActionEntity } from './moderation-action.entity.js';
import { decodeIdCursor, encodeIdCursor } from '../common/cursor.js';
import { connectionOf } from '../common/paginated.js';
import { recordAction, toModerationAction } from './moderation-log.js';
import { ModerationAction, ModerationActionConnection } from './models/moderation-action.model.js';

/** Staff actions on posts and threads. Each change and its log row commit together, or neither does. */
@Injectable()
export class ModerationService {
  constructor(
    @InjectRepository(ModerationActionEntity) private readonly actions: Repository<ModerationActionEntity>,
    @InjectRepository(FlagEntity) private readonly flags: Repository<FlagEntity>,
    private readonly posts: PostsService,
    private readonly threadState: ThreadStateService,
    private readonly users: UsersService,
    private readonly events: ForumEvents,
    private readonly postJobs: PostJobs,
  ) {}

  /** Hides a post from everyone but staff and its author, and resolves the post's open flags. */
  hide(context: RequestContext, args: PostTargetArgs): Promise<ModerationAction> {
    return this.setHidden(context.requireStaff(), args, true);
  }

  restore(context: RequestContext, args: PostTargetArgs): Promise<ModerationAction> {
    return this.setHidden(context.requireStaff(), args, false);
  }

  lock(context: RequestContext, args: ThreadTargetArgs): Promise<ModerationAction> {
    return this.setLocked(context.requireStaff(), args, true);
  }

  unlock(context: RequestContext, args: ThreadTargetArgs): Promise<ModerationAction> {
    return this.setLocked(context.requireStaff(), args, false);
  }

  /** Staff: every moderation action, newest first. */
  async log(context: RequestContext, args: PageArgs): Promise<ModerationActionConnection> {
    context.requireStaff();
    const beforeId = args.after != null ? decodeIdCursor('log', args.after) : null;
    const rows = await this.actions.find({
      where: beforeId !== null ? { id: LessThan(beforeId) } : {},
      order: { id: 'DESC' },
      take: args.first + 1,
    });
    const { nodes, pageInfo } = connectionOf(rows, args.first, (row) => ({
      cursor: encodeIdCursor('log', row.id),
      node: toModerationAction(row),
    }));
    return { nodes, pageInfo };
  }

  /**
   * The thread a logged action concerns (the thread itself, a reply's thread, a flagged post's thread), for staff;
   * null for user actions and posts that no longer exist. Batched per request: one log page costs at most three queries.
   */
  threadOf(context: RequestContext, action: ModerationAction): Promise<Thread | null> {
    context.requireStaff();
    return context
      .loader('moderationTargetThread', () => new DataLoader<string, Thread | null>((keys) => this.loadTargetThreads(keys)))
      .load(`${action.targetType}:${action.targetId}`);
  }

  private async loadTargetThreads(keys: readonly string[]): Promise<(Thread | null)[]> {
    const targets = keys.map((key) => {
      const [type, id] = key.split(':');
      return { type, id: Number(id) };
    });
    const flagIds = targets.filter((target) => target.type === ModerationTargetType.Flag).map((target) => target.id);
    const flags = flagIds.length > 0 ? await this.flags.findBy({ id: In(flagIds) }) : [];
    const flagsById = new Map(flags.map((flag) => [flag.id, flag]));
    const postOf = (target: { type: string; id: number }): { postType: PostType; postId: number } | null => {
      if (target.type === ModerationTargetType.Thread) return { postType: PostType.THREAD, postId: target.id };
      if (target.type === ModerationTargetType.Reply) return { postType: PostType.REPLY, postId: target.id };
      const flag = target.type === ModerationTargetType.Flag ? flagsById.get(target.id) : undefined;
      return flag ? { postType: flag.postType, postId: flag.postId } : null;
    };
    const postKeys = targets.map(postOf);
    const wanted = postKeys.filter((key) => key !== null);
    const posts = wanted.length > 0 ? await this.posts.find(wanted) : new Map();
    return postKeys.map((key) => {
      const post = key ? posts.get(postKey(key.postType, key.postId)) : undefined;
      return post ? post.thread : null;
    });
  }

  /** ADMIN only: makes a user MEMBER, STAFF or ADMIN; the change and its log row commit together. */
  async setRole(context: RequestContext, userIdInput: string, role: Role): Promise<User> {
    const actor = context.requireUser();
    const userId = parseId(userIdInput, 'userId');
    return this.users.setRole(context, userId, role, (manager, previous) =>
      recordAction(manager, {
        actorId: actor.id,
        action: ModerationActionKind.ChangeRole,
        targetType: ModerationTargetType.User,
        targetId: userId,
        note: `${previous}->${role}`,
      }),
    );
  }

  private async setHidden(staff: AuthUser, args: PostTargetArgs, hidden: boolean): Promise<ModerationAction> {
    const postId = parseId(args.postId, 'postId');
    const notFound = () => postNotFound(args.postType, postId);
    const post = await this.posts.findOne(args.postType, postId);
    if (!post) throw notFound();
    const threadId = Number(post.thread.id);
    const done = await this.threadState.change(threadId, async (change) => {
      const acceptedBefore = change.thread.acceptedReplyId;
      const changed = post.reply ? await change.setReplyHidden(postId, hidden) : await change.setHidden(hidden);
      // Conditional on the current state, so two moderators racing cannot both log the same change.
      if (!changed)
        throw hidden
          ? AppError.conflict(ErrorReason.POST_ALREADY_HIDDEN, 'postId', 'This post is already hidden')
          : AppError.conflict(ErrorReason.POST_NOT_HIDDEN, 'postId', 'This post is not hidden');
      if (hidden) {
        await change.manager.update(
          FlagEntity,
          { postType: args.postType, postId, status: FlagStatus.OPEN },
          { status: FlagStatus.RESOLVED, resolution: FlagResolution.POST_HIDDEN, resolvedById: staff.id, resolvedAt: new Date() },
        );
      }
      // Hiding the accepted reply withdraws the acceptance, and restoring it may give it back (see setReplyHidden).
      const acceptedAfter = change.thread.acceptedReplyId;
      const acceptance = acceptedAfter === acceptedBefore ? null : { acceptedReplyId: acceptedAfter, state: change.snapshot() };
      const jobs = acceptance ? await this.recordRestoredAcceptance(change, post) : [];
      const action = await recordAction(change.manager, {
        actorId: staff.id,
        action: hidden ? ModerationActionKind.Hide : ModerationActionKind.Restore,
        targetType: args.postType === PostType.THREAD ? ModerationTargetType.Thread : ModerationTargetType.Reply,
        targetId: postId,
        note: args.reason,
        acceptance: acceptance && (acceptedAfter === null ? AcceptanceChange.WITHDRAWN : AcceptanceChange.GIVEN_BACK),
      });
      return { action, acceptance, threadHidden: change.thread.hidden, jobs };
    });
    if (!done) throw notFound();
    const replyId = post.reply ? postId : null;
    const { action, acceptance, threadHidden, jobs } = done.result;
    await this.postJobs.queue(jobs);
    const threadAuthorId = post.thread.authorId;
    await this.events.emit('postHidden', { threadId, threadAuthorId, replyId, hidden, actorId: staff.id, threadHidden });
    if (acceptance) {
      const { acceptedReplyId, state } = acceptance;
      if (acceptedReplyId === null) await this.events.emit('answerUnaccepted', { threadId, actorId: staff.id, state });
      else await this.events.emit('replyAccepted', { threadId, replyId: acceptedReplyId, acceptedById: staff.id, state, restored: true });
    }
    return toModerationAction(action);
  }

  /**
   * When the restored reply got its acceptance back, as made by whoever accepted it: the jobs a restored acceptance
   * needs (whom it concerns is told, unless they were told already: the job of the acceptance may have run while the
   * reply was hidden, telling nobody). An acceptance made before its acceptor was recorded has none. None for a withdrawal.
   */
  private recordRestoredAcceptance(change: ThreadStateChange, restored: PostWithAuthor): Promise<PostJob[]> {
    const { acceptedReplyId, acceptedById } = change.thread;
    if (!restored.reply || acceptedReplyId === null || acceptedById === null) return Promise.resolve([]);
    return this.postJobs.recordAcceptance(change.manager, {
      replyId: acceptedReplyId,
      replyAuthorId: restored.reply.authorId,
      replyAuthorRole: restored.author?.role ?? Role.MEMBER,
      threadAuthorId: restored.thread.authorId,
      acceptedById,
      restored: true,
    });
  }

  private async setLocked(staff: AuthUser, args: ThreadTargetArgs, locked: boolean): Promise<ModerationAction> {
    const threadId = parseId(args.threadId, 'threadId');
    const done = await this.threadState.change(threadId, async (change) => {
      if (!(await change.setLocked(locked)))
        throw locked
          ? AppError.conflict(ErrorReason.THREAD_ALREADY_LOCKED, 'threadId', 'This thread is already locked')
          : AppError.conflict(ErrorReason.THREAD_NOT_LOCKED, 'threadId', 'This thread is not locked');
      const action = await recordAction(change.manager, {
        actorId: staff.id,
        action: locked ? ModerationActionKind.Lock : ModerationActionKind.Unlock,
        targetType: ModerationTargetType.Thread,
        targetId: threadId,
        note: args.reason,
      });
      return { action, state: change.snapshot() };
    });
    if (!done) throw AppError.notFound(ErrorReason.THREAD_NOT_FOUND, 'Thread', threadId);
    await this.events.emit('threadLocked', { threadId, locked, actorId: staff.id, state: done.result.state });
    return toModerationAction(done.result.action);
  }
}

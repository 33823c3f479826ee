import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, MoreThan, Repository } from 'typeorm';
import { isUniqueViolation } from '../common/unique-violation.js';
import { AppError, ErrorReason } from '../common/app-error.js';
import { parseId } from '../common/id.js';
import { RequestContext } from '../common/request-context.js';
import { SqlParameters, sqlRows } from '../common/sql.js';
import { Environment } from '../config/environment.js';
import { ForumEvents } from '../events/forum-events.js';
import { RateLimiterService } from '../rate-limit/rate-limiter.service.js';
import { PostType, postNotFound } from '../common/post-type.js';
import { MarkdownService } from '../markdown/markdown.service.js';
import { Post, postKey, PostsService } from '../threads/posts.service.js';
import { FlagPostArgs } from './dto/flag-post.args.js';
import { PageArgs } from '../common/page.args.js';
import { ResolveFlagArgs } from './dto/resolve-flag.args.js';
import { FlagEntity, FlagResolution, FlagStatus } from './flag.entity.js';
import { excerptOf, isPostVisibleTo } from './moderated-post.js';
import { ModerationActionKind, ModerationTargetType } from './moderation-action-kind.js';
import { decodeIdCursor, encodeIdCursor } from '../common/cursor.js';
import { connectionOf } from '../common/paginated.js';
import { recordAction } from './moderation-log.js';
import { Flag, FlagConnection } from './models/flag.model.js';

const hourSeconds = 3600;

/** A post as the viewer's flag state needs it: which post, its thread and its author. */
export interface FlaggablePost {
  postType: PostType;
  postId: number;
  threadId: number;
  authorId: number;
}

/** Flags: members report posts, staff work through the open ones. */
@Injectable()
export class FlagsService {
  constructor(
    @InjectRepository(FlagEntity) private readonly flags: Repository<FlagEntity>,
    private readonly rateLimiter: RateLimiterService,
    private readonly environment: Environment,
    private readonly posts: PostsService,
    private readonly markdown: MarkdownService,
    private readonly events: ForumEvents,
  ) {}

  /** Any member, on another's post they can see; one open flag per member per post. */
  async flag(context: RequestContext, args: FlagPostArgs): Promise<Flag> {
    const user = context.requireUser();
    const postId = parseId(args.postId, 'postId');
    await this.rateLimiter.consume(`flag:${user.id}`, this.environment.RATE_LIMIT_FLAGS_PER_HOUR, hourSeconds);
    const post = await this.posts.findOne(args.postType, postId);
    if (!post || !isPostVisibleTo(context, post)) throw postNotFound(args.postType, postId);
    // A flag asks staff to look at someone else's post; one's own can be edited instead.
    if ((post.reply ?? post.thread).authorId === user.id) {
      throw AppError.forbidden(ErrorReason.OWN_POST_FLAGGED, 'You cannot flag your own post');
    }

    const duplicate = () => AppError.conflict(ErrorReason.ALREADY_FLAGGED, 'postId', 'You have already flagged this post');
    try {
      const flag = await this.flags.manager.transaction(async (manager) => {
        const open = await manager.existsBy(FlagEntity, { postType: args.postType, postId, reporterId: user.id, status: FlagStatus.OPEN });
        if (open) throw duplicate();
        return manager.save(
          FlagEntity,
          manager.create(FlagEntity, {
            postType: args.postType,
            postId,
            reporterId: user.id,
            reason: args.reason,
            status: FlagStatus.OPEN,
            resolution: null,
            resolvedById: null,
            resolvedAt: null,
            createdAt: new Date(),
          }),
        );
      });
      await this.events.emit('staffQueueChanged', { area: 'flags', flagId: flag.id });
      return this.toFlag(flag, post);
    } catch (error) {
      // The partial unique index catches two requests racing past the check above.
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
  }

  /**
   * A flag raised by the system (reporter: the bot's account) with a reason staff read; at most one open flag per
   * reporter and post, so re-running on an edit adds nothing while the first is open.
   */
  async flagAsSystem(reporterId: number, postType: PostType, postId: number, reason: string): Promise<void> {
    try {
      const flagId = await this.flags.manager.transaction(async (manager) => {
        if (await manager.existsBy(FlagEntity, { postType, postId, reporterId, status: FlagStatus.OPEN })) return null;
        const inserted = await manager.insert(FlagEntity, {
          postType,
          postId,
          reporterId,
          reason: reason.slice(0, 500),
          status: FlagStatus.OPEN,
          resolution: null,
          resolvedById: null,
          resolvedAt: null,
          createdAt: new Date(),
        });
        return Number(inserted.identifiers[0]!.id);
      });
      if (flagId !== null) await this.events.emit('staffQueueChanged', { area: 'flags', flagId });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /**
   * Whether the viewer has an open flag on the post: false for visitors and on their own posts (they cannot flag those)
   * without a query; otherwise one statement per request for every post of the threads asked about (a thread page's
   * question and replies alike), batched by thread.
   */
  async viewerFlagged(context: RequestContext, post: FlaggablePost): Promise<boolean> {
    const viewer = context.user;
    if (!viewer || viewer.id === post.authorId) return false;
    const flagged = await context
      .loader('viewerFlaggedByThread', () => new DataLoader<number, Set<string>>((threadIds) => this.openFlagsOf(viewer.id, threadIds)))
      .load(post.threadId);
    return flagged.has(postKey(post.postType, post.postId));
  }

  /** The reporter's open flags on the threads' questions and replies: per thread, the flagged posts' keys. */
  private async openFlagsOf(reporterId: number, threadIds: readonly number[]): Promise<Set<string>[]> {
    const sql = new SqlParameters();
    const reporter = sql.param(reporterId);
    const threads = sql.list(threadIds);
    const rows = await sqlRows<{ post_type: PostType; post_id: number | string; thread_id: number | string }>(
      this.flags.manager,
      `SELECT f.post_type, f.post_id, f.post_id AS thread_id FROM flags f
         WHERE f.reporter_id = ${reporter} AND f.status = 'OPEN' AND f.post_type = 'THREAD' AND f.post_id IN (${threads})
       UNION ALL
       SELECT f.post_type, f.post_id, r.thread_id FROM flags f JOIN replies r ON r.id = f.post_id
         WHERE f.reporter_id = ${reporter} AND f.status = 'OPEN' AND f.post_type = 'REPLY' AND r.thread_id IN (${threads})`,
      sql.values,
    );
    const byThread = new Map(threadIds.map((threadId) => [threadId, new Set<string>()]));
    for (const row of rows) byThread.get(Number(row.thread_id))?.add(postKey(row.post_type, Number(row.post_id)));
    return threadIds.map((threadId) => byThread.get(threadId)!);
  }

  /** Staff: open flags, oldest first, with the flagged post's excerpt. */
  async open(context: RequestContext, args: PageArgs): Promise<FlagConnection> {
    context.requireStaff();
    const afterId = args.after != null ? decodeIdCursor('flags', args.after) : null;
    const rows = await this.flags.find({
      where: { status: FlagStatus.OPEN, ...(afterId !== null ? { id: MoreThan(afterId) } : {}) },
      order: { id: 'ASC' },
      take: args.first + 1,
    });
    return this.pageOf('flags', rows, args.first);
  }

  /** Staff: how many flags are open, as `open` lists them; one statement. */
  openCount(context: RequestContext): Promise<number> {
    context.requireStaff();
    return this.flags.countBy({ status: FlagStatus.OPEN });
  }

  /** Staff: one flag with its post's excerpt, as the open flags show it (the moderation log names it); batched per request. */
  byId(context: RequestContext, flagId: number): Promise<Flag | null> {
    context.requireStaff();
    return context
      .loader(
        'flagsById',
        () =>
          new DataLoader<number, Flag | null>(async (ids) => {
            const flags = new Map((await this.toFlags(await this.flags.findBy({ id: In([...ids]) }))).map((flag) => [flag.id, flag]));
            return ids.map((id) => flags.get(String(id)) ?? null);
          }),
      )
      .load(flagId);
  }

  /** Staff: closes an open flag without hiding the post (hiding resolves a post's flags by itself). */
  async resolve(context: RequestContext, args: ResolveFlagArgs): Promise<Flag> {
    const staff = context.requireStaff();
    const flagId = parseId(args.flagId, 'flagId');
    const flag = await this.flags.manager.transaction(async (manager) => {
      const now = new Date();
      const result = await manager.update(
        FlagEntity,
        { id: flagId, status: FlagStatus.OPEN },
        { status: FlagStatus.RESOLVED, resolution: FlagResolution.DISMISSED, resolvedById: staff.id, resolvedAt: now },
      );
      if (!result.affected) {
        if (await manager.existsBy(FlagEntity, { id: flagId }))
          throw AppError.conflict(ErrorReason.FLAG_ALREADY_RESOLVED, 'flagId', 'This flag is already resolved');
        throw AppError.notFound(ErrorReason.FLAG_NOT_FOUND, 'Flag', flagId);
      }
      await recordAction(manager, {
        actorId: staff.id,
        action: ModerationActionKind.ResolveFlag,
        targetType: ModerationTargetType.Flag,
        targetId: flagId,
        note: args.note,
      });
      return manager.findOneByOrFail(FlagEntity, { id: flagId });
    });
    await this.events.emit('staffQueueChanged', { area: 'flags', flagId });
    return this.toFlag(flag, await this.posts.findOne(flag.postType, flag.postId));
  }

  /**
   * A page of a list of flags ordered by id (`cursorKind` ties its cursors to it) from its rows read one longer than
   * `first`, with each flagged post's excerpt: two statements for the posts, whatever the page's length.
   */
  async pageOf(cursorKind: string, rows: FlagEntity[], first: number): Promise<FlagConnection> {
    const flags = new Map((await this.toFlags(rows.slice(0, first))).map((flag) => [flag.id, flag]));
    const { nodes, pageInfo } = connectionOf(rows, first, (row) => ({
      cursor: encodeIdCursor(cursorKind, row.id),
      node: flags.get(String(row.id))!,
    }));
    return { nodes, pageInfo };
  }

  private async toFlags(rows: FlagEntity[]): Promise<Flag[]> {
    const posts = await this.posts.find(rows.map((flag) => ({ postType: flag.postType, postId: flag.postId })));
    return rows.map((flag) => this.toFlag(flag, posts.get(postKey(flag.postType, flag.postId)) ?? null));
  }

  private toFlag(entity: FlagEntity, post: Post | null): Flag {
    return {
      id: String(entity.id),
      postType: entity.postType,
      postId: String(entity.postId),
      threadId: post ? post.thread.id : null,
      threadTitle: post ? post.thread.title : null,
      excerpt: post ? excerptOf(this.markdown, post) : '',
      reason: entity.reason,
      status: entity.status,
      resolution: entity.resolution,
      createdAt: entity.createdAt,
      resolvedAt: entity.resolvedAt,
      reporterId: entity.reporterId,
      resolvedById: entity.resolvedById,
      postAuthorId: post ? (post.reply ?? post.thread).authorId : null,
    };
  }
}

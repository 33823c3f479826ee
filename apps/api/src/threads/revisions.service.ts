import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { insertRow } from '../common/returning-writes.js';
import { SqlParameters, sqlRows } from '../common/sql.js';
import { AppError, ErrorReason } from '../common/app-error.js';
import { parseId } from '../common/id.js';
import { RequestContext } from '../common/request-context.js';
import { PageArgs } from '../common/page.args.js';
import { decodePositionCursor, encodePositionCursor } from '../common/cursor.js';
import { connectionOf } from '../common/paginated.js';
import { RevisionsArgs } from './dto/revisions.args.js';
import { RevisionConnection } from './models/revision-connection.model.js';
import { PostType, postNotFound } from '../common/post-type.js';
import { ReplyEntity } from './reply.entity.js';
import { RevisionEntity } from './revision.entity.js';
import { toRevision } from './thread.mapper.js';
import { ThreadEntity } from './thread.entity.js';
import { isVisibleTo } from './visibility.js';

export interface NewRevision {
  postType: PostType;
  postId: number;
  editorId: number;
  previousTitle: string | null;
  previousBody: string;
  /** The post's stored HTML and its version before the edit, copied as they are: an edit renders only the new text. */
  previousBodyHtml: string | null;
  previousBodyHtmlVersion: number;
  createdAt: Date;
}

/** One edit of a post, as its revision records it. */
export interface PostEditRecord {
  revisionId: number;
  editorId: number;
  /** The text the edit replaced. */
  previousBody: string;
}

/** The post whose history is read. */
export interface RevisedPost {
  postType: PostType;
  postId: number;
  authorId: number;
}

/** The edit history of questions and replies. */
@Injectable()
export class RevisionsService {
  constructor(
    @InjectRepository(RevisionEntity) private readonly revisions: Repository<RevisionEntity>,
    @InjectRepository(ThreadEntity) private readonly threads: Repository<ThreadEntity>,
    @InjectRepository(ReplyEntity) private readonly replies: Repository<ReplyEntity>,
  ) {}

  /** Stores what a post said before an edit; call it inside the edit's transaction. Returns the revision's id. */
  record(manager: EntityManager, revision: NewRevision): Promise<number> {
    return insertRow(manager, RevisionEntity, revision);
  }

  /**
   * A post's edits in the order they were made, who made each and the text it replaced (for what edits add: the people
   * they newly mention, and who named them): from the latest one at or before `fromRevisionId` on, or the latest alone
   * without it. Not the whole history: read at every edit, the texts of every revision took the square of a post's
   * edits over its life (0.6 s of the event loop at its 2,000th).
   */
  async editsFrom(postType: PostType, postId: number, fromRevisionId: number | null): Promise<PostEditRecord[]> {
    const sql = new SqlParameters();
    const post = `post_type = ${sql.param(postType)} AND post_id = ${sql.param(postId)}`;
    const columns = 'SELECT id, editor_id, previous_body FROM revisions';
    const query =
      fromRevisionId === null
        ? `${columns} WHERE ${post} ORDER BY id DESC LIMIT 1`
        : `${columns} WHERE ${post} AND id >= COALESCE((SELECT MAX(id) FROM revisions WHERE ${post} AND id <= ${sql.param(fromRevisionId)}), ${sql.param(fromRevisionId)}) ORDER BY id`;
    const rows = await sqlRows<{ id: number; editor_id: number; previous_body: string }>(
      this.revisions.manager.connection,
      query,
      sql.values,
    );
    return rows.map((row) => ({ revisionId: Number(row.id), editorId: Number(row.editor_id), previousBody: row.previous_body }));
  }

  /** The text a post had before its first edit, or null when it has none. */
  async firstText(postType: PostType, postId: number): Promise<string | null> {
    const first = await this.revisions.findOne({
      select: { id: true, previousBody: true },
      where: { postType, postId },
      order: { id: 'ASC' },
    });
    return first?.previousBody ?? null;
  }

  /**
   * One page of a post's revisions the viewer may read, newest first. One query per post: a history is read for one
   * post at a time, and a page of posts asking for theirs pays per post (the query cost counts it).
   *
   * Staff edit members' posts to take out what must not be public (a secret, a personal detail), and the revision of
   * that edit holds the text from before it. So the revisions up to and including the latest edit by someone other
   * than the author (only staff may make one) are for staff and the author only; everyone else reads the history
   * after it.
   */
  async page(context: RequestContext, post: RevisedPost, args: PageArgs): Promise<RevisionConnection> {
    const after = args.after != null ? decodePositionCursor('v', args.after) : null;
    const query = this.revisions.createQueryBuilder('revision').where('revision.postType = :postType AND revision.postId = :postId', {
      postType: post.postType,
      postId: post.postId,
    });
    if (!context.isStaff && context.user?.id !== post.authorId) {
      query.andWhere(
        `NOT EXISTS (SELECT 1 FROM revisions staff_edit
          WHERE staff_edit.post_type = revision.post_type
            AND staff_edit.post_id = revision.post_id
            AND staff_edit.editor_id <> :revisedPostAuthorId
            AND (staff_edit.created_at > revision.created_at
              OR (staff_edit.created_at = revision.created_at AND staff_edit.id >= revision.id)))`,
        { revisedPostAuthorId: post.authorId },
      );
    }
    if (after) {
      query.andWhere('(revision.createdAt < :afterAt OR (revision.createdAt = :afterAt AND revision.id < :afterId))', {
        afterAt: after.at,
        afterId: after.id,
      });
    }
    const rows = await query
      .orderBy('revision.createdAt', 'DESC')
      .addOrderBy('revision.id', 'DESC')
      .limit(args.first + 1)
      .getMany();
    return connectionOf(rows, args.first, (row) => ({
      cursor: encodePositionCursor('v', { at: row.createdAt, id: row.id }),
      node: toRevision(row),
    }));
  }

  /** The revisions of a post the viewer can see; NOT_FOUND otherwise. */
  async list(context: RequestContext, args: RevisionsArgs): Promise<RevisionConnection> {
    const postType = args.postType;
    const rawPostId = args.postId;
    const postId = parseId(rawPostId, 'postId');
    const post = postType === PostType.THREAD ? await this.threads.findOneBy({ id: postId }) : await this.replies.findOneBy({ id: postId });
    if (!post || !isVisibleTo(context, post)) throw postNotFound(postType, postId);
    if (post instanceof ReplyEntity) {
      const thread = await this.threads.findOneBy({ id: post.threadId });
      if (!thread || !isVisibleTo(context, thread)) throw AppError.notFound(ErrorReason.REPLY_NOT_FOUND, 'Reply', postId);
    }
    return this.page(context, { postType, postId, authorId: post.authorId }, args);
  }
}

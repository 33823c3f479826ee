import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { parseId } from '../common/id.js';
import { RequestContext } from '../common/request-context.js';
import { Revision } from './models/revision.model.js';
import { PostType } from './post-type.js';
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
  createdAt: Date;
}

/** The edit history of questions and replies. */
@Injectable()
export class RevisionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores what a post said before an edit; call it inside the edit's transaction. */
  async record(manager: EntityManager, revision: NewRevision): Promise<void> {
    await manager.getRepository(RevisionEntity).insert(revision);
  }

  /** A post's revisions, newest first; batched per request so a page of posts costs one query per post type. */
  forPost(context: RequestContext, postType: PostType, postId: number): Promise<Revision[]> {
    return context
      .loader(
        `revisions:${postType}`,
        () =>
          new DataLoader<number, Revision[]>(async (ids) => {
            const rows = await this.dataSource.getRepository(RevisionEntity).find({
              where: { postType, postId: In([...ids]) },
              order: { createdAt: 'DESC', id: 'DESC' },
            });
            return ids.map((id) => rows.filter((row) => row.postId === id).map(toRevision));
          }),
      )
      .load(postId);
  }

  /** The revisions of a post the viewer can see; NOT_FOUND otherwise. */
  async list(context: RequestContext, postType: PostType, rawPostId: string): Promise<Revision[]> {
    const postId = parseId(rawPostId, 'postId');
    const post =
      postType === PostType.THREAD
        ? await this.dataSource.getRepository(ThreadEntity).findOneBy({ id: postId })
        : await this.dataSource.getRepository(ReplyEntity).findOneBy({ id: postId });
    if (!post || !isVisibleTo(context, post)) throw AppError.notFound(postType === PostType.THREAD ? 'Thread' : 'Reply', postId);
    if (post instanceof ReplyEntity) {
      const thread = await this.dataSource.getRepository(ThreadEntity).findOneBy({ id: post.threadId });
      if (!thread || !isVisibleTo(context, thread)) throw AppError.notFound('Reply', postId);
    }
    return this.forPost(context, postType, postId);
  }
}

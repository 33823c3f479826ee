import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MarkdownModule } from '../markdown/markdown.module.js';
import { UsersModule } from '../users/users.module.js';
import { PostsService } from './posts.service.js';
import { PostCookingService } from './post-cooking.service.js';
import { RepliesResolver } from './replies.resolver.js';
import { RepliesService } from './replies.service.js';
import { ReplyEntity } from './reply.entity.js';
import { RevisionEntity } from './revision.entity.js';
import { RevisionsResolver } from './revisions.resolver.js';
import { RevisionsService } from './revisions.service.js';
import { TagCountFolding } from './tag-count-folding.js';
import { TagsResolver } from './tags.resolver.js';
import { ThreadStateService } from './thread-state.service.js';
import { ThreadTagEntity } from './thread-tag.entity.js';
import { ThreadEntity } from './thread.entity.js';
import { ThreadConnectionResolver } from './thread-connection.resolver.js';
import { ThreadsResolver } from './threads.resolver.js';
import { ThreadsService } from './threads.service.js';
import { ThreadProcessingResolver } from './thread-processing.resolver.js';

/** Questions, replies, accepted answers, edits and their revisions. */
@Module({
  imports: [TypeOrmModule.forFeature([ThreadEntity, ReplyEntity, RevisionEntity, ThreadTagEntity]), UsersModule, MarkdownModule],
  providers: [
    ThreadsService,
    RepliesService,
    RevisionsService,
    PostsService,
    ThreadStateService,
    PostCookingService,
    ThreadsResolver,
    ThreadProcessingResolver,
    ThreadConnectionResolver,
    RepliesResolver,
    RevisionsResolver,
    TagsResolver,
    TagCountFolding,
  ],
  exports: [ThreadsService, RepliesService, RevisionsService, PostsService, ThreadStateService],
})
export class ThreadsModule {}

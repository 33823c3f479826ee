import { Module } from '@nestjs/common';
import { MarkdownModule } from '../markdown/markdown.module.js';
import { UsersModule } from '../users/users.module.js';
import { PostCookingService } from './post-cooking.service.js';
import { RepliesResolver } from './replies.resolver.js';
import { RepliesService } from './replies.service.js';
import { RevisionsResolver } from './revisions.resolver.js';
import { RevisionsService } from './revisions.service.js';
import { TagsResolver } from './tags.resolver.js';
import { ThreadConnectionResolver } from './thread-connection.resolver.js';
import { ThreadsResolver } from './threads.resolver.js';
import { ThreadsService } from './threads.service.js';

/** Questions, replies, accepted answers, edits and their revisions. */
@Module({
  imports: [UsersModule, MarkdownModule],
  providers: [
    ThreadsService,
    RepliesService,
    RevisionsService,
    PostCookingService,
    ThreadsResolver,
    ThreadConnectionResolver,
    RepliesResolver,
    RevisionsResolver,
    TagsResolver,
  ],
  exports: [ThreadsService, RepliesService, RevisionsService],
})
export class ThreadsModule {}

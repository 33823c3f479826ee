import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MarkdownModule } from '../markdown/markdown.module.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { UsersModule } from '../users/users.module.js';
import { FlagEntity } from './flag.entity.js';
import { FlagsResolver } from './flags.resolver.js';
import { FlagsService } from './flags.service.js';
import { ImpostorFlagsService } from './impostor-flags.service.js';
import { ImpostorWarningResolver } from './impostor-warning.resolver.js';
import { MemberFlagsResolver, ViewerFlagsResolver } from './member-flags.resolver.js';
import { MemberFlagsService } from './member-flags.service.js';
import { ModerationResolver } from './moderation.resolver.js';
import { ModerationActionEntity } from './moderation-action.entity.js';
import { ModerationService } from './moderation.service.js';
import { ReplyViewerFlaggedResolver, ThreadViewerFlaggedResolver } from './viewer-flagged.resolver.js';

/** Flags raised by members; hiding, restoring, locking, the moderation log and members' flag history for staff. */
@Module({
  imports: [TypeOrmModule.forFeature([FlagEntity, ModerationActionEntity]), UsersModule, ThreadsModule, MarkdownModule],
  providers: [
    FlagsService,
    FlagsResolver,
    ModerationService,
    ModerationResolver,
    ImpostorFlagsService,
    ImpostorWarningResolver,
    ThreadViewerFlaggedResolver,
    ReplyViewerFlaggedResolver,
    MemberFlagsService,
    MemberFlagsResolver,
    ViewerFlagsResolver,
  ],
  exports: [ModerationService],
})
export class ModerationModule {}

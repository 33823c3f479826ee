import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { FlagsResolver } from './flags.resolver.js';
import { FlagsService } from './flags.service.js';
import { ImpostorFlagsService } from './impostor-flags.service.js';
import { ModerationResolver } from './moderation.resolver.js';
import { ModerationService } from './moderation.service.js';

/** Flags raised by members; hiding, restoring, locking and the moderation log for staff. */
@Module({
  imports: [UsersModule],
  providers: [FlagsService, FlagsResolver, ModerationService, ModerationResolver, ImpostorFlagsService],
  exports: [ModerationService],
})
export class ModerationModule {}

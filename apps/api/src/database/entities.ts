import { SessionEntity } from '../auth/session.entity.js';
import { FlagEntity } from '../moderation/flag.entity.js';
import { ModerationActionEntity } from '../moderation/moderation-action.entity.js';
import { ReplyEntity } from '../threads/reply.entity.js';
import { RevisionEntity } from '../threads/revision.entity.js';
import { ThreadTagEntity } from '../threads/thread-tag.entity.js';
import { ThreadEntity } from '../threads/thread.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** Every entity, listed explicitly so the app and the migration CLI see the same set. */
export const entities = [UserEntity, SessionEntity, ThreadEntity, ThreadTagEntity, ReplyEntity, RevisionEntity, FlagEntity, ModerationActionEntity];

import { AnswerExampleEntity } from '../canonical-answers/answer-example.entity.js';
import { CanonicalAnswerRevisionEntity } from '../canonical-answers/canonical-answer-revision.entity.js';
import { CanonicalAnswerEntity } from '../canonical-answers/canonical-answer.entity.js';
import { NoneExampleEntity } from '../canonical-answers/none-example.entity.js';
import { SessionEntity } from '../auth/session.entity.js';
import { FlagEntity } from '../moderation/flag.entity.js';
import { ModerationActionEntity } from '../moderation/moderation-action.entity.js';
import { PendingPostJobEntity } from '../jobs/pending-post-job.entity.js';
import { NotificationEntity } from '../notifications/notification.entity.js';
import { BotAnswerVoteEntity } from '../bot/bot-answer-vote.entity.js';
import { BotEventEntity } from '../bot/bot-event.entity.js';
import { BotSuggestionEntity } from '../bot/bot-suggestion.entity.js';
import { ReplyEntity } from '../threads/reply.entity.js';
import { RevisionEntity } from '../threads/revision.entity.js';
import { ThreadTagEntity } from '../threads/thread-tag.entity.js';
import { ThreadEntity } from '../threads/thread.entity.js';
import { KnownDeviceEntity } from '../two-factor/known-device.entity.js';
import { RecoveryCodeEntity } from '../two-factor/recovery-code.entity.js';
import { SignInChallengeEntity } from '../two-factor/sign-in-challenge.entity.js';
import { TwoFactorCredentialEntity } from '../two-factor/two-factor-credential.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** Every entity, listed explicitly so the app and the migration CLI see the same set. */
export const entities = [
  UserEntity,
  SessionEntity,
  ThreadEntity,
  ThreadTagEntity,
  ReplyEntity,
  RevisionEntity,
  FlagEntity,
  ModerationActionEntity,
  CanonicalAnswerEntity,
  CanonicalAnswerRevisionEntity,
  AnswerExampleEntity,
  NoneExampleEntity,
  BotSuggestionEntity,
  BotAnswerVoteEntity,
  BotEventEntity,
  NotificationEntity,
  TwoFactorCredentialEntity,
  KnownDeviceEntity,
  RecoveryCodeEntity,
  SignInChallengeEntity,
  PendingPostJobEntity,
];

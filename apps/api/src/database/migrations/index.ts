import { ForumCore1764150000000 } from './1764150000000-forum-core.js';
import { Search1764165000000 } from './1764165000000-search.js';
import { Moderation1764165100000 } from './1764165100000-moderation.js';
import { FaqBot1764170000000 } from './1764170000000-faq-bot.js';
import { Notifications1764180000000 } from './1764180000000-notifications.js';
import { NoneExamples1764190000000 } from './1764190000000-none-examples.js';
import { TwoFactor1764200000000 } from './1764200000000-two-factor.js';
import { CookedPosts1764310000000 } from './1764310000000-cooked-posts.js';
import { SearchPrefixIndex1764310000001 } from './1764310000001-search-prefix-index.js';
import { PostJobs1764320000000 } from './1764320000000-post-jobs.js';
import { CookedCanonicalAnswers1764410000000 } from './1764410000000-cooked-canonical-answers.js';
import { UnacceptHiddenAnswers1764450000000 } from './1764450000000-unaccept-hidden-answers.js';
import { AcceptedNotificationOnce1764500000000 } from './1764500000000-accepted-notification-once.js';
import { RepliesByThreadAndAuthor1764600000000 } from './1764600000000-replies-by-thread-and-author.js';
import { IndexesNothingReads1764700000000 } from './1764700000000-indexes-nothing-reads.js';
import { SearchIndexInBatches1764800000000 } from './1764800000000-search-index-in-batches.js';
import { VisibleStaffAnswersIndex1764900000000 } from './1764900000000-visible-staff-answers-index.js';
import { HiddenRepliesIndex1764910000000 } from './1764910000000-hidden-replies-index.js';
import { RepliesByAuthor1764920000000 } from './1764920000000-replies-by-author.js';
import { HiddenAcceptedReply1764930000000 } from './1764930000000-hidden-accepted-reply.js';
import { ModerationLogAcceptance1764940000000 } from './1764940000000-moderation-log-acceptance.js';
import { DeflectionOnce1764950000000 } from './1764950000000-deflection-once.js';
import { PostVersions1764960000000 } from './1764960000000-post-versions.js';
import { PendingEditVersions1764970000000 } from './1764970000000-pending-edit-versions.js';
import { MentionsByPost1764980000000 } from './1764980000000-mentions-by-post.js';
import { KnownDevices1764990000000 } from './1764990000000-known-devices.js';
import { AccountNotifications1764995000000 } from './1764995000000-account-notifications.js';
import { KnownDeviceLabels1765010000000 } from './1765010000000-known-device-labels.js';
import { SessionLabels1765020000000 } from './1765020000000-session-labels.js';
import { AcceptedBy1765030000000 } from './1765030000000-accepted-by.js';
import { FlagResolutions1765040000000 } from './1765040000000-flag-resolutions.js';
import { StaffQueueIndexes1765050000000 } from './1765050000000-staff-queue-indexes.js';
import { CookedRevisions1765060000000 } from './1765060000000-cooked-revisions.js';
import { SearchPendingList1765070000000 } from './1765070000000-search-pending-list.js';
import { NotificationsByUserNewest1765080000000 } from './1765080000000-notifications-by-user-newest.js';
import { TagCounts1765090000000 } from './1765090000000-tag-counts.js';
import { TagCountChanges1765100000000 } from './1765100000000-tag-count-changes.js';

/** Every migration, in order. Add new ones at the end; never edit one that has been committed. */
export const migrations = [
  ForumCore1764150000000,
  Search1764165000000,
  Moderation1764165100000,
  FaqBot1764170000000,
  Notifications1764180000000,
  NoneExamples1764190000000,
  TwoFactor1764200000000,
  CookedPosts1764310000000,
  SearchPrefixIndex1764310000001,
  PostJobs1764320000000,
  CookedCanonicalAnswers1764410000000,
  UnacceptHiddenAnswers1764450000000,
  AcceptedNotificationOnce1764500000000,
  RepliesByThreadAndAuthor1764600000000,
  IndexesNothingReads1764700000000,
  SearchIndexInBatches1764800000000,
  VisibleStaffAnswersIndex1764900000000,
  HiddenRepliesIndex1764910000000,
  RepliesByAuthor1764920000000,
  HiddenAcceptedReply1764930000000,
  ModerationLogAcceptance1764940000000,
  DeflectionOnce1764950000000,
  PostVersions1764960000000,
  PendingEditVersions1764970000000,
  MentionsByPost1764980000000,
  KnownDevices1764990000000,
  AccountNotifications1764995000000,
  KnownDeviceLabels1765010000000,
  SessionLabels1765020000000,
  AcceptedBy1765030000000,
  FlagResolutions1765040000000,
  StaffQueueIndexes1765050000000,
  CookedRevisions1765060000000,
  SearchPendingList1765070000000,
  NotificationsByUserNewest1765080000000,
  TagCounts1765090000000,
  TagCountChanges1765100000000,
];

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ThreadStatus } from '../thread-status.js';

@ObjectType('Thread', {
  description: 'A question and its discussion. author, tags, bodyHtml, acceptedReply, replies and revisions are resolved on demand.',
})
export class Thread {
  @Field(() => ID, { description: "The thread's id." })
  id: string;

  @Field({ description: 'Plain text: clients must escape it.' })
  title: string;

  @Field(() => ThreadStatus, { description: 'LOCKED when locked, else ANSWERED when a reply is accepted, else OPEN.' })
  status: ThreadStatus;

  @Field({ description: 'No new replies are accepted.' })
  locked: boolean;

  @Field({ description: 'Hidden by a moderator: only staff and the author still see it.' })
  hidden: boolean;

  @Field(() => Int, { description: 'Replies visible to everyone (hidden ones not counted).' })
  replyCount: number;

  @Field({ description: 'Changed after it was posted.' })
  edited: boolean;

  @Field(() => Date, { nullable: true, description: 'When the question was last edited; null when never.' })
  editedAt: Date | null;

  @Field(() => Int, {
    description:
      'Starts at 1; each edit adds one. Send it as `expectedVersion` when editing, so that an edit someone else saved meanwhile is not overwritten.',
  })
  version: number;

  @Field({ description: 'When the question was asked.' })
  createdAt: Date;

  @Field({ description: 'When it was asked or last replied to.' })
  lastActivityAt: Date;

  /** Not fields: what the field resolvers need. */
  /**
   * The texts, served by the `body` and `bodyHtml` field resolvers: undefined on a list row (the list reads neither;
   * the resolvers load them in one batch if a list query asks), cookedHtml null only for a row written outside the
   * API and not yet cooked.
   */
  body?: string;
  cookedHtml?: string | null;

  authorId: number;
  acceptedReplyId: number | null;
  /** Whether its post jobs were still pending, when the read that made it said so (the `processing` field's answer). */
  jobsPending?: boolean;
}

/** A thread read with its texts (every read but a list's). */
export type ThreadWithText = Thread & { body: string; cookedHtml: string | null };

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { postTextCost } from '../../graphql/query-limits.js';

@ObjectType('Reply', { description: 'An answer or comment in a thread.' })
export class Reply {
  @Field(() => ID, { description: "The reply's id." })
  id: string;

  @Field(() => ID, { description: 'The thread the reply belongs to.' })
  threadId: string;

  @Field({ description: 'Markdown as written.', complexity: postTextCost })
  body: string;

  @Field({ description: 'Written by a staff member (stays set if their role changes later).' })
  isStaffAnswer: boolean;

  @Field({ description: "The thread's accepted answer." })
  isAccepted: boolean;

  @Field({ description: 'Hidden by a moderator: only staff and the author still see it.' })
  hidden: boolean;

  @Field({ description: 'Changed after it was posted.' })
  edited: boolean;

  @Field(() => Date, { nullable: true, description: 'When the reply was last edited; null when never.' })
  editedAt: Date | null;

  @Field(() => Int, {
    description:
      'Starts at 1; each edit adds one. Send it as `expectedVersion` when editing, so that an edit someone else saved meanwhile is not overwritten.',
  })
  version: number;

  @Field({ description: 'When the reply was posted.' })
  createdAt: Date;

  /** Not a field: for the author resolver. */
  /** Not a field: the stored HTML that bodyHtml serves (null only for a row written outside the API and not yet cooked). */
  cookedHtml: string | null;

  authorId: number;

  /** Not a field: the thread's asker, when the reply came with it (a live message), so rules on it read no thread. */
  threadAuthorId?: number;

  /** Not a field: whether its thread is locked, when the reply was read with its thread (for viewerCanEdit). */
  threadLocked?: boolean;
}

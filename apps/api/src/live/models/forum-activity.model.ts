import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ThreadListing } from './thread-listing.model.js';

@ObjectType('ForumActivity', {
  description:
    'A thread got activity (a new question, a reply, an accepted answer): the thread list can mark it. Or a moderator hid or restored it or one of its replies (visibilityChanged).',
})
export class ForumActivity {
  @Field(() => ID, { description: 'The thread that got activity.' })
  threadId: string;

  @Field({ description: 'When it happened.' })
  lastActivityAt: Date;

  @Field({
    description:
      'A moderator hid or restored the thread (who may see it changed) or one of its replies (its reply count changed): a list that ' +
      'shows it (or should) reads itself again.',
  })
  visibilityChanged: boolean;

  @Field(() => ThreadListing, {
    nullable: true,
    description:
      'Activity: what lists filter the thread on, so that a filtered list offers only threads it shows. Null when visibilityChanged.',
  })
  listing: ThreadListing | null;
}

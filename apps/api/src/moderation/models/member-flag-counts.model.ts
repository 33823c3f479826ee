import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('FlagCounts', { description: 'How many flags are in each state.' })
export class FlagCounts {
  @Field(() => Int, { description: 'Waiting for a moderator.' })
  open: number;

  @Field(() => Int, { description: 'Upheld: a moderator hid the post.' })
  postHidden: number;

  @Field(() => Int, { description: 'Dismissed: a moderator left the post as it was.' })
  dismissed: number;
}

@ObjectType('MemberFlagCounts', { description: "A member's moderation history in numbers, as staff see it on their profile." })
export class MemberFlagCounts {
  @Field(() => FlagCounts, { description: "Flags on the member's questions and replies, raised by anyone." })
  received: FlagCounts;

  @Field(() => FlagCounts, { description: "Flags the member raised on others' posts." })
  raised: FlagCounts;
}

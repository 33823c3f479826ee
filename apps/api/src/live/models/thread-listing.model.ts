import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ThreadListing', {
  description:
    'What thread lists filter a thread on (see ThreadFilter), as of the activity: a list tells from it whether it shows the thread.',
})
export class ThreadListing {
  @Field(() => ID, { description: 'Who asked.' })
  authorId: string;

  @Field(() => [String], { description: "The thread's tags." })
  tags: string[];

  @Field({ description: 'It has an accepted answer or a staff answer everyone can see (ThreadFilter.unanswered: false).' })
  answered: boolean;
}

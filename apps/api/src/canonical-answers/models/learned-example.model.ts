import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ExampleSource } from '../example-source.js';

@ObjectType('LearnedExample', {
  description: 'A question the bot learned from a staff decision (staff only): an example of an answer, or of none of them.',
})
export class LearnedExample {
  @Field(() => ID, { description: 'Pass to removeLearnedExample.' })
  id: string;

  @Field({ description: 'The question the bot learned from.' })
  text: string;

  @Field(() => ExampleSource, { description: 'CONFIRMED or CORRECTED (an example of `answerSlug`), or DISMISSED (of none).' })
  source: ExampleSource;

  @Field(() => String, { nullable: true, description: 'The answer the question is an example of; null for a dismissed question.' })
  answerSlug: string | null;

  @Field(() => String, { nullable: true, description: 'The title of the answer it is an example of; null for a dismissed question.' })
  answerTitle: string | null;

  @Field(() => ID, { nullable: true, description: 'The thread the question came from.' })
  threadId: string | null;

  /** Resolved to `decidedBy`. */
  decidedById: number | null;

  @Field({ description: 'When the staff member decided.' })
  decidedAt: Date;
}

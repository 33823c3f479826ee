import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ExampleSource } from '../example-source.js';

@ObjectType('AnswerExample', { description: 'An example question a canonical answer fits; the bot learns from these (staff only).' })
export class AnswerExample {
  @Field(() => ID)
  id: string;

  @Field()
  text: string;

  @Field(() => ExampleSource)
  source: ExampleSource;

  @Field(() => ID, { nullable: true, description: 'The thread the question came from, for confirmed and corrected examples.' })
  threadId: string | null;

  @Field()
  createdAt: Date;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ExampleSource } from '../example-source.js';

@ObjectType('AnswerExample', { description: 'An example question a canonical answer fits; the bot learns from these (staff only).' })
export class AnswerExample {
  @Field(() => ID, { description: "The example's id; pass to removeAnswerExample." })
  id: string;

  @Field({ description: 'The example question, as a person would ask it.' })
  text: string;

  @Field(() => ExampleSource, { description: 'Where the example came from.' })
  source: ExampleSource;

  @Field(() => ID, { nullable: true, description: 'The thread the question came from, for confirmed and corrected examples.' })
  threadId: string | null;

  @Field({ description: 'When it was added.' })
  createdAt: Date;
}

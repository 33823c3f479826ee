import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { ThreadStatus } from '../../threads/thread-status.js';
import { BotClarification } from './bot-clarification.model.js';

@ObjectType('SuggestedAnswer', { description: 'A canonical answer that may solve the question being typed.' })
export class SuggestedAnswer {
  @Field({ description: "The canonical answer's slug." })
  slug: string;

  @Field({ description: "The canonical answer's title." })
  title: string;

  @Field({ description: 'The start of the answer as plain text.' })
  excerpt: string;

  @Field(() => Float, { description: 'In [0, 1].' })
  confidence: number;
}

@ObjectType('SimilarThreadSuggestion', { description: 'An existing thread like the question being typed.' })
export class SimilarThreadSuggestion {
  @Field(() => ID, { description: "The similar thread's id." })
  id: string;

  @Field({ description: "The similar thread's title." })
  title: string;

  @Field(() => ThreadStatus, { description: 'Whether the similar thread is answered.' })
  status: ThreadStatus;

  @Field({ description: 'Has an accepted answer.' })
  solved: boolean;

  @Field(() => Float, { description: 'Similarity in [0, 1].' })
  score: number;
}

@ObjectType('SuggestAnswersResult', { description: 'What the bot would suggest for a question that is still being typed.' })
export class SuggestAnswersResult {
  @Field(() => [SuggestedAnswer], { description: 'Up to three, most likely first.' })
  answers: SuggestedAnswer[];

  @Field(() => [SimilarThreadSuggestion], { description: 'Up to three, solved ones favoured.' })
  threads: SimilarThreadSuggestion[];

  @Field(() => BotClarification, {
    nullable: true,
    description: 'Set when the right answer depends on a question only the asker can answer.',
  })
  clarify: BotClarification | null;
}

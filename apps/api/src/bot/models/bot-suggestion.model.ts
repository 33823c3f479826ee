import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { BotFeedback, BotSuggestionStatus } from '../bot-suggestion-status.js';
import { BotClarification } from './bot-clarification.model.js';

@ObjectType('RankedCanonicalAnswer', { description: 'A candidate answer with the matcher confidence.' })
export class RankedCanonicalAnswer {
  @Field({ description: 'The canonical answer.' })
  slug: string;

  @Field(() => Float, { description: "The matcher's calibrated confidence, 0 to 1." })
  confidence: number;
}

@ObjectType('BotExplanation', { description: 'Why the matcher decided as it did (staff only).' })
export class BotExplanation {
  @Field(() => [String], { description: 'Words of the question the matcher knows, most telling first.' })
  terms: string[];

  @Field(() => [String], { description: 'The decisive signals, e.g. "state: signed in nowhere".' })
  signals: string[];
}

@ObjectType('BotSuggestion', {
  description:
    'What the FAQ bot made of a question and what became of it. Members see it once the bot has replied publicly, ' +
    'and not while a moderator hides that reply (acting on it is then NOT_FOUND); staff always, with the alternatives and the explanation.',
})
export class BotSuggestion {
  @Field(() => ID, { description: "The suggestion's id." })
  id: string;

  @Field(() => ID, { description: 'The question the suggestion is for.' })
  threadId: string;

  @Field(() => BotSuggestionStatus, { description: 'Where the suggestion stands.' })
  status: BotSuggestionStatus;

  @Field(() => Float, { description: 'Matcher confidence in [0, 1] (for a clarification: of the two choices together).' })
  confidence: number;

  @Field({ description: 'The asker said the bot answer did not help: show it collapsed.' })
  folded: boolean;

  @Field(() => Int, { description: 'Readers who found the bot answer useful.' })
  usefulVotes: number;

  @Field(() => ID, { nullable: true, description: "The bot's public reply in the thread." })
  replyId: string | null;

  @Field(() => BotFeedback, { nullable: true, description: "The asker's verdict on the bot answer." })
  feedback: BotFeedback | null;

  @Field(() => BotClarification, { nullable: true, description: 'The question the bot asked, while CLARIFYING (and after).' })
  clarify: BotClarification | null;

  @Field({ description: 'When the bot made the suggestion.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the asker or a staff member last decided on it.' })
  decidedAt: Date | null;

  /** Not fields: for the resolvers. */
  answerId: number | null;
  decidedById: number | null;
  alternativesJson: string;
  explanationJson: string | null;
}

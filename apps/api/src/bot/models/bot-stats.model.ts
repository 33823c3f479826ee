import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CanonicalAnswer } from '../../canonical-answers/models/canonical-answer.model.js';

@ObjectType('BotStatCounts', { description: 'What the FAQ bot did in a period.' })
export class BotStatCounts {
  @Field(() => Int, { description: 'Questions the bot looked at.' })
  questionsPosted: number;

  @Field(() => Int, {
    description:
      "Questions the bot answered publicly with its own suggestion, at most one per question: when posted, after the asker's clarification choice, or when staff confirmed a pending suggestion. Corrections are not included (see corrected).",
  })
  botAnswers: number;

  @Field(() => Int, { description: 'Clarifying questions asked publicly.' })
  clarifications: number;

  @Field(() => Int, { description: 'Bot answers confirmed by the asker or by staff.' })
  confirmedResolutions: number;

  @Field(() => Int, { description: 'Bot answers the asker said solved the question.' })
  confirmedByAsker: number;

  @Field(() => Int, { description: 'Suggestions a staff member confirmed.' })
  confirmedByStaff: number;

  @Field(() => Int, {
    description:
      'Suggestions staff corrected to another answer (the bot then posts that answer; counted here, under the corrected answer, not in botAnswers).',
  })
  corrected: number;

  @Field(() => Int, { description: 'Suggestions staff dismissed (no answer fits).' })
  dismissed: number;

  @Field(() => Int, { description: '"This did not help" from askers.' })
  unhelpfulVotes: number;

  @Field(() => Int, { description: '"Useful" votes from other readers.' })
  usefulVotes: number;

  @Field(() => Int, { description: 'Questions not posted because a suggestion solved them while typing.' })
  deflections: number;

  @Field(() => Int, { description: 'Suggestions sent to staff review.' })
  pendingReviews: number;
}

@ObjectType('BotAnswerStats', { description: 'The bot statistics of one canonical answer.' })
export class BotAnswerStats {
  @Field(() => CanonicalAnswer, { description: 'The canonical answer.' })
  answer: CanonicalAnswer;

  @Field(() => BotStatCounts, { description: 'What the bot did with this answer in the period.' })
  counts: BotStatCounts;
}

@ObjectType('BotDayStats', { description: 'The bot statistics of one day (UTC).' })
export class BotDayStats {
  @Field({ description: 'YYYY-MM-DD.' })
  day: string;

  @Field(() => BotStatCounts, { description: 'What the bot did that day.' })
  counts: BotStatCounts;
}

@ObjectType('BotStats', { description: 'How the FAQ bot is doing (staff only).' })
export class BotStats {
  @Field(() => Int, { description: 'The length of the period in days (today included).' })
  days: number;

  @Field({ description: 'Start of the period.' })
  since: Date;

  @Field(() => BotStatCounts, { description: 'What the bot did over the whole period.' })
  totals: BotStatCounts;

  @Field(() => [BotAnswerStats], { description: 'Per canonical answer with any activity, oldest answer first.' })
  perAnswer: BotAnswerStats[];

  @Field(() => [BotDayStats], { description: 'Every day of the period, oldest first.' })
  perDay: BotDayStats[];

  @Field(() => Int, { description: 'Suggestions waiting in the PENDING queue now.' })
  pendingReviewNow: number;

  @Field(() => Int, { description: 'Unhelpful bot answers waiting in the UNHELPFUL queue now.' })
  unhelpfulNow: number;
}

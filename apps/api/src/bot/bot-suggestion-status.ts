import { registerEnumType } from '@nestjs/graphql';

/** Where the bot's suggestion for one question stands. */
export enum BotSuggestionStatus {
  /** The bot answered publicly; the asker has not said whether it helped. */
  ANSWERED = 'ANSWERED',
  /** The bot asked the asker a clarifying question and waits for the choice. */
  CLARIFYING = 'CLARIFYING',
  /** Not sure enough to answer publicly: waits for staff in the review queue. */
  PENDING_REVIEW = 'PENDING_REVIEW',
  /** No canonical answer fits; the question waits for people. */
  NO_MATCH = 'NO_MATCH',
  /** The asker said the bot answer did not help: folded, in the staff queue. */
  UNHELPFUL = 'UNHELPFUL',
  /** The asker said the bot answer solved it (accepted answer). */
  CONFIRMED_BY_ASKER = 'CONFIRMED_BY_ASKER',
  /** A staff member confirmed the bot's answer. */
  CONFIRMED_BY_STAFF = 'CONFIRMED_BY_STAFF',
  /** A staff member picked another canonical answer. */
  CORRECTED = 'CORRECTED',
  /** A staff member decided no canonical answer fits. */
  DISMISSED = 'DISMISSED',
}

registerEnumType(BotSuggestionStatus, { name: 'BotSuggestionStatus', description: "Where the bot's suggestion for a question stands." });

/** The asker's verdict on a bot answer. */
export enum BotFeedback {
  HELPFUL = 'HELPFUL',
  UNHELPFUL = 'UNHELPFUL',
}

registerEnumType(BotFeedback, { name: 'BotFeedback', description: "The asker's verdict on the bot answer." });

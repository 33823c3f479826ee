import { registerEnumType } from '@nestjs/graphql';

/** Where the bot's suggestion for one question stands. */
export enum BotSuggestionStatus {
  ANSWERED = 'ANSWERED',
  CLARIFYING = 'CLARIFYING',
  PENDING_REVIEW = 'PENDING_REVIEW',
  NO_MATCH = 'NO_MATCH',
  UNHELPFUL = 'UNHELPFUL',
  CONFIRMED_BY_ASKER = 'CONFIRMED_BY_ASKER',
  CONFIRMED_BY_STAFF = 'CONFIRMED_BY_STAFF',
  CORRECTED = 'CORRECTED',
  DISMISSED = 'DISMISSED',
}

registerEnumType(BotSuggestionStatus, {
  name: 'BotSuggestionStatus',
  description: "Where the bot's suggestion for a question stands.",
  valuesMap: {
    ANSWERED: { description: 'The bot answered publicly; the asker has not said whether it helped.' },
    CLARIFYING: { description: 'The bot asked the asker a clarifying question and waits for the choice.' },
    PENDING_REVIEW: { description: 'Not sure enough to answer publicly: waits for staff in the review queue.' },
    NO_MATCH: { description: 'No canonical answer fits; the question waits for people.' },
    UNHELPFUL: { description: 'The asker said the bot answer did not help: folded, in the staff queue.' },
    CONFIRMED_BY_ASKER: { description: 'The asker said the bot answer solved it (accepted answer).' },
    CONFIRMED_BY_STAFF: { description: "A staff member confirmed the bot's answer." },
    CORRECTED: { description: 'A staff member picked another canonical answer.' },
    DISMISSED: { description: 'A staff member decided no canonical answer fits.' },
  },
});

/** The asker's verdict on a bot answer. */
export enum BotFeedback {
  HELPFUL = 'HELPFUL',
  UNHELPFUL = 'UNHELPFUL',
}

registerEnumType(BotFeedback, {
  name: 'BotFeedback',
  description: "The asker's verdict on the bot answer.",
  valuesMap: {
    HELPFUL: { description: 'The bot answer solved the question.' },
    UNHELPFUL: { description: 'The bot answer did not help.' },
  },
});

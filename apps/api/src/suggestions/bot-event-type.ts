/** What the bot statistics count; one row in bot_events per occurrence. */
export enum BotEventType {
  QuestionPosted = 'QUESTION_POSTED',
  BotAnswered = 'BOT_ANSWERED',
  ClarificationAsked = 'CLARIFICATION_ASKED',
  ReviewQueued = 'REVIEW_QUEUED',
  ConfirmedByAsker = 'CONFIRMED_BY_ASKER',
  Unhelpful = 'UNHELPFUL',
  ConfirmedByStaff = 'CONFIRMED_BY_STAFF',
  Corrected = 'CORRECTED',
  Dismissed = 'DISMISSED',
  UsefulVote = 'USEFUL_VOTE',
  /** Someone saw a suggestion while typing and did not post. */
  Deflection = 'DEFLECTION',
}

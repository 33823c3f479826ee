/** What the bot statistics count; one row in bot_events per occurrence. */
export enum BotEventType {
  QuestionPosted = 'QUESTION_POSTED',
  /**
   * The bot's own suggestion went public, at most once per question: when the question was posted, after the
   * asker's clarification choice, or when staff confirmed a pending suggestion. A correction is CORRECTED only.
   */
  BotAnswered = 'BOT_ANSWERED',
  ClarificationAsked = 'CLARIFICATION_ASKED',
  ReviewQueued = 'REVIEW_QUEUED',
  ConfirmedByAsker = 'CONFIRMED_BY_ASKER',
  Unhelpful = 'UNHELPFUL',
  ConfirmedByStaff = 'CONFIRMED_BY_STAFF',
  /** Staff picked another answer; the bot posts it, but that is not counted as a bot answer. */
  Corrected = 'CORRECTED',
  Dismissed = 'DISMISSED',
  UsefulVote = 'USEFUL_VOTE',
  /** Someone saw a suggestion while typing and did not post. */
  Deflection = 'DEFLECTION',
}

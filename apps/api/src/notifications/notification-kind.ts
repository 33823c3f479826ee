import { registerEnumType } from '@nestjs/graphql';

export enum NotificationKind {
  /** Someone replied to your question. */
  REPLY = 'REPLY',
  /** Someone wrote @yourname in a question or a reply. */
  MENTION = 'MENTION',
  /** A reply was accepted as the answer: yours, or one on your question; once per reply and person. */
  ACCEPTED = 'ACCEPTED',
  /** The FAQ bot answered your question. */
  BOT_ANSWER = 'BOT_ANSWER',
}

// Upper-case keys: the GraphQL values are the keys.
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'Why you were notified: a reply to your question, a mention, an accepted answer, or the FAQ bot answering.',
  valuesMap: {
    REPLY: { description: 'Someone replied to your question.' },
    MENTION: { description: 'Someone wrote @yourname in a question or a reply.' },
    ACCEPTED: { description: 'A reply was accepted as the answer: yours, or one on your question.' },
    BOT_ANSWER: { description: 'The FAQ bot answered your question.' },
  },
});

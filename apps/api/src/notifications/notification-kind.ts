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
  /** Someone entered your password but not a right two-factor code, from a device your account does not know. No thread. */
  SIGN_IN_ATTEMPT = 'SIGN_IN_ATTEMPT',
}

// Upper-case keys: the GraphQL values are the keys.
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description:
    'Why you were notified: a reply to your question, a mention, an accepted answer, the FAQ bot answering, or a sign-in ' +
    'with your password that failed at the code step.',
  valuesMap: {
    REPLY: { description: 'Someone replied to your question.' },
    MENTION: { description: 'Someone wrote @yourname in a question or a reply.' },
    ACCEPTED: { description: 'A reply was accepted as the answer: yours, or one on your question.' },
    BOT_ANSWER: { description: 'The FAQ bot answered your question.' },
    SIGN_IN_ATTEMPT: {
      description:
        'Someone entered your password, then a wrong two-factor code, from a device your account does not know: change your ' +
        'password. At most one an hour; it has no thread.',
    },
  },
});

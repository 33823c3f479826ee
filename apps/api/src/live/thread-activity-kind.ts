import { registerEnumType } from '@nestjs/graphql';

export enum ThreadActivityKind {
  NEW_REPLY = 'NEW_REPLY',
  BOT_ANSWER = 'BOT_ANSWER',
  ACCEPTED = 'ACCEPTED',
  LOCKED = 'LOCKED',
  UNLOCKED = 'UNLOCKED',
  UPDATED = 'UPDATED',
}

// Upper-case keys: the GraphQL values are the keys.
registerEnumType(ThreadActivityKind, {
  name: 'ThreadActivityKind',
  description: 'What changed in a thread: a reply (from a member or the FAQ bot), an accepted answer, a lock, or an edit or moderation.',
  valuesMap: {
    NEW_REPLY: { description: 'A member or staff member replied.' },
    BOT_ANSWER: { description: 'The FAQ bot replied, asked a clarifying question, or its answer was judged.' },
    ACCEPTED: { description: 'A reply was accepted as the answer, or no longer is.' },
    LOCKED: { description: 'A moderator locked the thread: no more replies.' },
    UNLOCKED: { description: 'A moderator unlocked the thread.' },
    UPDATED: { description: 'The question or a reply was edited, hidden or restored.' },
  },
});

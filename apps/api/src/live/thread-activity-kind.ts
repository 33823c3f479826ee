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
});

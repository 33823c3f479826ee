import { registerEnumType } from '@nestjs/graphql';

export enum PostType {
  THREAD = 'THREAD',
  REPLY = 'REPLY',
}

registerEnumType(PostType, {
  name: 'PostType',
  description: 'The two kinds of post: a question (the thread) and a reply.',
  valuesMap: {
    THREAD: { description: 'The question that starts a thread.' },
    REPLY: { description: 'A reply in a thread.' },
  },
});

import { registerEnumType } from '@nestjs/graphql';

/** The two kinds of post: a question (thread) and a reply. */
export enum PostType {
  THREAD = 'THREAD',
  REPLY = 'REPLY',
}

registerEnumType(PostType, { name: 'PostType' });

import { registerEnumType } from '@nestjs/graphql';

/** The two kinds of post: a question (thread) and a reply. */
export enum PostType {
  Thread = 'THREAD',
  Reply = 'REPLY',
}

registerEnumType(PostType, { name: 'PostType' });

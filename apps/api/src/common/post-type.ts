import { registerEnumType } from '@nestjs/graphql';
import { AppError, ErrorReason } from './app-error.js';

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

export function postNotFound(postType: PostType, id: string | number): AppError {
  return postType === PostType.THREAD
    ? AppError.notFound(ErrorReason.THREAD_NOT_FOUND, 'Thread', id)
    : AppError.notFound(ErrorReason.REPLY_NOT_FOUND, 'Reply', id);
}

import { RequestContext } from '../common/request-context.js';
import { Post } from '../threads/posts.service.js';
import { isVisibleTo } from '../threads/visibility.js';

/** A reply is visible when it and its thread are: hidden ones only to staff and their author. */
export function isPostVisibleTo(context: RequestContext, post: Post): boolean {
  return isVisibleTo(context, post.thread) && (post.reply === null || isVisibleTo(context, post.reply));
}

const excerptLength = 200;

/** The start of the post body on one line, for the flag queue. */
export function excerptOf(post: Post): string {
  const text = (post.reply?.body ?? post.thread.body).replace(/\s+/g, ' ').trim();
  return text.length <= excerptLength ? text : `${text.slice(0, excerptLength - 1).trimEnd()}…`;
}

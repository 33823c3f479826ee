import { RequestContext } from '../common/request-context.js';
import { MarkdownService } from '../markdown/markdown.service.js';
import { Post } from '../threads/posts.service.js';
import { isVisibleTo } from '../threads/visibility.js';

/** A reply is visible when it and its thread are: hidden ones only to staff and their author. */
export function isPostVisibleTo(context: RequestContext, post: Post): boolean {
  return isVisibleTo(context, post.thread) && (post.reply === null || isVisibleTo(context, post.reply));
}

/** The start of the post as a reader sees it, on one line of plain text (no Markdown syntax), for the flag queue. */
export function excerptOf(markdown: MarkdownService, post: Post): string {
  const text = post.reply ?? post.thread;
  return markdown.excerpt(text.cookedHtml ?? markdown.render(text.body));
}

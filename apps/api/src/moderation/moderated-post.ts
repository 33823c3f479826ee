import { EntityManager, In } from 'typeorm';
import { RequestContext } from '../common/request-context.js';
import { PostType } from '../threads/post-type.js';
import { ReplyEntity } from '../threads/reply.entity.js';
import { ThreadEntity } from '../threads/thread.entity.js';
import { isVisibleTo } from '../threads/visibility.js';

/** A post (question or reply) with the thread it belongs to. */
export interface ModeratedPost {
  postType: PostType;
  postId: number;
  thread: ThreadEntity;
  reply: ReplyEntity | null;
}

export function postKey(postType: PostType, postId: number): string {
  return `${postType}:${postId}`;
}

export async function findPost(manager: EntityManager, postType: PostType, postId: number): Promise<ModeratedPost | null> {
  return (await findPosts(manager, [{ postType, postId }])).get(postKey(postType, postId)) ?? null;
}

/** Loads many posts in at most three queries (replies, then every thread involved). */
export async function findPosts(
  manager: EntityManager,
  keys: { postType: PostType; postId: number }[],
): Promise<Map<string, ModeratedPost>> {
  const replyIds = keys.filter((key) => key.postType === PostType.REPLY).map((key) => key.postId);
  const replies = replyIds.length > 0 ? await manager.findBy(ReplyEntity, { id: In(replyIds) }) : [];
  const threadIds = [
    ...new Set([
      ...keys.filter((key) => key.postType === PostType.THREAD).map((key) => key.postId),
      ...replies.map((reply) => reply.threadId),
    ]),
  ];
  const threads = threadIds.length > 0 ? await manager.findBy(ThreadEntity, { id: In(threadIds) }) : [];
  const threadsById = new Map(threads.map((thread) => [thread.id, thread]));
  const posts = new Map<string, ModeratedPost>();
  for (const thread of threads)
    posts.set(postKey(PostType.THREAD, thread.id), { postType: PostType.THREAD, postId: thread.id, thread, reply: null });
  for (const reply of replies) {
    const thread = threadsById.get(reply.threadId);
    if (thread) posts.set(postKey(PostType.REPLY, reply.id), { postType: PostType.REPLY, postId: reply.id, thread, reply });
  }
  return posts;
}

/** A reply is visible when it and its thread are: hidden ones only to staff and their author. */
export function isPostVisibleTo(context: RequestContext, post: ModeratedPost): boolean {
  return isVisibleTo(context, post.thread) && (post.reply === null || isVisibleTo(context, post.reply));
}

const excerptLength = 200;

/** The start of the post body on one line, for the flag queue. */
export function excerptOf(post: ModeratedPost): string {
  const text = (post.reply?.body ?? post.thread.body).replace(/\s+/g, ' ').trim();
  return text.length <= excerptLength ? text : `${text.slice(0, excerptLength - 1).trimEnd()}…`;
}

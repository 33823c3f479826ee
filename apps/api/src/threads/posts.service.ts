import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, Repository } from 'typeorm';
import { Reply } from './models/reply.model.js';
import { Thread, ThreadWithText } from './models/thread.model.js';
import { PostType } from '../common/post-type.js';
import { ReplyEntity } from './reply.entity.js';
import { SqlParameters, sqlRows } from '../common/sql.js';
import { AuthorColumns, UsersService } from '../users/users.service.js';
import { User } from '../users/models/user.model.js';
import {
  JoinedThreadRow,
  joinedThreadSelect,
  ListedThreadRow,
  listedThreadSelect,
  replyFromRow,
  ReplyRow,
  replySelect,
  threadFromJoinedRow,
  threadFromListedRow,
  threadFromRow,
  ThreadRow,
  threadSelect,
} from './thread-rows.js';
import { toReply, toThread } from './thread.mapper.js';
import { ThreadStatus } from './thread-status.js';
import { ThreadEntity } from './thread.entity.js';

/** A post (question or reply) with the thread it belongs to. */
export interface Post {
  postType: PostType;
  postId: number;
  thread: ThreadWithText;
  reply: Reply | null;
}

/** A visible question's text and state, for what other features index or list (the bot's similar threads). */
export interface QuestionText {
  id: number;
  title: string;
  body: string;
  status: ThreadStatus;
  acceptedReplyId: number | null;
}

/** A post with its author's account (null when there is none). */
export interface PostWithAuthor extends Post {
  author: User | null;
}

export function postKey(postType: PostType, postId: number): string {
  return `${postType}:${postId}`;
}

/** Looks posts up by type and id, for features that point at "a post" (flags, the moderation log). No visibility check. */
@Injectable()
export class PostsService {
  constructor(
    @InjectRepository(ThreadEntity) private readonly threads: Repository<ThreadEntity>,
    @InjectRepository(ReplyEntity) private readonly replies: Repository<ReplyEntity>,
    private readonly users: UsersService,
  ) {}

  /**
   * Threads by id as list rows (no body: it loads in one batched read per request when a query asks for it), keyed
   * by id; missing ones are left out.
   */
  async threadsById(ids: number[]): Promise<Map<number, Thread>> {
    if (ids.length === 0) return new Map();
    const sql = new SqlParameters();
    const rows = await sqlRows<ListedThreadRow>(
      this.threads.manager.connection,
      `SELECT ${listedThreadSelect} FROM threads t WHERE t.id IN (${sql.list(ids)})`,
      sql.values,
    );
    return new Map(rows.map((row) => [Number(row.id), threadFromListedRow(row)]));
  }

  /** Visible questions with ids above `afterId`, in id order, `limit` at most: for building an index in batches. */
  visibleQuestionsAfter(afterId: number, limit: number): Promise<QuestionText[]> {
    return this.threads.find({
      select: { id: true, title: true, body: true, status: true, acceptedReplyId: true },
      where: { id: MoreThan(afterId), hidden: false },
      order: { id: 'ASC' },
      take: limit,
    });
  }

  /**
   * A question's text and state, whether hidden or not: one narrow read, without the author or the cooked body (what
   * re-indexing a thread after each change needs). Null when it is gone.
   */
  questionText(id: number): Promise<(QuestionText & { hidden: boolean }) | null> {
    return this.threads.findOne({
      select: { id: true, title: true, body: true, status: true, acceptedReplyId: true, hidden: true },
      where: { id },
    });
  }

  /** The visible ones among these threads, without their bodies (a cheap read for links while someone types). */
  async visibleTitles(ids: number[]): Promise<Omit<QuestionText, 'body'>[]> {
    if (ids.length === 0) return [];
    const rows = await this.threads.find({
      select: { id: true, title: true, status: true, acceptedReplyId: true, hidden: true },
      where: { id: In(ids) },
    });
    return rows
      .filter((row) => !row.hidden)
      .map((row) => ({ id: row.id, title: row.title, status: row.status, acceptedReplyId: row.acceptedReplyId }));
  }

  /** Whether any thread exists at all. */
  anyThread(): Promise<boolean> {
    return this.threads.exists();
  }

  /** A post with its thread and its author, in one statement (what post jobs read first). */
  async findOne(postType: PostType, postId: number): Promise<PostWithAuthor | null> {
    const sql = new SqlParameters();
    const author = this.users.authorColumns('a');
    if (postType === PostType.THREAD) {
      const [row] = await sqlRows<ThreadRow & AuthorColumns>(
        this.threads.manager.connection,
        `SELECT ${threadSelect}, ${author} FROM threads t LEFT JOIN users a ON a.id = t.author_id
         WHERE t.id = ${sql.param(postId)}`,
        sql.values,
      );
      return row ? { postType, postId, thread: threadFromRow(row), reply: null, author: this.users.joinedAuthor(row) } : null;
    }
    const [row] = await sqlRows<ReplyRow & JoinedThreadRow & AuthorColumns>(
      this.threads.manager.connection,
      `SELECT ${replySelect}, ${joinedThreadSelect}, ${author} FROM replies r JOIN threads t ON t.id = r.thread_id
       LEFT JOIN users a ON a.id = r.author_id WHERE r.id = ${sql.param(postId)}`,
      sql.values,
    );
    if (!row) return null;
    const thread = threadFromJoinedRow(row);
    return { postType, postId, thread, reply: replyFromRow(row, thread), author: this.users.joinedAuthor(row) };
  }

  /** Many posts in at most two queries (replies, then every thread involved), keyed by postKey. */
  async find(keys: { postType: PostType; postId: number }[]): Promise<Map<string, Post>> {
    const replyIds = keys.filter((key) => key.postType === PostType.REPLY).map((key) => key.postId);
    const replies = replyIds.length > 0 ? await this.replies.findBy({ id: In(replyIds) }) : [];
    const threadIds = [
      ...new Set([
        ...keys.filter((key) => key.postType === PostType.THREAD).map((key) => key.postId),
        ...replies.map((reply) => reply.threadId),
      ]),
    ];
    const threads = threadIds.length > 0 ? await this.threads.findBy({ id: In(threadIds) }) : [];
    const threadsById = new Map(threads.map((thread) => [thread.id, thread]));
    const posts = new Map<string, Post>();
    for (const thread of threads)
      posts.set(postKey(PostType.THREAD, thread.id), {
        postType: PostType.THREAD,
        postId: thread.id,
        thread: toThread(thread),
        reply: null,
      });
    for (const reply of replies) {
      const thread = threadsById.get(reply.threadId);
      if (thread) {
        posts.set(postKey(PostType.REPLY, reply.id), {
          postType: PostType.REPLY,
          postId: reply.id,
          thread: toThread(thread),
          reply: toReply(reply, thread.acceptedReplyId),
        });
      }
    }
    return posts;
  }
}

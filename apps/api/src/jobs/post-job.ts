import type { EntityManager } from 'typeorm';
import { PostType } from '../common/post-type.js';

/** One job for one post, as it travels through a queue (JSON). */
export interface PostJob {
  job: string;
  postType: PostType;
  postId: number;
  causedById: number | null;
}

/** The queue's id of a job: one per (job, post), so queueing it twice runs it once. */
export function postJobId(job: Pick<PostJob, 'job' | 'postType' | 'postId'>): string {
  return `${job.job}.${job.postType}.${job.postId}`;
}

/**
 * Handed to a job's handler: `complete(manager)` marks the job done inside the handler's own transaction, so its
 * writes and the mark commit together; it throws (rolling the transaction back) when another run finished first.
 * A handler that does not call it is marked done once it returns.
 */
export interface PostJobCompletion {
  complete(manager: EntityManager): Promise<void>;
}

export interface PostJobHandler {
  /** Unique among jobs, at most 32 characters. */
  job: string;
  postType: PostType;
  /**
   * Someone is waiting for it live (the asker, for the bot's reply): it runs before every other queued job, so a burst
   * of posts' background work (notifications, checks) cannot hold it up.
   */
  urgent?: boolean;
  run(job: PostJob, completion: PostJobCompletion): Promise<void>;
}

/** Where post jobs wait for a worker: BullMQ with Redis, else this process. */
export interface PostJobQueue {
  /** Resolves once the job is queued; rejects when it could not be (the sweep queues it later). Urgent jobs run first. */
  add(job: PostJob, urgent: boolean): Promise<void>;
}

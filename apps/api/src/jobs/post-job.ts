import type { EntityManager } from 'typeorm';
import type { SqlParameters } from '../common/sql.js';
import { PostType } from '../common/post-type.js';
import { Role } from '../common/role.js';

/** One job for one post, as it travels through a queue (JSON). */
export interface PostJob {
  job: string;
  postType: PostType;
  postId: number;
  causedById: number | null;
  /**
   * An edit's job: the post's version it was queued for; an acceptance's: the acceptance it was queued for, the id of
   * the row recorded for it (see PendingVersion). Absent for a new post's jobs, and in jobs queued before versions were.
   */
  postVersion?: number | null;
}

/**
 * The queue's id of a job: one per (job, post), and per version for an edit's or an acceptance's job, so queueing it
 * twice runs it once, and an edit (an acceptance) committed while the job of an earlier one runs queues a run of its
 * own: the queues take no second job with the id of one that runs.
 */
export function postJobId(job: Pick<PostJob, 'job' | 'postType' | 'postId' | 'postVersion'>): string {
  const version = job.postVersion == null ? '' : `.v${job.postVersion}`;
  return `${job.job}.${job.postType}.${job.postId}${version}`;
}

/** A post as its transaction stores it: what a handler looks at to tell whether the post needs its job at all. */
export interface NewPost {
  postType: PostType;
  postId: number;
  authorId: number;
  authorRole: Role;
  /** Who asked the thread (for a question, its author). */
  threadAuthorId: number;
  body: string;
  /** The person whose own action made the post (the asker, for the bot's instant answer): not notified of it. */
  causedById: number | null;
}

/**
 * Handed to a job's handler: `complete(manager)` marks the job done inside the handler's own transaction, so its
 * writes and the mark commit together; it throws (rolling the transaction back) when another run finished first.
 * A handler that does not call it is marked done once it returns.
 */
export interface PostJobCompletion {
  complete(manager: EntityManager): Promise<void>;
  /**
   * The same for a PostgreSQL statement that writes the job's results on its own, without a transaction: a WITH query
   * that marks the job done and returns one row if it was still pending. The statement's writes select from it, so a
   * job another run finished first writes nothing. `onlyIf`: a further condition (that another WITH query of the
   * statement returned a row, say), without which the job stays pending.
   */
  completionQuery(sql: SqlParameters, onlyIf?: string): string;
}

/** An edit of a post's text as its transaction stores it: what an edit's handler looks at to tell whether it needs its job. */
export interface PostEdit {
  postType: PostType;
  postId: number;
  body: string;
  /** The text the edit replaced. */
  previousBody: string;
  /** Who edited it (its author, or staff): the job's `causedById`. */
  editorId: number;
  /** The post's version after the edit. */
  version: number;
  /** The revision the edit recorded, of the text it replaced. */
  revisionId: number;
}

/**
 * A reply made the accepted answer, as the transaction that makes it stores it: what an acceptance's handler looks at
 * to tell whether it needs its job.
 */
export interface Acceptance {
  replyId: number;
  replyAuthorId: number;
  replyAuthorRole: Role;
  threadAuthorId: number;
  /** Who accepted it (the asker, or staff): the job's `causedById`. */
  acceptedById: number;
  /**
   * A moderator restored the accepted reply they had hid, and with it its acceptance, as `acceptedById` made it: nobody
   * chose it now. The jobs still pending for it stand (see PostJobs.recordAcceptance).
   */
  restored: boolean;
}

/** An edit's or an acceptance's job as its pending row is when a run starts. */
export interface PendingVersion {
  /**
   * The version the job is to serve (the post's, for an edit; the acceptance's, see PostJobs.recordAcceptance): a run
   * is done only if it is still the same when it finishes.
   */
  postVersion: number | null;
  /**
   * The revision of the text before the first edit the job serves: names in it and in earlier texts were dealt with
   * (null: all revisions, for a row from before this was recorded, and for an acceptance's job).
   */
  servedRevisionId: number | null;
}

interface PostJobHandlerBase {
  /** Unique among jobs, at most 32 characters. */
  job: string;
  postType: PostType;
  /**
   * Someone is waiting for it live (the asker, for the bot's reply): it runs before every other queued job, so a burst
   * of posts' background work (notifications, checks) cannot hold it up.
   */
  urgent?: boolean;
  /**
   * False for a job whose writes no visitor who is not signed in can see (a reply's notifications: only their
   * recipients read them), so it leaves the anonymous response cache alone; 'thread' for a reply's job whose writes
   * show on its thread's page and in the lists alone (the asker's confirmation of the bot's answer; the impostor check,
   * which only shows when it makes the bot's profile): its run resolves to that thread's id (null: it wrote nothing a
   * visitor sees), and the cached pages of other threads stay. Else a reply's job empties the cache. Only
   * a reply's job may say false: a question's `processing` ends when its last job does, which every reader sees (a
   * question's job bumps the generation of its thread).
   */
  changesPublicContent?: boolean | 'thread';
}

/**
 * What a run resolves to: for a handler whose changesPublicContent is 'thread', the id of the thread its writes
 * changed, or null when it wrote nothing; nothing for any other.
 */
export type ChangedThread = number | null | void;

/** A job a new post sets off (see PostJobs.record). */
export interface PostedJobHandler extends PostJobHandlerBase {
  after?: 'posting';
  /**
   * Whether this post can come to anything in this job (someone to notify, a rule that matches); without it, every
   * post of `postType` gets the job. A post that cannot is not given the job, so it records, queues and reads nothing.
   */
  needs?(post: Omit<NewPost, 'postId'>): boolean;
  run(job: PostJob, completion: PostJobCompletion): Promise<ChangedThread>;
}

/**
 * A job an edit of a post's text sets off (see PostJobs.recordEdit). Each edit queues it for the post's version it
 * made; a run for a version an edit came after does nothing, and the run for the newest version reads the newest text,
 * serving every edit since the job was last done. An edit made while it runs, after it read the text, makes that run's
 * completion fail; the edit's own run does the work.
 */
export interface EditedJobHandler extends PostJobHandlerBase {
  after: 'editing';
  /** Whether this edit can come to anything in this job; without it, every edit of a `postType` post gets the job. */
  needs?(edit: Omit<PostEdit, 'postId'>): boolean;
  run(job: PostJob, completion: PostJobCompletion, pending: PendingVersion): Promise<ChangedThread>;
}

/**
 * A job a reply's acceptance as the answer sets off (see PostJobs.recordAcceptance), for that acceptance: each
 * acceptance of the reply replaces the job an earlier one still waits with, and a run for a replaced acceptance does
 * nothing, nor completes when the reply is accepted again meanwhile; the newest acceptance's run does the work.
 */
export interface AcceptedJobHandler extends PostJobHandlerBase {
  after: 'accepting';
  postType: PostType.REPLY;
  /** Whether this acceptance can come to anything in this job; without it, every acceptance gets the job. */
  needs?(acceptance: Acceptance): boolean;
  run(job: PostJob, completion: PostJobCompletion): Promise<ChangedThread>;
}

export type PostJobHandler = PostedJobHandler | EditedJobHandler | AcceptedJobHandler;

/** Where post jobs wait for a worker: BullMQ with Redis, else this process. */
export interface PostJobQueue {
  /** Resolves once the job is queued; rejects when it could not be (the sweep queues it later). Urgent jobs run first. */
  add(job: PostJob, urgent: boolean): Promise<void>;
}

import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { EntityManager, LessThan, Repository } from 'typeorm';
import { sqlBoolean, SqlParameters, sqlExecute, sqlRows } from '../common/sql.js';
import { withTimeout } from '../common/with-timeout.js';
import { Environment } from '../config/environment.js';
import { ContentGeneration } from '../events/content-generation.js';
import { RedisConnections, RedisState } from '../redis/redis-status.js';
import { PostType } from '../common/post-type.js';
import { LocalJobQueue } from './local-job-queue.js';
import { PendingPostJobEntity } from './pending-post-job.entity.js';
import {
  AcceptedJobHandler,
  Acceptance,
  ChangedThread,
  EditedJobHandler,
  NewPost,
  PendingVersion,
  PostEdit,
  PostedJobHandler,
  PostJob,
  PostJobCompletion,
  PostJobHandler,
  postJobId,
} from './post-job.js';

export const postJobsQueueName = 'post-jobs';

/**
 * BullMQ's priority for jobs nobody waits for. BullMQ runs jobs without a priority before any job with one, so urgent
 * jobs are queued without it and overtake this backlog.
 */
const backgroundPriority = 10;

/** How long queueing on Redis may take before the job runs in this process instead. */
const redisAddTimeoutMs = 500;

/**
 * Thrown inside a handler's transaction when its job is no longer pending as the run found it (another run finished
 * first, or an edit or an acceptance came after the post it read): rolls it back.
 */
class JobNoLongerPending extends Error {}

type JobKey = Pick<PostJob, 'job' | 'postType' | 'postId'>;

/** A run of a versioned job: the version it serves, and the column of its pending row that holds it. */
interface VersionedRun extends PendingVersion {
  column: 'post_version' | 'id';
}

/**
 * The work a new post sets off (the bot's decision, notifications, impostor checks), an edit of its text (the
 * notifications of whom it newly mentions), or a reply's acceptance as the answer (its notifications, the asker's
 * confirmation of the bot's answer), taken off the request. Each feature registers its handlers; the post's (the
 * edit's, the acceptance's) transaction records one pending row per job (`record`, `recordEdit`, `recordAcceptance`);
 * after the commit the jobs are queued (`queue`): on BullMQ when Redis is reachable, so any instance's worker takes
 * them, else in this process. A job is done when its row is gone; a sweep queues again what a crash left.
 */
@Injectable()
export class PostJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('PostJobs');
  private readonly handlers = new Map<string, PostJobHandler>();
  private readonly local: LocalJobQueue;
  private sweepTimer: NodeJS.Timeout | null = null;
  private running = 0;

  constructor(
    @InjectRepository(PendingPostJobEntity) private readonly pending: Repository<PendingPostJobEntity>,
    private readonly environment: Environment,
    private readonly connections: RedisConnections,
    private readonly generation: ContentGeneration,
    @Optional() @InjectQueue(postJobsQueueName) private readonly redisQueue: Queue | null,
  ) {
    // Connection errors while Redis is away: RedisConnections reports the outage once, and `add` falls back.
    this.redisQueue?.on('error', () => undefined);
    this.local = new LocalJobQueue((job) => this.run(job), {
      concurrency: environment.JOB_CONCURRENCY,
      attempts: environment.JOB_ATTEMPTS,
      backoffMs: environment.JOB_BACKOFF_MS,
    });
  }

  /** Features register their handlers while the app starts (onModuleInit). */
  register(handler: PostJobHandler): void {
    if (this.handlers.has(handler.job)) throw new Error(`post job ${handler.job} is registered twice`);
    if (handler.changesPublicContent === false && handler.postType === PostType.THREAD) {
      throw new Error(`post job ${handler.job}: a question's job changes what readers see (processing ends with it)`);
    }
    this.handlers.set(handler.job, handler);
  }

  /** Inside the transaction that stores a post: the jobs it needs, recorded as pending. Queue them after the commit. */
  async record(manager: EntityManager, post: NewPost): Promise<PostJob[]> {
    const { postType, postId, causedById } = post;
    return this.recordPending(
      manager,
      this.neededBy(post).map((handler) => ({ job: handler.job, postType, postId, causedById })),
      { postVersion: null, servedRevisionId: null },
    );
  }

  /**
   * Inside the transaction that stores an edit of a post's text: the jobs it needs, recorded as pending for the edit's
   * version of the post (one still pending from an earlier edit now waits for this version). Queue them after the commit.
   */
  async recordEdit(manager: EntityManager, edit: PostEdit): Promise<PostJob[]> {
    const { postType, postId, editorId } = edit;
    const handlers = [...this.handlers.values()].filter(
      (handler) => handler.after === 'editing' && handler.postType === postType && (handler.needs?.(edit) ?? true),
    );
    return this.recordPending(
      manager,
      handlers.map((handler) => ({ job: handler.job, postType, postId, causedById: editorId, postVersion: edit.version })),
      { postVersion: edit.version, servedRevisionId: edit.revisionId },
    );
  }

  /**
   * Inside the transaction that makes a reply the accepted answer: the jobs the acceptance needs, recorded as pending.
   * Queue them after the commit. Each acceptance is a version of its own, the id of the row recorded for it: the rows an
   * earlier acceptance of the reply still waits with are replaced (their runs then do nothing), whether or not this one
   * needs those jobs, and the queues take this one's jobs under ids of their own even while a run for an earlier one
   * finishes. A restored acceptance (see Acceptance.restored) is the one the reply had: the jobs still pending for it
   * stand, and only those it needs are recorded anew.
   */
  async recordAcceptance(manager: EntityManager, acceptance: Acceptance): Promise<PostJob[]> {
    const handlers = [...this.handlers.values()].filter((handler): handler is AcceptedJobHandler => handler.after === 'accepting');
    const needed = handlers.filter((handler) => handler.needs?.(acceptance) ?? true);
    const replaced = acceptance.restored ? needed : handlers;
    if (replaced.length === 0) return [];
    const { replyId: postId, acceptedById: causedById } = acceptance;
    const postType = PostType.REPLY;
    const sql = new SqlParameters();
    await sqlExecute(
      manager,
      `DELETE FROM pending_post_jobs WHERE job IN (${sql.list(replaced.map((handler) => handler.job))})
       AND post_type = ${sql.param(postType)} AND post_id = ${sql.param(postId)}`,
      sql.values,
    );
    if (needed.length === 0) return [];
    const insert = new SqlParameters();
    const createdAt = new Date();
    const rows = needed.map((handler) => `(${insert.list([handler.job, postType, postId, causedById, createdAt])})`);
    const inserted = await sqlRows<{ id: number | string; job: string }>(
      manager,
      `INSERT INTO pending_post_jobs (job, post_type, post_id, caused_by_id, created_at) VALUES ${rows.join(', ')} RETURNING id, job`,
      insert.values,
    );
    return inserted.map((row) => ({ job: row.job, postType, postId, causedById, postVersion: Number(row.id) }));
  }

  private async recordPending(manager: EntityManager, jobs: PostJob[], edit: PendingVersion): Promise<PostJob[]> {
    if (jobs.length === 0) return jobs;
    const createdAt = new Date();
    const sql = new SqlParameters();
    const rows = jobs.map(
      (job) => `(${sql.list([job.job, job.postType, job.postId, job.causedById, edit.postVersion, edit.servedRevisionId, createdAt])})`,
    );
    // A job already pending for the post (an edit's, while an earlier edit's waits or runs) is not recorded twice: it
    // is told of the newer version, so that a run that read the text before this edit does not count as done, and
    // still serves the edits since the text it was recorded after.
    await sqlRows(
      manager,
      `INSERT INTO pending_post_jobs (job, post_type, post_id, caused_by_id, post_version, served_revision_id, created_at) VALUES ${rows.join(', ')}
       ON CONFLICT (job, post_type, post_id) DO UPDATE SET post_version = excluded.post_version`,
      sql.values,
    );
    return jobs;
  }

  /**
   * For a PostgreSQL statement that stores a post in one go (data-modifying WITH queries, no transaction): the query
   * that records the jobs it needs as pending, for the post whose id the WITH query `postQuery` returns as `id`, or
   * null when it needs none, with the jobs to queue once it has the id.
   */
  recordingQuery(
    sql: SqlParameters,
    post: Omit<NewPost, 'postId'>,
    postQuery: string,
  ): { query: string; jobsOf: (postId: number) => PostJob[] } | null {
    const names = this.neededBy(post).map((handler) => handler.job);
    if (names.length === 0) return null;
    const query = `INSERT INTO pending_post_jobs (job, post_type, post_id, caused_by_id, created_at)
      SELECT job, ${sql.param(post.postType)}, ${postQuery}.id, ${sql.param(post.causedById)}, ${sql.param(new Date())}
      FROM ${postQuery} CROSS JOIN unnest(${sql.param(names)}::varchar[]) AS job`;
    const { postType, causedById } = post;
    return { query, jobsOf: (postId) => names.map((job) => ({ job, postType, postId, causedById })) };
  }

  /** The handlers whose job a new post needs (a post with no one to notify and nothing to check needs none). */
  private neededBy(post: Omit<NewPost, 'postId'>): PostedJobHandler[] {
    return [...this.handlers.values()].filter(
      (handler): handler is PostedJobHandler =>
        (handler.after === undefined || handler.after === 'posting') &&
        handler.postType === post.postType &&
        (handler.needs?.(post) ?? true),
    );
  }

  /** Queues recorded jobs. Never throws: a job that cannot be queued stays pending for the sweep. */
  async queue(jobs: PostJob[]): Promise<void> {
    await Promise.all(jobs.map((job) => this.add(job)));
  }

  /**
   * Runs one job (the processor of both queues); throws to be retried. A new post's job run again once done (queued
   * twice by a sweep) changes nothing, without a read first: handlers are idempotent and `complete` refuses a second
   * completion. An edit's or an acceptance's job reads its pending row first, and is done only if no edit (no
   * acceptance of the reply) came since (see runVersioned).
   */
  async run(job: PostJob): Promise<void> {
    const handler = this.handlers.get(job.job);
    // Not registered (yet, while this instance starts, or by this version): another try, or another instance, runs it.
    if (!handler) throw new Error(`no handler for job ${postJobId(job)} on this instance`);
    this.running++;
    // Not known until the run returns.
    let changed: ChangedThread = undefined;
    try {
      changed =
        handler.after === 'editing' || handler.after === 'accepting'
          ? await this.runVersioned(handler, job)
          : await this.runOnce(handler, job, null);
    } finally {
      // What a job writes (the bot's reply, a hidden reply, the thread no longer `processing`) is for every reader,
      // and a failed try may have written part of it. A question's jobs write that thread alone, and so does a reply's
      // job that said which thread it changed.
      try {
        if (job.postType === PostType.THREAD) await this.generation.bumpThread(job.postId);
        else if (handler.changesPublicContent === 'thread' && changed !== undefined) {
          if (changed !== null) await this.generation.bumpThread(changed);
        } else if (handler.changesPublicContent !== false) await this.generation.bump();
      } finally {
        this.running--;
      }
    }
  }

  /**
   * An edit's or an acceptance's job, for the version it was queued for, if its row still waits for that version. Each
   * edit raises the row's version, each acceptance of the reply records a row of its own, and queues the job for it (a
   * job id of its own, so a run in progress does not make the queues drop it): a run for an older version does nothing,
   * and one that read the post before a later edit or acceptance finds the row changed when it completes and writes
   * nothing; the later one's run serves them all.
   */
  private async runVersioned(handler: EditedJobHandler | AcceptedJobHandler, job: PostJob): Promise<ChangedThread> {
    const column = handler.after === 'accepting' ? 'id' : 'post_version';
    const pending = await this.pendingVersion(job, column);
    if (!pending) return null;
    // A job queued before jobs carried their version serves whichever the row waits for.
    if (job.postVersion != null && pending.postVersion !== job.postVersion) return null;
    return this.runOnce(handler, job, { ...pending, column });
  }

  /**
   * One run of a job's handler, and what it says it changed; with `versioned`, its completion holds only if the row
   * still waits for that version.
   */
  private async runOnce(handler: PostJobHandler, job: PostJob, versioned: VersionedRun | null): Promise<ChangedThread> {
    const key = { job: job.job, postType: job.postType, postId: job.postId };
    let completed = false;
    try {
      const completion: PostJobCompletion = {
        complete: async (manager) => {
          if (!(await deletePending(manager, key, versioned))) throw new JobNoLongerPending();
          completed = true;
        },
        completionQuery: (sql, onlyIf) => {
          completed = true;
          return `${pendingDeletion(sql, key, versioned)}${onlyIf ? ` AND ${onlyIf}` : ''} RETURNING 1`;
        },
      };
      const changed = handler.after === 'editing' ? await handler.run(job, completion, versioned!) : await handler.run(job, completion);
      if (!completed) await deletePending(this.pending.manager, key, versioned);
      return changed;
    } catch (error) {
      if (!(error instanceof JobNoLongerPending)) throw error;
      // What the handler wrote before its completion failed is not known.
      return undefined;
    }
  }

  /** The pending row's version: its post_version (an edit's job), or its id (an acceptance's, see recordAcceptance). */
  private async pendingVersion(key: JobKey, column: VersionedRun['column']): Promise<PendingVersion | null> {
    const row = await this.pending.findOne({
      select: { id: true, postVersion: true, servedRevisionId: true },
      where: { job: key.job, postType: key.postType, postId: key.postId },
    });
    if (!row) return null;
    // A null column comes back missing from a partial select.
    return { postVersion: column === 'id' ? row.id : (row.postVersion ?? null), servedRevisionId: row.servedRevisionId ?? null };
  }

  /**
   * Jobs running in this process. A job's work can go on after its completion has committed (the bot indexes the
   * question after its decision), so a post with no pending job may still have a job running.
   */
  get runningCount(): number {
    return this.running;
  }

  /** Whether a post still has a job to finish. */
  async isPending(postType: PostType, postId: number): Promise<boolean> {
    const sql = new SqlParameters();
    const [row] = await sqlRows<{ pending: unknown }>(
      this.pending.manager,
      `SELECT ${this.pendingCondition(sql, postType, sql.param(postId))} AS pending`,
      sql.values,
    );
    return sqlBoolean(row!.pending);
  }

  /** Whether one job of a post is still to finish. */
  async isJobPending(job: JobKey): Promise<boolean> {
    return this.pending.existsBy({ job: job.job, postType: job.postType, postId: job.postId });
  }

  /** The SQL condition that the post whose id is the SQL expression `postId` still has a job to finish (see isPending). */
  pendingCondition(sql: SqlParameters, postType: PostType, postId: string): string {
    return `EXISTS (SELECT 1 FROM pending_post_jobs WHERE post_type = ${sql.param(postType)} AND post_id = ${postId})`;
  }

  /** Resolves once a post's jobs are done, or after `timeoutMs` (for the demo seed, which tells a story in order). */
  async whenDone(postType: PostType, postId: number, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while ((await this.isPending(postType, postId)) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Queues every pending job (at start-up) or those pending longer than a sweep period. Safe on several instances. */
  async sweep(olderThan?: Date): Promise<number> {
    const rows = await this.pending.find({
      where: olderThan ? { createdAt: LessThan(olderThan) } : {},
      order: { id: 'ASC' },
      take: 1000,
    });
    await this.queue(
      rows.map(({ id, job, postType, postId, causedById, postVersion }) => {
        const version = this.handlers.get(job)?.after === 'accepting' ? id : postVersion;
        return { job, postType, postId, causedById, postVersion: version };
      }),
    );
    if (rows.length > 0) this.logger.log(`queued ${rows.length} unfinished post jobs again`);
    return rows.length;
  }

  onApplicationBootstrap(): void {
    if (!this.environment.JOB_WORKERS) return;
    void this.sweep().catch((error: Error) => this.logger.error(`sweep failed: ${error.message}`));
    const period = this.environment.JOB_SWEEP_SECONDS * 1000;
    this.sweepTimer = setInterval(() => {
      void this.sweep(new Date(Date.now() - period)).catch((error: Error) => this.logger.error(`sweep failed: ${error.message}`));
    }, period);
    this.sweepTimer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.local.close();
  }

  private async add(job: PostJob): Promise<void> {
    const urgent = this.handlers.get(job.job)?.urgent ?? false;
    if (this.redisQueue && this.connections.state === RedisState.CONNECTED) {
      try {
        const options = urgent ? { jobId: postJobId(job) } : { jobId: postJobId(job), priority: backgroundPriority };
        await withTimeout(this.redisQueue.add(job.job, job, options), redisAddTimeoutMs);
        return;
      } catch (error) {
        this.logger.warn(`could not queue ${postJobId(job)} on Redis, running it here: ${(error as Error).message}`);
      }
    }
    // Without workers here the job waits for the sweep of an instance that has them.
    if (this.environment.JOB_WORKERS) await this.local.add(job, urgent);
  }
}

/**
 * Marks a job done (inside `manager`'s transaction, if it has one); false when it was done already, or, with `versioned`,
 * when an edit or an acceptance came since.
 */
async function deletePending(manager: EntityManager, key: JobKey, versioned: VersionedRun | null): Promise<boolean> {
  const sql = new SqlParameters();
  const { affected } = await sqlExecute(manager, pendingDeletion(sql, key, versioned), sql.values);
  return affected > 0;
}

/** The statement that marks a job done by deleting its pending row (with `versioned`, only while it waits for that version). */
function pendingDeletion(sql: SqlParameters, key: JobKey, versioned: VersionedRun | null): string {
  const version = !versioned
    ? ''
    : versioned.postVersion === null
      ? ` AND ${versioned.column} IS NULL`
      : ` AND ${versioned.column} = ${sql.param(versioned.postVersion)}`;
  return `DELETE FROM pending_post_jobs WHERE job = ${sql.param(key.job)} AND post_type = ${sql.param(key.postType)} AND post_id = ${sql.param(key.postId)}${version}`;
}

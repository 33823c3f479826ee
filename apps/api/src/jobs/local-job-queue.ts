import { Logger } from '@nestjs/common';
import { PostJob, postJobId, PostJobQueue } from './post-job.js';

export interface LocalJobQueueOptions {
  concurrency: number;
  attempts: number;
  backoffMs: number;
}

/**
 * Post jobs in this process, without Redis (or while it is unreachable): the same processor as BullMQ's
 * workers, the same retries with exponential backoff, and one run at a time per (job, post).
 */
export class LocalJobQueue implements PostJobQueue {
  private readonly logger = new Logger('LocalJobQueue');
  /** Ids of jobs waiting, running or pausing before a retry. */
  private readonly queued = new Set<string>();
  private readonly waiting: { job: PostJob; attempt: number }[] = [];
  private readonly retries = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly process: (job: PostJob) => Promise<void>,
    private readonly options: LocalJobQueueOptions,
  ) {}

  add(job: PostJob): Promise<void> {
    const id = postJobId(job);
    if (this.closed || this.queued.has(id)) return Promise.resolve();
    this.queued.add(id);
    this.waiting.push({ job, attempt: 1 });
    this.drain();
    return Promise.resolve();
  }

  /** Stops taking jobs and waits for the running ones; what was still waiting stays pending for the sweep. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
    this.waiting.length = 0;
    await Promise.all(this.running);
  }

  private drain(): void {
    while (!this.closed && this.running.size < this.options.concurrency && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      const run = this.attempt(next.job, next.attempt).finally(() => {
        this.running.delete(run);
        this.drain();
      });
      this.running.add(run);
    }
  }

  private async attempt(job: PostJob, attempt: number): Promise<void> {
    const id = postJobId(job);
    try {
      await this.process(job);
      this.queued.delete(id);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (attempt >= this.options.attempts || this.closed) {
        this.logger.error(`job ${id} failed ${attempt} times, left for the sweep: ${reason}`);
        this.queued.delete(id);
        return;
      }
      this.logger.warn(`job ${id} failed (attempt ${attempt}), retrying: ${reason}`);
      const timer = setTimeout(
        () => {
          this.retries.delete(timer);
          this.waiting.push({ job, attempt: attempt + 1 });
          this.drain();
        },
        this.options.backoffMs * 2 ** (attempt - 1),
      );
      timer.unref();
      this.retries.add(timer);
    }
  }
}

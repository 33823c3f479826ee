import { Logger } from '@nestjs/common';
import { PostJob, postJobId, PostJobQueue } from './post-job.js';

interface Waiting {
  job: PostJob;
  attempt: number;
  urgent: boolean;
}

export interface LocalJobQueueOptions {
  concurrency: number;
  attempts: number;
  backoffMs: number;
}

/**
 * Post jobs in this process, without Redis (or while it is unreachable): the same processor as BullMQ's
 * workers, the same retries with exponential backoff, and one run at a time per job id (see postJobId).
 */
export class LocalJobQueue implements PostJobQueue {
  private readonly logger = new Logger('LocalJobQueue');
  /** Ids of jobs waiting, running or pausing before a retry. */
  private readonly queued = new Set<string>();
  /** Urgent jobs wait in their own line, which is always served first. */
  private readonly waiting = { urgent: [] as Waiting[], background: [] as Waiting[] };
  private readonly retries = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private urgentRunning = 0;
  private closed = false;
  private drainScheduled = false;

  constructor(
    private readonly process: (job: PostJob) => Promise<void>,
    private readonly options: LocalJobQueueOptions,
  ) {}

  add(job: PostJob, urgent: boolean): Promise<void> {
    const id = postJobId(job);
    if (this.closed || this.queued.has(id)) return Promise.resolve();
    this.queued.add(id);
    this.wait({ job, attempt: 1, urgent });
    // On the next turn of the event loop: the request that queued the job answers first, the job's work after.
    if (!this.drainScheduled) {
      this.drainScheduled = true;
      setImmediate(() => {
        this.drainScheduled = false;
        this.drain();
      });
    }
    return Promise.resolve();
  }

  /** Stops taking jobs and waits for the running ones; what was still waiting stays pending for the sweep. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
    this.waiting.urgent.length = 0;
    this.waiting.background.length = 0;
    await Promise.all(this.running);
  }

  private wait(entry: Waiting): void {
    (entry.urgent ? this.waiting.urgent : this.waiting.background).push(entry);
  }

  /**
   * Starts what may start. Background jobs keep one slot free, so an urgent job never waits for a background one to
   * finish, and none starts while an urgent job runs: it would compete with it for the database and the CPU.
   */
  private drain(): void {
    while (!this.closed && this.running.size < this.options.concurrency) {
      const next = this.waiting.urgent.shift() ?? (this.mayStartBackground() ? this.waiting.background.shift() : undefined);
      if (!next) return;
      if (next.urgent) this.urgentRunning++;
      const run = this.attempt(next).finally(() => {
        if (next.urgent) this.urgentRunning--;
        this.running.delete(run);
        this.drain();
      });
      this.running.add(run);
    }
  }

  private mayStartBackground(): boolean {
    return this.urgentRunning === 0 && (this.running.size < this.options.concurrency - 1 || this.options.concurrency === 1);
  }

  private async attempt({ job, attempt, urgent }: Waiting): Promise<void> {
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
          this.wait({ job, attempt: attempt + 1, urgent });
          this.drain();
        },
        this.options.backoffMs * 2 ** (attempt - 1),
      );
      timer.unref();
      this.retries.add(timer);
    }
  }
}

import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { isPostgres, sqlExecute, sqlRows } from '../common/sql.js';
import { Environment } from '../config/environment.js';
import { ThreadTagEntity } from './thread-tag.entity.js';

/** How often the changes are folded into the counts; the popular tags add up those not folded yet. */
const foldSeconds = 10;
/** The most changes one transaction folds. */
const foldBatch = 10_000;
/** The advisory lock that makes the instances fold one after another (an arbitrary number, this feature's alone). */
const foldLock = 7_204_118_311;

/**
 * On PostgreSQL, moves the changes its triggers append to tag_count_changes (migration TagCountChanges1765100000000)
 * into tag_counts, so that the popular tags add up the last few seconds' changes rather than every one since the
 * start. What they read is the same before and after. It runs on the instances that run post jobs (JOB_WORKERS), one
 * after another.
 */
@Injectable()
export class TagCountFolding implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('TagCountFolding');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @InjectRepository(ThreadTagEntity) private readonly threadTags: Repository<ThreadTagEntity>,
    private readonly environment: Environment,
  ) {}

  onApplicationBootstrap(): void {
    if (!isPostgres(this.threadTags.manager.connection) || !this.environment.JOB_WORKERS) return;
    this.timer = setInterval(() => {
      this.running ??= this.fold()
        .catch((error: Error) => this.logger.warn(`could not fold the tag count changes: ${error.message}`))
        .finally(() => (this.running = null));
    }, foldSeconds * 1000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Folds the changes into the counts, after any other instance's fold; returns how many it folded. */
  async fold(): Promise<number> {
    let folded = 0;
    for (;;) {
      const batch = await this.threadTags.manager.transaction(async (manager) => {
        await sqlExecute(manager, 'SELECT pg_advisory_xact_lock($1)', [foldLock]);
        // The counts' rows are locked in the order of their tags, and only here: no other write waits on them.
        const [{ moved }] = await sqlRows<{ moved: string }>(
          manager,
          `WITH moved AS (
             DELETE FROM tag_count_changes WHERE id IN (SELECT id FROM tag_count_changes ORDER BY id LIMIT $1)
             RETURNING tag, threads, visible_threads
           ),
           added AS (
             INSERT INTO tag_counts (tag, thread_count, visible_thread_count)
             SELECT tag, SUM(threads), SUM(visible_threads) FROM moved GROUP BY tag ORDER BY tag
             ON CONFLICT (tag) DO UPDATE SET
               thread_count = tag_counts.thread_count + excluded.thread_count,
               visible_thread_count = tag_counts.visible_thread_count + excluded.visible_thread_count
           )
           SELECT COUNT(*) AS moved FROM moved`,
          [foldBatch],
        );
        await sqlExecute(manager, 'DELETE FROM tag_counts WHERE thread_count <= 0', []);
        return Number(moved);
      });
      folded += batch;
      if (batch < foldBatch) return folded;
    }
  }
}

import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isPostgres, sqlExecute, sqlRows } from '../common/sql.js';
import { Environment } from '../config/environment.js';
import { ForumEvents } from '../events/forum-events.js';

/** Index rows written per transaction: a few milliseconds of the event loop at most. */
const batchSize = 500;
/** How long a new post waits for others to share its batch; under load the batches grow to what came meanwhile. */
const batchWindowMs = 50;

/**
 * SQLite: writes the posts that changed into the FTS5 index, many per transaction. The triggers on threads and
 * replies note each changed post's index row in `search_pending` (see the migration SearchIndexInBatches); the noted
 * rows are deleted from `search_index` and written again from the post as it is now (a deleted post is not written
 * again) before every search, so a post is found as soon as it is written, and, on an instance that runs post jobs
 * (JOB_WORKERS), shortly after a post is written or edited through the API and once at start-up. PostgreSQL's search
 * columns are generated with the row: there this does nothing.
 */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SearchIndexer');
  private readonly enabled: boolean;
  private batchTimer: NodeJS.Timeout | undefined;
  /** The last catch-up asked for: each runs after the one before, so none reads a batch another is writing. */
  private latest: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly environment: Environment,
    private readonly events: ForumEvents,
  ) {
    this.enabled = !isPostgres(dataSource);
  }

  onApplicationBootstrap(): void {
    if (!this.enabled || !this.environment.JOB_WORKERS) return;
    this.inBackground();
    const soon = () => {
      this.batchTimer ??= setTimeout(() => {
        this.batchTimer = undefined;
        this.inBackground();
      }, batchWindowMs);
    };
    this.events.on('questionPosted', soon);
    this.events.on('replyPosted', soon);
    this.events.on('postEdited', soon);
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.batchTimer);
    await this.latest.catch(() => undefined);
  }

  /** Writes every post noted so far into the index, before a search; resolves at once when none is. */
  catchUp(): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    // One read, not a write transaction, when nothing waits: the usual case, searches being many.
    return this.after(async () => {
      const [pending] = await sqlRows<{ pending: number }>(this.dataSource, 'SELECT EXISTS (SELECT 1 FROM search_pending) AS pending', []);
      if (Number(pending?.pending)) await this.writePending();
    });
  }

  /** After posts were written through the API: there is something to write. */
  private inBackground(): void {
    this.after(() => this.writePending()).catch((error: Error) =>
      this.logger.error(`could not write posts into the search index: ${error.message}`),
    );
  }

  private after(work: () => Promise<void>): Promise<void> {
    // This run writes what a scheduled one would have.
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    const run = this.latest.catch(() => undefined).then(work);
    this.latest = run;
    return run;
  }

  private async writePending(): Promise<void> {
    // A full batch may leave more behind.
    while ((await this.dataSource.transaction(writeBatch)) === batchSize);
  }
}

/** Writes up to a batch of the noted rows and forgets them; returns how many it took. */
async function writeBatch(manager: EntityManager): Promise<number> {
  const rowIds = (
    await sqlRows<{ row_id: number }>(manager, 'SELECT row_id FROM search_pending ORDER BY row_id LIMIT $1', [batchSize])
  ).map((row) => Number(row.row_id));
  if (rowIds.length === 0) return 0;
  // One JSON array: the same statement texts (prepared once) whatever the batch.
  const batch = JSON.stringify(rowIds);
  await sqlExecute(manager, 'DELETE FROM search_index WHERE rowid IN (SELECT value FROM json_each($1))', [batch]);
  await sqlExecute(
    manager,
    `INSERT INTO search_index (rowid, title, body, thread_id, post_type, post_id)
     SELECT id * 2, title, body, id, 'THREAD', id FROM threads WHERE id IN (SELECT value / 2 FROM json_each($1) WHERE value % 2 = 0)
     UNION ALL
     SELECT id * 2 + 1, NULL, body, thread_id, 'REPLY', id FROM replies WHERE id IN (SELECT value / 2 FROM json_each($1) WHERE value % 2 = 1)`,
    [batch],
  );
  await sqlExecute(manager, 'DELETE FROM search_pending WHERE row_id IN (SELECT value FROM json_each($1))', [batch]);
  return rowIds.length;
}

import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { sqliteDatabase } from '../common/sql.js';
import { Environment } from '../config/environment.js';

/** SQLite's default: the WAL is copied into the database once it holds this many pages (about 4 MB). */
const checkpointPages = 1000;
/**
 * The app's connection still checkpoints past this (about 40 MB): under writes that never pause, the thread's
 * checkpoints never catch up, and the writer's own is what lets the WAL start over (see the worker for why the thread
 * does not force that).
 */
const appCheckpointPages = 10_000;
const pollMs = 50;

/**
 * SQLite checkpoints (copies the WAL into the database file) inside whichever commit makes the WAL pass 1000 pages:
 * milliseconds of the event loop, mostly waiting for fsync, every few dozen writes. A worker thread does it instead,
 * on a connection of its own (sqlite-checkpoint-worker.mjs), and the app's connection only past 10,000 pages; should
 * the thread fail or not start, the app's connection checkpoints at 1000 again. PostgreSQL and in-memory databases:
 * nothing to do.
 */
@Injectable()
export class SqliteCheckpoints implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SqliteCheckpoints');
  private worker: Worker | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly environment: Environment,
  ) {}

  onApplicationBootstrap(): void {
    if (this.dataSource.options.type !== 'better-sqlite3' || this.environment.SQLITE_PATH === ':memory:') return;
    const worker = new Worker(new URL('./sqlite-checkpoint-worker.mjs', import.meta.url), {
      workerData: {
        path: this.environment.SQLITE_PATH,
        synchronous: this.environment.SQLITE_SYNCHRONOUS,
        checkpointPages,
        pollMs,
      },
    });
    // Never what keeps the process alive (a CLI that does not close the app).
    worker.unref();
    worker.on('error', (error) => this.logger.warn(`checkpoint thread failed, commits checkpoint again: ${error.message}`));
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.automaticCheckpoints(true);
    });
    this.worker = worker;
    this.automaticCheckpoints(false);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = once(worker, 'exit');
    // Unreferenced, the thread would not keep the process alive until it has closed its connection.
    worker.ref();
    worker.postMessage('stop');
    await exited;
    // Post jobs may still commit while the app shuts down.
    this.automaticCheckpoints(true);
  }

  /** Whether the app's connection checkpoints on its own (at 1000 pages) or leaves it to the thread (till 10,000). */
  private automaticCheckpoints(onItsOwn: boolean): void {
    if (!this.dataSource.isInitialized) return;
    sqliteDatabase(this.dataSource).pragma(`wal_autocheckpoint = ${onItsOwn ? checkpointPages : appCheckpointPages}`);
  }
}

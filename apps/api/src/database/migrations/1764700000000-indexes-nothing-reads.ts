import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two indexes that every post's commit writes and no query reads:
 * - the pending jobs' created_at: the sweep (oldest first) walks the ids, which grow with created_at, and SQLite's
 *   plan for it never used the index; every job's commit also deleted from it;
 * - replies (thread_id, author_id): it served the bot's look-up of its earlier reply in a thread, which is gone now
 *   that the bot's reply commits with its decision (reads of a thread's replies use (thread_id, created_at, id)).
 * Plain SQL: TypeORM's dropIndex reads the table's metadata first.
 */
export class IndexesNothingReads1764700000000 implements MigrationInterface {
  name = 'IndexesNothingReads1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_1ce6f46f96745574ca20edc2c5"');
    await queryRunner.query('DROP INDEX replies_thread_author');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX replies_thread_author ON replies (thread_id, author_id)');
    await queryRunner.query('CREATE INDEX "IDX_1ce6f46f96745574ca20edc2c5" ON pending_post_jobs (created_at)');
  }
}

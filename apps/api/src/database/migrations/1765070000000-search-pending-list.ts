import { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from '../migration-helpers.js';

/**
 * PostgreSQL adds a post's words to a GIN index's pending list, and merges the list into the index proper once it passes
 * gin_pending_list_limit (4 MB by default) or a vacuum runs; every search reads the whole list. A thread's row is
 * written again on every reply (its count and last activity are indexed, so the update is not HOT), and each time its
 * words join the list again: between autovacuums a busy forum's list stays megabytes long. At 10,000 threads a search
 * cost 7.2 ms of the server's CPU with the list empty and 11.4 ms with 423 pages in it. At 512 kB the list stays
 * within 64 pages (at most 0.6 ms more), and the merges, in batches of that size, cost less per update than those
 * of 4 MB (0.057 against 0.068 ms; 0.088 at 128 kB). SQLite's FTS5 index is written in batches of its own
 * (SearchIndexer).
 */
export class SearchPendingList1765070000000 implements MigrationInterface {
  name = 'SearchPendingList1765070000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!isPostgres(queryRunner)) return;
    await queryRunner.query('ALTER INDEX threads_search_vector_index SET (gin_pending_list_limit = 512)');
    await queryRunner.query('ALTER INDEX replies_search_vector_index SET (gin_pending_list_limit = 512)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!isPostgres(queryRunner)) return;
    await queryRunner.query('ALTER INDEX replies_search_vector_index RESET (gin_pending_list_limit)');
    await queryRunner.query('ALTER INDEX threads_search_vector_index RESET (gin_pending_list_limit)');
  }
}

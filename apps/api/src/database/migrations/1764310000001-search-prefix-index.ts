import { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from '../migration-helpers.js';

const columns = `title, body, thread_id UNINDEXED, post_type UNINDEXED, post_id UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2'`;

/**
 * SQLite: the search index gets FTS5 prefix indexes. Every query matches its last word as a prefix; without them
 * FTS5 merges the doclists of every word with that prefix for each statement, which made the snippets of one
 * page (and the ranking) cost several times the rest of a search at 10,000 threads. PostgreSQL: nothing to do.
 */
export class SearchPrefixIndex1764310000001 implements MigrationInterface {
  name = 'SearchPrefixIndex1764310000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!isPostgres(queryRunner)) await rebuild(queryRunner, `${columns}, prefix = '2 3 4 5 6'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!isPostgres(queryRunner)) await rebuild(queryRunner, columns);
  }
}

/** The triggers on threads and replies name the table, so they keep writing to the new one. */
async function rebuild(queryRunner: QueryRunner, definition: string): Promise<void> {
  await queryRunner.query(`DROP TABLE search_index`);
  await queryRunner.query(`CREATE VIRTUAL TABLE search_index USING fts5(${definition})`);
  await queryRunner.query(
    `INSERT INTO search_index (rowid, title, body, thread_id, post_type, post_id) SELECT id * 2, title, body, id, 'THREAD', id FROM threads`,
  );
  await queryRunner.query(
    `INSERT INTO search_index (rowid, title, body, thread_id, post_type, post_id) SELECT id * 2 + 1, NULL, body, thread_id, 'REPLY', id FROM replies`,
  );
}

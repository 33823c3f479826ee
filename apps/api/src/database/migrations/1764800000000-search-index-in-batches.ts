import { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from '../migration-helpers.js';

const posts = [
  { table: 'threads', rowId: (row: string) => `${row}.id * 2`, updatedColumns: 'title, body' },
  { table: 'replies', rowId: (row: string) => `${row}.id * 2 + 1`, updatedColumns: 'body, thread_id' },
];

/**
 * SQLite: posts reach the FTS5 index in batches. The triggers on threads and replies now only note, in
 * `search_pending`, which rows of `search_index` are out of date (a row id as the search migration numbers them);
 * the search feature writes those rows many per transaction (search/search-indexer.ts). FTS5 writes a segment per
 * transaction and merges segments later, so one post per commit cost about 0.2 ms of CPU, a batch a tenth of that
 * per post. PostgreSQL: nothing to do (its search columns are generated, its GIN indexes batch their own updates).
 */
export class SearchIndexInBatches1764800000000 implements MigrationInterface {
  name = 'SearchIndexInBatches1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isPostgres(queryRunner)) return;
    await queryRunner.query('CREATE TABLE search_pending (row_id INTEGER PRIMARY KEY)');
    for (const { table, rowId, updatedColumns } of posts) {
      const note = (row: string) => `INSERT OR IGNORE INTO search_pending (row_id) VALUES (${rowId(row)});`;
      await replaceTrigger(queryRunner, `${table}_search_insert`, `AFTER INSERT ON ${table} BEGIN ${note('new')} END`);
      await replaceTrigger(queryRunner, `${table}_search_update`, `AFTER UPDATE OF ${updatedColumns} ON ${table} BEGIN ${note('new')} END`);
      await replaceTrigger(queryRunner, `${table}_search_delete`, `AFTER DELETE ON ${table} BEGIN ${note('old')} END`);
    }
  }

  /** Back to the search migration's triggers, which write search_index themselves, after writing what is pending. */
  async down(queryRunner: QueryRunner): Promise<void> {
    if (isPostgres(queryRunner)) return;
    await queryRunner.query('DELETE FROM search_index WHERE rowid IN (SELECT row_id FROM search_pending)');
    await queryRunner.query(
      `INSERT INTO search_index (rowid, title, body, thread_id, post_type, post_id)
       SELECT id * 2, title, body, id, 'THREAD', id FROM threads WHERE id * 2 IN (SELECT row_id FROM search_pending)`,
    );
    await queryRunner.query(
      `INSERT INTO search_index (rowid, title, body, thread_id, post_type, post_id)
       SELECT id * 2 + 1, NULL, body, thread_id, 'REPLY', id FROM replies WHERE id * 2 + 1 IN (SELECT row_id FROM search_pending)`,
    );
    const indexThread = `INSERT INTO search_index (rowid, title, body, thread_id, post_type, post_id) VALUES (new.id * 2, new.title, new.body, new.id, 'THREAD', new.id);`;
    const indexReply = `INSERT INTO search_index (rowid, title, body, thread_id, post_type, post_id) VALUES (new.id * 2 + 1, NULL, new.body, new.thread_id, 'REPLY', new.id);`;
    await replaceTrigger(queryRunner, 'threads_search_insert', `AFTER INSERT ON threads BEGIN ${indexThread} END`);
    await replaceTrigger(
      queryRunner,
      'threads_search_update',
      `AFTER UPDATE OF title, body ON threads BEGIN DELETE FROM search_index WHERE rowid = old.id * 2; ${indexThread} END`,
    );
    await replaceTrigger(
      queryRunner,
      'threads_search_delete',
      `AFTER DELETE ON threads BEGIN DELETE FROM search_index WHERE rowid = old.id * 2; END`,
    );
    await replaceTrigger(queryRunner, 'replies_search_insert', `AFTER INSERT ON replies BEGIN ${indexReply} END`);
    await replaceTrigger(
      queryRunner,
      'replies_search_update',
      `AFTER UPDATE OF body, thread_id ON replies BEGIN DELETE FROM search_index WHERE rowid = old.id * 2 + 1; ${indexReply} END`,
    );
    await replaceTrigger(
      queryRunner,
      'replies_search_delete',
      `AFTER DELETE ON replies BEGIN DELETE FROM search_index WHERE rowid = old.id * 2 + 1; END`,
    );
    await queryRunner.query('DROP TABLE search_pending');
  }
}

async function replaceTrigger(queryRunner: QueryRunner, name: string, definition: string): Promise<void> {
  await queryRunner.query(`DROP TRIGGER ${name}`);
  await queryRunner.query(`CREATE TRIGGER ${name} ${definition}`);
}

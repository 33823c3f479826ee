import { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from '../migration-helpers.js';

/** Each kind of post: its index row id, the columns an edit re-indexes, and its index row (the search migration's). */
const posts = [
  {
    table: 'threads',
    rowId: (row: string) => `${row}.id * 2`,
    updatedColumns: 'title, body',
    indexRow: (row: string) => `${row}.id * 2, ${row}.title, ${row}.body, ${row}.id, 'THREAD', ${row}.id`,
  },
  {
    table: 'replies',
    rowId: (row: string) => `${row}.id * 2 + 1`,
    updatedColumns: 'body, thread_id',
    indexRow: (row: string) => `${row}.id * 2 + 1, NULL, ${row}.body, ${row}.thread_id, 'REPLY', ${row}.id`,
  },
];
const indexColumns = 'search_index (rowid, title, body, thread_id, post_type, post_id)';

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
    for (const { table, rowId, updatedColumns, indexRow } of posts) {
      await queryRunner.query(
        `INSERT INTO ${indexColumns} SELECT ${indexRow(table)} FROM ${table} WHERE ${rowId(table)} IN (SELECT row_id FROM search_pending)`,
      );
      const forget = `DELETE FROM search_index WHERE rowid = ${rowId('old')};`;
      const index = `INSERT INTO ${indexColumns} VALUES (${indexRow('new')});`;
      await replaceTrigger(queryRunner, `${table}_search_insert`, `AFTER INSERT ON ${table} BEGIN ${index} END`);
      await replaceTrigger(
        queryRunner,
        `${table}_search_update`,
        `AFTER UPDATE OF ${updatedColumns} ON ${table} BEGIN ${forget} ${index} END`,
      );
      await replaceTrigger(queryRunner, `${table}_search_delete`, `AFTER DELETE ON ${table} BEGIN ${forget} END`);
    }
    await queryRunner.query('DROP TABLE search_pending');
  }
}

async function replaceTrigger(queryRunner: QueryRunner, name: string, definition: string): Promise<void> {
  await queryRunner.query(`DROP TRIGGER ${name}`);
  await queryRunner.query(`CREATE TRIGGER ${name} ${definition}`);
}

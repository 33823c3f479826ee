import { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from '../migration-helpers.js';

/**
 * Full-text search on each engine's own index.
 * SQLite: one FTS5 table over threads and replies, kept in step by triggers so that every write path
 * (the API, seeding, the bot, a SQL console) is indexed. Row ids interleave the two kinds of post:
 * a thread is `id * 2`, a reply `id * 2 + 1`, so a trigger finds its row without a scan.
 * PostgreSQL: a generated, weighted `search_vector` on threads (title A, body B) and replies (body B), with GIN indexes.
 */
export class Search1764165000000 implements MigrationInterface {
  name = 'Search1764165000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isPostgres(queryRunner)) {
      await queryRunner.query(
        `ALTER TABLE threads ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ` +
          `(setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(body, '')), 'B')) STORED`,
      );
      await queryRunner.query(`CREATE INDEX threads_search_vector_index ON threads USING GIN (search_vector)`);
      await queryRunner.query(
        `ALTER TABLE replies ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(body, '')), 'B')) STORED`,
      );
      await queryRunner.query(`CREATE INDEX replies_search_vector_index ON replies USING GIN (search_vector)`);
      return;
    }

    await queryRunner.query(
      `CREATE VIRTUAL TABLE search_index USING fts5(title, body, thread_id UNINDEXED, post_type UNINDEXED, post_id UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2')`,
    );
    const indexThread = `INSERT INTO search_index (rowid, title, body, thread_id, post_type, post_id) VALUES (new.id * 2, new.title, new.body, new.id, 'THREAD', new.id);`;
    const indexReply = `INSERT INTO search_index (rowid, title, body, thread_id, post_type, post_id) VALUES (new.id * 2 + 1, NULL, new.body, new.thread_id, 'REPLY', new.id);`;
    await queryRunner.query(`CREATE TRIGGER threads_search_insert AFTER INSERT ON threads BEGIN ${indexThread} END`);
    await queryRunner.query(
      `CREATE TRIGGER threads_search_update AFTER UPDATE OF title, body ON threads BEGIN DELETE FROM search_index WHERE rowid = old.id * 2; ${indexThread} END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER threads_search_delete AFTER DELETE ON threads BEGIN DELETE FROM search_index WHERE rowid = old.id * 2; END`,
    );
    await queryRunner.query(`CREATE TRIGGER replies_search_insert AFTER INSERT ON replies BEGIN ${indexReply} END`);
    await queryRunner.query(
      `CREATE TRIGGER replies_search_update AFTER UPDATE OF body, thread_id ON replies BEGIN DELETE FROM search_index WHERE rowid = old.id * 2 + 1; ${indexReply} END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER replies_search_delete AFTER DELETE ON replies BEGIN DELETE FROM search_index WHERE rowid = old.id * 2 + 1; END`,
    );
    // Posts written before this migration.
    await queryRunner.query(
      `INSERT INTO search_index (rowid, title, body, thread_id, post_type, post_id) SELECT id * 2, title, body, id, 'THREAD', id FROM threads`,
    );
    await queryRunner.query(
      `INSERT INTO search_index (rowid, title, body, thread_id, post_type, post_id) SELECT id * 2 + 1, NULL, body, thread_id, 'REPLY', id FROM replies`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (isPostgres(queryRunner)) {
      await queryRunner.query(`DROP INDEX IF EXISTS replies_search_vector_index`);
      await queryRunner.query(`ALTER TABLE replies DROP COLUMN IF EXISTS search_vector`);
      await queryRunner.query(`DROP INDEX IF EXISTS threads_search_vector_index`);
      await queryRunner.query(`ALTER TABLE threads DROP COLUMN IF EXISTS search_vector`);
      return;
    }
    for (const trigger of [
      'threads_search_insert',
      'threads_search_update',
      'threads_search_delete',
      'replies_search_insert',
      'replies_search_update',
      'replies_search_delete',
    ]) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${trigger}`);
    }
    await queryRunner.query(`DROP TABLE IF EXISTS search_index`);
  }
}

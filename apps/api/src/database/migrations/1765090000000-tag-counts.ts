import { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from '../migration-helpers.js';

/**
 * On SQLite, the threads each tag is on, all of them and those everyone can see, kept by triggers on every write of a
 * thread's tags or of whether it is hidden: the popular tags (ThreadsService.popularTags) read them instead of counting
 * every tag of every thread, which held the event loop 11 ms at 10,000 threads and 160 ms at 100,000, for every member
 * who opened the thread list. PostgreSQL keeps them its own way, from TagCountChanges1765100000000 on.
 */
export class TagCounts1765090000000 implements MigrationInterface {
  name = 'TagCounts1765090000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isPostgres(queryRunner)) return;
    await queryRunner.query(
      `CREATE TABLE tag_counts (
        tag varchar(32) PRIMARY KEY NOT NULL,
        thread_count integer NOT NULL,
        visible_thread_count integer NOT NULL
      )`,
    );
    await queryRunner.query('CREATE INDEX tag_counts_by_threads ON tag_counts (thread_count DESC, tag)');
    await queryRunner.query('CREATE INDEX tag_counts_by_visible_threads ON tag_counts (visible_thread_count DESC, tag)');
    await queryRunner.query(
      `INSERT INTO tag_counts (tag, thread_count, visible_thread_count)
       SELECT tt.tag, COUNT(*), SUM(CASE WHEN t.hidden THEN 0 ELSE 1 END) FROM thread_tags tt JOIN threads t ON t.id = tt.thread_id
       GROUP BY tt.tag`,
    );
    const visible = (threadId: string) => `COALESCE((SELECT CASE WHEN hidden THEN 0 ELSE 1 END FROM threads WHERE id = ${threadId}), 0)`;
    await queryRunner.query(
      `CREATE TRIGGER thread_tags_count_insert AFTER INSERT ON thread_tags BEGIN
        INSERT INTO tag_counts (tag, thread_count, visible_thread_count) VALUES (NEW.tag, 1, ${visible('NEW.thread_id')})
        ON CONFLICT (tag) DO UPDATE SET
          thread_count = thread_count + 1, visible_thread_count = visible_thread_count + excluded.visible_thread_count;
      END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER thread_tags_count_delete AFTER DELETE ON thread_tags BEGIN
        UPDATE tag_counts SET thread_count = thread_count - 1, visible_thread_count = visible_thread_count - ${visible('OLD.thread_id')}
        WHERE tag = OLD.tag;
        DELETE FROM tag_counts WHERE tag = OLD.tag AND thread_count <= 0;
      END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER threads_hidden_tag_counts AFTER UPDATE OF hidden ON threads WHEN OLD.hidden IS NOT NEW.hidden BEGIN
        UPDATE tag_counts SET visible_thread_count = visible_thread_count + CASE WHEN NEW.hidden THEN -1 ELSE 1 END
        WHERE tag IN (SELECT tag FROM thread_tags WHERE thread_id = NEW.id);
      END`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (isPostgres(queryRunner)) return;
    await queryRunner.query('DROP TRIGGER threads_hidden_tag_counts');
    await queryRunner.query('DROP TRIGGER thread_tags_count_delete');
    await queryRunner.query('DROP TRIGGER thread_tags_count_insert');
    await queryRunner.query('DROP TABLE tag_counts');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from '../migration-helpers.js';

/**
 * On PostgreSQL, the counts SQLite keeps (TagCounts1765090000000): the threads each tag is on, all of them and those
 * everyone can see. Counting every tag of every thread cost the server 92 ms at 100,000 threads (three tags or
 * fewer each), for every member opening the thread list. A counter updated in place would put every question with a
 * tag in line for that tag's row lock (and deadlock two whose tags come in different orders), so the triggers append
 * each change to tag_count_changes instead, which locks nothing another write needs: the popular tags add the changes
 * to the counts, and TagCountFolding moves them into the counts every few seconds. SQLite: nothing.
 */
export class TagCountChanges1765100000000 implements MigrationInterface {
  name = 'TagCountChanges1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!isPostgres(queryRunner)) return;
    await queryRunner.query(
      `CREATE TABLE tag_counts (
        tag varchar(32) PRIMARY KEY NOT NULL,
        thread_count integer NOT NULL,
        visible_thread_count integer NOT NULL
      )`,
    );
    await queryRunner.query(
      `CREATE TABLE tag_count_changes (
        id bigserial PRIMARY KEY NOT NULL,
        tag varchar(32) NOT NULL,
        threads integer NOT NULL,
        visible_threads integer NOT NULL
      )`,
    );
    await queryRunner.query(
      `INSERT INTO tag_counts (tag, thread_count, visible_thread_count)
       SELECT tt.tag, COUNT(*), COUNT(*) FILTER (WHERE NOT t.hidden) FROM thread_tags tt JOIN threads t ON t.id = tt.thread_id
       GROUP BY tt.tag`,
    );
    const visible = (threadId: string) => `COALESCE((SELECT CASE WHEN hidden THEN 0 ELSE 1 END FROM threads WHERE id = ${threadId}), 0)`;
    await queryRunner.query(
      `CREATE FUNCTION thread_tags_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO tag_count_changes (tag, threads, visible_threads) VALUES (NEW.tag, 1, ${visible('NEW.thread_id')});
        ELSE
          INSERT INTO tag_count_changes (tag, threads, visible_threads) VALUES (OLD.tag, -1, -${visible('OLD.thread_id')});
        END IF;
        RETURN NULL;
      END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER thread_tags_count_change AFTER INSERT OR DELETE ON thread_tags
       FOR EACH ROW EXECUTE FUNCTION thread_tags_count_change()`,
    );
    await queryRunner.query(
      `CREATE FUNCTION threads_hidden_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO tag_count_changes (tag, threads, visible_threads)
        SELECT tag, 0, CASE WHEN NEW.hidden THEN -1 ELSE 1 END FROM thread_tags WHERE thread_id = NEW.id;
        RETURN NULL;
      END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER threads_hidden_count_change AFTER UPDATE OF hidden ON threads
       FOR EACH ROW WHEN (OLD.hidden IS DISTINCT FROM NEW.hidden) EXECUTE FUNCTION threads_hidden_count_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!isPostgres(queryRunner)) return;
    await queryRunner.query('DROP TRIGGER threads_hidden_count_change ON threads');
    await queryRunner.query('DROP FUNCTION threads_hidden_count_change');
    await queryRunner.query('DROP TRIGGER thread_tags_count_change ON thread_tags');
    await queryRunner.query('DROP FUNCTION thread_tags_count_change');
    await queryRunner.query('DROP TABLE tag_count_changes');
    await queryRunner.query('DROP TABLE tag_counts');
  }
}

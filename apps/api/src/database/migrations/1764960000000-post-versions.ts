import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Questions and replies count their edits in `version`, as canonical answers do: an edit names the version it started
 * from and is refused when someone else's edit replaced it (updateUnlessEditedSince). A post edited before starts at 1
 * plus its revisions. Plain ALTER TABLE, as CookedPosts: TypeORM's addColumn copies the whole table on SQLite.
 */
export class PostVersions1764960000000 implements MigrationInterface {
  name = 'PostVersions1764960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, postType] of [
      ['threads', 'THREAD'],
      ['replies', 'REPLY'],
    ]) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN version integer NOT NULL DEFAULT 1`);
      await queryRunner.query(
        `UPDATE ${table} SET version = 1 + (SELECT COUNT(*) FROM revisions r WHERE r.post_type = '${postType}' AND r.post_id = ${table}.id)
         WHERE edited_at IS NOT NULL`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE replies DROP COLUMN version');
    await queryRunner.query('ALTER TABLE threads DROP COLUMN version');
  }
}

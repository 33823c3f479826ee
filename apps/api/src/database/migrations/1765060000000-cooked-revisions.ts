import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revisions keep the sanitised HTML of the text they replaced, with the renderer version that made it, so that the
 * edit history shows earlier versions as posts are shown without rendering on read. Each edit copies the post's stored
 * HTML; existing rows start at version 0 (not cooked), and the background re-cook fills them after start-up. Plain
 * ALTER TABLE, as CookedPosts: TypeORM's addColumn copies the whole table on SQLite.
 */
export class CookedRevisions1765060000000 implements MigrationInterface {
  name = 'CookedRevisions1765060000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE revisions ADD COLUMN previous_body_html text NULL');
    await queryRunner.query('ALTER TABLE revisions ADD COLUMN previous_body_html_version integer NOT NULL DEFAULT 0');
    // The re-cook looks for rows below the current version: an index finds the few after a deploy without a scan.
    await queryRunner.query('CREATE INDEX revisions_previous_body_html_version_index ON revisions (previous_body_html_version)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX revisions_previous_body_html_version_index');
    await queryRunner.query('ALTER TABLE revisions DROP COLUMN previous_body_html_version');
    await queryRunner.query('ALTER TABLE revisions DROP COLUMN previous_body_html');
  }
}

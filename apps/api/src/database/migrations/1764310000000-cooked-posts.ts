import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Posts keep their sanitised HTML beside the markdown, with the renderer version that made it, so reads never
 * render. Existing rows start at version 0 (not cooked); the background re-cook fills them after start-up.
 */
export class CookedPosts1764310000000 implements MigrationInterface {
  name = 'CookedPosts1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['threads', 'replies']) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN body_html text NULL`);
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN body_html_version integer NOT NULL DEFAULT 0`);
      // The re-cook looks for rows below the current version: an index finds the few after a deploy without a scan.
      await queryRunner.query(`CREATE INDEX ${table}_body_html_version_index ON ${table} (body_html_version)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['replies', 'threads']) {
      await queryRunner.query(`DROP INDEX ${table}_body_html_version_index`);
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN body_html_version`);
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN body_html`);
    }
  }
}

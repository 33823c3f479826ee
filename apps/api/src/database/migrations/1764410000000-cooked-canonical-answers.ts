import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Canonical answers keep their sanitised HTML beside the markdown, as posts do, so reading one never renders.
 * Existing rows start at version 0 (not cooked); the canonical answers feature cooks them at start-up.
 */
export class CookedCanonicalAnswers1764410000000 implements MigrationInterface {
  name = 'CookedCanonicalAnswers1764410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE canonical_answers ADD COLUMN body_html text NULL`);
    await queryRunner.query(`ALTER TABLE canonical_answers ADD COLUMN body_html_version integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE canonical_answers DROP COLUMN body_html_version`);
    await queryRunner.query(`ALTER TABLE canonical_answers DROP COLUMN body_html`);
  }
}

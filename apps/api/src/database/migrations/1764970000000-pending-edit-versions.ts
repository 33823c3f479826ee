import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An edit's pending job records the version of the post it is to serve, which a later edit raises while it waits or
 * runs (the job is done only if no edit came after the text it read), and the revision holding the text before the
 * first edit it serves (what earlier jobs dealt with). Null for a new post's jobs. Plain ALTER TABLE, as PostVersions:
 * TypeORM's addColumn copies the whole table on SQLite.
 */
export class PendingEditVersions1764970000000 implements MigrationInterface {
  name = 'PendingEditVersions1764970000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE pending_post_jobs ADD COLUMN post_version integer');
    await queryRunner.query('ALTER TABLE pending_post_jobs ADD COLUMN served_revision_id integer');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE pending_post_jobs DROP COLUMN served_revision_id');
    await queryRunner.query('ALTER TABLE pending_post_jobs DROP COLUMN post_version');
  }
}

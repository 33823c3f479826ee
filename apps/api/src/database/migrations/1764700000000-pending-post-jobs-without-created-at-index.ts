import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pending jobs' index on created_at, which every post's commit wrote and every job's commit deleted from: the only
 * query on that column (the sweep, oldest first) walks the ids, which grow with created_at, and SQLite's plan for it
 * never used the index. Plain SQL: TypeORM's dropIndex reads the table's metadata first.
 */
export class PendingPostJobsWithoutCreatedAtIndex1764700000000 implements MigrationInterface {
  name = 'PendingPostJobsWithoutCreatedAtIndex1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_1ce6f46f96745574ca20edc2c5"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "IDX_1ce6f46f96745574ca20edc2c5" ON pending_post_jobs (created_at)');
  }
}

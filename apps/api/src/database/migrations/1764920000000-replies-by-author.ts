import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A profile lists a member's replies newest first, a page at a time (RepliesService.byAuthor). With only the index on
 * author_id, each page read every reply of the author and sorted them (the bot's grow with every question it answers);
 * (author_id, created_at, id) reads a page in order and stops. It replaces the author_id index, its prefix, which every
 * reply's commit wrote as well. Plain SQL, as the other index migrations (the old index's name is TypeORM's).
 */
export class RepliesByAuthor1764920000000 implements MigrationInterface {
  name = 'RepliesByAuthor1764920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX replies_author_created ON replies (author_id, created_at, id)');
    await queryRunner.query('DROP INDEX "IDX_59341ab9e0f418332b712b2dd0"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "IDX_59341ab9e0f418332b712b2dd0" ON replies (author_id)');
    await queryRunner.query('DROP INDEX replies_author_created');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A log entry says what hiding or restoring a reply did to the thread's accepted answer (WITHDRAWN, GIVEN_BACK), so
 * staff reading the log see why a thread stopped or started being solved. Entries from before have none. Plain ALTER
 * TABLE, as HiddenAcceptedReply: TypeORM's addColumn copies the whole table on SQLite.
 */
export class ModerationLogAcceptance1764940000000 implements MigrationInterface {
  name = 'ModerationLogAcceptance1764940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE moderation_actions ADD COLUMN acceptance varchar(16) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE moderation_actions DROP COLUMN acceptance');
  }
}

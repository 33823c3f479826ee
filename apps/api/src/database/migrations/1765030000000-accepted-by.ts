import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A thread remembers who accepted its answer, kept while a moderator hides that reply, so that restoring it tells whom
 * the acceptance concerns as made by them, if they were not told yet (see ModerationService.setHidden). Acceptances made
 * before have no one recorded: restoring them tells nobody, as before. Plain ALTER TABLE, as HiddenAcceptedReply.
 */
export class AcceptedBy1765030000000 implements MigrationInterface {
  name = 'AcceptedBy1765030000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE threads ADD COLUMN accepted_by_id integer NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE threads DROP COLUMN accepted_by_id');
  }
}

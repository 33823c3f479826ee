import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A thread remembers the accepted reply a moderator hid, so that restoring it gives the acceptance back unless an
 * answer was accepted since (ThreadStateChange.setReplyHidden). Threads whose accepted reply was hidden before have
 * none to remember (UnacceptHiddenAnswers kept none). Plain ALTER TABLE, as CookedPosts: TypeORM's addColumn copies the
 * whole table on SQLite.
 */
export class HiddenAcceptedReply1764930000000 implements MigrationInterface {
  name = 'HiddenAcceptedReply1764930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE threads ADD COLUMN hidden_accepted_reply_id integer NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE threads DROP COLUMN hidden_accepted_reply_id');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hiding the accepted reply now withdraws the acceptance (ThreadStateChange.setReplyHidden); threads whose accepted
 * reply was hidden before that are brought in line: no accepted reply, status LOCKED or OPEN.
 */
export class UnacceptHiddenAnswers1764450000000 implements MigrationInterface {
  name = 'UnacceptHiddenAnswers1764450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE threads SET accepted_reply_id = NULL, status = CASE WHEN locked THEN 'LOCKED' ELSE 'OPEN' END
       WHERE accepted_reply_id IN (SELECT r.id FROM replies r WHERE r.hidden)`,
    );
  }

  async down(): Promise<void> {
    // Which hidden replies were accepted is not kept: nothing to restore.
  }
}

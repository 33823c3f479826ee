import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A resolved flag says how it was resolved: the post was hidden (POST_HIDDEN) or a moderator dismissed the flag
 * (DISMISSED), so a member's profile tells staff how many flags against them were upheld. Flags resolved before are
 * told apart by the log: resolveFlag logged RESOLVE_FLAG for the flag; hiding a post resolved its flags without one.
 * Flags raised by a member are counted on their profile too: an index on the reporter. Plain SQL, as AcceptedBy.
 */
export class FlagResolutions1765040000000 implements MigrationInterface {
  name = 'FlagResolutions1765040000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE flags ADD COLUMN resolution varchar(16) NULL');
    await queryRunner.query(
      `UPDATE flags SET resolution = CASE WHEN EXISTS (
         SELECT 1 FROM moderation_actions a WHERE a.target_type = 'FLAG' AND a.target_id = flags.id AND a.action = 'RESOLVE_FLAG'
       ) THEN 'DISMISSED' ELSE 'POST_HIDDEN' END
       WHERE status = 'RESOLVED'`,
    );
    await queryRunner.query('CREATE INDEX flags_reporter ON flags (reporter_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX flags_reporter');
    await queryRunner.query('ALTER TABLE flags DROP COLUMN resolution');
  }
}

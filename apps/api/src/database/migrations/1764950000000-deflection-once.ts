import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

const index = new TableIndex({
  name: 'bot_events_deflection_once',
  columnNames: ['answer_id', 'user_id'],
  isUnique: true,
  where: "type = 'DEFLECTION'",
});

/**
 * "This solves my problem" counts once per member and answer: calling recordDeflection again no longer inflates the
 * deflections staff judge the canonical answers by. The repeats already stored are removed (the first kept); the
 * deflections of visitors who were not signed in, from before it needed an account, stay (no user to tell apart).
 */
export class DeflectionOnce1764950000000 implements MigrationInterface {
  name = 'DeflectionOnce1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM bot_events WHERE type = 'DEFLECTION' AND answer_id IS NOT NULL AND user_id IS NOT NULL AND id NOT IN
        (SELECT MIN(id) FROM bot_events WHERE type = 'DEFLECTION' AND answer_id IS NOT NULL AND user_id IS NOT NULL GROUP BY answer_id, user_id)`,
    );
    await queryRunner.createIndex('bot_events', index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('bot_events', index.name ?? '');
  }
}

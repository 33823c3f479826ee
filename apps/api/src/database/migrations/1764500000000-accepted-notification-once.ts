import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

const index = new TableIndex({
  name: 'notifications_accepted_once',
  columnNames: ['reply_id', 'user_id'],
  isUnique: true,
  where: "kind = 'ACCEPTED'",
});

/**
 * An accepted answer notifies each person once per reply: accepting, withdrawing and accepting it again (or toggling
 * between replies) no longer notifies its author every time. The repeats already stored are removed (the first kept).
 */
export class AcceptedNotificationOnce1764500000000 implements MigrationInterface {
  name = 'AcceptedNotificationOnce1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM notifications WHERE kind = 'ACCEPTED' AND id NOT IN
        (SELECT MIN(id) FROM notifications WHERE kind = 'ACCEPTED' GROUP BY reply_id, user_id)`,
    );
    await queryRunner.createIndex('notifications', index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('notifications', index.name ?? '');
  }
}

import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

const index = new TableIndex({
  name: 'notifications_mentions_by_post',
  columnNames: ['thread_id', 'reply_id'],
  where: "kind = 'MENTION'",
});

/**
 * The people a post notified by mention, counted by its edits' job against the cap of a post's whole life: without it,
 * the count reads every notification. Only mentions, the few rows it counts.
 */
export class MentionsByPost1764980000000 implements MigrationInterface {
  name = 'MentionsByPost1764980000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('notifications', index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('notifications', index.name ?? '');
  }
}

import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { idColumn, timestampColumn } from '../migration-helpers.js';

/** Notifications: one row per person to tell, unread until read_at is set. */
export class Notifications1764180000000 implements MigrationInterface {
  name = 'Notifications1764180000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          idColumn(),
          { name: 'user_id', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'thread_id', type: 'integer' },
          { name: 'reply_id', type: 'integer', isNullable: true },
          { name: 'actor_id', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'read_at', { isNullable: true }),
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [
          { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['thread_id'], referencedTableName: 'threads', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['reply_id'], referencedTableName: 'replies', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['actor_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
        // The list (newest first, optionally unread only) and the unread count both start from it.
        indices: [new TableIndex({ columnNames: ['user_id', 'read_at', 'created_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notifications');
  }
}

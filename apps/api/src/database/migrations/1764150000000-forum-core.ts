import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { idColumn, timestampColumn } from '../migration-helpers.js';

/** Users, sessions, threads, tags, replies, revisions, flags and the moderation log. */
export class ForumCore1764150000000 implements MigrationInterface {
  name = 'ForumCore1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const userForeignKey = (column: string) =>
      new TableForeignKey({ columnNames: [column], referencedTableName: 'users', referencedColumnNames: ['id'] });

    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          idColumn(),
          { name: 'username', type: 'varchar', length: '32' },
          { name: 'username_key', type: 'varchar', length: '32', isUnique: true },
          { name: 'email', type: 'varchar', length: '254', isUnique: true },
          { name: 'password_hash', type: 'varchar', length: '255', isNullable: true },
          { name: 'role', type: 'varchar', length: '16' },
          timestampColumn(queryRunner, 'created_at'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          idColumn(),
          { name: 'token_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'user_id', type: 'integer' },
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'expires_at'),
        ],
        foreignKeys: [{ ...userForeignKey('user_id'), onDelete: 'CASCADE' }],
        indices: [new TableIndex({ columnNames: ['user_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'threads',
        columns: [
          idColumn(),
          { name: 'author_id', type: 'integer' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'body', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'locked', type: 'boolean', default: false },
          { name: 'accepted_reply_id', type: 'integer', isNullable: true },
          { name: 'reply_count', type: 'integer', default: 0 },
          { name: 'hidden', type: 'boolean', default: false },
          timestampColumn(queryRunner, 'edited_at', { isNullable: true }),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'last_activity_at'),
        ],
        foreignKeys: [userForeignKey('author_id')],
        indices: [
          new TableIndex({ columnNames: ['last_activity_at', 'id'] }),
          new TableIndex({ columnNames: ['created_at', 'id'] }),
          new TableIndex({ columnNames: ['status', 'last_activity_at'] }),
          new TableIndex({ columnNames: ['author_id'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'thread_tags',
        columns: [
          { name: 'thread_id', type: 'integer', isPrimary: true },
          { name: 'tag', type: 'varchar', length: '32', isPrimary: true },
        ],
        foreignKeys: [{ columnNames: ['thread_id'], referencedTableName: 'threads', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [new TableIndex({ columnNames: ['tag'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'replies',
        columns: [
          idColumn(),
          { name: 'thread_id', type: 'integer' },
          { name: 'author_id', type: 'integer' },
          { name: 'body', type: 'text' },
          { name: 'is_staff_answer', type: 'boolean', default: false },
          { name: 'hidden', type: 'boolean', default: false },
          timestampColumn(queryRunner, 'edited_at', { isNullable: true }),
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [
          { columnNames: ['thread_id'], referencedTableName: 'threads', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          userForeignKey('author_id'),
        ],
        indices: [new TableIndex({ columnNames: ['thread_id', 'created_at', 'id'] }), new TableIndex({ columnNames: ['author_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'revisions',
        columns: [
          idColumn(),
          { name: 'post_type', type: 'varchar', length: '16' },
          { name: 'post_id', type: 'integer' },
          { name: 'editor_id', type: 'integer' },
          { name: 'previous_title', type: 'varchar', length: '200', isNullable: true },
          { name: 'previous_body', type: 'text' },
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [userForeignKey('editor_id')],
        indices: [new TableIndex({ columnNames: ['post_type', 'post_id', 'created_at'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'flags',
        columns: [
          idColumn(),
          { name: 'post_type', type: 'varchar', length: '16' },
          { name: 'post_id', type: 'integer' },
          { name: 'reporter_id', type: 'integer' },
          { name: 'reason', type: 'varchar', length: '500' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'resolved_by_id', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'resolved_at', { isNullable: true }),
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [userForeignKey('reporter_id'), userForeignKey('resolved_by_id')],
        indices: [new TableIndex({ columnNames: ['status', 'created_at'] }), new TableIndex({ columnNames: ['post_type', 'post_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'moderation_actions',
        columns: [
          idColumn(),
          { name: 'actor_id', type: 'integer' },
          { name: 'action', type: 'varchar', length: '32' },
          { name: 'target_type', type: 'varchar', length: '16' },
          { name: 'target_id', type: 'integer' },
          { name: 'note', type: 'varchar', length: '500', isNullable: true },
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [userForeignKey('actor_id')],
        indices: [new TableIndex({ columnNames: ['created_at'] }), new TableIndex({ columnNames: ['target_type', 'target_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['moderation_actions', 'flags', 'revisions', 'replies', 'thread_tags', 'threads', 'sessions', 'users']) {
      await queryRunner.dropTable(table);
    }
  }
}

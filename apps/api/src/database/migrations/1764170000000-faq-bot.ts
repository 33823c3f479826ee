import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { idColumn, timestampColumn } from '../migration-helpers.js';

/** The FAQ bot: canonical answers with revisions and examples, the bot's suggestions, votes and events. */
export class FaqBot1764170000000 implements MigrationInterface {
  name = 'FaqBot1764170000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const userForeignKey = (column: string) =>
      new TableForeignKey({ columnNames: [column], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'SET NULL' });
    const threadForeignKey = (column: string, onDelete: 'CASCADE' | 'SET NULL') =>
      new TableForeignKey({ columnNames: [column], referencedTableName: 'threads', referencedColumnNames: ['id'], onDelete });
    const answerForeignKey = (column: string, onDelete: 'CASCADE' | 'SET NULL') =>
      new TableForeignKey({ columnNames: [column], referencedTableName: 'canonical_answers', referencedColumnNames: ['id'], onDelete });

    await queryRunner.createTable(
      new Table({
        name: 'canonical_answers',
        columns: [
          idColumn(),
          { name: 'slug', type: 'varchar', length: '64', isUnique: true },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'body', type: 'text' },
          { name: 'retired', type: 'boolean', default: false },
          { name: 'version', type: 'integer', default: 1 },
          { name: 'author_id', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        foreignKeys: [userForeignKey('author_id')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'canonical_answer_revisions',
        columns: [
          idColumn(),
          { name: 'answer_id', type: 'integer' },
          { name: 'version', type: 'integer' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'body', type: 'text' },
          { name: 'editor_id', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [answerForeignKey('answer_id', 'CASCADE'), userForeignKey('editor_id')],
        indices: [new TableIndex({ columnNames: ['answer_id', 'version'], isUnique: true })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'answer_examples',
        columns: [
          idColumn(),
          { name: 'answer_id', type: 'integer' },
          { name: 'text', type: 'text' },
          { name: 'source', type: 'varchar', length: '16' },
          { name: 'thread_id', type: 'integer', isNullable: true },
          { name: 'created_by_id', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [answerForeignKey('answer_id', 'CASCADE'), threadForeignKey('thread_id', 'SET NULL'), userForeignKey('created_by_id')],
        indices: [new TableIndex({ columnNames: ['answer_id', 'id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'bot_suggestions',
        columns: [
          idColumn(),
          { name: 'thread_id', type: 'integer', isUnique: true },
          { name: 'answer_id', type: 'integer', isNullable: true },
          { name: 'confidence', type: 'double precision', default: 0 },
          { name: 'alternatives', type: 'text' },
          { name: 'clarify', type: 'text', isNullable: true },
          { name: 'explanation', type: 'text', isNullable: true },
          { name: 'status', type: 'varchar', length: '24' },
          { name: 'feedback', type: 'varchar', length: '16', isNullable: true },
          { name: 'folded', type: 'boolean', default: false },
          { name: 'useful_votes', type: 'integer', default: 0 },
          { name: 'reply_id', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'created_at'),
          { name: 'decided_by_id', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'decided_at', { isNullable: true }),
        ],
        foreignKeys: [
          threadForeignKey('thread_id', 'CASCADE'),
          answerForeignKey('answer_id', 'SET NULL'),
          new TableForeignKey({
            columnNames: ['reply_id'],
            referencedTableName: 'replies',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
          userForeignKey('decided_by_id'),
        ],
        indices: [new TableIndex({ columnNames: ['status', 'id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'bot_answer_votes',
        columns: [
          { name: 'suggestion_id', type: 'integer', isPrimary: true },
          { name: 'user_id', type: 'integer', isPrimary: true },
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['suggestion_id'],
            referencedTableName: 'bot_suggestions',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'bot_events',
        columns: [
          idColumn(),
          { name: 'type', type: 'varchar', length: '24' },
          { name: 'answer_id', type: 'integer', isNullable: true },
          { name: 'thread_id', type: 'integer', isNullable: true },
          { name: 'user_id', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [answerForeignKey('answer_id', 'SET NULL'), threadForeignKey('thread_id', 'SET NULL'), userForeignKey('user_id')],
        indices: [new TableIndex({ columnNames: ['created_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'bot_events',
      'bot_answer_votes',
      'bot_suggestions',
      'answer_examples',
      'canonical_answer_revisions',
      'canonical_answers',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}

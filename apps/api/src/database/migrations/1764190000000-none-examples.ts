import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { idColumn, timestampColumn } from '../migration-helpers.js';

/** Questions staff dismissed, which the bot learns as "none of the answers fits". */
export class NoneExamples1764190000000 implements MigrationInterface {
  name = 'NoneExamples1764190000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'none_examples',
        columns: [
          idColumn(),
          { name: 'text', type: 'text' },
          { name: 'thread_id', type: 'integer', isNullable: true },
          { name: 'created_by_id', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [
          { columnNames: ['thread_id'], referencedTableName: 'threads', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
          { columnNames: ['created_by_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
        indices: [new TableIndex({ columnNames: ['thread_id'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('none_examples');
  }
}

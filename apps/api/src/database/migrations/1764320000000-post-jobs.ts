import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { idColumn, timestampColumn } from '../migration-helpers.js';

/** The jobs each post still needs, so that a crash between a post's commit and its jobs loses none of them. */
export class PostJobs1764320000000 implements MigrationInterface {
  name = 'PostJobs1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'pending_post_jobs',
        columns: [
          idColumn(),
          { name: 'job', type: 'varchar', length: '32' },
          { name: 'post_type', type: 'varchar', length: '8' },
          { name: 'post_id', type: 'integer' },
          { name: 'caused_by_id', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'created_at'),
        ],
        indices: [
          new TableIndex({ columnNames: ['job', 'post_type', 'post_id'], isUnique: true }),
          new TableIndex({ columnNames: ['created_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('pending_post_jobs');
  }
}

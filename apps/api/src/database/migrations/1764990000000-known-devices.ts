import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { idColumn, timestampColumn } from '../migration-helpers.js';

/** The browsers and clients that completed a two-factor sign-in (device cookies): their code checks have their own budget. */
export class KnownDevices1764990000000 implements MigrationInterface {
  name = 'KnownDevices1764990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'known_devices',
        columns: [
          idColumn(),
          { name: 'user_id', type: 'integer' },
          { name: 'token_hash', type: 'varchar', length: '64' },
          timestampColumn(queryRunner, 'expires_at'),
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        // Looked up by token; the account's oldest beyond the cap are found by user and expiry.
        indices: [
          new TableIndex({ columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ columnNames: ['user_id', 'expires_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('known_devices');
  }
}

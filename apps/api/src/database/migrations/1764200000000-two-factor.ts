import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { idColumn, timestampColumn } from '../migration-helpers.js';

/** Two-factor sign-in for forum accounts: TOTP credentials, recovery codes and sign-in challenges. */
export class TwoFactor1764200000000 implements MigrationInterface {
  name = 'TwoFactor1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const user = { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' };
    await queryRunner.createTable(
      new Table({
        name: 'two_factor_credentials',
        columns: [
          { name: 'user_id', type: 'integer', isPrimary: true },
          { name: 'secret_ciphertext', type: 'varchar', length: '255' },
          timestampColumn(queryRunner, 'enabled_at', { isNullable: true }),
          { name: 'last_used_step', type: 'integer', isNullable: true },
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [user],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'recovery_codes',
        columns: [
          idColumn(),
          { name: 'user_id', type: 'integer' },
          { name: 'code_hash', type: 'varchar', length: '64' },
          timestampColumn(queryRunner, 'used_at', { isNullable: true }),
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [user],
        indices: [new TableIndex({ columnNames: ['user_id', 'code_hash'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sign_in_challenges',
        columns: [
          idColumn(),
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'user_id', type: 'integer' },
          timestampColumn(queryRunner, 'expires_at'),
          timestampColumn(queryRunner, 'completed_at', { isNullable: true }),
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [user],
        indices: [new TableIndex({ columnNames: ['token_hash'], isUnique: true }), new TableIndex({ columnNames: ['expires_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('sign_in_challenges');
    await queryRunner.dropTable('recovery_codes');
    await queryRunner.dropTable('two_factor_credentials');
  }
}

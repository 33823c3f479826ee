import { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from '../migration-helpers.js';

/**
 * Sessions get what their holder's list shows: a label from the User-Agent they signed in with, when they were last
 * used, and the known device whose two-factor sign-in started them (forgetting it may sign them out; forgetting it
 * otherwise unlinks them: ON DELETE SET NULL). The sessions started before have no User-Agent kept: "Unknown device";
 * their last known use is their start. Plain ALTER TABLE, as KnownDeviceLabels. The partial index serves signing out a
 * device's sessions and the foreign key's SET NULL when a device is forgotten; most sessions have no device.
 */
export class SessionLabels1765020000000 implements MigrationInterface {
  name = 'SessionLabels1765020000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sessions ADD COLUMN label varchar(64) NOT NULL DEFAULT 'Unknown device'`);
    if (isPostgres(queryRunner)) {
      await queryRunner.query('ALTER TABLE sessions ADD COLUMN last_used_at timestamptz NULL');
      await queryRunner.query('UPDATE sessions SET last_used_at = created_at');
      await queryRunner.query('ALTER TABLE sessions ALTER COLUMN last_used_at SET NOT NULL');
    } else {
      await queryRunner.query(`ALTER TABLE sessions ADD COLUMN last_used_at datetime NOT NULL DEFAULT '1970-01-01 00:00:00.000'`);
      await queryRunner.query('UPDATE sessions SET last_used_at = created_at');
    }
    await queryRunner.query(
      'ALTER TABLE sessions ADD COLUMN known_device_id integer NULL REFERENCES known_devices (id) ON DELETE SET NULL',
    );
    await queryRunner.query('CREATE INDEX sessions_known_device ON sessions (known_device_id) WHERE known_device_id IS NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX sessions_known_device');
    await queryRunner.query('ALTER TABLE sessions DROP COLUMN known_device_id');
    await queryRunner.query('ALTER TABLE sessions DROP COLUMN last_used_at');
    await queryRunner.query('ALTER TABLE sessions DROP COLUMN label');
  }
}

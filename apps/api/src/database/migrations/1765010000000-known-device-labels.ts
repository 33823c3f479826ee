import { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from '../migration-helpers.js';

/**
 * Known devices get what their holder's list shows: a label from the User-Agent they were remembered with, and when they
 * last completed a two-factor sign-in. The devices remembered before have no User-Agent kept: "Unknown device". Their
 * last use is exact: every two-factor sign-in set their expiry to a year (365 days) after it. Plain ALTER TABLE, as
 * PostVersions; SQLite adds a NOT NULL column only with a constant default, which every row then replaces (the app
 * always writes both columns).
 */
export class KnownDeviceLabels1765010000000 implements MigrationInterface {
  name = 'KnownDeviceLabels1765010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE known_devices ADD COLUMN label varchar(64) NOT NULL DEFAULT 'Unknown device'`);
    if (isPostgres(queryRunner)) {
      await queryRunner.query('ALTER TABLE known_devices ADD COLUMN last_used_at timestamptz NULL');
      await queryRunner.query(`UPDATE known_devices SET last_used_at = expires_at - interval '365 days'`);
      await queryRunner.query('ALTER TABLE known_devices ALTER COLUMN last_used_at SET NOT NULL');
    } else {
      await queryRunner.query(`ALTER TABLE known_devices ADD COLUMN last_used_at datetime NOT NULL DEFAULT '1970-01-01 00:00:00.000'`);
      // TypeORM writes SQLite datetimes as UTC text in this format.
      await queryRunner.query(`UPDATE known_devices SET last_used_at = strftime('%Y-%m-%d %H:%M:%f', expires_at, '-365 days')`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE known_devices DROP COLUMN last_used_at');
    await queryRunner.query('ALTER TABLE known_devices DROP COLUMN label');
  }
}

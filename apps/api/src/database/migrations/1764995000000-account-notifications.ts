import { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from '../migration-helpers.js';

/**
 * A notification may be about the account rather than a thread (SIGN_IN_ATTEMPT: someone has the password): its
 * thread_id is null. PostgreSQL alters the column; SQLite cannot drop a NOT NULL in place, so there the table is copied
 * once (a one-off at the size of the notifications) into one declared the same but for that column, and its indexes
 * are made again as they were. By hand rather than TypeORM's changeColumn, which words the foreign keys otherwise than
 * the table was created with. Reverting forgets the notifications about no thread.
 */
export class AccountNotifications1764995000000 implements MigrationInterface {
  name = 'AccountNotifications1764995000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isPostgres(queryRunner)) await queryRunner.query('ALTER TABLE notifications ALTER COLUMN thread_id DROP NOT NULL');
    else await rebuildNotifications(queryRunner, (sql) => sql.replace(/(\bthread_id"?) integer NOT NULL/, '$1 integer'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM notifications WHERE thread_id IS NULL');
    if (isPostgres(queryRunner)) await queryRunner.query('ALTER TABLE notifications ALTER COLUMN thread_id SET NOT NULL');
    else await rebuildNotifications(queryRunner, (sql) => sql.replace(/(\bthread_id"?) integer(?! NOT NULL)/, '$1 integer NOT NULL'));
  }
}

/** SQLite: notifications copied into a table whose CREATE statement is `change`d, with its indexes and triggers as they were. */
async function rebuildNotifications(queryRunner: QueryRunner, change: (createSql: string) => string): Promise<void> {
  const [table] = (await queryRunner.query(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'notifications'`)) as {
    sql: string;
  }[];
  const dependents = (await queryRunner.query(
    `SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = 'notifications' AND sql IS NOT NULL`,
  )) as { sql: string }[];
  const changed = change(table.sql);
  if (changed === table.sql) throw new Error('notifications.thread_id is not declared as expected');
  // No table refers to notifications, so dropping it with foreign keys on checks nothing.
  await queryRunner.query(changed.replace(/^CREATE TABLE "?notifications"?/, 'CREATE TABLE "notifications_rebuilt"'));
  await queryRunner.query('INSERT INTO notifications_rebuilt SELECT * FROM notifications');
  await queryRunner.query('DROP TABLE notifications');
  await queryRunner.query('ALTER TABLE notifications_rebuilt RENAME TO notifications');
  for (const { sql } of dependents) await queryRunner.query(sql);
}

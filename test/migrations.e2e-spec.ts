import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvironment } from '../apps/api/src/config/environment.js';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options.js';
import { migrations } from '../apps/api/src/database/migrations/index.js';
import { SessionEntity } from '../apps/api/src/auth/session.entity.js';
import { Role } from '../apps/api/src/common/role.js';
import { NotificationKind } from '../apps/api/src/notifications/notification-kind.js';
import { NotificationEntity } from '../apps/api/src/notifications/notification.entity.js';
import { ThreadStatus } from '../apps/api/src/threads/thread-status.js';
import { ThreadEntity } from '../apps/api/src/threads/thread.entity.js';
import { KnownDeviceEntity } from '../apps/api/src/two-factor/known-device.entity.js';
import { UserEntity } from '../apps/api/src/users/user.entity.js';
import { runCli } from './support/cli.js';
import { createTestDatabase, TestDatabase } from './support/test-database.js';

/** Every object of the schema but the migrations table's own, as comparable text. */
async function schemaOf(dataSource: DataSource): Promise<string[]> {
  if (dataSource.options.type === 'postgres') {
    const rows: { item: string }[] = await dataSource.query(`
      SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS item
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'migrations'
      UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'migrations'
      UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(c.oid)
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' AND conrelid <> 'migrations'::regclass
      UNION ALL SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname FROM pg_trigger WHERE NOT tgisinternal
      UNION ALL SELECT 'function ' || p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
      UNION ALL SELECT 'type ' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd')
      UNION ALL SELECT 'sequence ' || sequencename FROM pg_sequences WHERE schemaname = 'public' AND sequencename <> 'migrations_id_seq'
      UNION ALL SELECT 'text search ' || cfgname FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace WHERE n.nspname = 'public'
      UNION ALL SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'`);
    return rows.map((row) => row.item).sort();
  }
  const rows: { item: string }[] = await dataSource.query(
    `SELECT type || ' ' || name || ' ' || coalesce(sql, '') AS item FROM sqlite_master
      WHERE name NOT LIKE 'sqlite_%' AND tbl_name <> 'migrations'`,
  );
  // A down that recreates an index or table by hand may quote and space its SQL otherwise than the up did.
  return rows.map((row) => row.item.replace(/"/g, '').replace(/\s+/g, ' ').trim()).sort();
}

describe('the migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  const open = async (upTo = migrations.length) => {
    const options = dataSourceOptions(loadEnvironment({ NODE_ENV: 'test', ...database.environment }));
    const dataSource = new DataSource({ ...options, migrations: migrations.slice(0, upTo) } as typeof options);
    return dataSource.initialize();
  };

  it('each revert in turn to an empty schema, the way each came, and run again', async () => {
    // The schema after the first k migrations, built up one migration at a time.
    const schemaAfter: string[][] = [];
    for (let count = 0; count <= migrations.length; count++) {
      const dataSource = await open(count);
      await dataSource.runMigrations();
      schemaAfter.push(await schemaOf(dataSource));
      await dataSource.destroy();
    }
    expect(schemaAfter[0]).toEqual([]);

    const dataSource = await open();
    try {
      for (let count = migrations.length; count > 0; count--) {
        const name = migrations[count - 1].name;
        await expect(dataSource.undoLastMigration(), `${name} down`).resolves.toBeUndefined();
        expect(await schemaOf(dataSource), `the schema after reverting ${name}`).toEqual(schemaAfter[count - 1]);
      }
      await expect(dataSource.showMigrations()).resolves.toBe(true);

      await dataSource.runMigrations();
      expect(await schemaOf(dataSource)).toEqual(schemaAfter[migrations.length]);
      await expect(dataSource.showMigrations()).resolves.toBe(false);
    } finally {
      await dataSource.destroy();
    }
  });

  /** Runs every migration, then reverts those after `name`: the data a test writes next meets the schema `name` left. */
  const revertAfter = async (dataSource: DataSource, name: string) => {
    await dataSource.runMigrations();
    for (let index = migrations.length - 1; migrations[index].name !== name; index--) await dataSource.undoLastMigration();
  };

  it('AccountNotifications keeps every notification; its revert forgets only those about no thread', async () => {
    const dataSource = await open();
    try {
      // The thread is written with today's schema (the columns threads got since), the notifications with the old one.
      await dataSource.runMigrations();
      const at = new Date();
      const user = await dataSource.getRepository(UserEntity).save({
        username: 'mig_holder',
        usernameKey: 'mig_holder',
        email: 'mig_holder@example.test',
        passwordHash: 'x',
        role: Role.MEMBER,
        createdAt: at,
      });
      const thread = await dataSource.getRepository(ThreadEntity).save({
        authorId: user.id,
        title: 'A thread',
        body: 'Its question',
        status: ThreadStatus.OPEN,
        createdAt: at,
        lastActivityAt: at,
      });
      await revertAfter(dataSource, 'AccountNotifications1764995000000');
      const notifications = dataSource.getRepository(NotificationEntity);
      const aboutThread = {
        userId: user.id,
        kind: NotificationKind.MENTION,
        threadId: thread.id,
        replyId: null,
        actorId: user.id,
        readAt: null,
        createdAt: at,
      };
      const aboutAccount = { ...aboutThread, kind: NotificationKind.SIGN_IN_ATTEMPT, threadId: null, actorId: null };
      await notifications.insert([aboutThread, aboutAccount]);

      await dataSource.undoLastMigration();
      expect(await notifications.find({ order: { id: 'ASC' } })).toEqual([{ ...aboutThread, id: expect.any(Number) }]);
      await dataSource.runMigrations();
      expect(await notifications.find()).toEqual([{ ...aboutThread, id: expect.any(Number) }]);
      await notifications.insert(aboutAccount);
      expect(await notifications.count()).toBe(2);
    } finally {
      await dataSource.destroy();
    }
  });

  it('KnownDeviceLabels names the devices remembered before "Unknown device", last used at their last two-factor sign-in', async () => {
    const dataSource = await open();
    try {
      await revertAfter(dataSource, 'KnownDevices1764990000000');
      const holder = await dataSource.getRepository(UserEntity).save({
        username: 'mig_devices',
        usernameKey: 'mig_devices',
        email: 'mig_devices@example.test',
        passwordHash: 'x',
        role: Role.MEMBER,
        createdAt: new Date(),
      });
      const createdAt = new Date('2025-01-10T08:00:00.000Z');
      // Each two-factor sign-in set the expiry to a year (365 days) after it: the last one was on 2025-03-01.
      const lastSignIn = new Date('2025-03-01T12:34:56.789Z');
      const expiresAt = new Date(lastSignIn.getTime() + 365 * 86_400_000);
      const columns = ['user_id', 'token_hash', 'expires_at', 'created_at'];
      const insert = `INSERT INTO known_devices (${columns.join(', ')}) VALUES (${columns.map((_, index) => (dataSource.options.type === 'postgres' ? `$${index + 1}` : '?')).join(', ')})`;
      const parameter = (date: Date) =>
        dataSource.options.type === 'postgres' ? date : date.toISOString().replace('T', ' ').replace('Z', '');
      await dataSource.query(insert, [holder.id, 'a'.repeat(64), parameter(expiresAt), parameter(createdAt)]);

      await dataSource.runMigrations();
      const devices = dataSource.getRepository(KnownDeviceEntity);
      expect(await devices.find()).toEqual([
        {
          id: expect.any(Number),
          userId: holder.id,
          tokenHash: 'a'.repeat(64),
          label: 'Unknown device',
          expiresAt,
          createdAt,
          lastUsedAt: lastSignIn,
        },
      ]);

      await revertAfter(dataSource, 'KnownDevices1764990000000');
      const [row] = (await dataSource.query('SELECT * FROM known_devices')) as Record<string, unknown>[];
      expect(Object.keys(row).sort()).toEqual(['created_at', 'expires_at', 'id', 'token_hash', 'user_id']);
      await dataSource.runMigrations();
      expect(await devices.count()).toBe(1);
    } finally {
      await dataSource.destroy();
    }
  });

  it('SessionLabels names the sessions started before "Unknown device", last used when they started; a forgotten device unlinks', async () => {
    const dataSource = await open();
    try {
      await revertAfter(dataSource, 'KnownDeviceLabels1765010000000');
      const holder = await dataSource.getRepository(UserEntity).save({
        username: 'mig_sessions',
        usernameKey: 'mig_sessions',
        email: 'mig_sessions@example.test',
        passwordHash: 'x',
        role: Role.MEMBER,
        createdAt: new Date(),
      });
      const createdAt = new Date('2025-02-03T04:05:06.789Z');
      const expiresAt = new Date('2025-03-05T04:05:06.789Z');
      const postgres = dataSource.options.type === 'postgres';
      const parameter = (date: Date) => (postgres ? date : date.toISOString().replace('T', ' ').replace('Z', ''));
      await dataSource.query(
        `INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (${postgres ? '$1, $2, $3, $4' : '?, ?, ?, ?'})`,
        ['b'.repeat(64), holder.id, parameter(createdAt), parameter(expiresAt)],
      );

      await dataSource.runMigrations();
      const sessions = dataSource.getRepository(SessionEntity);
      const before = { id: expect.any(Number), tokenHash: 'b'.repeat(64), userId: holder.id, createdAt, expiresAt };
      expect(await sessions.find()).toEqual([{ ...before, label: 'Unknown device', lastUsedAt: createdAt, knownDeviceId: null }]);

      // A session started by a known device's two-factor sign-in stays when the device is forgotten, unlinked.
      const devices = dataSource.getRepository(KnownDeviceEntity);
      const device = await devices.save({
        userId: holder.id,
        tokenHash: 'c'.repeat(64),
        label: 'Chrome on Linux',
        expiresAt,
        createdAt,
        lastUsedAt: createdAt,
      });
      const linked = { ...before, tokenHash: 'd'.repeat(64), label: 'Chrome on Linux', lastUsedAt: createdAt };
      await sessions.insert({ ...linked, id: undefined, knownDeviceId: device.id });
      await devices.delete({ id: device.id });
      expect(await sessions.findOneBy({ tokenHash: 'd'.repeat(64) })).toEqual({ ...linked, knownDeviceId: null });

      await revertAfter(dataSource, 'KnownDeviceLabels1765010000000');
      const rows = (await dataSource.query('SELECT * FROM sessions ORDER BY id')) as Record<string, unknown>[];
      expect(rows.map((row) => row.token_hash)).toEqual(['b'.repeat(64), 'd'.repeat(64)]);
      expect(Object.keys(rows[0]).sort()).toEqual(['created_at', 'expires_at', 'id', 'token_hash', 'user_id']);
      await dataSource.runMigrations();
      expect(await sessions.count()).toBe(2);
    } finally {
      await dataSource.destroy();
    }
  });

  it('FlagResolutions tells the flags resolved before apart by the log: dismissed by resolveFlag, else upheld by hiding the post', async () => {
    const dataSource = await open();
    try {
      await revertAfter(dataSource, 'AcceptedBy1765030000000');
      const moderator = await dataSource.getRepository(UserEntity).save({
        username: 'mig_flags',
        usernameKey: 'mig_flags',
        email: 'mig_flags@example.test',
        passwordHash: 'x',
        role: Role.STAFF,
        createdAt: new Date(),
      });
      const postgres = dataSource.options.type === 'postgres';
      const values = (count: number) => Array.from({ length: count }, (_, index) => (postgres ? `$${index + 1}` : '?')).join(', ');
      const at = postgres ? new Date() : new Date().toISOString().replace('T', ' ').replace('Z', '');
      const insertFlag = async (postId: number, status: string) => {
        const columns = 'post_type, post_id, reporter_id, reason, status, created_at';
        await dataSource.query(`INSERT INTO flags (${columns}) VALUES (${values(6)})`, [
          'THREAD',
          postId,
          moderator.id,
          'Spam',
          status,
          at,
        ]);
        const [row] = (await dataSource.query(`SELECT id FROM flags WHERE post_id = ${postId}`)) as { id: number }[];
        return Number(row.id);
      };
      const stillOpen = await insertFlag(1, 'OPEN');
      const dismissed = await insertFlag(2, 'RESOLVED');
      const upheld = await insertFlag(3, 'RESOLVED');
      // The log names other targets by the same id: only a RESOLVE_FLAG of a FLAG counts.
      const logColumns = 'actor_id, action, target_type, target_id, created_at';
      for (const [action, targetType, targetId] of [
        ['RESOLVE_FLAG', 'FLAG', dismissed],
        ['HIDE', 'THREAD', 3],
        ['HIDE', 'REPLY', upheld],
      ] as const) {
        await dataSource.query(`INSERT INTO moderation_actions (${logColumns}) VALUES (${values(5)})`, [
          moderator.id,
          action,
          targetType,
          targetId,
          at,
        ]);
      }

      await dataSource.runMigrations();
      const resolutions = async () =>
        ((await dataSource.query('SELECT id, resolution FROM flags ORDER BY id')) as { id: number; resolution: string | null }[]).map(
          (row) => [Number(row.id), row.resolution],
        );
      expect(await resolutions()).toEqual([
        [stillOpen, null],
        [dismissed, 'DISMISSED'],
        [upheld, 'POST_HIDDEN'],
      ]);

      await revertAfter(dataSource, 'AcceptedBy1765030000000');
      const [row] = (await dataSource.query('SELECT * FROM flags')) as Record<string, unknown>[];
      expect(Object.keys(row)).not.toContain('resolution');
      await dataSource.runMigrations();
      expect(await resolutions()).toHaveLength(3);
    } finally {
      await dataSource.destroy();
    }
  });

  it('TagCounts (SQLite) and TagCountChanges (PostgreSQL) count the tags of the questions before them, hidden ones apart, and keep them', async () => {
    const dataSource = await open();
    const postgres = dataSource.options.type === 'postgres';
    try {
      await dataSource.runMigrations();
      const at = new Date();
      const user = await dataSource.getRepository(UserEntity).save({
        username: 'mig_tags',
        usernameKey: 'mig_tags',
        email: 'mig_tags@example.test',
        passwordHash: 'x',
        role: Role.MEMBER,
        createdAt: at,
      });
      const question = (hidden: boolean) =>
        dataSource.getRepository(ThreadEntity).save({
          authorId: user.id,
          title: 'A thread',
          body: 'Its question',
          status: ThreadStatus.OPEN,
          hidden,
          createdAt: at,
          lastActivityAt: at,
        });
      const [shown, alsoShown, hidden] = [await question(false), await question(false), await question(true)];
      await revertAfter(dataSource, 'NotificationsByUserNewest1765080000000');
      for (const [thread, tag] of [
        [shown, 'codes'],
        [shown, 'phone'],
        [alsoShown, 'codes'],
        [hidden, 'codes'],
        [hidden, 'secret'],
      ] as const)
        await dataSource.query(`INSERT INTO thread_tags (thread_id, tag) VALUES (${postgres ? '$1, $2' : '?, ?'})`, [thread.id, tag]);

      await dataSource.runMigrations();
      // PostgreSQL's triggers append changes, which the popular tags add to the counts (until they are folded in).
      const counts = () =>
        dataSource.query(
          postgres
            ? `SELECT tag, SUM(threads)::int AS thread_count, SUM(visible)::int AS visible_thread_count FROM (
                   SELECT tag, thread_count AS threads, visible_thread_count AS visible FROM tag_counts
                   UNION ALL SELECT tag, threads, visible_threads FROM tag_count_changes
                 ) counted GROUP BY tag HAVING SUM(threads) > 0 ORDER BY tag`
            : 'SELECT tag, thread_count, visible_thread_count FROM tag_counts ORDER BY tag',
        );
      await expect(counts()).resolves.toEqual([
        { tag: 'codes', thread_count: 3, visible_thread_count: 2 },
        { tag: 'phone', thread_count: 1, visible_thread_count: 1 },
        { tag: 'secret', thread_count: 1, visible_thread_count: 0 },
      ]);
      await dataSource.query(postgres ? 'UPDATE threads SET hidden = false WHERE id = $1' : 'UPDATE threads SET hidden = 0 WHERE id = ?', [
        hidden.id,
      ]);
      await dataSource.query(`DELETE FROM thread_tags WHERE thread_id = ${postgres ? '$1 AND tag = $2' : '? AND tag = ?'}`, [
        shown.id,
        'phone',
      ]);
      await expect(counts()).resolves.toEqual([
        { tag: 'codes', thread_count: 3, visible_thread_count: 3 },
        { tag: 'secret', thread_count: 1, visible_thread_count: 1 },
      ]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('say what they did when run by hand, as `npm run migration:revert` and `migration:run` do', async () => {
    const typeorm = (command: string) =>
      runCli('node_modules/typeorm/cli.js', [command, '-d', 'dist/apps/api/src/database/data-source.js'], {
        ...process.env,
        NODE_ENV: 'test',
        NO_COLOR: '1',
        ...database.environment,
      });
    const last = migrations[migrations.length - 1].name;

    const reverted = await typeorm('migration:revert');
    expect(reverted.status).toBe(0);
    expect(reverted.stdout).toContain(`Migration ${last} has been reverted successfully.`);

    const shown = await typeorm('migration:show');
    expect(shown.stdout).toContain(`[ ] ${last}`);
    expect(shown.stdout).toMatch(new RegExp(`\\[X\\] \\d+ ${migrations[0].name}`));

    const run = await typeorm('migration:run');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Migration ${last} has been executed successfully.`);
  });
});

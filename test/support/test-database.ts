import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestDatabase {
  /** Environment variables that point the app at this database. */
  environment: Record<string, string>;
  engine: 'sqlite' | 'postgres';
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one suite: a new PostgreSQL database on the server named by
 * TEST_DATABASE_URL when it is set, else a new SQLite file.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `twofa_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      engine: 'postgres',
      environment: { DATABASE_URL: url.toString() },
      async drop() {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const file = join(tmpdir(), `${name}.sqlite`);
  return {
    engine: 'sqlite',
    environment: { SQLITE_PATH: file },
    async drop() {
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    },
  };
}

import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { EnvironmentError, loadEnvironment } from '../config/environment.js';
import { totpKeyFile } from '../two-factor/two-factor-crypto.js';

const usage = 'Usage: npm run -s db:backup -- --to FILE   (a new file: an existing one is never overwritten)';

class Refusal extends Error {}

function targetFromFlags(): string {
  const { values } = parseArgs({ options: { to: { type: 'string' } }, strict: true, allowPositionals: false });
  if (!values.to) throw new TypeError('--to is required');
  return resolve(values.to);
}

/**
 * A consistent copy of the embedded database while the server runs: `VACUUM INTO` reads one snapshot of the file (in
 * WAL mode the server keeps writing meanwhile) and writes it compacted, whereas copying the file can catch a page
 * half-written, and a copy without its `-wal` file misses the latest commits.
 */
function backUp(source: string, target: string): string {
  if (!existsSync(source)) throw new Refusal(`No database at ${source} (SQLITE_PATH)`);
  if (existsSync(target)) throw new Refusal(`${target} exists; give the name of a new file`);
  mkdirSync(dirname(target), { recursive: true });
  const database = new Database(source, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    database.prepare('VACUUM INTO ?').run(target);
  } catch (error) {
    rmSync(target, { force: true });
    throw error;
  } finally {
    database.close();
  }
  const copy = new Database(target, { readonly: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Refusal(`The copy at ${target} failed its check (${String(check)}); keep the database and try again`);
    const count = (table: string) => (copy.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    const megabytes = (statSync(target).size / 1024 / 1024).toFixed(1);
    return `Backed up ${source} to ${target}: ${megabytes} MB, ${count('users')} accounts, ${count('threads')} questions, ${count('replies')} replies.`;
  } finally {
    copy.close();
  }
}

function run(): number {
  let target: string;
  try {
    target = targetFromFlags();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  try {
    const environment = loadEnvironment();
    if (environment.DATABASE_URL) {
      throw new Refusal(
        'DATABASE_URL is set: back PostgreSQL up with its own tools (pg_dump, see the README); this copies the SQLite file',
      );
    }
    console.log(backUp(resolve(environment.SQLITE_PATH), target));
    if (!environment.TOTP_ENCRYPTION_KEY) {
      console.log(`Keep ${totpKeyFile(environment)} too, apart from the backups: two-factor secrets are encrypted with it.`);
    }
    return 0;
  } catch (error) {
    if (error instanceof Refusal || error instanceof EnvironmentError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = run();

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource, EntityManager, Logger } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqlExecute, sqlRows } from '../common/sql.js';
import { serializeSqliteTransactions } from './serialized-transactions.js';

describe('serializeSqliteTransactions', () => {
  let directory: string;
  let dataSource: DataSource;
  let statements: string[];
  /** A second connection to the file: it sees only what was committed. */
  let reader: Database.Database;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'serialized-transactions-'));
    const file = join(directory, 'db.sqlite');
    statements = [];
    const logger: Logger = {
      logQuery: (query) => void statements.push(query),
      logQueryError: () => undefined,
      logQuerySlow: () => undefined,
      logSchemaBuild: () => undefined,
      logMigration: () => undefined,
      log: () => undefined,
    };
    dataSource = serializeSqliteTransactions(new DataSource({ type: 'better-sqlite3', database: file, logger, logging: true }));
    await dataSource.initialize();
    await sqlExecute(dataSource, 'PRAGMA journal_mode = WAL', []);
    await sqlExecute(dataSource, 'CREATE TABLE notes (text TEXT NOT NULL UNIQUE)', []);
    reader = new Database(file, { readonly: true });
    statements.length = 0;
  });

  afterEach(async () => {
    reader.close();
    await dataSource.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  const committed = () => (reader.prepare('SELECT text FROM notes ORDER BY text').all() as Array<{ text: string }>).map((row) => row.text);
  const insert = (manager: EntityManager, text: string) => sqlExecute(manager, 'INSERT INTO notes (text) VALUES ($1)', [text]);
  /** A transaction that writes, gives other requests a turn (another transaction would interleave), and writes again. */
  const note = (text: string) =>
    dataSource.manager.transaction(async (manager) => {
      await insert(manager, `${text}-1`);
      await new Promise((resolve) => setImmediate(resolve));
      await insert(manager, `${text}-2`);
      return text;
    });

  it('runs a transaction as BEGIN, its work and COMMIT, and answers once it is committed', async () => {
    await note('a').then(() => expect(committed()).toEqual(['a-1', 'a-2']));
    expect(statements.filter((text) => !text.startsWith('INSERT'))).toEqual(['BEGIN TRANSACTION', 'COMMIT']);
    expect(committed()).toEqual(['a-1', 'a-2']);
  });

  it('rolls back a failed transaction alone while others wait or ran before it, and commits theirs', async () => {
    const first = note('a');
    const failing = dataSource.manager.transaction(async (manager) => {
      await insert(manager, 'b-1');
      await new Promise((resolve) => setImmediate(resolve));
      await insert(manager, 'a-1'); // written by the first transaction: a constraint error
    });
    const outcomes = await Promise.allSettled([first, failing, note('c')]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committed()).toEqual(['a-1', 'a-2', 'c-1', 'c-2']);
  });

  it('runs the next transaction after one that failed, on a connection no longer in a transaction', async () => {
    const failing = dataSource.manager.transaction(async (manager) => {
      await insert(manager, 'x-1');
      throw new Error('refused');
    });
    const outcomes = await Promise.allSettled([failing, note('b')]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'fulfilled']);
    expect(committed()).toEqual(['b-1', 'b-2']);
  });

  it('keeps a transaction started inside another in the outer one, as a savepoint', async () => {
    const nested = dataSource.manager.transaction(async (manager) => {
      await insert(manager, 'n-1');
      await manager.transaction((inner) => insert(inner, 'n-2'));
      return sqlRows<{ count: number }>(manager, 'SELECT count(*) AS count FROM notes', []);
    });
    const [rows] = await Promise.all([nested, note('m')]);
    expect(rows[0]?.count).toBe(2);
    expect(committed()).toEqual(['m-1', 'm-2', 'n-1', 'n-2']);
  });

  /** A transaction that writes `text`, then waits for `release()` (as one waits on another await) before going on. */
  const held = (text: string, then: () => Promise<void> = async () => undefined) => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const wrote = new Promise<void>((resolve) => (reached = resolve));
    const done = dataSource.manager.transaction(async (manager) => {
      await insert(manager, text);
      reached();
      await released;
      await then();
    });
    return { wrote, release, done };
  };
  const texts = (rows: Array<{ text: string }>) => rows.map((row) => row.text);
  const readOutside = async () => ({
    handWritten: texts(await sqlRows<{ text: string }>(dataSource, 'SELECT text FROM notes ORDER BY text', [])),
    typeOrm: texts((await dataSource.query('SELECT text FROM notes ORDER BY text')) as Array<{ text: string }>),
  });

  it('answers a read from outside the open transaction with what is committed, not with its writes', async () => {
    await note('a');
    const transaction = held('b-1');
    await transaction.wrote;
    expect(await readOutside()).toEqual({ handWritten: ['a-1', 'a-2'], typeOrm: ['a-1', 'a-2'] });
    transaction.release();
    await transaction.done;
    expect(await readOutside()).toEqual({ handWritten: ['a-1', 'a-2', 'b-1'], typeOrm: ['a-1', 'a-2', 'b-1'] });
  });

  it("answers a PRAGMA from outside the open transaction with the app's connection's setting, once it is its turn", async () => {
    await sqlExecute(dataSource, 'PRAGMA wal_autocheckpoint = 1234', []);
    const transaction = held('p-1');
    await transaction.wrote;
    const setting = dataSource.query('PRAGMA wal_autocheckpoint') as Promise<Array<{ wal_autocheckpoint: number }>>;
    transaction.release();
    await transaction.done;
    expect(await setting).toEqual([{ wal_autocheckpoint: 1234 }]);
  });

  it('runs a write from outside the open transaction after it, so that its rollback does not undo the write', async () => {
    const transaction = held('x-1', () => Promise.reject(new Error('refused')));
    await transaction.wrote;
    const writes = Promise.all([
      sqlExecute(dataSource, 'INSERT INTO notes (text) VALUES ($1)', ['outside-1']),
      dataSource.query('INSERT INTO notes (text) VALUES (?)', ['outside-2']),
    ]);
    transaction.release();
    await expect(transaction.done).rejects.toThrow('refused');
    await writes;
    expect(committed()).toEqual(['outside-1', 'outside-2']);
  });

  it('keeps what a committed transaction left running outside the next one', async () => {
    let leftover!: Promise<{ handWritten: string[]; typeOrm: string[] }>;
    let goOn!: () => void;
    const later = new Promise<void>((resolve) => (goOn = resolve));
    await dataSource.manager.transaction(async (manager) => {
      await insert(manager, 'a-1');
      leftover = later.then(async () => {
        await dataSource.manager.transaction((inner) => insert(inner, 'left-1'));
        return readOutside();
      });
    });
    const next = held('b-1', () => Promise.reject(new Error('refused')));
    await next.wrote;
    goOn();
    // Its transaction waits for the open one, and it reads what is committed.
    await new Promise((resolve) => setImmediate(resolve));
    next.release();
    await expect(next.done).rejects.toThrow('refused');
    expect(await leftover).toEqual({ handWritten: ['a-1', 'left-1'], typeOrm: ['a-1', 'left-1'] });
  });

  it('makes a read from outside wait for the open transaction on an in-memory database, which has one connection', async () => {
    await dataSource.destroy();
    dataSource = serializeSqliteTransactions(new DataSource({ type: 'better-sqlite3', database: ':memory:' }));
    await dataSource.initialize();
    await sqlExecute(dataSource, 'CREATE TABLE notes (text TEXT NOT NULL UNIQUE)', []);
    const transaction = held('m-1', () => Promise.reject(new Error('refused')));
    await transaction.wrote;
    const read = readOutside();
    transaction.release();
    await expect(transaction.done).rejects.toThrow('refused');
    expect(await read).toEqual({ handWritten: [], typeOrm: [] });
  });
});

/**
 * Staff queue benchmark: how long the dashboard's queue counts (botQueueCounts) and the first page of each bot queue
 * take as a forum piles up open questions. Seeds 10,000 and 50,000 open, visible questions with SQL (most answered by
 * the bot or decided by staff, a few hundred waiting for staff), then times BotReviewService.counts and .queue against
 * the built API's code, and prints each statement's plan (EXPLAIN QUERY PLAN, EXPLAIN ANALYZE on PostgreSQL).
 * SQLite always; PostgreSQL too when BENCH_DATABASE_URL is set (a database is created beside it and dropped after).
 * The dashboard reads the counts again on every live queue update, so they should stay a few milliseconds.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import 'reflect-metadata';
import { DataSource, type Logger } from 'typeorm';

const dist = (path: string) => import(pathToFileURL(resolve('dist/apps/api/src', path)).href);
const { loadEnvironment } = await dist('config/environment.js');
const { dataSourceOptions } = await dist('database/data-source-options.js');
const { BotReviewService } = await dist('bot/bot-review.service.js');
const { RequestContext } = await dist('common/request-context.js');
const { BotSuggestionEntity } = await dist('bot/bot-suggestion.entity.js');

const sizes = [10_000, 50_000];
const runs = 30;
const kinds = ['PENDING', 'UNHELPFUL', 'NO_SUGGESTION', 'DISMISSED'] as const;

/** What each question is, by its place in a cycle of 1,000: 2 in 1,000 of each waiting kind, the rest not waiting. */
function shapeOf(index: number): { status: string | null; reply: 'none' | 'bot' | 'staff' | 'member' } {
  const slot = index % 1000;
  if (slot < 4) return { status: 'PENDING_REVIEW', reply: 'none' };
  if (slot < 6) return { status: 'UNHELPFUL', reply: 'bot' };
  if (slot < 8) return { status: 'NO_MATCH', reply: 'none' };
  if (slot < 10) return { status: null, reply: 'none' };
  if (slot < 12) return { status: 'DISMISSED', reply: 'none' };
  if (slot < 600) return { status: 'ANSWERED', reply: 'bot' };
  if (slot < 750) return { status: 'CONFIRMED_BY_STAFF', reply: 'bot' };
  if (slot < 800) return { status: 'CORRECTED', reply: 'bot' };
  if (slot < 880) return { status: 'PENDING_REVIEW', reply: 'staff' };
  if (slot < 920) return { status: 'DISMISSED', reply: 'staff' };
  if (slot < 960) return { status: 'NO_MATCH', reply: 'member' };
  return { status: 'CLARIFYING', reply: 'bot' };
}

const stamp = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000).toISOString().replace('T', ' ').replace('Z', '');

async function seed(dataSource: DataSource, count: number): Promise<void> {
  await dataSource.query(
    `INSERT INTO users (id, username, username_key, email, role, created_at) VALUES
      (1, 'staff', 'staff', 'staff@example.com', 'STAFF', '${stamp(0)}'),
      (2, 'bot', 'bot', 'bot@example.com', 'BOT', '${stamp(0)}'),
      (3, 'member', 'member', 'member@example.com', 'MEMBER', '${stamp(0)}')`,
  );
  const batch = 500;
  let replyId = 0;
  for (let start = 0; start < count; start += batch) {
    const threads: string[] = [];
    const replies: string[] = [];
    const suggestions: string[] = [];
    for (let index = start; index < Math.min(count, start + batch); index++) {
      const id = index + 1;
      const { status, reply } = shapeOf(index);
      const asked = index * 60;
      threads.push(
        `(${id}, 3, 'Question ${id}', 'Lost my phone', 'OPEN', ${reply === 'none' ? 0 : 1}, '${stamp(asked)}', '${stamp(asked)}')`,
      );
      if (reply !== 'none') {
        const author = reply === 'staff' ? 1 : reply === 'bot' ? 2 : 3;
        replies.push(`(${++replyId}, ${id}, ${author}, 'A reply', ${reply === 'staff' ? 'TRUE' : 'FALSE'}, '${stamp(asked + 3600)}')`);
      }
      if (status) suggestions.push(`(${id}, '[]', '${status}', '${stamp(asked + 1)}')`);
    }
    await dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO threads (id, author_id, title, body, status, reply_count, created_at, last_activity_at) VALUES ${threads.join(', ')}`,
      );
      if (replies.length) {
        await manager.query(
          `INSERT INTO replies (id, thread_id, author_id, body, is_staff_answer, created_at) VALUES ${replies.join(', ')}`,
        );
      }
      await manager.query(`INSERT INTO bot_suggestions (thread_id, alternatives, status, created_at) VALUES ${suggestions.join(', ')}`);
    });
  }
  if (dataSource.options.type === 'postgres') {
    await dataSource.query(`SELECT setval(pg_get_serial_sequence('threads', 'id'), ${count})`);
    // As autovacuum would by now; the app never runs SQLite's ANALYZE, so neither does this.
    await dataSource.query('ANALYZE');
  }
}

/** Captures the statements a call runs, to explain them. */
class CapturingLogger implements Logger {
  statements: { query: string; parameters: unknown[] }[] = [];
  logQuery(query: string, parameters?: unknown[]) {
    this.statements.push({ query, parameters: parameters ?? [] });
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

async function timed(call: () => Promise<unknown>): Promise<{ median: number; p90: number }> {
  await call();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)], p90: times[Math.floor(runs * 0.9)] };
}

async function explain(dataSource: DataSource, statement: { query: string; parameters: unknown[] }): Promise<string> {
  if (dataSource.options.type === 'postgres') {
    const rows: { 'QUERY PLAN': string }[] = await dataSource.query(
      `EXPLAIN (ANALYZE, COSTS OFF) ${statement.query}`,
      statement.parameters,
    );
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  }
  const rows: { id: number; parent: number; detail: string }[] = await dataSource.query(
    `EXPLAIN QUERY PLAN ${statement.query}`,
    statement.parameters,
  );
  const depth = new Map<number, number>([[0, 0]]);
  return rows
    .map((row) => {
      depth.set(row.id, (depth.get(row.parent) ?? 0) + 1);
      return `${'  '.repeat(depth.get(row.id)! - 1)}${row.detail}`;
    })
    .join('\n');
}

async function bench(engine: string, environment: Record<string, string>, count: number): Promise<void> {
  const logger = new CapturingLogger();
  const options = dataSourceOptions(loadEnvironment({ NODE_ENV: 'test', ...environment }));
  const dataSource = await new DataSource({ ...options, logger, logging: ['query'] }).initialize();
  try {
    await dataSource.runMigrations();
    await seed(dataSource, count);
    const service = new BotReviewService(dataSource.getRepository(BotSuggestionEntity), null, null, null, null, null);
    const context = RequestContext.system({ id: 1, username: 'staff', role: 'STAFF', twoFactorEnabled: true });

    logger.statements = [];
    const counts = await service.counts(context);
    const countsStatement = logger.statements.at(-1)!;
    const countsTime = await timed(() => service.counts(context));
    const line = (name: string, time: { median: number; p90: number }) =>
      console.log(`  ${name.padEnd(28)} median ${time.median.toFixed(2).padStart(7)} ms   p90 ${time.p90.toFixed(2).padStart(7)} ms`);
    console.log(`\n${engine}, ${count.toLocaleString('en')} open questions: counts ${JSON.stringify(counts)}`);
    line('botQueueCounts', countsTime);
    const queueStatements: Record<string, { query: string; parameters: unknown[] }> = {};
    for (const kind of kinds) {
      logger.statements = [];
      await service.queue(context, kind, 25, null);
      queueStatements[kind] = logger.statements.at(-1)!;
      line(`botQueue ${kind}`, await timed(() => service.queue(context, kind, 25, null)));
    }
    if (count === sizes.at(-1)) {
      console.log(`\n  plan of botQueueCounts:\n${indent(await explain(dataSource, countsStatement))}`);
      for (const kind of kinds) console.log(`\n  plan of botQueue ${kind}:\n${indent(await explain(dataSource, queueStatements[kind]))}`);
    }
  } finally {
    await dataSource.destroy();
  }
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');

for (const count of sizes) {
  const file = join(tmpdir(), `bench-staff-queues-${randomBytes(4).toString('hex')}.sqlite`);
  try {
    await bench('SQLite', { SQLITE_PATH: file }, count);
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
}

const serverUrl = process.env.BENCH_DATABASE_URL;
if (serverUrl) {
  for (const count of sizes) {
    const name = `bench_staff_queues_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      await bench('PostgreSQL', { DATABASE_URL: url.toString() }, count);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }
}

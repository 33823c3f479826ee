/**
 * API benchmark: starts the built server on a fresh database holding 10,000 threads and one thread with 20
 * replies, and drives it with autocannon over loopback, with the web app's own GraphQL documents. Prints, per
 * operation, requests per second, p50/p99 latency, the ratio to a trivial query served by the same process (the figure
 * to compare across machines and builds), responses carrying GraphQL `errors`, the SQL statements one such request
 * runs and those of the post jobs it sets off, and the API process's CPU time per request (user + system, post jobs
 * included, the database server's not) and, for PostgreSQL on this machine, its connections' CPU time per request (the
 * API server's pool, from /proc); then the
 * server's RSS before and after, and how long the bot's reply to a question takes to reach the asker over the live
 * subscription (at the end, and right after the first reply burst, with its jobs queued). For the writes, it prints the
 * post jobs still pending when each load ended and the rate sustained with them: requests over the time until their
 * jobs had finished too (each load starts once the jobs before it are done). One table for SQLite, and one for
 * PostgreSQL when BENCH_DATABASE_URL is set (that database is emptied first: give it one of its own). With
 * BENCH_REDIS_URL the server queues its post jobs on BullMQ there (under a key prefix of its own), else it runs them in
 * its process.
 *
 * On a machine shared with other work, its speed drifts within minutes (here the trivial query's req/s and CPU per
 * request each moved by half or more within one run), so the operations are timed in rounds (--rounds), each load
 * between two of the trivial query's, and each figure is the median over the rounds. "vs trivial" is an operation's
 * req/s over the mean of the two trivial loads beside it, with its spread (min–max) over the rounds; "CPU vs trivial"
 * is the two trivial loads' CPU per request over the operation's, which the req/s ratio comes to when the server is
 * CPU-bound and single-threaded: where the two part, the server waited on something else (on PostgreSQL the database,
 * whose CPU this leaves out). PostgreSQL ÷ SQLite is the ratio of the medians. The warm-up runs before each
 * operation's first load only. The writes of one round stay for the next: each round's questions and replies add a
 * few thousand threads and replies (and the bot's replies) to the 10,000; the asks, replies, thread pages and lists
 * showed no trend over five rounds, and the searches, which would rank them, run all their rounds before any write.
 *
 * Reads are anonymous, as most of a forum's are, so the anonymous response cache answers all but the first of each
 * (its statement count is then 0); each "as a member" row runs the same read signed in, without the cache (what every
 * read costs when it misses, and every search with words not searched just before), and the "amid ... replies/s
 * elsewhere" row reads it anonymously while replies go to other threads.
 *
 *   npm run bench:api [-- --rounds 3 --seconds 4 --trivial-seconds 2 --warmup 2 --connections 10 --threads 10000 --dist dist]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench npm run bench:api
 *   BENCH_REDIS_URL=redis://127.0.0.1:6379 npm run bench:api
 *
 * --dist runs another build (e.g. an older commit's `npm run build:api` output) with the same workload.
 * --worker-apart (with BENCH_REDIS_URL, PostgreSQL only) runs the post jobs on a second instance and times one with
 * JOB_WORKERS=false, as a deployment with worker instances apart would; the worker's CPU per request is printed too.
 * --request-only times a server that runs no post jobs (JOB_WORKERS=false, without Redis; they are left pending and
 * deleted before the statements are counted): what the requests alone cost, the most that running the post jobs
 * anywhere else could save. The bot's latency is not measured then.
 * --only ask,read times only the operations whose names contain one of the words (and the trivial query).
 * --profile DIR writes a V8 CPU profile of the server per timed load to DIR/<engine>-<operation>-round-<n>.cpuprofile
 * (the trivial query's: DIR/<engine>-trivial-query-health-<n>.cpuprofile, numbered in the order run; summarise with
 * `npx tsx scripts/cpu-profile-summary.ts FILE`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { print, type DocumentNode } from 'graphql';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import {
  AskQuestionDocument,
  ReplyToThreadDocument,
  SearchDocument,
  ThreadActivityDocument,
  ThreadListDocument,
  ThreadPageDocument,
} from '../apps/web/src/gql/graphql.js';
import { freePort } from './free-port.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '4' },
    'trivial-seconds': { type: 'string', default: '2' },
    rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    threads: { type: 'string', default: '10000' },
    asks: { type: 'string', default: '20' },
    dist: { type: 'string', default: 'dist' },
    profile: { type: 'string' },
    only: { type: 'string' },
    'worker-apart': { type: 'boolean', default: false },
    'request-only': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const trivialSeconds = Number(values['trivial-seconds']);
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error('--rounds takes a whole number from 1');
  process.exit(2);
}
const warmup = Number(values.warmup);
const connections = Number(values.connections);
const bulkThreads = Number(values.threads);
const botAsks = Number(values.asks);
const dist = resolve(values.dist);
const onlyWords = values.only?.split(',').map((word) => word.trim().toLowerCase()) ?? null;
const profileDirectory = values.profile ? resolve(values.profile) : null;
if (profileDirectory) mkdirSync(profileDirectory, { recursive: true });
const totpEncryptionKey = randomBytes(32).toString('hex');
const redisUrl = process.env.BENCH_REDIS_URL ?? '';
const redisKeyPrefix = `twofa:bench:${randomBytes(4).toString('hex')}:`;
// Post jobs on a second instance (JOB_WORKERS) while the timed one only records and queues them: what an API instance
// spends per request when its workers run elsewhere. Several instances need PostgreSQL and Redis.
const workerApart = values['worker-apart'];
if (workerApart && !(redisUrl && process.env.BENCH_DATABASE_URL)) {
  console.error('--worker-apart needs BENCH_REDIS_URL and BENCH_DATABASE_URL');
  process.exit(2);
}
const requestOnly = values['request-only'];
if (requestOnly && (workerApart || redisUrl)) {
  console.error('--request-only runs without Redis: leave out BENCH_REDIS_URL and --worker-apart');
  process.exit(2);
}

const text = (document: DocumentNode) => print(document);
const documents = {
  // The web app keeps the session in a cookie; the bench signs up as an API client does, for a bearer token.
  signUp: 'mutation SignUp($input: SignUpInput!) { signUp(input: $input) { token } }',
  ask: text(AskQuestionDocument),
  reply: text(ReplyToThreadDocument),
  threadPage: text(ThreadPageDocument),
  threadList: text(ThreadListDocument),
  search: text(SearchDocument),
  threadActivity: text(ThreadActivityDocument),
};

const topics = [
  'backup codes',
  'QR code',
  'new phone',
  'authenticator app',
  'locked out',
  'emergency kit',
  'browser extension',
  'vault sharing',
];
const openers = ['Help with my', 'Question about the', 'Trouble with my', 'Where is the', 'How do I use the', 'Lost my'];
const fillers = [
  'I turned on two-factor authentication last week.',
  'My laptop is still signed in but my phone is not.',
  'The sign-in page keeps asking for a code.',
  'I followed the setup steps in the help pages.',
  'This happened after I updated the app.',
  'Support said to ask the community first.',
];

/** Deterministic, so that every run (and every build) gets the same data. */
function pseudoRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

interface Engine {
  name: 'SQLite' | 'PostgreSQL';
  environment: Record<string, string>;
  reset(): Promise<void>;
  /** Runs statements with `?` placeholders (rewritten to $n on PostgreSQL). */
  sql(query: string, parameters?: unknown[]): Promise<Record<string, unknown>[]>;
  /** CPU time each of the database server's connections has used so far, in ms; null in process (SQLite) or elsewhere. */
  serverCpuMs(): Promise<Map<number, number> | null>;
  close(): Promise<void>;
}

function sqliteEngine(): Engine {
  const path = join(tmpdir(), `twofa-bench-${Date.now()}.sqlite`);
  let db: Database.Database | null = null;
  const open = () => (db ??= new Database(path, { timeout: 5000 }));
  return {
    name: 'SQLite',
    environment: { SQLITE_PATH: path },
    async reset() {
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    },
    async sql(query, parameters = []) {
      const statement = open().prepare(query);
      return statement.reader ? (statement.all(...parameters) as Record<string, unknown>[]) : (statement.run(...parameters), []);
    },
    async serverCpuMs() {
      return null;
    },
    async close() {
      db?.close();
      db = null;
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    },
  };
}

function postgresEngine(url: string): Engine {
  const client = new pg.Client({ connectionString: url });
  let connected: Promise<void> | null = null;
  const connect = () => (connected ??= client.connect().then(() => undefined));
  return {
    name: 'PostgreSQL',
    environment: { DATABASE_URL: url },
    async reset() {
      await connect();
      await client.query('DROP SCHEMA public CASCADE');
      await client.query('CREATE SCHEMA public');
    },
    async sql(query, parameters = []) {
      await connect();
      let index = 0;
      return (
        await client.query(
          query.replace(/\?/g, () => `$${++index}`),
          parameters,
        )
      ).rows;
    },
    async serverCpuMs() {
      await connect();
      // The API server's pool: every client backend on this database but this one. Its connections live through a run.
      const { rows } = await client.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()",
      );
      const times = new Map<number, number>();
      for (const { pid } of rows) {
        const ms = processCpuMs(pid);
        if (ms === null) return null;
        times.set(pid, ms);
      }
      return times;
    },
    async close() {
      if (connected) await client.end();
    },
  };
}

/** CPU time (user + system) a process of this machine has used so far, in ms, from /proc; null when there is no such process. */
function processCpuMs(pid: number): number | null {
  if (!existsSync(`/proc/${pid}/stat`)) return null;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU used between two readings of processes' CPU times; a process gone by the second reading is left out. */
function cpuUsedSince(before: Map<number, number>, after: Map<number, number>): number {
  let used = 0;
  for (const [pid, ms] of after) used += ms - (before.get(pid) ?? 0);
  return used;
}

class Server {
  private process: ChildProcess | null = null;
  private profiles = 0;
  private port = 0;

  constructor(
    private readonly engine: Engine,
    private readonly role: { jobWorkers: boolean; profiled: boolean } = { jobWorkers: true, profiled: true },
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/graphql`;
  }

  /** Starts the server; `jobWorkers` overrides its role's for this start. */
  async start(jobWorkers = this.role.jobWorkers): Promise<void> {
    this.port = await freePort();
    const profiled = profileDirectory !== null && this.role.profiled;
    const profiling = profiled ? ['--import', pathToFileURL(resolve('scripts/cpu-profile-hook.mjs')).href] : [];
    this.profiles = 0;
    this.process = spawn(process.execPath, [...profiling, join(dist, 'apps/api/src/main.js')], {
      cwd: resolve(dist, '..'),
      env: {
        ...process.env,
        ...serverEnvironment(this.engine),
        PORT: String(this.port),
        HOST: '127.0.0.1',
        JOB_WORKERS: String(jobWorkers),
        ...(profiled ? { CPU_PROFILE_DIR: profileDirectory } : {}),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let attempt = 0; attempt < 300; attempt++) {
      if (this.process.exitCode !== null) throw new Error(`the server exited with ${this.process.exitCode}`);
      try {
        await graphql(this.url, '{ health { status } }');
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    throw new Error('the server did not start');
  }

  /** With --profile: ends the server's current CPU profile (saved as `name`) and starts the next one. */
  async cutProfile(name: string): Promise<void> {
    if (!profileDirectory || !this.role.profiled) return;
    const written = join(profileDirectory, `${++this.profiles}.cpuprofile`);
    this.process!.kill('SIGWINCH');
    for (let attempt = 0; attempt < 600 && !existsSync(written); attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    renameSync(written, join(profileDirectory, `${this.engine.name}-${name.replace(/\W+/g, '-')}.cpuprofile`));
  }

  /** CPU time the server has used so far (user + system), in ms: per request it barely depends on what else the machine runs. */
  cpuMs(): number {
    return processCpuMs(this.process!.pid!) ?? 0;
  }

  /** Resident set size in MB, from /proc. */
  rss(): number {
    const status = readFileSync(`/proc/${this.process!.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    this.process = null;
  }
}

function serverEnvironment(engine: Engine): Record<string, string> {
  return {
    NODE_ENV: 'production',
    TOTP_ENCRYPTION_KEY: totpEncryptionKey,
    SEED_DEMO: 'false',
    WEB_DIST_PATH: '',
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: redisKeyPrefix,
    RATE_LIMIT_ASK_SECONDS: '0',
    RATE_LIMIT_REPLY_SECONDS: '0',
    RATE_LIMIT_SIGN_UPS_PER_HOUR: '1000000',
    RATE_LIMIT_SIGN_IN_ATTEMPTS: '1000000',
    RATE_LIMIT_SEARCHES_PER_MINUTE: '1000000',
    ...engine.environment,
  };
}

async function graphql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** What the bench needs to find again after a restart. */
interface Fixture {
  tokens: string[];
  memberIds: number[];
  bigThreadId: string;
  threadIds: number[];
}

async function seed(engine: Engine, server: Server): Promise<Fixture> {
  const tokens: string[] = [];
  for (let index = 0; index < connections + 1; index++) {
    const { signUp } = await graphql(server.url, documents.signUp, {
      input: { username: `bench${index}`, email: `bench${index}@example.test`, password: 'benchmark-password' },
    });
    tokens.push(signUp.token);
  }
  const memberIds = (await engine.sql(`SELECT id FROM users WHERE username LIKE 'bench%' ORDER BY id`)).map((row) => Number(row.id));
  // A question the bot has no answer for, so the thread holds exactly the 20 replies.
  const { askQuestion } = await graphql(
    server.url,
    documents.ask,
    {
      input: {
        title: 'How do I change the signature under my forum posts?',
        body: 'The profile page has no field for it.',
        tags: ['forum'],
      },
    },
    tokens[0],
  );
  for (let index = 0; index < 20; index++) {
    const body = `Reply ${index}: open **Settings**, then *Profile*; the signature is the third field.\n\n- it allows [links](https://example.test/${index})\n- and \`code\``;
    await graphql(server.url, documents.reply, { threadId: askQuestion.id, body }, tokens[index % tokens.length]);
  }
  await server.stop();
  const threadIds = await bulkInsert(engine, memberIds);
  return { tokens, memberIds, bigThreadId: askQuestion.id, threadIds };
}

/**
 * The 10,000 threads (a quarter with one reply), written directly: through the API they would take minutes.
 * Builds that cook posts find them uncooked and cook them in the background at start-up (waitForCooking).
 */
async function bulkInsert(engine: Engine, memberIds: number[]): Promise<number[]> {
  const random = pseudoRandom(42);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const postgres = engine.name === 'PostgreSQL';
  const now = Date.now();
  const at = (index: number) => {
    const date = new Date(now - (bulkThreads - index) * 60_000 * 3);
    return postgres ? date.toISOString() : date.toISOString().replace('T', ' ').replace('Z', '');
  };
  await engine.sql('BEGIN');
  const [{ first }] = await engine.sql('SELECT COALESCE(MAX(id), 0) + 1 AS first FROM threads');
  const threadIds: number[] = [];
  for (let index = 0; index < bulkThreads; index++) {
    const topic = pick(topics);
    const withReply = index % 4 === 0;
    const body = `${pick(fillers)} ${pick(fillers)} What should I do about the ${topic}? ${pick(fillers)}`;
    const parameters = [pick(memberIds), `${pick(openers)} ${topic} (${index})`, body, 'OPEN', withReply ? 1 : 0, at(index), at(index)];
    await engine.sql(
      `INSERT INTO threads (author_id, title, body, status, locked, hidden, reply_count, created_at, last_activity_at)
       VALUES (?, ?, ?, ?, ${postgres ? 'false' : '0'}, ${postgres ? 'false' : '0'}, ?, ?, ?)`,
      parameters,
    );
    const threadId = Number(first) + index;
    threadIds.push(threadId);
    if (withReply) {
      await engine.sql(
        `INSERT INTO replies (thread_id, author_id, body, is_staff_answer, hidden, created_at)
         VALUES (?, ?, ?, ${postgres ? 'false' : '0'}, ${postgres ? 'false' : '0'}, ?)`,
        [threadId, pick(memberIds), `Try the ${pick(topics)} first. ${pick(fillers)}`, at(index)],
      );
    }
  }
  await engine.sql('COMMIT');
  if (postgres) {
    await engine.sql(`SELECT setval(pg_get_serial_sequence('threads', 'id'), (SELECT MAX(id) FROM threads))`);
    await engine.sql(`SELECT setval(pg_get_serial_sequence('replies', 'id'), (SELECT MAX(id) FROM replies))`);
    await engine.sql('ANALYZE');
  }
  return threadIds;
}

/** Waits until the server's background re-cook has cooked every post (builds that cook posts). */
async function waitForCooking(engine: Engine): Promise<void> {
  const columns = await engine.sql(
    engine.name === 'PostgreSQL'
      ? `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'threads'`
      : `PRAGMA table_info(threads)`,
  );
  if (!columns.some((column) => column.name === 'body_html_version')) return;
  await untilNoneLeft('the posts were not cooked', async () => {
    const [threads] = await engine.sql('SELECT COUNT(*) AS count FROM threads WHERE body_html_version = 0');
    const [replies] = await engine.sql('SELECT COUNT(*) AS count FROM replies WHERE body_html_version = 0');
    return Number(threads.count) + Number(replies.count);
  });
}

/** Waits until SQLite's search index has every post written so far (PostgreSQL's is written with the post). */
async function waitForSearchIndex(engine: Engine): Promise<void> {
  if (engine.name !== 'SQLite') return;
  await untilNoneLeft('the search index was not written', async () =>
    Number((await engine.sql('SELECT COUNT(*) AS pending FROM search_pending'))[0].pending),
  );
}

/** Polls `left` until it counts none; fails after 5 minutes with `failure`. */
async function untilNoneLeft(failure: string, left: () => Promise<number>): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if ((await left()) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${failure} within 5 minutes`);
}

interface Scenario {
  name: string;
  query: string;
  variables?: () => Record<string, unknown>;
  /** Signed in: each connection as a member of its own, so no member has two writes in flight. Else anonymous. */
  perConnectionMember?: boolean;
  /** Timed, all rounds of it, before any write: what it reads would grow with what the writes add. */
  beforeWrites?: boolean;
  /** Replies to other threads sent meanwhile (per second, by one member, one at a time), as a forum in use writes. */
  repliesElsewherePerSecond?: number;
}

/** Sends replies to `threadIdOf()` at a steady rate until stopped; resolves with how many were sent. */
function replyElsewhere(url: string, token: string, perSecond: number, threadIdOf: () => number): () => Promise<number> {
  let running = true;
  let sent = 0;
  const done = (async () => {
    const start = performance.now();
    while (running) {
      await graphql(url, documents.reply, { threadId: String(threadIdOf()), body: 'Another reply, elsewhere in the forum.' }, token);
      sent++;
      const wait = start + (sent * 1000) / perSecond - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  })();
  return async () => {
    running = false;
    await done;
    return sent;
  };
}

/** One timed load of one operation. */
interface Measurement {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  cpuMsPerRequest: number;
  /** The database server's CPU per request (PostgreSQL on this machine), else null. */
  databaseCpuMsPerRequest: number | null;
  /** With --worker-apart: the worker instance's CPU per request, from the load's start until its jobs were done. */
  workerCpuMsPerRequest: number | null;
  /** Post jobs (the bot's decisions, notifications, checks) still pending when the load ended, by job. */
  backlog: Map<string, number>;
  /** Requests answered. */
  requests: number;
  /** For a write: seconds from the end of its load until its post jobs had all finished. */
  drainSeconds: number | null;
}

/** An operation's load in one round, beside the trivial query's loads right before and after it. */
interface RoundResult extends Measurement {
  /** The trivial query's req/s, the mean of its loads before and after. */
  trivialRps: number;
  /** req/s ÷ the trivial query's. */
  vsTrivial: number;
  /** The trivial query's CPU per request (the mean of the two loads) ÷ this operation's. */
  cpuVsTrivial: number;
}

interface Row {
  name: string;
  /** In the order run; for the trivial query, every one of its loads. */
  rounds: RoundResult[];
  statements: StatementCount | null;
}

async function load(
  url: string,
  scenario: Scenario,
  tokens: string[],
  duration: number,
): Promise<{ result: autocannon.Result; graphqlErrors: number }> {
  let graphqlErrors = 0;
  let nextMember = 0;
  // Request objects of its own for each connection: autocannon's shared ones would carry one member's header.
  const requestsFor = (headers: Record<string, string>): autocannon.Request[] => [
    {
      method: 'POST',
      headers,
      setupRequest: (request) => ({ ...request, body: JSON.stringify({ query: scenario.query, variables: scenario.variables?.() ?? {} }) }),
      onResponse: (_status, body) => {
        if (body.includes('"errors"')) graphqlErrors++;
      },
    },
  ];
  const anonymous = { 'content-type': 'application/json' };
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: requestsFor(anonymous),
    setupClient: (client) => {
      if (scenario.perConnectionMember) client.setRequests(requestsFor({ ...anonymous, authorization: `Bearer ${tokens[nextMember++]}` }));
    },
  });
  return { result, graphqlErrors };
}

/** The SQL statements of one request of a scenario, and of the post jobs it sets off (run after the response). */
interface StatementCount {
  request: number;
  jobs: number;
}

/**
 * Counts each scenario's statements with the app's own SQL logger, in this process. A post job may run while its
 * request is still being answered, so the request's own are counted by an instance that runs no jobs, and its jobs' by
 * one that does, as what the whole takes there beyond the request.
 */
async function countStatements(engine: Engine, scenarios: Scenario[], tokens: string[]): Promise<Map<string, StatementCount>> {
  const { createApp } = await import(pathToFileURL(join(dist, 'apps/api/src/bootstrap.js')).href);
  const { loadEnvironment } = await import(pathToFileURL(join(dist, 'apps/api/src/config/environment.js')).href);
  const { PostJobs } = await import(pathToFileURL(join(dist, 'apps/api/src/jobs/post-jobs.service.js')).href);
  const { DataSource } = await import('typeorm');
  // SQLite's search index is written by a batch shortly after the post jobs: part of what a write sets off.
  const pendingQuery =
    engine.name === 'SQLite'
      ? 'SELECT (SELECT COUNT(*) FROM pending_post_jobs) + (SELECT COUNT(*) FROM search_pending) AS pending'
      : 'SELECT COUNT(*) AS pending FROM pending_post_jobs';
  const pendingCount = async () => Number((await engine.sql(pendingQuery))[0].pending);
  const withApp = async <T>(
    jobWorkers: boolean,
    use: (url: string, queryCount: () => number, jobsIdle: () => Promise<void>) => Promise<T>,
  ) => {
    // The app's start-up log would land in the middle of the tables.
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    // Without workers, without Redis too: jobs it queued there would wait for the next engine's workers.
    const settings = { ...serverEnvironment(engine), JOB_WORKERS: String(jobWorkers), ...(jobWorkers ? {} : { REDIS_URL: '' }) };
    const app = await createApp(loadEnvironment({ ...process.env, ...settings }));
    await app.listen(0, '127.0.0.1');
    try {
      const url = `http://127.0.0.1:${app.getHttpServer().address().port}/graphql`;
      const logger = app.get(DataSource).logger as { queryCount: number };
      const jobs = app.get(PostJobs) as { runningCount: number };
      const jobsIdle = async () => {
        for (let waited = 0; waited < 600 && ((await pendingCount()) > 0 || jobs.runningCount > 0); waited++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      return await use(url, () => logger.queryCount, jobsIdle);
    } finally {
      await app.close();
      process.stdout.write = write;
    }
  };
  const tokenFor = (scenario: Scenario) => (scenario.perConnectionMember ? tokens[tokens.length - 1] : undefined);
  // The first sweeps up the jobs the timed server left, so that none of theirs lands in a count.
  const withJobs = await withApp(true, async (url, queryCount, jobsIdle) => {
    const counts = new Map<string, number>();
    await jobsIdle();
    for (const scenario of scenarios) {
      await graphql(url, scenario.query, scenario.variables?.() ?? {}, tokenFor(scenario));
      await jobsIdle();
      const before = queryCount();
      await graphql(url, scenario.query, scenario.variables?.() ?? {}, tokenFor(scenario));
      await jobsIdle();
      counts.set(scenario.name, queryCount() - before);
    }
    return counts;
  });
  // This one leaves its jobs pending: nothing runs on this database after it.
  return withApp(false, async (url, queryCount) => {
    const counts = new Map<string, StatementCount>();
    for (const scenario of scenarios) {
      await graphql(url, scenario.query, scenario.variables?.() ?? {}, tokenFor(scenario));
      const before = queryCount();
      await graphql(url, scenario.query, scenario.variables?.() ?? {}, tokenFor(scenario));
      const request = queryCount() - before;
      counts.set(scenario.name, { request, jobs: Math.max(0, (withJobs.get(scenario.name) ?? request) - request) });
    }
    return counts;
  });
}

/** Questions in the words of someone who just turned two-factor on; the bot should recognise most of them. */
const botQuestions = [
  {
    title: 'Where do I find backup codes for two-factor?',
    body: 'I just turned on two-factor and I want backup codes in case I lose my phone.',
  },
  {
    title: 'Got a new phone, authenticator codes are gone',
    body: 'I switched phones and the authenticator app on the new one is empty. How do I sign in now?',
  },
  {
    title: 'Can I save the QR code from the setup?',
    body: 'I am setting up two-factor and wonder if I should keep the QR code somewhere safe.',
  },
  { title: 'Locked out after enabling 2FA', body: 'I lost the phone with my authenticator and I am not signed in anywhere. Please help.' },
];

interface BotLatency {
  latencies: number[];
  unanswered: number;
  /** Of the unanswered: the bot had replied within the 3 s, but the live event went out before the subscription was up. */
  missedLive: number;
  /** Post jobs not done yet when the first question was asked. */
  backlog?: number;
}

/** Milliseconds from sending askQuestion until the asker's client has the bot's reply, over the live subscription. */
async function botReplyLatency(engine: Engine, server: Server, token: string): Promise<BotLatency> {
  const client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
  const latencies: number[] = [];
  let unanswered = 0;
  let missedLive = 0;
  try {
    for (let index = 0; index < botAsks; index++) {
      const question = botQuestions[index % botQuestions.length];
      const started = performance.now();
      const askedAt = Date.now();
      const { askQuestion } = await graphql(
        server.url,
        documents.ask,
        { input: { ...question, title: `${question.title} (${index})`, tags: ['2fa'] } },
        token,
      );
      const arrived = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => done(null), 3000);
        let finished = false;
        const done = (at: number | null) => {
          if (finished) return;
          finished = true;
          clearTimeout(timer);
          unsubscribe();
          resolve(at);
        };
        const unsubscribe = client.subscribe(
          { query: documents.threadActivity, variables: { threadId: askQuestion.id } },
          {
            next: (message) => {
              if ((message.data as { threadActivity?: { kind?: string } })?.threadActivity?.kind === 'BOT_ANSWER') done(performance.now());
            },
            error: () => done(null),
            complete: () => {},
          },
        );
        // A bot that answers inside the request (or before the subscription is up) is already there: the client's first read finds it.
        void graphql(server.url, documents.threadPage, { id: askQuestion.id, first: 50 }).then((data) => {
          const replies = data.thread.replies.nodes as { author: { isBot: boolean } }[];
          if (replies.some((reply) => reply.author.isBot)) done(performance.now());
        });
      });
      if (arrived === null) {
        unanswered++;
        const [bot] = await engine.sql(
          `SELECT reply.created_at AS at FROM replies reply JOIN users author ON author.id = reply.author_id WHERE reply.thread_id = ? AND author.role = 'BOT'`,
          [Number(askQuestion.id)],
        );
        if (bot && new Date(bot.at as string).getTime() - askedAt < 3000) missedLive++;
      } else latencies.push(arrived - started);
    }
  } finally {
    await client.dispose();
  }
  return { latencies, unanswered, missedLive };
}

async function pendingJobs(engine: Engine): Promise<Map<string, number>> {
  const rows = await engine.sql('SELECT job, COUNT(*) AS pending FROM pending_post_jobs GROUP BY job ORDER BY job');
  return new Map(rows.map((row) => [String(row.job), Number(row.pending)]));
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

async function benchmark(engine: Engine): Promise<{
  rows: Row[];
  rssBefore: number;
  rssAfter: number;
  bot: BotLatency | null;
  botAfterBurst: BotLatency | null;
  workerApart: boolean;
}> {
  await engine.reset();
  const apart = workerApart && engine.name === 'PostgreSQL';
  const server = new Server(engine, { jobWorkers: !apart, profiled: true });
  const worker = apart ? new Server(engine, { jobWorkers: true, profiled: false }) : null;
  await server.start();
  const fixture = await seed(engine, server);
  await worker?.start();
  await server.start();
  await waitForCooking(engine);
  if (requestOnly) {
    // Cooked and indexed for search by a server that runs the jobs, then timed on one that runs none.
    await waitForSearchIndex(engine);
    await server.stop();
    await server.start(false);
  }

  let sequence = 0;
  const random = pseudoRandom(7);
  const someThread = () => fixture.threadIds[Math.floor(random() * fixture.threadIds.length)];
  const scenarios: Scenario[] = [
    { name: 'trivial query (health)', query: '{ health { status } }' },
    // All their rounds before the writes: every question asked below is on one of the searched topics and gets the bot's
    // reply on it, so a search timed after them would rank thousands more matches than the seeded threads hold.
    {
      name: `search (${bulkThreads} threads)`,
      query: documents.search,
      beforeWrites: true,
      variables: () => ({ query: topics[sequence++ % topics.length], first: 20 }),
    },
    {
      name: `search (${bulkThreads} threads) as a member`,
      query: documents.search,
      perConnectionMember: true,
      beforeWrites: true,
      variables: () => ({ query: topics[sequence++ % topics.length], first: 20 }),
    },
    {
      name: 'ask a question',
      query: documents.ask,
      perConnectionMember: true,
      variables: () => {
        const topic = topics[sequence++ % topics.length];
        return {
          input: {
            title: `Question ${sequence} about my ${topic}`,
            body: `I set up two-factor and wonder about the ${topic}. Request ${sequence}.`,
            tags: ['2fa'],
          },
        };
      },
    },
    {
      name: 'reply',
      query: documents.reply,
      perConnectionMember: true,
      variables: () => ({
        threadId: String(someThread()),
        body: 'Have you tried turning two-factor **off and on** again from your laptop?',
      }),
    },
    {
      name: 'read thread (20 replies)',
      query: documents.threadPage,
      variables: () => ({ id: fixture.bigThreadId, first: 50 }),
    },
    {
      // Each reply empties the cached answers it may change (this thread's are not among them).
      name: 'read thread (20 replies) amid 20 replies/s elsewhere',
      query: documents.threadPage,
      variables: () => ({ id: fixture.bigThreadId, first: 50 }),
      repliesElsewherePerSecond: 20,
    },
    {
      // Signed-in viewers never use the anonymous response cache: this is every read's cost without it.
      name: 'read thread (20 replies) as a member',
      query: documents.threadPage,
      perConnectionMember: true,
      variables: () => ({ id: fixture.bigThreadId, first: 50 }),
    },
    {
      name: 'latest 20 threads',
      query: documents.threadList,
      variables: () => ({ filter: null, sort: 'LATEST_ACTIVITY', first: 20 }),
    },
    {
      name: 'latest 20 threads as a member',
      query: documents.threadList,
      perConnectionMember: true,
      variables: () => ({ filter: null, sort: 'LATEST_ACTIVITY', first: 20 }),
    },
  ];

  const rssBefore = server.rss();
  const [trivial, ...operations] = scenarios;
  const chosen = operations.filter((scenario) => !onlyWords || onlyWords.some((word) => scenario.name.toLowerCase().includes(word)));
  const warmedUp = new Set<Scenario>();
  let botAfterBurst: BotLatency | null = null;

  /** One timed load of `scenario`; the first time, after checking that it succeeds and warming it up. */
  async function measure(scenario: Scenario, profileName: string): Promise<Measurement> {
    const firstTime = !warmedUp.has(scenario);
    warmedUp.add(scenario);
    // A GraphQL error still answers 200: check that each operation succeeds once before timing it.
    if (firstTime) {
      await graphql(server.url, scenario.query, scenario.variables?.() ?? {}, scenario.perConnectionMember ? fixture.tokens[0] : undefined);
    }
    const stopWriting = scenario.repliesElsewherePerSecond
      ? replyElsewhere(server.url, fixture.tokens[fixture.tokens.length - 2], scenario.repliesElsewherePerSecond, someThread)
      : null;
    if (firstTime && warmup > 0) await load(server.url, scenario, fixture.tokens, warmup);
    await server.cutProfile('warm-up');
    const duration = scenario === trivial ? trivialSeconds : seconds;
    const cpuBefore = server.cpuMs();
    const workerCpuBefore = worker?.cpuMs() ?? 0;
    const databaseCpuBefore = await engine.serverCpuMs();
    const { result, graphqlErrors } = await load(server.url, scenario, fixture.tokens, duration);
    const cpuMs = server.cpuMs() - cpuBefore;
    const databaseCpuAfter = await engine.serverCpuMs();
    await stopWriting?.();
    const backlog = await pendingJobs(engine);
    await server.cutProfile(profileName);
    const requests = Math.max(1, result.requests.total);
    const measurement: Measurement = {
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx + result.timeouts + graphqlErrors,
      cpuMsPerRequest: cpuMs / requests,
      databaseCpuMsPerRequest:
        databaseCpuBefore === null || databaseCpuAfter === null ? null : cpuUsedSince(databaseCpuBefore, databaseCpuAfter) / requests,
      workerCpuMsPerRequest: null,
      backlog,
      requests: result.requests.total,
      drainSeconds: null,
    };
    // Right after the writes, while their jobs (notifications, checks) are still queued: the asker waits behind them or not.
    if (scenario.name === 'reply' && !botAfterBurst && !requestOnly) {
      const [{ pending: left }] = await engine.sql('SELECT COUNT(*) AS pending FROM pending_post_jobs');
      botAfterBurst = { ...(await botReplyLatency(engine, server, fixture.tokens[fixture.tokens.length - 1])), backlog: Number(left) };
    }
    // Each load runs on its own, not beside an earlier write's backlog; that backlog is part of the write's cost.
    if (backlog.size > 0 && !requestOnly) measurement.drainSeconds = await drainPostJobs(engine);
    if (worker) measurement.workerCpuMsPerRequest = (worker.cpuMs() - workerCpuBefore) / requests;
    return measurement;
  }

  // Each round times the trivial query before and after every operation, and compares the operation with the two: the
  // machine's speed drifts within minutes, so a trivial query timed once at the start is no yardstick for the last one.
  const trivialMeasurements: Measurement[] = [];
  const roundsOf = new Map<Scenario, RoundResult[]>(chosen.map((scenario) => [scenario, []]));
  const measureTrivial = async () => {
    const measurement = await measure(trivial, `${trivial.name} ${trivialMeasurements.length + 1}`);
    trivialMeasurements.push(measurement);
    return measurement;
  };
  const groups = [chosen.filter((scenario) => scenario.beforeWrites), chosen.filter((scenario) => !scenario.beforeWrites)].filter(
    (group) => group.length > 0,
  );
  for (const group of groups.length > 0 ? groups : [[]]) {
    for (let round = 1; round <= rounds; round++) {
      let before = await measureTrivial();
      for (const scenario of group) {
        const measurement = await measure(scenario, `${scenario.name} round ${round}`);
        const after = await measureTrivial();
        const trivialRps = (before.rps + after.rps) / 2;
        const trivialCpuMs = (before.cpuMsPerRequest + after.cpuMsPerRequest) / 2;
        roundsOf.get(scenario)!.push({
          ...measurement,
          trivialRps,
          vsTrivial: measurement.rps / trivialRps,
          cpuVsTrivial: trivialCpuMs / measurement.cpuMsPerRequest,
        });
        before = after;
      }
    }
  }
  const bot = requestOnly ? null : await botReplyLatency(engine, server, fixture.tokens[fixture.tokens.length - 1]);
  const rssAfter = server.rss();
  await server.stop();
  await worker?.stop();

  const rows: Row[] = [
    {
      name: trivial.name,
      rounds: trivialMeasurements.map((measurement) => ({ ...measurement, trivialRps: measurement.rps, vsTrivial: 1, cpuVsTrivial: 1 })),
      statements: null,
    },
    ...chosen.map((scenario) => ({ name: scenario.name, rounds: roundsOf.get(scenario)!, statements: null })),
  ];
  // Left by --request-only: the counting instance would run them all first.
  if (requestOnly) await engine.sql('DELETE FROM pending_post_jobs');
  const statements = await countStatements(engine, [trivial, ...chosen], fixture.tokens);
  for (const row of rows) row.statements = statements.get(row.name) ?? null;
  return { rows, rssBefore, rssAfter, bot, botAfterBurst, workerApart: apart };
}

/** Waits until every post job has finished (at most 10 minutes); returns the seconds it took. */
async function drainPostJobs(engine: Engine): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 600_000) {
    const [{ pending }] = await engine.sql('SELECT COUNT(*) AS pending FROM pending_post_jobs');
    if (Number(pending) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return (performance.now() - started) / 1000;
}

/** Wide enough for the longest operation's name, so that the columns after it line up. */
function nameColumnWidth(rows: { name: string }[]): number {
  return Math.max(26, ...rows.map((row) => row.name.length));
}

function printTable(engine: string, outcome: Awaited<ReturnType<typeof benchmark>>): void {
  console.log(
    `\n${engine}: ${rounds} round(s) of ${seconds} s per operation, each between ${trivialSeconds} s loads of the trivial query (the first after ${warmup} s warm-up), ` +
      `${connections} connections, loopback (node ${process.version}, ${dist}), post jobs ${outcome.workerApart ? 'on BullMQ, run by a second instance (the timed one has JOB_WORKERS=false)' : requestOnly ? 'not run (--request-only: left pending)' : redisUrl ? 'on BullMQ' : 'in process'}; medians of the rounds`,
  );
  const nameWidth = nameColumnWidth(outcome.rows);
  console.log(
    `${'operation'.padEnd(nameWidth)}   req/s   p50 ms   p99 ms   vs trivial     (min–max)   CPU vs trivial   errors  SQL req+jobs   server CPU ms/request   database CPU ms/request`,
  );
  const percent = (ratio: number) => (ratio * 100).toFixed(1);
  const extent = (values: number[], format: (value: number) => string) => `${format(Math.min(...values))}–${format(Math.max(...values))}`;
  for (const [index, row] of outcome.rows.entries()) {
    const of = (value: (result: RoundResult) => number | null) => median(row.rounds.map(value).filter((value) => value !== null));
    const rps = of((result) => result.rps);
    const p50 = of((result) => result.p50);
    const p99 = of((result) => result.p99);
    const vsTrivial = of((result) => result.vsTrivial);
    const cpuVsTrivial = of((result) => result.cpuVsTrivial);
    const cpuMs = of((result) => result.cpuMsPerRequest);
    const databaseCpuMs = of((result) => result.databaseCpuMsPerRequest);
    const ratios = row.rounds.map((result) => result.vsTrivial);
    const errors = row.rounds.reduce((sum, result) => sum + result.errors, 0);
    const cells = [
      row.name.padEnd(nameWidth),
      rps.toFixed(0).padStart(7),
      String(p50).padStart(8),
      String(p99).padStart(8),
      `${percent(vsTrivial).padStart(10)} %`,
      (index === 0 ? '-' : `${extent(ratios, percent)} %`).padStart(13),
      `${percent(cpuVsTrivial).padStart(14)} %`,
      String(errors).padStart(8),
      (row.statements ? `${row.statements.request} + ${row.statements.jobs}` : '?').padStart(13),
      cpuMs.toFixed(2).padStart(23),
      (Number.isNaN(databaseCpuMs) ? '-' : databaseCpuMs.toFixed(2)).padStart(25),
    ];
    console.log(cells.join(' '));
  }
  const trivialLoads = outcome.rows[0].rounds;
  const rpsRange = extent(
    trivialLoads.map((load) => load.rps),
    (rps) => rps.toFixed(0),
  );
  const cpuRange = extent(
    trivialLoads.map((load) => load.cpuMsPerRequest),
    (ms) => ms.toFixed(2),
  );
  console.log(
    `the trivial query's ${trivialLoads.length} loads over the run: ${rpsRange} req/s, ${cpuRange} server CPU ms/request ` +
      '(the drift that the ratios to the loads beside each operation leave out)',
  );
  console.log(`server RSS: ${outcome.rssBefore.toFixed(0)} MB before, ${outcome.rssAfter.toFixed(0)} MB after`);
  for (const row of outcome.rows.filter((row) => row.rounds.some((result) => result.workerCpuMsPerRequest !== null))) {
    console.log(
      `worker instance CPU per ${row.name} request (its jobs): ${median(row.rounds.map((result) => result.workerCpuMsPerRequest!)).toFixed(2)} ms`,
    );
  }
  // --request-only: no post job ran, so there is no backlog and no bot reply to report.
  if (!outcome.bot) return;
  for (const row of outcome.rows.filter((row) => /ask|reply/.test(row.name))) {
    const pending = row.rounds.map((result) => {
      const total = [...result.backlog.values()].reduce((sum, count) => sum + count, 0);
      const byJob = [...result.backlog].map(([job, count]) => `${job} ${count}`).join(', ');
      return `${total}${total > 0 ? ` (${byJob}), all done ${result.drainSeconds!.toFixed(1)} s later` : ''}`;
    });
    // Requests over the time until their jobs were done too: what the server keeps up with, the bot included.
    const sustained = row.rounds.map((result) => result.requests / (seconds + (result.drainSeconds ?? 0)));
    const sustainedVsTrivial = row.rounds.map((result, round) => sustained[round] / result.trivialRps);
    console.log(
      `post jobs still pending when the ${row.name} load ended, by round: ${pending.join('; ')}; ` +
        `sustained with them: ${median(sustained).toFixed(0)} req/s, ${percent(median(sustainedVsTrivial))} % of trivial`,
    );
  }
  console.log(`bot reply reaches the asker live: ${botLine(outcome.bot)}`);
  if (outcome.botAfterBurst) {
    const { backlog } = outcome.botAfterBurst;
    console.log(`  right after the first reply burst (${backlog} of its post jobs still queued): ${botLine(outcome.botAfterBurst)}`);
  }
}

/** The middle value (the mean of the middle two for an even count); NaN for none. */
function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function botLine(bot: BotLatency): string {
  const sorted = [...bot.latencies].sort((a, b) => a - b);
  return (
    `p50 ${percentile(sorted, 0.5).toFixed(0)} ms, p99 ${percentile(sorted, 0.99).toFixed(0)} ms ` +
    `(${sorted.length} of ${botAsks} questions answered within 3 s` +
    (bot.missedLive > 0 ? `; the bot replied to ${bot.missedLive} more within 3 s, but before their subscription was up)` : ')')
  );
}

const engines: Engine[] = [sqliteEngine()];
if (process.env.BENCH_DATABASE_URL) engines.push(postgresEngine(process.env.BENCH_DATABASE_URL));
const outcomes = new Map<string, Awaited<ReturnType<typeof benchmark>>>();
try {
  for (const engine of engines) {
    const outcome = await benchmark(engine);
    outcomes.set(engine.name, outcome);
    printTable(engine.name, outcome);
  }
  const sqlite = outcomes.get('SQLite');
  const postgres = outcomes.get('PostgreSQL');
  if (sqlite && postgres) {
    console.log('\nPostgreSQL ÷ SQLite, median ratios to the trivial query:');
    const nameWidth = nameColumnWidth(postgres.rows);
    for (const [index, row] of postgres.rows.entries()) {
      if (index === 0) continue;
      const ratio = (outcome: typeof sqlite) => median(outcome.rows[index].rounds.map((result) => result.vsTrivial));
      console.log(`${row.name.padEnd(nameWidth)} ${(ratio(postgres) / ratio(sqlite)).toFixed(2).padStart(7)}`);
    }
  }
} finally {
  for (const engine of engines) await engine.close();
}

import 'reflect-metadata';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createApp, listen } from '../../apps/api/src/bootstrap.js';
import { Environment, loadEnvironment } from '../../apps/api/src/config/environment.js';
import { SqlLogger } from '../../apps/api/src/database/sql-logger.js';
import { DemoSeedService } from '../../apps/api/src/demo/demo-seed.service.js';
import { PostJobs } from '../../apps/api/src/jobs/post-jobs.service.js';
import { createTestDatabase, TestDatabase } from './test-database.js';

export interface GraphqlResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; fields?: { field: string; message: string }[]; [key: string]: unknown };
  }[];
  headers: Headers;
}

/** The code of a response's first error (ERROR for an error without one), or OK when there is none. */
export const codeOf = (response: GraphqlResponse): string => response.errors?.[0]?.extensions?.code ?? (response.errors ? 'ERROR' : 'OK');

/** The cookie (name=value) of that name a response set, if any. */
export const cookieOf = (response: GraphqlResponse, name: string): string | undefined =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .find((pair) => pair.startsWith(`${name}=`));

export interface RequestOptions {
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
  /** Loopback address to send from (127.0.0.2, 127.0.0.3 ...): another client IP, without trusting any header. */
  from?: string;
}

/** Settings that keep the tests fast and independent; a suite can override any of them. */
const testDefaults: Record<string, string> = {
  NODE_ENV: 'test',
  SEED_DEMO: 'false',
  WEB_DIST_PATH: '',
  RATE_LIMIT_ASK_SECONDS: '0',
  RATE_LIMIT_REPLY_SECONDS: '0',
  RATE_LIMIT_FLAGS_PER_HOUR: '100000',
  RATE_LIMIT_ANSWER_CHANGES_PER_HOUR: '100000',
  RATE_LIMIT_EDIT_SECONDS: '0',
  RATE_LIMIT_SIGN_IN_ATTEMPTS: '100000',
  RATE_LIMIT_SIGN_IN_IP_FAILURES_PER_DAY: '100000',
  RATE_LIMIT_SIGN_IN_LOGIN_FAILURES_PER_DAY: '100000',
  RATE_LIMIT_SIGN_UPS_PER_HOUR: '100000',
  RATE_LIMIT_SEARCHES_PER_MINUTE: '100000',
};

/** A POST bound to a local address (fetch cannot choose one). */
function postFrom<T>(localAddress: string, url: string, headers: Record<string, string>, payload: string): Promise<GraphqlResponse<T>> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers, localAddress }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: T; errors?: GraphqlResponse['errors'] };
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          resolve({ status: response.statusCode ?? 0, data: body.data, errors: body.errors, headers: responseHeaders });
        } catch (error) {
          reject(error as Error);
        }
      });
    });
    request.on('error', reject);
    request.end(payload);
  });
}

/** The real app on a fresh database, listening on a free loopback port, spoken to over HTTP. */
export class TestApp {
  url = '';
  /** Made per app and kept across restart(), so encrypted TOTP secrets stay readable; a second instance passes it on. */
  readonly totpEncryptionKey = randomBytes(32).toString('hex');
  private app: NestExpressApplication | null = null;
  /** Statements of jobsDone's own checks on the running app: the test's, not the app's, so queryCount leaves them out. */
  private checkStatements = 0;

  private constructor(
    readonly database: TestDatabase,
    private readonly settings: Record<string, string>,
  ) {}

  static async start(settings: Record<string, string> = {}): Promise<TestApp> {
    const testApp = new TestApp(await createTestDatabase(), settings);
    await testApp.boot();
    return testApp;
  }

  get nest(): NestExpressApplication {
    if (!this.app) throw new Error('the test app is not running');
    return this.app;
  }

  /** SQL statements run so far by this app (not counting jobsDone's checks). */
  get queryCount(): number {
    return (this.nest.get(DataSource).logger as SqlLogger).queryCount - this.checkStatements;
  }

  /**
   * The SQL statements `work` runs, and its result. Counting starts once the work that earlier requests left to run
   * in the background is done (see jobsDone), which could otherwise land in the count; an app without job workers
   * leaves none. What `work` sets off itself is counted as far as `work` waits for it (it may end with jobsDone).
   */
  async countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    if (this.nest.get(Environment).JOB_WORKERS) await this.jobsDone();
    const before = this.queryCount;
    const result = await work();
    return { result, statements: this.queryCount - before };
  }

  async request<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: RequestOptions = {},
  ): Promise<GraphqlResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.cookie) headers.cookie = options.cookie;
    const payload = JSON.stringify({ query, variables });
    if (options.from) return postFrom<T>(options.from, `${this.url}/graphql`, headers, payload);
    const response = await fetch(`${this.url}/graphql`, { method: 'POST', headers, body: payload });
    const body = (await response.json()) as { data?: T; errors?: GraphqlResponse['errors'] };
    return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
  }

  /** Like request, but fails the test on any GraphQL error. */
  async query<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, options: RequestOptions = {}): Promise<T> {
    const response = await this.request<T>(query, variables, options);
    if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
    return response.data as T;
  }

  /**
   * Waits until the jobs of every post made so far have run (the bot's decision, notifications, impostor checks):
   * what a reader sees a moment after posting. Checks the pending set, so it also serves before asserting an absence,
   * and that no job is still running here: a job's work can go on after its completion has committed.
   */
  async jobsDone(timeoutMs = 10_000): Promise<void> {
    const dataSource = this.nest.get(DataSource);
    // SQLite: and the posts they wrote are in the search index, which an instance with workers writes shortly after.
    const pendingQuery =
      dataSource.options.type === 'postgres' || !this.nest.get(Environment).JOB_WORKERS
        ? 'SELECT COUNT(*) AS pending FROM pending_post_jobs'
        : 'SELECT (SELECT COUNT(*) FROM pending_post_jobs) + (SELECT COUNT(*) FROM search_pending) AS pending';
    const until = Date.now() + timeoutMs;
    for (;;) {
      this.checkStatements++;
      const [{ pending }] = await dataSource.query<{ pending: number | string }[]>(pendingQuery);
      if (Number(pending) === 0 && this.nest.get(PostJobs).runningCount === 0) return;
      if (Date.now() > until) throw new Error(`${pending} post job(s) still pending after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Stops the process-level app and starts it again on the same database, with `changes` to its settings. */
  async restart(changes: Record<string, string> = {}): Promise<void> {
    Object.assign(this.settings, changes);
    await this.nest.close();
    this.app = null;
    await this.boot();
  }

  async stop(): Promise<void> {
    await this.app?.close();
    this.app = null;
    await this.database.drop();
  }

  private async boot(): Promise<void> {
    const environment = loadEnvironment({
      ...process.env,
      ...testDefaults,
      TOTP_ENCRYPTION_KEY: this.totpEncryptionKey,
      ...this.database.environment,
      ...this.settings,
    });
    this.app = await createApp(environment);
    this.checkStatements = 0;
    // As main.ts starts it: listening, then the demo forum (SEED_DEMO, an empty database).
    const { port } = await listen(this.app, 0, '127.0.0.1');
    await this.app.get(DemoSeedService).seedIfEmpty();
    this.url = `http://127.0.0.1:${port}`;
  }
}

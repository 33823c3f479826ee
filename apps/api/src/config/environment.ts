import { plainToInstance, Transform } from 'class-transformer';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { defaultThresholds } from '#matcher';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  validateSync,
} from 'class-validator';

const booleanWords: Record<string, boolean> = {
  '1': true,
  true: true,
  yes: true,
  on: true,
  '0': false,
  false: false,
  no: false,
  off: false,
};
// Anything else stays as given, so that validation refuses it and names it (a mistyped COOKIE_SECURE=ture is no false).
const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (booleanWords[value.trim().toLowerCase()] ?? value) : value;
const toNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;

const proxyNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

function parseTrustProxy(value: string): boolean | number | string[] {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === 'false' || trimmed === '') return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed.split(',').map((entry) => entry.trim());
}

function isProxyEntry(entry: string): boolean {
  if (proxyNames.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}

@ValidatorConstraint({ name: 'trustProxy' })
class TrustProxyConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    const parsed = parseTrustProxy(value);
    return !Array.isArray(parsed) || parsed.every(isProxyEntry);
  }

  defaultMessage(): string {
    return 'TRUST_PROXY must be false, a hop count, or a comma-separated list of addresses, subnets, loopback, linklocal or uniquelocal';
  }
}

/** Every setting the API reads, with its default. Validated once at start-up. */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /**
   * Seconds a client has to send a request's headers (Node's `headersTimeout`, 60 by default), or it is answered 408
   * and its socket closed. Counted from the connection's opening, then from each next request's first byte: the idle
   * time of a kept-alive connection is not.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  HTTP_HEADERS_TIMEOUT_SECONDS = 15;

  /**
   * Seconds a client has to send a whole request, headers and body (Node's `requestTimeout`, 300 by default). Not the
   * time the API takes to answer, nor the life of a WebSocket, which this no longer counts once upgraded.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  HTTP_REQUEST_TIMEOUT_SECONDS = 30;

  /**
   * Seconds an idle kept-alive connection stays open (Node's `keepAliveTimeout`, 5 by default). Longer than the idle
   * timeout of the usual proxies (nginx's upstream keepalive and AWS load balancers: 60), so that the proxy closes it
   * first and never sends a request on a connection the API has just closed.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  HTTP_KEEPALIVE_TIMEOUT_SECONDS = 65;

  /** PostgreSQL connection string; when absent the embedded SQLite file is used. */
  // Optional settings are initialised to undefined so that they are own keys of `new Environment()`
  // (SWC does not define bare fields), which loadEnvironment uses as the list of known settings.
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string = undefined;

  /**
   * PostgreSQL connections for requests. The pool holds JOB_CONCURRENCY more when this instance runs jobs, so that a
   * burst of post jobs leaves requests their connections.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(1000)
  DATABASE_POOL_SIZE = 10;

  @IsString()
  SQLITE_PATH = './data/twofa-forum.sqlite';

  /**
   * SQLite's `synchronous` pragma (the file is in WAL mode). NORMAL: a commit survives the process crashing (kill -9)
   * and the file never corrupts, but the last commits may be lost if the machine loses power; FULL also survives
   * that, at an fsync per commit that blocks the event loop (about 1.5 ms on a VM disk, more than an ask's own work).
   */
  @IsIn(['NORMAL', 'FULL'])
  SQLITE_SYNCHRONOUS: 'NORMAL' | 'FULL' = 'NORMAL';

  /** Redis shared by several API instances (rate limits, live updates); in-process when absent. */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string = undefined;

  /** Prefix of every Redis key and channel: instances sharing REDIS_URL and this prefix share rate limits and events. */
  @Matches(/^[A-Za-z0-9:_.-]{1,64}$/, { message: 'REDIS_KEY_PREFIX must be 1 to 64 of letters, digits, ":", "_", "." or "-"' })
  REDIS_KEY_PREFIX = 'twofa:';

  /**
   * Whether this instance runs post-processing jobs (the bot, notifications, impostor checks) and, on SQLite, writes
   * new posts into the search index soon after they are made. Off, it only records and queues them: another
   * instance's workers take them (with Redis) or the sweep of the next start; posts reach the index before a search.
   */
  @Transform(toBoolean)
  @IsBoolean()
  JOB_WORKERS = true;

  /**
   * Jobs one instance runs at once. A job on PostgreSQL mostly waits for its round trips: with 4, a steady stream of
   * questions left the bot's decisions behind (thousands queued after 6 s of `bench:api`'s ask load), with 8 they keep up.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(64)
  JOB_CONCURRENCY = 8;

  /** Tries per job before it is left to the sweep; the pause doubles from JOB_BACKOFF_MS after each failure. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  JOB_ATTEMPTS = 5;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  JOB_BACKOFF_MS = 1000;

  /** Seconds between sweeps that queue again the post-processing a crash or an outage left undone (also run at start-up). */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  JOB_SWEEP_SECONDS = 60;

  /**
   * Longest that a response to a visitor who is not signed in is served from this instance's cache; 0 turns the
   * cache off. Every write that can change what they see empties it at once (ContentGeneration), this is the cap.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(3600)
  ANONYMOUS_CACHE_SECONDS = 30;

  /** Create a small demo forum on an empty database. */
  @Transform(toBoolean)
  @IsBoolean()
  SEED_DEMO = true;

  /** Mark the session cookie Secure; by default it is in production (serve over HTTPS there). */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  COOKIE_SECURE?: boolean = undefined;

  /**
   * Which peers may tell the client's address in X-Forwarded-For (Express's `trust proxy`): `false`
   * (nobody, the default), a hop count, or a comma-separated list of addresses, subnets and the names
   * `loopback`, `linklocal`, `uniquelocal`. Per-IP rate limits count the address this yields.
   */
  @Validate(TrustProxyConstraint)
  TRUST_PROXY = 'false';

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  SESSION_TTL_DAYS = 30;

  /** Sessions one account may hold at once: a sign-in past it ends the oldest, so sign-ins in a loop cannot pile them up. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  SESSIONS_PER_ACCOUNT = 100;

  /** Seconds a member waits between two new questions (Discourse: 15). */
  @Transform(toNumber)
  @IsNumber()
  @Min(0)
  RATE_LIMIT_ASK_SECONDS = 15;

  /** Seconds a member waits between two replies (Discourse: 5). */
  @Transform(toNumber)
  @IsNumber()
  @Min(0)
  RATE_LIMIT_REPLY_SECONDS = 5;

  /** Seconds a member waits between two edits of questions or replies. */
  @Transform(toNumber)
  @IsNumber()
  @Min(0)
  RATE_LIMIT_EDIT_SECONDS = 5;

  /** Flags one member may raise per hour. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  RATE_LIMIT_FLAGS_PER_HOUR = 20;

  /** Accepted-answer changes (accepting or withdrawing an answer) one member may make per hour. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  RATE_LIMIT_ANSWER_CHANGES_PER_HOUR = 30;

  /** Failed sign-ins in a row allowed for one login (username or e-mail) from one IP before a pause. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  RATE_LIMIT_SIGN_IN_ATTEMPTS = 10;

  /** Minutes a login waits, from that IP only, after RATE_LIMIT_SIGN_IN_ATTEMPTS failures in a row. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  RATE_LIMIT_SIGN_IN_BLOCK_MINUTES = 15;

  /** Failed sign-ins allowed per IP per day, whatever the login; past it the IP waits a day. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  RATE_LIMIT_SIGN_IN_IP_FAILURES_PER_DAY = 100;

  /**
   * Failed sign-ins allowed per login (as typed) per day from every IP together: credential stuffing spread over many
   * addresses. Past it the login waits until the day's window ends, from every IP, its owner's too.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  RATE_LIMIT_SIGN_IN_LOGIN_FAILURES_PER_DAY = 100;

  /**
   * Password hashes and checks (argon2id, about 0.15 s each on threads of their own) that run at once; the others wait
   * their turn. The default leaves a core to the event loop: on two cores, while 16 sign-ins ran at once, a health query
   * waited up to 47 ms (median of 9 bursts; 81 at most) with two at a time, and 28 (38) with one, the sign-ins a fifth
   * slower (`scripts/abuse-probe.ts --only signins`).
   */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  PASSWORD_HASH_CONCURRENCY = Math.max(1, availableParallelism() - 1);

  /**
   * Password hashes and checks that may wait their turn; past them a sign-in, sign-up or password change is refused
   * (RATE_LIMITED, reason PASSWORD_CHECKS_BUSY) before any work, instead of waiting many seconds in an unbounded queue.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  PASSWORD_HASH_QUEUE = 32;

  /** suggestAnswers calls (made while a question is typed) per minute: per member when signed in, else per client IP. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  RATE_LIMIT_SUGGESTIONS_PER_MINUTE = 120;

  /**
   * Searches run per minute: per member when signed in, else per client IP. Visitors' repeated searches come from the
   * anonymous response cache and are not counted.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  RATE_LIMIT_SEARCHES_PER_MINUTE = 60;

  /** Sign-ups allowed per IP per hour. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  RATE_LIMIT_SIGN_UPS_PER_HOUR = 10;

  @Transform(toNumber)
  @IsInt()
  @Min(2)
  @Max(50)
  GRAPHQL_MAX_DEPTH = 10;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(1000)
  GRAPHQL_MAX_ALIASES = 30;

  /**
   * Tokens one GraphQL document may have (graphql-js's parser stops there; graphql-armor's default). The web app's
   * largest has 125. graphql-js's OverlappingFieldsCanBeMerged compares every pair of same-named fields and fragments of
   * a selection: at 3000, a valid document of 300 spreads or 600 repeated fields took 45-150 ms to validate; at 1000, 10-20.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(100)
  GRAPHQL_MAX_TOKENS = 1000;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  GRAPHQL_MAX_DIRECTIVES = 20;

  /** Estimated cost of one operation: 1 per field, more for rendered HTML, times the page size of every list above it. */
  @Transform(toNumber)
  @IsInt()
  @Min(100)
  GRAPHQL_MAX_COMPLEXITY = 5000;

  /**
   * Estimated cost of one subscription, weighed as an operation is: its selection runs again at every event, for every
   * subscriber at once, so it is held to far less than a query (the web app's cost 74 at most: a thread's activity).
   */
  @Transform(toNumber)
  @IsInt()
  @Min(10)
  GRAPHQL_MAX_SUBSCRIPTION_COMPLEXITY = 200;

  /** Largest GraphQL response body; a larger one is replaced by a BAD_USER_INPUT error. */
  @Transform(toNumber)
  @IsInt()
  @Min(1024)
  GRAPHQL_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

  /** Largest WebSocket message accepted, like the HTTP body limit (100 KB). */
  @Transform(toNumber)
  @IsInt()
  @Min(1024)
  WS_MAX_PAYLOAD_BYTES = 100 * 1024;

  /** Open WebSockets per client address (the one TRUST_PROXY yields, as for the rate limits). */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  WS_MAX_SOCKETS_PER_CLIENT = 20;

  /** Subscriptions running at once on one WebSocket. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  WS_MAX_SUBSCRIPTIONS_PER_SOCKET = 20;

  /**
   * The estimated cost (as GRAPHQL_MAX_SUBSCRIPTION_COMPLEXITY weighs one) of all the subscriptions running at once on
   * one client address's sockets: each runs again at every event, so this bounds the work one client makes of each
   * post. A web app tab's cost about 100 at most, 20 of them 2000; 400 subscriptions to a thread's replies with their
   * texts took 0.3 s of the event loop at every reply.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(10)
  WS_MAX_SUBSCRIPTION_COST_PER_CLIENT = 2000;

  /** Seconds a WebSocket may stay open without any subscription. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  WS_IDLE_SECONDS = 300;

  /** Seconds between pings; a socket that does not answer one in as long is dropped. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  WS_KEEPALIVE_SECONDS = 15;

  /** Calibrated confidence at or above which the bot replies publicly (default: chosen for held-out precision >= 0.95). */
  @Transform(toNumber)
  @IsNumber()
  @Min(0)
  @Max(1)
  BOT_ANSWER_THRESHOLD = defaultThresholds.answer;

  /** Matcher confidence at or above which a suggestion waits in the staff queue. */
  @Transform(toNumber)
  @IsNumber()
  @Min(0)
  @Max(1)
  BOT_REVIEW_THRESHOLD = defaultThresholds.review;

  /**
   * Combined confidence of the two candidate answers at or above which the bot publicly asks its
   * clarifying question ("still signed in on a device?"); below it the question goes to staff review.
   */
  @Transform(toNumber)
  @IsNumber()
  @Min(0)
  @Max(1)
  BOT_CLARIFY_THRESHOLD = defaultThresholds.clarify;

  /**
   * 32 random bytes (64 hex characters or base64) that encrypt TOTP secrets at rest: `openssl rand -hex 32`.
   * Required in production; elsewhere one is generated and kept next to the SQLite file when unset.
   */
  @IsOptional()
  @Matches(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, {
    message: 'TOTP_ENCRYPTION_KEY must be 32 bytes as 64 hex characters or base64',
  })
  TOTP_ENCRYPTION_KEY?: string = undefined;

  /** Second-step sign-in attempts (codes) allowed per IP in 15 minutes. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  RATE_LIMIT_TWO_FACTOR_IP_ATTEMPTS = 30;

  /** Serve the built web app from this folder at `/` (empty disables it). */
  @IsString()
  WEB_DIST_PATH = './dist/web';

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get cookieSecure(): boolean {
    return this.COOKIE_SECURE ?? this.isProduction;
  }

  /** TRUST_PROXY as Express's `trust proxy` setting takes it. */
  get trustProxy(): boolean | number | string[] {
    return parseTrustProxy(this.TRUST_PROXY);
  }
}

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Settings whose empty value turns their feature off; any other setting set empty takes its default. */
const settingsOffWhenEmpty = new Set(['WEB_DIST_PATH']);

/** Reads and validates the environment; throws one error listing every bad variable. */
export function loadEnvironment(source: Record<string, string | undefined> = process.env): Environment {
  const known = Object.keys(new Environment());
  const values = Object.fromEntries(
    Object.entries(source).filter(
      ([key, value]) => known.includes(key) && value !== undefined && (value !== '' || settingsOffWhenEmpty.has(key)),
    ),
  );
  const environment = plainToInstance(Environment, values);
  const errors = validateSync(environment, { forbidUnknownValues: false });
  const problems = errors.flatMap((error) =>
    constraintMessages(error.constraints ?? {}).map((message) => `${error.property}: ${message} (got ${JSON.stringify(error.value)})`),
  );
  // Compared only once each side is a valid number.
  const invalid = new Set(errors.map((error) => error.property));
  const valid = (...names: (keyof Environment)[]) => names.every((name) => !invalid.has(name));
  if (valid('BOT_REVIEW_THRESHOLD', 'BOT_ANSWER_THRESHOLD') && environment.BOT_REVIEW_THRESHOLD > environment.BOT_ANSWER_THRESHOLD) {
    problems.push('BOT_REVIEW_THRESHOLD must not exceed BOT_ANSWER_THRESHOLD');
  }
  if (
    valid('HTTP_HEADERS_TIMEOUT_SECONDS', 'HTTP_REQUEST_TIMEOUT_SECONDS') &&
    environment.HTTP_HEADERS_TIMEOUT_SECONDS > environment.HTTP_REQUEST_TIMEOUT_SECONDS
  ) {
    problems.push('HTTP_HEADERS_TIMEOUT_SECONDS must not exceed HTTP_REQUEST_TIMEOUT_SECONDS (the headers are part of the request)');
  }
  if (environment.isProduction && !environment.TOTP_ENCRYPTION_KEY) {
    problems.push('TOTP_ENCRYPTION_KEY is required in production (32 random bytes: openssl rand -hex 32)');
  }
  if (problems.length > 0) throw new EnvironmentError(problems);
  return environment;
}

const typeConstraints = ['isInt', 'isNumber', 'isBoolean'];

/** A value of the wrong type is told just that, not also that a word is out of the number's range. */
function constraintMessages(constraints: Record<string, string>): string[] {
  const typeConstraint = typeConstraints.find((name) => name in constraints);
  return typeConstraint ? [constraints[typeConstraint]] : Object.values(constraints);
}

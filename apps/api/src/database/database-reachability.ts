import { setTimeout as sleep } from 'node:timers/promises';
import type { LoggerService } from '@nestjs/common';
import pg from 'pg';
import { Environment } from '../config/environment.js';

/** The PostgreSQL database of DATABASE_URL could not be connected to: said in one line, without a stack trace. */
export class DatabaseUnreachableError extends Error {}

export interface DatabaseWait {
  /** Connection attempts before giving up; 1 for a command-line tool, which fails at once. */
  attempts: number;
  delaySeconds: number;
  /** Told of each failed attempt but the last, when there are more. */
  logger?: LoggerService;
}

/**
 * Connects to DATABASE_URL once per attempt until it answers, before the app is built (the server and the
 * command-line tools): an unreachable database is then told in one line per attempt, where TypeORM's own retries
 * would log a stack trace each, and Nest's exception handler one more at the end.
 */
export async function waitForDatabase(environment: Environment, wait: DatabaseWait): Promise<void> {
  const url = environment.DATABASE_URL;
  if (!url) return;
  for (let attempt = 1; ; attempt += 1) {
    const error = await connectionError(url);
    if (!error) return;
    const reason = describe(error);
    if (attempt >= wait.attempts || !mendedByWaiting(error)) {
      const tries = attempt > 1 ? ` (${attempt} attempts)` : '';
      throw new DatabaseUnreachableError(`DATABASE_URL: cannot connect to the database at ${withoutPassword(url)}: ${reason}${tries}`);
    }
    wait.logger?.warn(
      `Cannot connect to the database at ${withoutPassword(url)} yet: ${reason}; trying again in ${wait.delaySeconds} s (attempt ${attempt} of ${wait.attempts})`,
      'Database',
    );
    await sleep(wait.delaySeconds * 1000);
  }
}

async function connectionError(url: string): Promise<Error | null> {
  // A host that drops packets would otherwise hold the attempt for the system's TCP timeout (minutes).
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return null;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Whether a later attempt can succeed: the server not up yet, or not reachable for now. PostgreSQL's own refusals (a
 * wrong password, no such database) stay, except "starting up" (57P03) and "too many connections" (53300).
 */
function mendedByWaiting(error: Error): boolean {
  if (!(error instanceof pg.DatabaseError)) return true;
  return error.code === '57P03' || error.code === '53300';
}

function describe(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  // pg's AggregateError (every address of a name refused) has an empty message, its parts the reasons.
  const message =
    error.message || (error instanceof AggregateError ? (error.errors as Error[]).map((part) => part.message).join('; ') : '');
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

/** DATABASE_URL as a log line may show it: the password replaced. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(DATABASE_URL, not a URL)';
  }
}

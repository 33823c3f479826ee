import { createHash, randomBytes } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { EntityManager, In, LessThan, MoreThan, Not, Repository } from 'typeorm';
import { AppError, ErrorReason } from '../common/app-error.js';
import { apiClientLabel, deviceLabel } from '../common/device-label.js';
import { parseId } from '../common/id.js';
import { Environment } from '../config/environment.js';
import { ForumEvents } from '../events/forum-events.js';
import type { AuthUser, RequestContext } from '../common/request-context.js';
import { Role } from '../common/role.js';
import { sqlDate, sqlExecute, sqlRows } from '../common/sql.js';
import { Session } from './models/session.model.js';
import { SessionEntity } from './session.entity.js';
import { sessionCookieName, sessionTokenFrom } from './session-token.js';

/** Sessions looked up per statement by liveAmong. */
const liveCheckBatch = 500;
/** The most sessions one sign-in ends past the cap (more only if SESSIONS_PER_ACCOUNT was lowered; the next ones end the rest). */
const surplusEndedAtOnce = 100;
/** The responses that clear the session cookie already (see clearCookie). */
const responsesClearingCookie = new WeakSet<Response>();
/**
 * How stale a session's last use may get before a request writes it anew. Writing it on every request would make every
 * read a write (on SQLite, queued behind the one writer); this way a session busy all day writes it 12 times an hour, and
 * the list still tells a session used minutes ago from one used yesterday.
 */
const lastUseResolutionMs = 5 * 60_000;

/** Where a new session signs in from, as its holder's list shows it. */
export interface SessionOrigin {
  /** deviceLabel of its User-Agent. */
  label: string;
  /** The known device whose two-factor sign-in starts it, if any. */
  knownDeviceId: number | null;
}

/**
 * A session just started: its secret token (only its hash is stored), and the sessions past the cap its start ended, for
 * the caller to announce (announceEnded) once the transaction it started in commits.
 */
export interface StartedSession {
  token: string;
  expiresAt: Date;
  endedHashes: string[];
}

/** How a session token is stored and named anywhere but in the client's hands. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class SessionsService implements OnModuleInit {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    private readonly environment: Environment,
    private readonly events: ForumEvents,
  ) {}

  onModuleInit(): void {
    // A new password signs the account out everywhere else: whoever knew the old one keeps no session.
    this.events.on('passwordChanged', async ({ userId, keptSessionHashes }) => {
      await this.revokeAllOf(userId, keptSessionHashes);
    });
    // Sessions signed in with the password alone would keep an account's staff powers, which need two-factor sign-in:
    // turning it on ends every session but the one that proved the first code.
    this.events.on('twoFactorChanged', async ({ userId, enabled, keptSessionHashes }) => {
      if (enabled) await this.revokeAllOf(userId, keptSessionHashes);
    });
  }

  /** Starts a session in `manager`'s transaction, if it has one (see StartedSession). */
  async create(
    userId: number,
    origin: SessionOrigin = { label: apiClientLabel, knownDeviceId: null },
    manager: EntityManager = this.sessions.manager,
  ): Promise<StartedSession> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.environment.SESSION_TTL_DAYS * 86_400_000);
    await manager.insert(SessionEntity, { tokenHash: hashToken(token), userId, ...origin, createdAt: now, lastUsedAt: now, expiresAt });
    return { token, expiresAt, endedHashes: await this.endOldest(userId, manager) };
  }

  /**
   * Ends the account's oldest sessions past SESSIONS_PER_ACCOUNT in `manager`'s transaction; their hashes, to announce.
   * Successful sign-ins are not throttled: one account signing in in a loop made about 2.5 sessions a second, and ending
   * 200,000 of them at once (signOutOtherSessions) held the server for seconds.
   */
  private async endOldest(userId: number, manager: EntityManager): Promise<string[]> {
    const surplus = await manager.find(SessionEntity, {
      select: { tokenHash: true },
      where: { userId },
      order: { id: 'DESC' },
      skip: this.environment.SESSIONS_PER_ACCOUNT,
      take: surplusEndedAtOnce,
    });
    const endedHashes = surplus.map((session) => session.tokenHash);
    if (endedHashes.length > 0) await manager.delete(SessionEntity, { tokenHash: In(endedHashes) });
    return endedHashes;
  }

  /**
   * Signs `user` in for the rest of this request and for later ones: a new session whose token goes
   * back both in the httpOnly cookie (the web app) and to the caller (API clients). `knownDeviceId`: the known device
   * whose two-factor sign-in this is, remembered in `manager`'s transaction (see AuthService.completeTwoFactorSignIn).
   * The sessions it ends past the cap are the caller's to announce, as create's.
   */
  async start(
    context: RequestContext,
    user: AuthUser,
    knownDeviceId: number | null = null,
    manager: EntityManager = this.sessions.manager,
  ): Promise<StartedSession> {
    const session = await this.create(user.id, { label: deviceLabel(context.request.headers['user-agent']), knownDeviceId }, manager);
    context.response?.cookie(this.cookieName(), session.token, { ...this.cookieOptions(), expires: session.expiresAt });
    context.user = user;
    context.authenticated = true;
    return session;
  }

  /**
   * Ends the session the request is signed in with (its bearer token, else its cookie) and clears the session cookie,
   * unless the cookie names another session: an API client's bearer token beside a browser's cookie signs out the client.
   */
  async end(context: RequestContext): Promise<void> {
    await this.viewerOf(context);
    const own = context.sessionHash;
    if (own) await this.endAtOnce([own]);
    const cookie = this.cookieHashOf(context);
    if (!cookie || cookie === own) this.clearCookie(context);
    context.user = null;
    context.sessionHash = null;
  }

  /**
   * Tells the browser to drop the session cookie: at sign-out, and when it names a session that has ended. Once per
   * response: signing out with a dead cookie comes here twice (viewerOf, then end).
   */
  private clearCookie(context: RequestContext): void {
    const response = context.response;
    if (!response || responsesClearingCookie.has(response)) return;
    responsesClearingCookie.add(response);
    response.clearCookie(this.cookieName(), this.cookieOptions());
  }

  /** The hash of the session cookie the request came with, if any (the bearer token, if it sent one, authenticates it). */
  private cookieHashOf(context: RequestContext): string | null {
    const cookie = this.cookieTokenOf(context.request);
    return cookie ? hashToken(cookie) : null;
  }

  /** The request's viewer, looked up once per request (the AuthGuard, and the response cache before it). */
  async viewerOf(context: RequestContext): Promise<AuthUser | null> {
    if (!context.authenticated) {
      const token = this.tokenFrom(context.request);
      context.user = token ? await this.userFor(token) : null;
      context.sessionHash = context.user && token ? hashToken(token) : null;
      context.authenticated = true;
      // The cookie of a session ended elsewhere (signed out there, a new password) would be offered for ever, and the
      // live socket refuses it each time: it goes, as at sign-out. A bearer token is its client's to drop. A failed
      // look-up throws before this, so only a session known to be gone loses its cookie.
      if (token && !context.user && token === this.cookieTokenOf(context.request)) this.clearCookie(context);
    }
    return context.user;
  }

  /**
   * The user a token belongs to, or null when it is unknown or expired. One query on every request: it reads the
   * account's public profile (name, role, age) and whether two-factor sign-in is on through the users' and two-factor's
   * tables by name (what UsersService.account and TwoFactorService.isEnabled read), rather than three look-ups. The
   * session's last use moves on when it is older than lastUseResolutionMs.
   */
  async userFor(token: string): Promise<AuthUser | null> {
    const [row] = await sqlRows<{
      id: number;
      username: string;
      role: Role;
      created_at: unknown;
      credential_user_id: number | null;
      session_id: number;
      last_used_at: unknown;
    }>(
      this.sessions.manager.connection,
      `SELECT account.id, account.username, account.role, account.created_at, credential.user_id AS credential_user_id,
         session.id AS session_id, session.last_used_at
       FROM sessions session
       JOIN users account ON account.id = session.user_id
       LEFT JOIN two_factor_credentials credential ON credential.user_id = session.user_id AND credential.enabled_at IS NOT NULL
       WHERE session.token_hash = $1 AND session.expires_at > $2`,
      [hashToken(token), new Date()],
    );
    if (!row) return null;
    await this.noteUse(Number(row.session_id), sqlDate(row.last_used_at));
    return {
      id: Number(row.id),
      username: row.username,
      role: row.role,
      createdAt: sqlDate(row.created_at),
      twoFactorEnabled: row.credential_user_id !== null,
    };
  }

  /**
   * Moves a session's last use on, once it is older than lastUseResolutionMs. The condition lets one of the requests
   * that found it stale at once (here or on another instance) write it, and none move it back.
   */
  private async noteUse(sessionId: number, lastUsedAt: Date): Promise<void> {
    const now = new Date();
    const stale = new Date(now.getTime() - lastUseResolutionMs);
    if (lastUsedAt >= stale) return;
    await sqlExecute(this.sessions.manager.connection, 'UPDATE sessions SET last_used_at = $1 WHERE id = $2 AND last_used_at < $3', [
      now,
      sessionId,
      stale,
    ]);
  }

  /** Where the signed-in account is signed in: its live sessions, the latest used first, this request's marked. */
  async list(context: RequestContext): Promise<Session[]> {
    const user = context.requireUser();
    const sessions = await this.sessions.find({
      where: { userId: user.id, expiresAt: MoreThan(new Date()) },
      order: { lastUsedAt: 'DESC', id: 'DESC' },
    });
    return sessions.map((session) => ({
      id: String(session.id),
      label: session.label,
      createdAt: session.createdAt,
      lastUsedAt: session.lastUsedAt,
      current: session.tokenHash === context.sessionHash,
      knownDeviceId: session.knownDeviceId === null ? null : String(session.knownDeviceId),
    }));
  }

  /**
   * Ends one of the signed-in account's sessions; this request's own as signOut does (its cookie cleared), and so is the
   * cookie when it names the session ended while a bearer token authenticates the request. NOT_FOUND for another
   * account's session as for none, so ids say nothing.
   */
  async endOne(context: RequestContext, rawId: string): Promise<void> {
    const user = context.requireUser();
    const id = parseId(rawId);
    const session = await this.sessions.findOne({
      select: { tokenHash: true },
      where: { id, userId: user.id, expiresAt: MoreThan(new Date()) },
    });
    if (!session) throw AppError.notFound(ErrorReason.SESSION_NOT_FOUND, 'Session', rawId);
    if (session.tokenHash === context.sessionHash) return this.end(context);
    await this.endAtOnce([session.tokenHash]);
    if (session.tokenHash === this.cookieHashOf(context)) this.clearCookie(context);
  }

  /**
   * Ends, in `manager`'s transaction, the signed-in account's sessions that signed in through one of its known devices
   * `knownDeviceIds`, but the request's own: whether that one did too, for the caller to end once it needs the session no
   * more, and the hashes of those ended, for the caller to announce (announceEnded) once the transaction commits.
   */
  async endOthersSignedInThrough(
    context: RequestContext,
    knownDeviceIds: readonly number[],
    manager: EntityManager,
  ): Promise<{ ownSession: boolean; endedHashes: string[] }> {
    const user = context.requireUser();
    const sessions = await manager.find(SessionEntity, {
      select: { tokenHash: true },
      where: { userId: user.id, knownDeviceId: In(knownDeviceIds) },
    });
    const endedHashes = sessions.map((session) => session.tokenHash).filter((tokenHash) => tokenHash !== context.sessionHash);
    if (endedHashes.length > 0) await manager.delete(SessionEntity, { tokenHash: In(endedHashes) });
    return { ownSession: endedHashes.length < sessions.length, endedHashes };
  }

  /**
   * Sessions ended, as if each had signed out: their live sockets close. Every way of ending sessions comes here once
   * their deletion is committed, never from inside a transaction that may yet roll back (create, endOthersSignedInThrough).
   */
  async announceEnded(sessionHashes: readonly string[]): Promise<void> {
    for (const sessionHash of sessionHashes) await this.events.emit('sessionEnded', { sessionHash });
  }

  /** Ends the sessions `sessionHashes` outside any transaction: deleted, then announced. */
  private async endAtOnce(sessionHashes: readonly string[]): Promise<void> {
    if (sessionHashes.length === 0) return;
    await this.sessions.delete({ tokenHash: In(sessionHashes) });
    await this.announceEnded(sessionHashes);
  }

  /**
   * Ends every session of a user but `kept`, each as if it had signed out (its live sockets close); how many ended.
   */
  async revokeAllOf(userId: number, kept: readonly string[] = []): Promise<number> {
    const others = { userId, ...(kept.length > 0 ? { tokenHash: Not(In(kept)) } : {}) };
    const sessions = await this.sessions.find({ select: { tokenHash: true }, where: others });
    if (sessions.length === 0) return 0;
    await this.sessions.delete(others);
    await this.announceEnded(sessions.map((session) => session.tokenHash));
    return sessions.length;
  }

  /** The sessions among `hashes` that are still live: neither revoked nor expired. */
  async liveAmong(hashes: readonly string[]): Promise<Set<string>> {
    const live = new Set<string>();
    for (let start = 0; start < hashes.length; start += liveCheckBatch) {
      const rows = await this.sessions.find({
        select: { tokenHash: true },
        where: { tokenHash: In(hashes.slice(start, start + liveCheckBatch)), expiresAt: MoreThan(new Date()) },
      });
      for (const row of rows) live.add(row.tokenHash);
    }
    return live;
  }

  async revokeExpired(): Promise<void> {
    await this.sessions.delete({ expiresAt: LessThan(new Date()) });
  }

  /** The session token a request offers: its bearer token, else this deployment's session cookie. */
  tokenFrom(request: Pick<Request, 'headers'> & { cookies?: Record<string, string> }): string | null {
    return sessionTokenFrom(request, this.cookieName());
  }

  private cookieTokenOf(request: Pick<Request, 'cookies'>): string | undefined {
    return (request.cookies as Record<string, string> | undefined)?.[this.cookieName()];
  }

  private cookieName(): string {
    return sessionCookieName(this.environment.cookieSecure);
  }

  private cookieOptions() {
    return { httpOnly: true, sameSite: 'lax', secure: this.environment.cookieSecure, path: '/' } as const;
  }
}

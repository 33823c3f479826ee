import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { Environment } from '../config/environment.js';
import { ForumEvents } from '../events/forum-events.js';
import type { AuthUser, RequestContext } from '../common/request-context.js';
import { TwoFactorCredentialEntity } from '../two-factor/two-factor-credential.entity.js';
import { Role } from '../common/role.js';
import { UserEntity } from '../users/user.entity.js';
import { SessionEntity } from './session.entity.js';
import { sessionCookieName, sessionTokenFrom } from './session-token.js';

/** How a session token is stored and named anywhere but in the client's hands. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly environment: Environment,
    private readonly events: ForumEvents,
  ) {}

  /** Starts a session and returns its secret token (only its hash is stored). */
  async create(userId: number): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.environment.SESSION_TTL_DAYS * 86_400_000);
    await this.dataSource.getRepository(SessionEntity).insert({ tokenHash: hashToken(token), userId, createdAt: now, expiresAt });
    return { token, expiresAt };
  }

  /**
   * Signs `user` in for the rest of this request and for later ones: a new session whose token goes
   * back both in the httpOnly cookie (the web app) and to the caller (API clients).
   */
  async start(context: RequestContext, user: AuthUser): Promise<{ token: string; expiresAt: Date }> {
    const session = await this.create(user.id);
    context.response?.cookie(sessionCookieName, session.token, { ...this.cookieOptions(), expires: session.expiresAt });
    context.user = user;
    context.authenticated = true;
    return session;
  }

  /** Revokes the session this request came with (bearer or cookie; both if it sent both) and clears the cookie. */
  async end(context: RequestContext): Promise<void> {
    const cookies = context.request.cookies as Record<string, string> | undefined;
    const tokens = new Set([sessionTokenFrom(context.request), cookies?.[sessionCookieName]]);
    for (const token of tokens) if (token) await this.revoke(token);
    context.response?.clearCookie(sessionCookieName, this.cookieOptions());
    context.user = null;
  }

  /** The user a token belongs to, or null when it is unknown or expired. */
  async userFor(token: string): Promise<AuthUser | null> {
    const row = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .innerJoin(SessionEntity, 'session', 'session.user_id = user.id')
      .where('session.token_hash = :tokenHash', { tokenHash: hashToken(token) })
      .andWhere('session.expires_at > :now', { now: new Date() })
      .leftJoin(TwoFactorCredentialEntity, 'two_factor', 'two_factor.user_id = user.id AND two_factor.enabled_at IS NOT NULL')
      .select(['user.id AS id', 'user.username AS username', 'user.role AS role', 'two_factor.user_id AS two_factor_user_id'])
      .getRawOne<{ id: number; username: string; role: Role; two_factor_user_id: number | null }>();
    return row ? { id: Number(row.id), username: row.username, role: row.role, twoFactorEnabled: row.two_factor_user_id !== null } : null;
  }

  async revoke(token: string): Promise<void> {
    const sessionHash = hashToken(token);
    await this.dataSource.getRepository(SessionEntity).delete({ tokenHash: sessionHash });
    await this.events.emit('sessionEnded', { sessionHash });
  }

  async revokeExpired(): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).delete({ expiresAt: LessThan(new Date()) });
  }

  private cookieOptions() {
    return { httpOnly: true, sameSite: 'lax', secure: this.environment.cookieSecure, path: '/' } as const;
  }
}

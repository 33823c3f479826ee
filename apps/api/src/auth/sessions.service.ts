import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { Environment } from '../config/environment.js';
import type { AuthUser } from '../common/request-context.js';
import { UserEntity } from '../users/user.entity.js';
import { SessionEntity } from './session.entity.js';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly environment: Environment,
  ) {}

  /** Starts a session and returns its secret token (only its hash is stored). */
  async create(userId: number): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.environment.SESSION_TTL_DAYS * 86_400_000);
    await this.dataSource.getRepository(SessionEntity).insert({ tokenHash: hashToken(token), userId, createdAt: now, expiresAt });
    return { token, expiresAt };
  }

  /** The user a token belongs to, or null when it is unknown or expired. */
  async userFor(token: string): Promise<AuthUser | null> {
    const row = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .innerJoin(SessionEntity, 'session', 'session.user_id = user.id')
      .where('session.token_hash = :tokenHash', { tokenHash: hashToken(token) })
      .andWhere('session.expires_at > :now', { now: new Date() })
      .select(['user.id', 'user.username', 'user.role'])
      .getOne();
    return row ? { id: row.id, username: row.username, role: row.role } : null;
  }

  async revoke(token: string): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).delete({ tokenHash: hashToken(token) });
  }

  async revokeExpired(): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).delete({ expiresAt: LessThan(new Date()) });
  }
}

import DataLoader from 'dataloader';
import type { Request, Response } from 'express';
import { isStaffRole, Role } from './role.js';
import { AppError, ErrorReason } from './app-error.js';

export interface AuthUser {
  id: number;
  username: string;
  role: Role;
  /** When the account was made, if the look-up read it (the session's does): its public profile then needs no read. */
  createdAt?: Date;
  /** Staff powers need two-factor sign-in on the account; unknown counts as off. */
  twoFactorEnabled?: boolean;
}

/** What everyone may see of an account. */
export interface PublicProfile {
  username: string;
  role: Role;
  createdAt: Date;
}

/** The public profile of an account at hand, if it says when it was made (the session's and the bot's do), else null. */
export function publicProfileOf(account: Pick<AuthUser, 'role'> & Partial<Pick<AuthUser, 'username' | 'createdAt'>>): PublicProfile | null {
  return account.username !== undefined && account.createdAt !== undefined
    ? { username: account.username, role: account.role, createdAt: account.createdAt }
    : null;
}

const contextKey = Symbol('requestContext');

/**
 * Everything a service needs to know about the request it serves: who asks, from where,
 * and the per-request DataLoaders. Services take it as their first argument.
 */
export class RequestContext {
  user: AuthUser | null = null;
  /** Set once the session (if any) has been looked up. */
  authenticated = false;
  /** The hash of the session token `user` was found by; null when anonymous. */
  sessionHash: string | null = null;
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(
    readonly request: Request,
    readonly response?: Response,
  ) {}

  /** The RequestContext of an HTTP request, created on first use. */
  static of(request: Request, response?: Response): RequestContext {
    const holder = request as Request & { [contextKey]?: RequestContext };
    holder[contextKey] ??= new RequestContext(request, response);
    return holder[contextKey];
  }

  /** A context for work that no request started (seeding, scripts, the bot). */
  static system(user: AuthUser | null = null): RequestContext {
    const context = new RequestContext({ headers: {}, ip: '127.0.0.1' } as Request);
    context.user = user;
    context.authenticated = true;
    return context;
  }

  get ip(): string {
    return this.request.ip ?? this.request.socket?.remoteAddress ?? 'unknown';
  }

  /** Staff with two-factor sign-in on: only they see hidden posts and use staff tools. */
  get isStaff(): boolean {
    return this.user !== null && isStaffRole(this.user.role) && this.user.twoFactorEnabled === true;
  }

  requireUser(): AuthUser {
    if (!this.user) throw AppError.unauthenticated();
    return this.user;
  }

  /** The session this request was signed in by, as the sessions a change that ends all the others keeps. */
  ownSession(): string[] {
    return this.sessionHash ? [this.sessionHash] : [];
  }

  requireStaff(): AuthUser {
    const user = this.requireUser();
    if (!isStaffRole(user.role)) throw AppError.forbidden(ErrorReason.STAFF_ONLY, 'Only staff can do this');
    if (!user.twoFactorEnabled) throw AppError.twoFactorRequired();
    return user;
  }

  /** One DataLoader per name per request, so batching and caching never leak between users. */
  loader<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

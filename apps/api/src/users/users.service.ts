import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { usernameImitation } from '#secrets';
import { EntityManager, In, Not, Repository } from 'typeorm';
import { insertRow } from '../common/returning-writes.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import { AppError, ErrorReason } from '../common/app-error.js';
import { ForumEvents } from '../events/forum-events.js';
import { AuthUser, PublicProfile, publicProfileOf, RequestContext } from '../common/request-context.js';
import { User } from './models/user.model.js';
import { Viewer } from './models/viewer.model.js';
import { PasswordHasher } from './password-hasher.js';
import { Role } from '../common/role.js';
import { AuthorColumns, authorColumns, authorFromRow, toUser, toViewer, userFromRow } from './user.mapper.js';
import { SqlParameters, sqlRows } from '../common/sql.js';
import { UserEntity } from './user.entity.js';

export type { AuthorColumns } from './user.mapper.js';

/** The FAQ bot's account. Nobody else may take this name. */
export const botUsername = 'faq-bot';
const botEmail = 'faq-bot@twofa-forum.invalid';

/** An account to create; its fields have passed the SignUpInput rules. A null password makes an account that cannot sign in. */
export interface NewAccount {
  username: string;
  email: string;
  password: string | null;
  role: Role;
}

/** What sign-in needs to check a password; never leaves the server. */
export interface Credentials extends AuthUser {
  passwordHash: string | null;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly passwords: PasswordHasher,
    private readonly events: ForumEvents,
  ) {}

  /** Batched per request: a page of posts loads all its authors in one query. */
  byId(context: RequestContext, id: number): Promise<User | null> {
    return this.loaderById(context).load(id);
  }

  /** Tells this context's loader a user it already has (a live message carried it), so resolvers do not read it again. */
  known(context: RequestContext, user: User): void {
    this.loaderById(context).clear(Number(user.id)).prime(Number(user.id), user);
  }

  /** Tells this context's loader the viewer's own profile, which the session read: their own posts' `author` reads nothing. */
  knownViewer(context: RequestContext): void {
    const viewer = context.user;
    const profile = viewer && publicProfileOf(viewer);
    if (viewer && profile) this.known(context, this.withProfile(viewer.id, profile));
  }

  /** The user whose public profile is at hand. */
  withProfile(id: number, profile: PublicProfile): User {
    return toUser({ id, ...profile });
  }

  /** The columns a read selects to join its rows' authors (`users` aliased `alias`); knownAuthor takes its rows. */
  authorColumns(alias: string): string {
    return authorColumns(alias);
  }

  /** The author a read joined (see authorColumns), null when there is none. */
  joinedAuthor(row: AuthorColumns): User | null {
    return authorFromRow(row);
  }

  /** Tells this context's loader an author that a read joined (see authorColumns), so `author` fields read no users. */
  knownAuthor(context: RequestContext, row: AuthorColumns): void {
    const author = authorFromRow(row);
    if (author) this.known(context, author);
  }

  /** A public profile by username, case-insensitive. */
  async byUsername(_context: RequestContext, username: string): Promise<User | null> {
    const row = await this.users.findOneBy({ usernameKey: username.toLowerCase() });
    return row ? toUser(row) : null;
  }

  /** The signed-in user with their email, or null when anonymous. */
  async viewer(context: RequestContext): Promise<Viewer | null> {
    if (!context.user) return null;
    const row = await this.users.findOneBy({ id: context.user.id });
    return row ? toViewer(row) : null;
  }

  /** An account by id, for work outside a request (events, sessions, the bot); null when there is none. */
  async account(id: number): Promise<AuthUser | null> {
    const row = await this.users.findOne({ select: { id: true, username: true, role: true }, where: { id } });
    return row ? { id: row.id, username: row.username, role: row.role } : null;
  }

  /** Accounts by id, for work outside a request (who gets a notification); missing ones are left out. */
  async accounts(ids: number[]): Promise<AuthUser[]> {
    if (ids.length === 0) return [];
    const rows = await this.users.find({ select: { id: true, username: true, role: true }, where: { id: In(ids) } });
    return rows.map((row) => ({ id: row.id, username: row.username, role: row.role }));
  }

  /** Accounts by username, case-insensitive (the people a post mentions); unknown names are left out. */
  async accountsByUsername(usernames: string[]): Promise<AuthUser[]> {
    const keys = [...new Set(usernames.map((name) => name.toLowerCase()))];
    if (keys.length === 0) return [];
    const rows = await this.users.find({ select: { id: true, username: true, role: true }, where: { usernameKey: In(keys) } });
    return rows.map((row) => ({ id: row.id, username: row.username, role: row.role }));
  }

  /** Whether anyone but the bot has an account. */
  async hasPeople(): Promise<boolean> {
    return this.users.existsBy({ role: Not(Role.BOT) });
  }

  /** Whether `password` is the password of the account with this username; false for no account or none set. */
  async passwordMatches(username: string, password: string): Promise<boolean> {
    const credentials = await this.credentialsFor(username);
    return this.passwords.verify(credentials?.passwordHash ?? null, password);
  }

  /** Looks an account up by username or email (case-insensitive), for sign-in. */
  async credentialsFor(login: string): Promise<Credentials | null> {
    const key = login.trim().toLowerCase();
    const row = await this.users.findOneBy(key.includes('@') ? { email: key } : { usernameKey: key });
    return row ? { id: row.id, username: row.username, role: row.role, passwordHash: row.passwordHash } : null;
  }

  /**
   * The one way accounts are made (sign-up, the `user:create` CLI, the bot): normalises the email,
   * refuses taken usernames (case-insensitive) and emails with CONFLICT, hashes the password with argon2id.
   */
  async createAccount(account: NewAccount): Promise<Viewer> {
    const usernameKey = account.username.toLowerCase();
    const email = account.email.trim().toLowerCase();
    if (usernameKey === botUsername && account.role !== Role.BOT)
      throw AppError.conflict(ErrorReason.USERNAME_RESERVED, 'username', 'username is reserved');
    if (account.role === Role.MEMBER) await this.refuseImitation(account.username);
    // Hashed first, so a taken name or address answers no sooner than a new one.
    const passwordHash = account.password === null ? null : await this.passwords.hash(account.password);
    const taken = await this.users
      .createQueryBuilder('user')
      .where('user.username_key = :usernameKey OR user.email = :email', { usernameKey, email })
      .getCount();
    if (taken > 0) throw accountTaken();

    try {
      // One statement, no transaction: a repository's save opens its own on SQLite's one connection, outside the queue
      // that keeps transactions apart there (database/serialized-transactions.ts), where another request's would nest.
      const row = { username: account.username, usernameKey, email, passwordHash, role: account.role, createdAt: new Date() };
      return toViewer({ id: await insertRow(this.users.manager, UserEntity, row), ...row });
    } catch (error) {
      // Lost a race with a concurrent sign-up of the same name or address.
      if (isUniqueViolation(error)) throw accountTaken();
      throw error;
    }
  }

  /**
   * Sets a new password (the `user:set-password` CLI) and signs the account out everywhere (passwordChanged);
   * NOT_FOUND for an unknown username, never for the bot.
   */
  async setPassword(username: string, password: string): Promise<User> {
    const row = await this.users.findOneBy({ usernameKey: username.trim().toLowerCase() });
    if (!row || row.role === Role.BOT) throw AppError.notFound(ErrorReason.USER_NOT_FOUND, 'User', username);
    await this.replacePassword(row.id, password, []);
    return toUser(row);
  }

  /** Stores a new password; every session of the account but `keptSessionHashes` ends (passwordChanged). */
  async replacePassword(userId: number, password: string, keptSessionHashes: string[]): Promise<void> {
    await this.users.update(userId, { passwordHash: await this.passwords.hash(password) });
    await this.events.emit('passwordChanged', { userId, keptSessionHashes });
  }

  /**
   * The FAQ bot's account (role BOT, no password), created on first call. Idempotent. `created`: this call made it, so
   * its public profile appeared (only one of several calls at once says so).
   */
  async ensureBotAccount(): Promise<{ bot: AuthUser; created: boolean }> {
    const existing = await this.users.findOneBy({ usernameKey: botUsername });
    if (existing) return { bot: this.asBot(existing), created: false };
    let created = true;
    try {
      await this.createAccount({ username: botUsername, email: botEmail, password: null, role: Role.BOT });
    } catch (error) {
      if (!(error instanceof AppError && error.reason === ErrorReason.ACCOUNT_TAKEN)) throw error;
      created = false;
    }
    return { bot: this.asBot(await this.users.findOneByOrFail({ usernameKey: botUsername })), created };
  }

  /**
   * ADMIN only: makes a user MEMBER, STAFF or ADMIN. Never BOT, never the bot, never yourself. `alsoInTransaction`
   * runs in the same transaction when the role changes (the moderation log writes its row there), so both commit or neither.
   */
  async setRole(
    context: RequestContext,
    userId: number,
    role: Role,
    alsoInTransaction: (manager: EntityManager, previous: Role) => Promise<unknown>,
  ): Promise<User> {
    const actor = context.requireUser();
    if (actor.role !== Role.ADMIN) throw AppError.forbidden(ErrorReason.ADMIN_ONLY, 'Only admins can change roles');
    if (role === Role.BOT) throw AppError.badInput('role', 'role cannot be BOT; the bot account is made by the system');
    if (userId === actor.id) throw AppError.forbidden(ErrorReason.OWN_ROLE, 'You cannot change your own role');
    let changed = false;
    const updated = await this.users.manager.transaction(async (manager) => {
      const target = await manager.findOneBy(UserEntity, { id: userId });
      if (!target) throw AppError.notFound(ErrorReason.USER_NOT_FOUND, 'User', userId);
      if (target.role === Role.BOT) throw AppError.forbidden(ErrorReason.BOT_ROLE, "The bot's role cannot be changed");
      if (target.role === role) return target;
      changed = true;
      await manager.update(UserEntity, { id: userId }, { role });
      await alsoInTransaction(manager, target.role);
      return { ...target, role };
    });
    this.loaderById(context).clear(userId);
    if (changed) await this.events.emit('roleChanged', { userId });
    return toUser(updated);
  }

  /** Members may not pick a name that reads as staff, the product or the bot (reserved words, look-alike characters). */
  private async refuseImitation(username: string): Promise<void> {
    const staff = await this.users.find({ select: { username: true }, where: { role: In([Role.STAFF, Role.ADMIN, Role.BOT]) } });
    const imitation = usernameImitation(
      username,
      staff.map((row) => row.username),
    );
    if (!imitation) return;
    const message = 'username looks like a staff account or the forum itself; please choose another';
    throw new AppError(ErrorReason.USERNAME_IMITATES_STAFF, message, { fields: [{ field: 'username', message }] });
  }

  private loaderById(context: RequestContext): DataLoader<number, User | null> {
    return context.loader(
      'usersById',
      () =>
        new DataLoader<number, User | null>(async (ids) => {
          const sql = new SqlParameters();
          const rows = await sqlRows<{ id: number; username: string; role: Role; created_at: unknown }>(
            this.users.manager.connection,
            `SELECT id, username, role, created_at FROM users WHERE id IN (${sql.list(ids)})`,
            sql.values,
          );
          const byId = new Map(rows.map((row) => [Number(row.id), userFromRow(row)]));
          return ids.map((userId) => byId.get(userId) ?? null);
        }),
    );
  }

  private asBot(row: UserEntity): AuthUser {
    // A human account squatting the name must never be driven by the bot.
    if (row.role !== Role.BOT) throw new Error(`The username ${botUsername} belongs to a ${row.role} account, not the bot`);
    return { id: row.id, username: row.username, role: row.role, createdAt: row.createdAt };
  }
}

/**
 * One answer whether the username or the e-mail address is taken: naming the address would tell anyone
 * which addresses have accounts here.
 */
function accountTaken(): AppError {
  const message = 'username or email address is already in use';
  return new AppError(ErrorReason.ACCOUNT_TAKEN, message, {
    fields: [
      { field: 'username', message },
      { field: 'email', message },
    ],
  });
}

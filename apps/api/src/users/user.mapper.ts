import { isStaffRole, Role } from '../common/role.js';
import { sqlDate } from '../common/sql.js';
import { User } from './models/user.model.js';
import { Viewer } from './models/viewer.model.js';
import { UserEntity } from './user.entity.js';

export function toUser(entity: Pick<UserEntity, 'id' | 'username' | 'role' | 'createdAt'>): User {
  return {
    id: String(entity.id),
    username: entity.username,
    role: entity.role,
    isStaff: isStaffRole(entity.role),
    isBot: entity.role === Role.BOT,
    createdAt: entity.createdAt,
  };
}

/** A user read by hand-written SQL (common/sql.ts): the public columns only. */
export function userFromRow(row: { id: number; username: string; role: Role; created_at: unknown }): User {
  return toUser({ id: Number(row.id), username: row.username, role: row.role, createdAt: sqlDate(row.created_at) });
}

/** Only for the user themself: adds their email. */
export function toViewer(entity: UserEntity): Viewer {
  return { ...toUser(entity), email: entity.email };
}

/** A read that joins its rows' authors (`users` aliased `alias`) selects these columns; authorFromRow maps them. */
export function authorColumns(alias: string): string {
  return `${alias}.id AS author_user_id, ${alias}.username AS author_username, ${alias}.role AS author_role, ${alias}.created_at AS author_created_at`;
}

export interface AuthorColumns {
  author_user_id: number | null;
  author_username: string | null;
  author_role: Role | null;
  author_created_at: unknown;
}

/** The joined author (see authorColumns), null when the join found none. */
export function authorFromRow(row: AuthorColumns): User | null {
  if (row.author_user_id === null || row.author_username === null || row.author_role === null) return null;
  return userFromRow({ id: row.author_user_id, username: row.author_username, role: row.author_role, created_at: row.author_created_at });
}

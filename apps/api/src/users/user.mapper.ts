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

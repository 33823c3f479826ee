import { isStaffRole, Role } from '../common/role.js';
import { User } from './models/user.model.js';
import { Viewer } from './models/viewer.model.js';
import { UserEntity } from './user.entity.js';

export function toUser(entity: UserEntity): User {
  return {
    id: String(entity.id),
    username: entity.username,
    role: entity.role,
    isStaff: isStaffRole(entity.role),
    isBot: entity.role === Role.BOT,
    createdAt: entity.createdAt,
  };
}

/** Only for the user themself: adds their email. */
export function toViewer(entity: UserEntity): Viewer {
  return { ...toUser(entity), email: entity.email };
}

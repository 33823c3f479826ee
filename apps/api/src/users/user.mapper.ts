import { isStaffRole, Role } from './role.js';
import { User } from './models/user.model.js';
import { UserEntity } from './user.entity.js';

export function toUser(entity: UserEntity): User {
  return {
    id: String(entity.id),
    username: entity.username,
    role: entity.role,
    isStaff: isStaffRole(entity.role),
    isBot: entity.role === Role.Bot,
    createdAt: entity.createdAt,
  };
}

import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  MEMBER = 'MEMBER',
  STAFF = 'STAFF',
  ADMIN = 'ADMIN',
  /** The FAQ bot's own account: its posts are automated. */
  BOT = 'BOT',
}

registerEnumType(Role, { name: 'Role', description: 'What a user may do; BOT marks the automated FAQ bot.' });

export function isStaffRole(role: Role): boolean {
  return role === Role.STAFF || role === Role.ADMIN;
}

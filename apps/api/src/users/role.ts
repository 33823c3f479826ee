import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  Member = 'MEMBER',
  Staff = 'STAFF',
  Admin = 'ADMIN',
  /** The FAQ bot's own account: its posts are automated. */
  Bot = 'BOT',
}

registerEnumType(Role, { name: 'Role', description: 'What a user may do; BOT marks the automated FAQ bot.' });

export function isStaffRole(role: Role): boolean {
  return role === Role.Staff || role === Role.Admin;
}

import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  MEMBER = 'MEMBER',
  STAFF = 'STAFF',
  ADMIN = 'ADMIN',
  BOT = 'BOT',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do; BOT marks the automated FAQ bot.',
  valuesMap: {
    MEMBER: { description: 'Asks, replies, accepts answers on their own questions and flags posts.' },
    STAFF: { description: 'A member who also moderates, reviews the FAQ bot and writes canonical answers (with two-factor sign-in on).' },
    ADMIN: { description: 'Staff who may also change the roles of other users.' },
    BOT: { description: "The FAQ bot's own account: its posts are automated." },
  },
});

export function isStaffRole(role: Role): boolean {
  return role === Role.STAFF || role === Role.ADMIN;
}

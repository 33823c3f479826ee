import { SetMetadata } from '@nestjs/common';
import { Role } from './role.js';

export const publicKey = 'access:public';
export const rolesKey = 'access:roles';

/** Marks an operation open to anonymous users; everything else needs a session. */
export const Public = () => SetMetadata(publicKey, true);

/** Restricts an operation to these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(rolesKey, roles);

export const StaffOnly = () => Roles(Role.STAFF, Role.ADMIN);

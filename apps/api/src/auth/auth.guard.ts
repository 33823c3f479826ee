import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { publicKey, rolesKey } from '../common/access.decorators.js';
import { AppError, ErrorReason } from '../common/app-error.js';
import { RequestContext } from '../common/request-context.js';
import { isStaffRole, Role } from '../common/role.js';
import { SessionsService } from './sessions.service.js';

/** Global guard: deny by default, unless an operation is marked @Public(); @Roles() narrows further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(executionContext: ExecutionContext): Promise<boolean> {
    const { req, res } = GqlExecutionContext.create(executionContext).getContext();
    const context = RequestContext.of(req, res);
    await this.sessions.viewerOf(context);
    const targets = [executionContext.getHandler(), executionContext.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(publicKey, targets);
    const roles = this.reflector.getAllAndOverride<Role[]>(rolesKey, targets);
    if (!isPublic && !context.user) throw AppError.unauthenticated();
    if (roles && (!context.user || !roles.includes(context.user.role))) {
      // @Roles(ADMIN) leaves staff out: saying "staff only" to a staff member would be wrong.
      throw roles.includes(Role.STAFF)
        ? AppError.forbidden(ErrorReason.STAFF_ONLY, 'Only staff can do this')
        : AppError.forbidden(ErrorReason.ADMIN_ONLY, 'Only admins can do this');
    }
    if (roles && context.user && isStaffRole(context.user.role) && !context.user.twoFactorEnabled) throw AppError.twoFactorRequired();
    return true;
  }
}

import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../common/ctx.decorator.js';
import { PageArgs } from '../common/page.args.js';
import { RequestContext } from '../common/request-context.js';
import { User } from '../users/models/user.model.js';
import { Viewer } from '../users/models/viewer.model.js';
import { MemberFlagsService } from './member-flags.service.js';
import { FlagConnection } from './models/flag.model.js';
import { MemberFlagCounts } from './models/member-flag-counts.model.js';

const staffOnly = 'Staff only (FORBIDDEN for members, UNAUTHENTICATED for visitors)';

/** Moderation's fields on a member's profile: flags live here, so users need not know about them. */
@Resolver(() => User)
export class MemberFlagsResolver {
  constructor(private readonly memberFlags: MemberFlagsService) {}

  @ResolveField(() => MemberFlagCounts, {
    nullable: true,
    description: `${staffOnly}: how many flags on the member's posts and raised by them are open, upheld and dismissed.`,
  })
  flagCounts(@Ctx() context: RequestContext, @Parent() user: User): Promise<MemberFlagCounts> {
    return this.memberFlags.counts(context, Number(user.id));
  }

  @ResolveField(() => FlagConnection, {
    nullable: true,
    description: `${staffOnly}: the flags on the member's questions and replies, newest first.`,
  })
  flagsReceived(@Ctx() context: RequestContext, @Parent() user: User, @Args() args: PageArgs): Promise<FlagConnection> {
    return this.memberFlags.list(context, 'received', Number(user.id), args);
  }

  @ResolveField(() => FlagConnection, {
    nullable: true,
    description: `${staffOnly}: the flags the member raised on others' questions and replies, newest first.`,
  })
  flagsRaised(@Ctx() context: RequestContext, @Parent() user: User, @Args() args: PageArgs): Promise<FlagConnection> {
    return this.memberFlags.list(context, 'raised', Number(user.id), args);
  }
}

/** Viewer inherits User's fields but not their resolvers: the same fields on `me` (a staff member's own history). */
@Resolver(() => Viewer)
export class ViewerFlagsResolver extends MemberFlagsResolver {}

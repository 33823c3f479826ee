import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles, StaffOnly } from '../common/access.decorators.js';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { Role } from '../common/role.js';
import { Thread } from '../threads/models/thread.model.js';
import { User } from '../users/models/user.model.js';
import { SetUserRoleArgs } from './dto/set-user-role.args.js';
import { UsersService } from '../users/users.service.js';
import { PageArgs } from '../common/page.args.js';
import { PostTargetArgs } from './dto/post-target.args.js';
import { ThreadTargetArgs } from './dto/thread-target.args.js';
import { ModerationTargetType } from './moderation-action-kind.js';
import { FlagsService } from './flags.service.js';
import { Flag } from './models/flag.model.js';
import { ModerationService } from './moderation.service.js';
import { ModerationAction, ModerationActionConnection } from './models/moderation-action.model.js';

@Resolver(() => ModerationAction)
export class ModerationResolver {
  constructor(
    private readonly moderation: ModerationService,
    private readonly flags: FlagsService,
    private readonly users: UsersService,
  ) {}

  @StaffOnly()
  @Mutation(() => ModerationAction, {
    description:
      "Staff: hides a post from everyone but staff and its author, resolves its open flags and updates the thread's replyCount. " +
      'Hiding the accepted reply withdraws the acceptance: the thread becomes OPEN (or stays LOCKED) for everyone until ' +
      'the reply is restored, unless an answer is accepted meanwhile (see restorePost).',
  })
  hidePost(@Ctx() context: RequestContext, @Args() args: PostTargetArgs): Promise<ModerationAction> {
    return this.moderation.hide(context, args);
  }

  @StaffOnly()
  @Mutation(() => ModerationAction, {
    description:
      'Staff: shows a hidden post again. A reply that was the accepted answer when it was hidden is accepted again, unless ' +
      'an answer was accepted since: that later choice stays.',
  })
  restorePost(@Ctx() context: RequestContext, @Args() args: PostTargetArgs): Promise<ModerationAction> {
    return this.moderation.restore(context, args);
  }

  @StaffOnly()
  @Mutation(() => ModerationAction, { description: 'Staff: stops new replies; the thread status becomes LOCKED.' })
  lockThread(@Ctx() context: RequestContext, @Args() args: ThreadTargetArgs): Promise<ModerationAction> {
    return this.moderation.lock(context, args);
  }

  @StaffOnly()
  @Mutation(() => ModerationAction, { description: 'Staff: accepts replies again; the status returns to ANSWERED or OPEN.' })
  unlockThread(@Ctx() context: RequestContext, @Args() args: ThreadTargetArgs): Promise<ModerationAction> {
    return this.moderation.unlock(context, args);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, {
    description:
      'ADMIN only: makes a user MEMBER, STAFF or ADMIN (never BOT, never the bot, never yourself). Recorded in the moderation log.',
  })
  setUserRole(@Ctx() context: RequestContext, @Args() args: SetUserRoleArgs): Promise<User> {
    return this.moderation.setRole(context, args.userId, args.role);
  }

  @StaffOnly()
  @Query(() => ModerationActionConnection, { description: 'Staff: every moderation action, newest first.' })
  moderationLog(@Ctx() context: RequestContext, @Args() args: PageArgs): Promise<ModerationActionConnection> {
    return this.moderation.log(context, args);
  }

  @ResolveField(() => User, { nullable: true, description: 'The moderator who acted.' })
  actor(@Ctx() context: RequestContext, @Parent() action: ModerationAction): Promise<User | null> {
    return this.users.byId(context, action.actorId);
  }

  @ResolveField(() => Thread, {
    nullable: true,
    description: "The thread concerned: the thread acted on, a reply's thread or a flagged post's thread; null for user actions.",
  })
  thread(@Ctx() context: RequestContext, @Parent() action: ModerationAction): Promise<Thread | null> {
    return this.moderation.threadOf(context, action);
  }

  @ResolveField(() => Flag, {
    nullable: true,
    description: "The flag acted on, for flag actions (RESOLVE_FLAG), with the flagged post's thread and excerpt; null for others.",
  })
  flag(@Ctx() context: RequestContext, @Parent() action: ModerationAction): Promise<Flag | null> {
    return action.targetType === ModerationTargetType.Flag ? this.flags.byId(context, Number(action.targetId)) : Promise.resolve(null);
  }

  @ResolveField(() => User, { nullable: true, description: 'The user acted on, for user actions (CHANGE_ROLE).' })
  targetUser(@Ctx() context: RequestContext, @Parent() action: ModerationAction): Promise<User | null> {
    return action.targetType === ModerationTargetType.User ? this.users.byId(context, Number(action.targetId)) : Promise.resolve(null);
  }
}

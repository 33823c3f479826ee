import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { StaffOnly } from '../common/access.decorators.js';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { User } from '../users/models/user.model.js';
import { UsersService } from '../users/users.service.js';
import { FlagPostArgs } from './dto/flag-post.args.js';
import { PageArgs } from '../common/page.args.js';
import { ResolveFlagArgs } from './dto/resolve-flag.args.js';
import { FlagsService } from './flags.service.js';
import { Flag, FlagConnection } from './models/flag.model.js';

@Resolver(() => Flag)
export class FlagsResolver {
  constructor(
    private readonly flags: FlagsService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => Flag, {
    description: 'Reports a post to the moderators (signed in; rate limited per member). CONFLICT if you already have an open flag on it.',
  })
  flagPost(@Ctx() context: RequestContext, @Args() args: FlagPostArgs): Promise<Flag> {
    return this.flags.flag(context, args);
  }

  @StaffOnly()
  @Query(() => FlagConnection, { description: 'Staff: open flags, oldest first.' })
  openFlags(@Ctx() context: RequestContext, @Args() args: PageArgs): Promise<FlagConnection> {
    return this.flags.open(context, args);
  }

  @StaffOnly()
  @Query(() => Int, { description: 'Staff: how many flags are open (openFlags lists them).' })
  openFlagCount(@Ctx() context: RequestContext): Promise<number> {
    return this.flags.openCount(context);
  }

  @StaffOnly()
  @Mutation(() => Flag, { description: 'Staff: closes an open flag without hiding the post. CONFLICT if it is already resolved.' })
  resolveFlag(@Ctx() context: RequestContext, @Args() args: ResolveFlagArgs): Promise<Flag> {
    return this.flags.resolve(context, args);
  }

  @ResolveField(() => User, { nullable: true, description: 'Who raised the flag.' })
  reporter(@Ctx() context: RequestContext, @Parent() flag: Flag): Promise<User | null> {
    return this.users.byId(context, flag.reporterId);
  }

  @ResolveField(() => User, { nullable: true, description: 'Who wrote the flagged post; null if the post no longer exists.' })
  postAuthor(@Ctx() context: RequestContext, @Parent() flag: Flag): Promise<User | null> {
    return flag.postAuthorId === null ? Promise.resolve(null) : this.users.byId(context, flag.postAuthorId);
  }

  @ResolveField(() => User, { nullable: true, description: 'The moderator who resolved it, once resolved.' })
  resolvedBy(@Ctx() context: RequestContext, @Parent() flag: Flag): Promise<User | null> {
    return flag.resolvedById === null ? Promise.resolve(null) : this.users.byId(context, flag.resolvedById);
  }
}

import { Args, Directive, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../common/access.decorators.js';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { UserArgs } from './dto/user.args.js';
import { User } from './models/user.model.js';
import { Viewer } from './models/viewer.model.js';
import { UsersService } from './users.service.js';
import { neverCached } from '../graphql/anonymous-response-cache.js';

@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly users: UsersService) {}

  /** The signed-in user, with their email; null when anonymous. */
  @Public()
  @Directive(neverCached)
  @Query(() => Viewer, { nullable: true, description: 'The signed-in user, with their email; null when anonymous.' })
  me(@Ctx() context: RequestContext): Promise<Viewer | null> {
    return this.users.viewer(context);
  }

  @Public()
  @Query(() => User, { nullable: true, description: 'A public profile by username (case-insensitive); null when there is none.' })
  user(@Ctx() context: RequestContext, @Args() args: UserArgs): Promise<User | null> {
    return this.users.byUsername(context, args.username);
  }
}

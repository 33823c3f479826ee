import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public } from '../common/access.decorators.js';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { User } from '../users/models/user.model.js';
import { UsersService } from '../users/users.service.js';
import { RevisionsArgs } from './dto/revisions.args.js';
import { RevisionConnection } from './models/revision-connection.model.js';
import { Revision } from './models/revision.model.js';
import { RevisionsService } from './revisions.service.js';

@Resolver(() => Revision)
export class RevisionsResolver {
  constructor(
    private readonly revisionsService: RevisionsService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Query(() => RevisionConnection, {
    description:
      'The edit history of a post, a page at a time, newest first; the revisions up to the latest staff edit (what staff took out) only for staff and the author. NOT_FOUND when the post is hidden from the viewer.',
  })
  revisions(@Ctx() context: RequestContext, @Args() args: RevisionsArgs): Promise<RevisionConnection> {
    return this.revisionsService.list(context, args);
  }

  @ResolveField(() => User, { description: 'Who made the edit.' })
  editor(@Ctx() context: RequestContext, @Parent() revision: Revision): Promise<User | null> {
    return this.users.byId(context, revision.editorId);
  }
}

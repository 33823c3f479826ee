import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { User } from '../users/models/user.model.js';
import { UsersService } from '../users/users.service.js';
import { CanonicalAnswerRevision } from './models/canonical-answer-revision.model.js';

@Resolver(() => CanonicalAnswerRevision)
export class CanonicalAnswerRevisionResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => User, { nullable: true })
  editor(@Ctx() context: RequestContext, @Parent() revision: CanonicalAnswerRevision): Promise<User | null> | null {
    return revision.editorId === null ? null : this.users.byId(context, revision.editorId);
  }
}

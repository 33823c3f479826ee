import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { User } from '../users/models/user.model.js';
import { UsersService } from '../users/users.service.js';
import { LearnedExample } from './models/learned-example.model.js';

@Resolver(() => LearnedExample)
export class LearnedExampleResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => User, { nullable: true, description: 'The staff member who decided; null if the account is gone.' })
  decidedBy(@Ctx() context: RequestContext, @Parent() example: LearnedExample): Promise<User | null> | null {
    return example.decidedById === null ? null : this.users.byId(context, example.decidedById);
  }
}

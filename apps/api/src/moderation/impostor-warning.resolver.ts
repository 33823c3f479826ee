import { ResolveField, Resolver } from '@nestjs/graphql';
import { requestContextOf, type GraphqlContext } from '../common/ctx.decorator.js';
import { Reply } from '../threads/models/reply.model.js';
import { ThreadsService } from '../threads/threads.service.js';
import { UsersService } from '../users/users.service.js';
import { impostorFindings } from './impostor-flags.service.js';

/** Moderation's field on a reply: the impostor rule lives here, so threads need not know about it. */
@Resolver(() => Reply)
export class ImpostorWarningResolver {
  constructor(
    private readonly users: UsersService,
    private readonly threads: ThreadsService,
  ) {}

  @ResolveField(() => Boolean, {
    description:
      'A member (not staff, not the asker of the thread) asks here for codes, passwords, recovery codes or a Secret Key, or to continue by e-mail, chat or phone: ' +
      'clients warn that staff never ask for these. Staff also find the reply in the flag queue.',
  })
  async impostorWarning(reply: Reply, _args: unknown, graphql: GraphqlContext): Promise<boolean> {
    const context = requestContextOf(graphql);
    const [author, askerId] = await Promise.all([
      this.users.byId(context, reply.authorId),
      reply.threadAuthorId ?? this.threads.visibleById(context, Number(reply.threadId)).then((thread) => thread?.authorId ?? null),
    ]);
    return impostorFindings(author && { role: author.role, id: Number(author.id) }, askerId, reply.body).length > 0;
  }
}

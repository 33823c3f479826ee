import { ResolveField, Resolver } from '@nestjs/graphql';
import { findImpostorRequests } from '#secrets';
import { requestContextOf, type GraphqlContext } from '../common/ctx.decorator.js';
import { Reply } from '../threads/models/reply.model.js';
import { ThreadsService } from '../threads/threads.service.js';
import { UsersService } from '../users/users.service.js';
import { mayImpersonate } from './impostor-flags.service.js';

/** A few MB of keys: a thread read page by page asks for each of its replies again. */
const rememberedVersions = 50_000;

/** Moderation's field on a reply: the impostor rule lives here, so threads need not know about it. */
@Resolver(() => Reply)
export class ImpostorWarningResolver {
  /**
   * Whether each reply version's text asks for secrets or to move off the forum (its text changes only with its
   * version): the rules run once per version, not on every read. Keyed by id and version rather than by text: as many
   * texts as a long thread holds would keep their bytes (up to 20,000 characters each), and past the count kept the
   * rules would run again on every read. Who wrote it is checked on every read: a role changes without a new version.
   */
  private readonly asksByVersion = new Map<string, boolean>();

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
    return mayImpersonate(author && { role: author.role, id: Number(author.id) }, askerId) && this.asks(reply);
  }

  private asks(reply: Reply): boolean {
    const key = `${reply.id}:${reply.version}`;
    let asks = this.asksByVersion.get(key);
    if (asks === undefined) {
      asks = findImpostorRequests(reply.body).length > 0;
      if (this.asksByVersion.size >= rememberedVersions) this.asksByVersion.delete(this.asksByVersion.keys().next().value!);
      this.asksByVersion.set(key, asks);
    }
    return asks;
  }
}

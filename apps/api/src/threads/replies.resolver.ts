import { ChangesOneThread } from '../graphql/anonymous-response-cache.js';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public } from '../common/access.decorators.js';
import { Ctx, requestContextOf, type GraphqlContext } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { MarkdownService } from '../markdown/markdown.service.js';
import { User } from '../users/models/user.model.js';
import { UsersService } from '../users/users.service.js';
import { EditReplyInput } from './dto/edit-reply.input.js';
import { ReplyToThreadArgs } from './dto/reply-to-thread.args.js';
import { UserRepliesArgs } from './dto/user-replies.args.js';
import { ReplyConnection } from './models/reply-connection.model.js';
import { Reply } from './models/reply.model.js';
import { RevisionConnection } from './models/revision-connection.model.js';
import { Thread } from './models/thread.model.js';
import { PostType } from '../common/post-type.js';
import { RepliesService } from './replies.service.js';
import { RevisionsService } from './revisions.service.js';
import { PageArgs } from '../common/page.args.js';
import { ThreadsService } from './threads.service.js';
import { mayModify } from './visibility.js';
import { renderedHtmlCost } from '../graphql/query-limits.js';

@Resolver(() => Reply)
export class RepliesResolver {
  constructor(
    private readonly repliesService: RepliesService,
    private readonly threadsService: ThreadsService,
    private readonly revisionsService: RevisionsService,
    private readonly users: UsersService,
    private readonly markdown: MarkdownService,
  ) {}

  @Public()
  @Query(() => ReplyConnection, {
    description:
      "A user's replies, newest first: those the viewer may see in their threads. NOT_FOUND (USER_NOT_FOUND) when there is no such user.",
  })
  userReplies(@Ctx() context: RequestContext, @Args() args: UserRepliesArgs): Promise<ReplyConnection> {
    return this.repliesService.byAuthor(context, args);
  }

  @ChangesOneThread()
  @Mutation(() => Reply, { description: 'Replies to a thread (signed in; rate limited per member; FORBIDDEN when locked).' })
  replyToThread(@Ctx() context: RequestContext, @Args() args: ReplyToThreadArgs): Promise<Reply> {
    return this.repliesService.reply(context, args);
  }

  @ChangesOneThread()
  @Mutation(() => Reply, { description: 'Edits a reply: its author or staff. The previous text is kept as a revision.' })
  editReply(
    @Ctx() context: RequestContext,
    @Args('replyId', { type: () => ID, description: 'Your reply (staff: any reply).' }) replyId: string,
    @Args('input', { description: 'The new body.' }) input: EditReplyInput,
  ): Promise<Reply> {
    return this.repliesService.edit(context, replyId, input);
  }

  @ResolveField(() => User, { description: 'Who wrote the reply.' })
  author(reply: Reply, _args: unknown, graphql: GraphqlContext): Promise<User | null> {
    return this.users.byId(requestContextOf(graphql), reply.authorId);
  }

  @ResolveField(() => String, { description: 'The body rendered to sanitised HTML.', complexity: renderedHtmlCost })
  bodyHtml(reply: Reply): string {
    return reply.cookedHtml ?? this.markdown.render(reply.body);
  }

  @ResolveField(() => String, {
    description: 'The start of the rendered body as one line of plain text (at most 200 characters), for lists of replies.',
    complexity: renderedHtmlCost,
  })
  excerpt(reply: Reply): string {
    return this.markdown.excerpt(reply.cookedHtml ?? this.markdown.render(reply.body));
  }

  @ResolveField(() => Thread, { nullable: true, description: 'The thread it belongs to, unless hidden from the viewer.' })
  thread(@Ctx() context: RequestContext, @Parent() reply: Reply): Promise<Thread | null> {
    return this.threadsService.visibleById(context, Number(reply.threadId));
  }

  @ResolveField(() => RevisionConnection, {
    description: 'Earlier versions, a page at a time, newest first; those up to the latest staff edit only for staff and the author.',
  })
  revisions(@Ctx() context: RequestContext, @Parent() reply: Reply, @Args() args: PageArgs): Promise<RevisionConnection> {
    return this.revisionsService.page(context, { postType: PostType.REPLY, postId: Number(reply.id), authorId: reply.authorId }, args);
  }

  @ResolveField(() => Boolean, {
    description: 'The viewer may edit it (in a locked thread, and once a moderator hid it, only staff may).',
  })
  viewerCanEdit(reply: Reply, _args: unknown, graphql: GraphqlContext): boolean {
    const context = requestContextOf(graphql);
    return mayModify(context, reply) && (context.isStaff || (!reply.threadLocked && !reply.hidden));
  }
}

import { ChangesOneThread } from '../graphql/anonymous-response-cache.js';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public } from '../common/access.decorators.js';
import { Ctx, requestContextOf, type GraphqlContext } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { MarkdownService } from '../markdown/markdown.service.js';
import { User } from '../users/models/user.model.js';
import { UsersService } from '../users/users.service.js';
import { AskQuestionInput } from './dto/ask-question.input.js';
import { EditQuestionInput } from './dto/edit-question.input.js';
import { RepliesArgs } from './dto/replies.args.js';
import { ThreadsArgs } from './dto/threads.args.js';
import { ThreadReplyConnection } from './models/thread-reply-connection.model.js';
import { Reply } from './models/reply.model.js';
import { RevisionConnection } from './models/revision-connection.model.js';
import { ThreadConnection } from './models/thread-connection.model.js';
import { Thread } from './models/thread.model.js';
import { PostType } from '../common/post-type.js';
import { RepliesService } from './replies.service.js';
import { RevisionsService } from './revisions.service.js';
import { PageArgs } from '../common/page.args.js';
import { ThreadsService } from './threads.service.js';
import { mayModify } from './visibility.js';
import { postTextCost, renderedHtmlCost, threadListCost, threadRepliesCost } from '../graphql/query-limits.js';

@Resolver(() => Thread)
export class ThreadsResolver {
  constructor(
    private readonly threadsService: ThreadsService,
    private readonly repliesService: RepliesService,
    private readonly revisionsService: RevisionsService,
    private readonly users: UsersService,
    private readonly markdown: MarkdownService,
  ) {}

  /** A page of the threads the viewer may see. */
  @Public()
  @Query(() => ThreadConnection, {
    complexity: threadListCost,
    description: 'A page of threads, newest activity first unless `sort` says otherwise.',
  })
  threads(@Ctx() context: RequestContext, @Args() args: ThreadsArgs): Promise<ThreadConnection> {
    return this.threadsService.list(context, args);
  }

  @Public()
  @Query(() => Thread, { description: 'One thread; NOT_FOUND when it does not exist or is hidden from the viewer.' })
  thread(@Ctx() context: RequestContext, @Args('id', { type: () => ID, description: "The thread's id." }) id: string): Promise<Thread> {
    return this.threadsService.byId(context, id);
  }

  @ChangesOneThread()
  @Mutation(() => Thread, { description: 'Asks a question (signed in; rate limited per member).' })
  askQuestion(@Ctx() context: RequestContext, @Args('input', { description: 'The question.' }) input: AskQuestionInput): Promise<Thread> {
    return this.threadsService.ask(context, input);
  }

  @ChangesOneThread()
  @Mutation(() => Thread, { description: 'Edits a question: its author or staff. The previous text is kept as a revision.' })
  editQuestion(
    @Ctx() context: RequestContext,
    @Args('threadId', { type: () => ID, description: 'Your question (staff: any question).' }) threadId: string,
    @Args('input', { description: 'The new title, body and tags.' }) input: EditQuestionInput,
  ): Promise<Thread> {
    return this.threadsService.edit(context, threadId, input);
  }

  @ChangesOneThread()
  @Mutation(() => Thread, { description: "Marks a reply as its thread's answer: the thread's author or staff." })
  acceptAnswer(
    @Ctx() context: RequestContext,
    @Args('replyId', { type: () => ID, description: 'The reply to accept, in your own question.' }) replyId: string,
  ): Promise<Thread> {
    return this.threadsService.accept(context, replyId);
  }

  @ChangesOneThread()
  @Mutation(() => Thread, { description: 'Removes the accepted answer: the thread is OPEN again unless locked.' })
  unacceptAnswer(
    @Ctx() context: RequestContext,
    @Args('threadId', { type: () => ID, description: 'Your question whose accepted answer is withdrawn.' }) threadId: string,
  ): Promise<Thread> {
    return this.threadsService.unaccept(context, threadId);
  }

  @ResolveField(() => User, { description: 'Who asked the question.' })
  author(thread: Thread, _args: unknown, graphql: GraphqlContext): Promise<User | null> {
    return this.users.byId(requestContextOf(graphql), thread.authorId);
  }

  @ResolveField(() => [String], { description: 'Lower-case tags, alphabetical.' })
  tags(thread: Thread, _args: unknown, graphql: GraphqlContext): Promise<string[]> {
    return this.threadsService.tags(requestContextOf(graphql), Number(thread.id));
  }

  @ResolveField(() => String, { description: 'Markdown as written.', complexity: postTextCost })
  async body(thread: Thread, _args: unknown, graphql: GraphqlContext): Promise<string> {
    return (await this.threadsService.text(requestContextOf(graphql), thread)).body;
  }

  @ResolveField(() => String, { description: 'The body rendered to sanitised HTML.', complexity: renderedHtmlCost })
  async bodyHtml(thread: Thread, _args: unknown, graphql: GraphqlContext): Promise<string> {
    const { body, cookedHtml } = await this.threadsService.text(requestContextOf(graphql), thread);
    return cookedHtml ?? this.markdown.render(body);
  }

  @ResolveField(() => String, {
    description: 'The start of the rendered body as one line of plain text (at most 200 characters), for lists of questions.',
    complexity: renderedHtmlCost,
  })
  async excerpt(thread: Thread, _args: unknown, graphql: GraphqlContext): Promise<string> {
    const { body, cookedHtml } = await this.threadsService.text(requestContextOf(graphql), thread);
    return this.markdown.excerpt(cookedHtml ?? this.markdown.render(body));
  }

  @ResolveField(() => Reply, { nullable: true, description: 'The accepted answer, unless it is hidden from the viewer.' })
  acceptedReply(thread: Thread, _args: unknown, graphql: GraphqlContext): Promise<Reply | null> {
    return this.repliesService.accepted(requestContextOf(graphql), thread);
  }

  @ResolveField(() => ThreadReplyConnection, {
    complexity: threadRepliesCost,
    description:
      'Replies the viewer may see, oldest first, a page at a time: the first, the one after or before a cursor, or the one around a reply a link points to. Meant for one thread, not for every thread of a list.',
  })
  replies(@Ctx() context: RequestContext, @Parent() thread: Thread, @Args() args: RepliesArgs): Promise<ThreadReplyConnection> {
    return this.repliesService.page(context, thread, args);
  }

  @ResolveField(() => Int, {
    description: 'Hidden replies the viewer sees, marked hidden (staff: all of them; a member: their own); replyCount leaves them out.',
  })
  hiddenReplyCount(@Ctx() context: RequestContext, @Parent() thread: Thread): Promise<number> {
    return this.repliesService.hiddenReplyCount(context, Number(thread.id));
  }

  @ResolveField(() => Boolean, { description: 'A staff answer that everyone can see is among the replies.' })
  staffReplied(@Ctx() context: RequestContext, @Parent() thread: Thread): Promise<boolean> {
    return this.repliesService.staffReplied(context, Number(thread.id));
  }

  @ResolveField(() => RevisionConnection, {
    description: 'Earlier versions, a page at a time, newest first; those up to the latest staff edit only for staff and the author.',
  })
  revisions(@Ctx() context: RequestContext, @Parent() thread: Thread, @Args() args: PageArgs): Promise<RevisionConnection> {
    return this.revisionsService.page(context, { postType: PostType.THREAD, postId: Number(thread.id), authorId: thread.authorId }, args);
  }

  @ResolveField(() => Boolean, {
    description:
      'The viewer may edit it (and accept or unaccept its answer); in a locked thread, and once a moderator hid it, only staff may.',
  })
  viewerCanEdit(thread: Thread, _args: unknown, graphql: GraphqlContext): boolean {
    const context = requestContextOf(graphql);
    return mayModify(context, thread) && (context.isStaff || (!thread.locked && !thread.hidden));
  }
}

import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CanonicalAnswersService } from '../canonical-answers/canonical-answers.service.js';
import { CanonicalAnswer } from '../canonical-answers/models/canonical-answer.model.js';
import { Ctx, requestContextOf, type GraphqlContext } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { Thread } from '../threads/models/thread.model.js';
import { RepliesService } from '../threads/replies.service.js';
import { ThreadsService } from '../threads/threads.service.js';
import { User } from '../users/models/user.model.js';
import { UsersService } from '../users/users.service.js';
import { parseAlternatives, parseExplanation } from './bot-suggestion.mapper.js';
import { BotService } from './bot.service.js';
import { botAwaitsAsker } from './bot-thread-state.js';
import { BotQueueItem } from './models/bot-queue.model.js';
import { BotExplanation, BotSuggestion, RankedCanonicalAnswer } from './models/bot-suggestion.model.js';

@Resolver(() => BotSuggestion)
export class BotSuggestionResolver {
  constructor(
    private readonly answers: CanonicalAnswersService,
    private readonly users: UsersService,
  ) {}

  @ResolveField(() => CanonicalAnswer, {
    nullable: true,
    description: 'The suggested (or chosen) canonical answer; null when none fits or while clarifying.',
  })
  answer(@Ctx() context: RequestContext, @Parent() suggestion: BotSuggestion): Promise<CanonicalAnswer | null> | null {
    return suggestion.answerId === null ? null : this.answers.byId(context, suggestion.answerId);
  }

  @ResolveField(() => [RankedCanonicalAnswer], {
    nullable: true,
    description: "Staff only: the matcher's ranking when the question was posted.",
  })
  alternatives(@Ctx() context: RequestContext, @Parent() suggestion: BotSuggestion): RankedCanonicalAnswer[] {
    context.requireStaff();
    return parseAlternatives(suggestion.alternativesJson);
  }

  @ResolveField(() => User, {
    nullable: true,
    description:
      'Staff only: who last decided on it (at decidedAt), the asker or a staff member; a staff decision now replaces theirs. Null before anyone did.',
  })
  decidedBy(@Ctx() context: RequestContext, @Parent() suggestion: BotSuggestion): Promise<User | null> | null {
    context.requireStaff();
    return suggestion.decidedById === null ? null : this.users.byId(context, suggestion.decidedById);
  }

  @ResolveField(() => BotExplanation, { nullable: true, description: 'Staff only: the words and signals behind the decision.' })
  explanation(@Ctx() context: RequestContext, @Parent() suggestion: BotSuggestion): BotExplanation {
    context.requireStaff();
    return parseExplanation(suggestion.explanationJson);
  }
}

@Resolver(() => Thread)
export class ThreadBotSuggestionResolver {
  constructor(
    private readonly bot: BotService,
    private readonly replies: RepliesService,
  ) {}

  @ResolveField(() => BotSuggestion, {
    nullable: true,
    description:
      'What the FAQ bot did with this question: null until it replied publicly, and while that reply is hidden from the viewer (staff see every suggestion, pending and unmatched ones too).',
  })
  botSuggestion(@Ctx() context: RequestContext, @Parent() thread: Thread): Promise<BotSuggestion | null> {
    return this.bot.forThread(context, Number(thread.id));
  }

  @ResolveField(() => Boolean, {
    description:
      "The bot's public reply waits for the asker's word (did it solve it, or which case fits) and nothing settled the question meanwhile: no accepted answer, no staff answer, not locked, the reply not hidden.",
  })
  async botAwaitsAsker(thread: Thread, _args: unknown, graphql: GraphqlContext): Promise<boolean> {
    const context = requestContextOf(graphql);
    const suggestion = await this.bot.withVisibleReply(context, Number(thread.id));
    // Most threads of a list have no suggestion waiting: only the others read whether staff replied (one batch).
    if (!botAwaitsAsker(suggestion, thread, false)) return false;
    return botAwaitsAsker(suggestion, thread, await this.replies.staffReplied(context, Number(thread.id)));
  }
}

@Resolver(() => BotQueueItem)
export class BotQueueItemResolver {
  constructor(private readonly threads: ThreadsService) {}

  @ResolveField(() => Thread, { nullable: true, description: 'The question; null when it was deleted or is hidden from the viewer.' })
  thread(@Ctx() context: RequestContext, @Parent() item: BotQueueItem): Promise<Thread | null> {
    return this.threads.visibleById(context, Number(item.threadId));
  }
}

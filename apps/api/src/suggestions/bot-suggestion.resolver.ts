import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AnswersService } from '../answers/answers.service.js';
import { CanonicalAnswer } from '../answers/models/canonical-answer.model.js';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { Thread } from '../threads/models/thread.model.js';
import { ThreadsService } from '../threads/threads.service.js';
import { parseAlternatives, parseExplanation } from './bot-suggestion.mapper.js';
import { BotService } from './bot.service.js';
import { BotQueueItem } from './models/bot-queue.model.js';
import { BotExplanation, BotSuggestion, RankedCanonicalAnswer } from './models/bot-suggestion.model.js';

@Resolver(() => BotSuggestion)
export class BotSuggestionResolver {
  constructor(private readonly answers: AnswersService) {}

  /** The suggested (or chosen) canonical answer; null when none fits or while clarifying. */
  @ResolveField(() => CanonicalAnswer, { nullable: true })
  answer(@Ctx() context: RequestContext, @Parent() suggestion: BotSuggestion): Promise<CanonicalAnswer | null> | null {
    return suggestion.answerId === null ? null : this.answers.byId(context, suggestion.answerId);
  }

  /** Staff only: the matcher's ranking when the question was posted. */
  @ResolveField(() => [RankedCanonicalAnswer], { nullable: true })
  alternatives(@Ctx() context: RequestContext, @Parent() suggestion: BotSuggestion): RankedCanonicalAnswer[] {
    context.requireStaff();
    return parseAlternatives(suggestion.alternativesJson);
  }

  /** Staff only: the words and signals behind the decision. */
  @ResolveField(() => BotExplanation, { nullable: true })
  explanation(@Ctx() context: RequestContext, @Parent() suggestion: BotSuggestion): BotExplanation {
    context.requireStaff();
    return parseExplanation(suggestion.explanationJson);
  }
}

@Resolver(() => Thread)
export class ThreadBotSuggestionResolver {
  constructor(private readonly bot: BotService) {}

  /** What the FAQ bot did with this question: null until it replied publicly (staff also see pending and unmatched ones). */
  @ResolveField(() => BotSuggestion, { nullable: true })
  botSuggestion(@Ctx() context: RequestContext, @Parent() thread: Thread): Promise<BotSuggestion | null> {
    return this.bot.forThread(context, Number(thread.id));
  }
}

@Resolver(() => BotQueueItem)
export class BotQueueItemResolver {
  constructor(private readonly threads: ThreadsService) {}

  @ResolveField(() => Thread, { nullable: true })
  thread(@Ctx() context: RequestContext, @Parent() item: BotQueueItem): Promise<Thread | null> {
    return this.threads.visibleById(context, Number(item.threadId));
  }
}

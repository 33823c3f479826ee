import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AnswerSlugArgs } from '../canonical-answers/dto/answer-slug.args.js';
import { Public, StaffOnly } from '../common/access.decorators.js';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { BotReviewService } from './bot-review.service.js';
import { BotStatsService } from './bot-stats.service.js';
import { BotService } from './bot.service.js';
import { BotQueueArgs } from './dto/bot-queue.args.js';
import { BotStatsArgs } from './dto/bot-stats.args.js';
import { SuggestAnswersArgs } from './dto/suggest-answers.args.js';
import { ThreadAnswerArgs } from './dto/thread-answer.args.js';
import { ThreadIdArgs } from './dto/thread-id.args.js';
import { BotQueuePage } from './models/bot-queue.model.js';
import { BotStats } from './models/bot-stats.model.js';
import { BotSuggestion } from './models/bot-suggestion.model.js';
import { SuggestAnswersResult } from './models/suggest-answers-result.model.js';
import { SuggestionsService } from './suggestions.service.js';

@Resolver()
export class SuggestionsResolver {
  constructor(
    private readonly suggestions: SuggestionsService,
    private readonly bot: BotService,
    private readonly review: BotReviewService,
    private readonly botStatistics: BotStatsService,
  ) {}

  /** Canonical answers and similar threads for a question as it is typed (rate limited per IP). Both empty: empty result. */
  @Public()
  @Query(() => SuggestAnswersResult)
  suggestAnswers(@Ctx() context: RequestContext, @Args() args: SuggestAnswersArgs): Promise<SuggestAnswersResult> {
    return this.suggestions.suggest(context, args.title ?? '', args.body ?? '');
  }

  /** "This solves my problem" on a suggestion shown while typing, instead of posting. */
  @Public()
  @Mutation(() => Boolean)
  recordDeflection(@Ctx() context: RequestContext, @Args() args: AnswerSlugArgs): Promise<boolean> {
    return this.suggestions.recordDeflection(context, args.slug);
  }

  /** The asker answers the bot's clarifying question with one of its two choices; the bot then answers. */
  @Mutation(() => BotSuggestion)
  chooseClarification(@Ctx() context: RequestContext, @Args() args: ThreadAnswerArgs): Promise<BotSuggestion> {
    return this.bot.chooseClarification(context, args.threadId, args.slug);
  }

  /** The asker: the bot answer solved it (it becomes the accepted answer). */
  @Mutation(() => BotSuggestion)
  markBotAnswerHelpful(@Ctx() context: RequestContext, @Args() args: ThreadIdArgs): Promise<BotSuggestion> {
    return this.bot.markHelpful(context, args.threadId);
  }

  /** The asker: the bot answer did not help (it is folded and staff take a look). */
  @Mutation(() => BotSuggestion)
  markBotAnswerUnhelpful(@Ctx() context: RequestContext, @Args() args: ThreadIdArgs): Promise<BotSuggestion> {
    return this.bot.markUnhelpful(context, args.threadId);
  }

  /** Another reader found the bot answer useful; counts once per reader. */
  @Mutation(() => BotSuggestion)
  voteBotAnswerUseful(@Ctx() context: RequestContext, @Args() args: ThreadIdArgs): Promise<BotSuggestion> {
    return this.bot.voteUseful(context, args.threadId);
  }

  /** Staff: questions waiting for a decision, oldest first. */
  @StaffOnly()
  @Query(() => BotQueuePage)
  botQueue(@Ctx() context: RequestContext, @Args() args: BotQueueArgs): Promise<BotQueuePage> {
    return this.review.queue(context, args.kind, args.first, args.after);
  }

  /** Staff: the bot's answer is right. Posts it if the bot has not yet, and teaches the bot the question. */
  @StaffOnly()
  @Mutation(() => BotSuggestion)
  confirmSuggestion(@Ctx() context: RequestContext, @Args() args: ThreadIdArgs): Promise<BotSuggestion> {
    return this.review.confirm(context, args.threadId);
  }

  /** Staff: another canonical answer is right. The bot posts it (replacing its earlier reply) and learns the question. */
  @StaffOnly()
  @Mutation(() => BotSuggestion)
  correctSuggestion(@Ctx() context: RequestContext, @Args() args: ThreadAnswerArgs): Promise<BotSuggestion> {
    return this.review.correct(context, args.threadId, args.slug);
  }

  /** Staff: no canonical answer fits this question. */
  @StaffOnly()
  @Mutation(() => BotSuggestion)
  dismissSuggestion(@Ctx() context: RequestContext, @Args() args: ThreadIdArgs): Promise<BotSuggestion> {
    return this.review.dismiss(context, args.threadId);
  }

  /** Staff: markdown to prefill a reply with a canonical answer, greeting the asker; post it with replyToThread. */
  @StaffOnly()
  @Query(() => String)
  canonicalAnswerDraft(@Ctx() context: RequestContext, @Args() args: ThreadAnswerArgs): Promise<string> {
    return this.review.draft(context, args.slug, args.threadId);
  }

  /** Staff: what the bot did over the last `days` days. */
  @StaffOnly()
  @Query(() => BotStats)
  botStats(@Ctx() context: RequestContext, @Args() args: BotStatsArgs): Promise<BotStats> {
    return this.botStatistics.stats(context, args.days);
  }
}

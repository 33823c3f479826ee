import { Args, Directive, Mutation, Query, Resolver } from '@nestjs/graphql';
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
import { BotQueueCounts, BotQueuePage } from './models/bot-queue.model.js';
import { BotStats } from './models/bot-stats.model.js';
import { BotSuggestion } from './models/bot-suggestion.model.js';
import { SuggestAnswersResult } from './models/suggest-answers-result.model.js';
import { SuggestionsService } from './suggestions.service.js';
import { LeavesPublicContent, neverCached } from '../graphql/anonymous-response-cache.js';
import { forumScanCost, textWorkCost } from '../graphql/query-limits.js';
import { typedBodyMatched } from '#post-limits';

@Resolver()
export class SuggestionsResolver {
  constructor(
    private readonly suggestions: SuggestionsService,
    private readonly bot: BotService,
    private readonly review: BotReviewService,
    private readonly botStatistics: BotStatsService,
  ) {}

  @Public()
  @Directive(neverCached)
  @Query(() => SuggestAnswersResult, {
    description:
      'Canonical answers and similar threads for a question as it is typed (rate limited per member, or per client IP when signed out). Both empty: empty result.',
    // 1 per 10 characters it reads: within the default cost limit (5000), about ten at their longest in one request.
    complexity: textWorkCost(10, typedBodyMatched),
  })
  suggestAnswers(@Ctx() context: RequestContext, @Args() args: SuggestAnswersArgs): Promise<SuggestAnswersResult> {
    return this.suggestions.suggest(context, args.title ?? '', args.body ?? '');
  }

  // Counted in the bot's statistics, which only staff read.
  @LeavesPublicContent()
  @Mutation(() => Boolean, {
    description:
      '"This solves my problem" on a suggestion shown while typing, instead of posting. Counted once per member and answer: again changes nothing.',
  })
  recordDeflection(@Ctx() context: RequestContext, @Args() args: AnswerSlugArgs): Promise<boolean> {
    return this.suggestions.recordDeflection(context, args.slug);
  }

  @Mutation(() => BotSuggestion, {
    description:
      "The asker answers the bot's clarifying question with one of its two choices; the bot then answers. FORBIDDEN on a locked thread (staff excepted).",
  })
  chooseClarification(@Ctx() context: RequestContext, @Args() args: ThreadAnswerArgs): Promise<BotSuggestion> {
    return this.bot.chooseClarification(context, args.threadId, args.slug);
  }

  @Mutation(() => BotSuggestion, {
    description: 'The asker: the bot answer solved it (it becomes the accepted answer). FORBIDDEN on a locked thread (staff excepted).',
  })
  markBotAnswerHelpful(@Ctx() context: RequestContext, @Args() args: ThreadIdArgs): Promise<BotSuggestion> {
    return this.bot.markHelpful(context, args.threadId);
  }

  @Mutation(() => BotSuggestion, {
    description:
      'The asker: the bot answer did not help (it is folded and staff take a look). FORBIDDEN on a locked thread (staff excepted).',
  })
  markBotAnswerUnhelpful(@Ctx() context: RequestContext, @Args() args: ThreadIdArgs): Promise<BotSuggestion> {
    return this.bot.markUnhelpful(context, args.threadId);
  }

  @Mutation(() => BotSuggestion, {
    description: 'Another reader found the bot answer useful; counts once per reader. FORBIDDEN on a locked thread, for staff too.',
  })
  voteBotAnswerUseful(@Ctx() context: RequestContext, @Args() args: ThreadIdArgs): Promise<BotSuggestion> {
    return this.bot.voteUseful(context, args.threadId);
  }

  @StaffOnly()
  @Query(() => BotQueuePage, { description: 'Staff: questions waiting for a decision, oldest first.' })
  botQueue(@Ctx() context: RequestContext, @Args() args: BotQueueArgs): Promise<BotQueuePage> {
    return this.review.queue(context, args.kind, args.first, args.after);
  }

  @StaffOnly()
  @Query(() => BotQueueCounts, {
    complexity: forumScanCost,
    description: 'Staff: how many questions wait in each bot queue (one statement).',
  })
  botQueueCounts(@Ctx() context: RequestContext): Promise<BotQueueCounts> {
    return this.review.counts(context);
  }

  @StaffOnly()
  @Mutation(() => BotSuggestion, {
    description:
      "Staff: the bot's answer is right. Posts it if the bot has not yet, and teaches the bot the question. Again on a confirmed suggestion: changes nothing.",
  })
  confirmSuggestion(@Ctx() context: RequestContext, @Args() args: ThreadIdArgs): Promise<BotSuggestion> {
    return this.review.confirm(context, args.threadId);
  }

  @StaffOnly()
  @Mutation(() => BotSuggestion, {
    description:
      'Staff: another canonical answer is right. The bot posts it (replacing its earlier reply) and learns the question. Again with the same answer: changes nothing.',
  })
  correctSuggestion(@Ctx() context: RequestContext, @Args() args: ThreadAnswerArgs): Promise<BotSuggestion> {
    return this.review.correct(context, args.threadId, args.slug);
  }

  @StaffOnly()
  @Mutation(() => BotSuggestion, {
    description:
      'Staff: no canonical answer fits this question, from any queue (also one the bot has not looked at yet); it moves to the DISMISSED queue until a person answers it, and the bot learns it. Again on a dismissed suggestion: changes nothing.',
  })
  dismissSuggestion(@Ctx() context: RequestContext, @Args() args: ThreadIdArgs): Promise<BotSuggestion> {
    return this.review.dismiss(context, args.threadId);
  }

  @StaffOnly()
  @Query(() => String, {
    description: 'Staff: markdown to prefill a reply with a canonical answer, greeting the asker; post it with replyToThread.',
  })
  canonicalAnswerDraft(@Ctx() context: RequestContext, @Args() args: ThreadAnswerArgs): Promise<string> {
    return this.review.draft(context, args.slug, args.threadId);
  }

  @StaffOnly()
  @Query(() => BotStats, { complexity: forumScanCost, description: 'Staff: what the bot did over the last `days` days.' })
  botStats(@Ctx() context: RequestContext, @Args() args: BotStatsArgs): Promise<BotStats> {
    return this.botStatistics.stats(context, args.days);
  }
}

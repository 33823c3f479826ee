import { Module } from '@nestjs/common';
import { CanonicalAnswersModule } from '../canonical-answers/canonical-answers.module.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { UsersModule } from '../users/users.module.js';
import { BotAuthor } from './bot-author.service.js';
import { BotReviewService } from './bot-review.service.js';
import { BotStatsService } from './bot-stats.service.js';
import { BotQueueItemResolver, BotSuggestionResolver, ThreadBotSuggestionResolver } from './bot-suggestion.resolver.js';
import { BotService } from './bot.service.js';
import { MatcherService } from './matcher.service.js';
import { SuggestionsResolver } from './suggestions.resolver.js';
import { SuggestionsService } from './suggestions.service.js';

/** The FAQ bot: suggestions while typing, public answers to new questions, asker feedback, staff review, statistics. */
@Module({
  imports: [CanonicalAnswersModule, ThreadsModule, UsersModule],
  providers: [
    MatcherService,
    BotAuthor,
    BotService,
    BotReviewService,
    BotStatsService,
    SuggestionsService,
    SuggestionsResolver,
    BotSuggestionResolver,
    ThreadBotSuggestionResolver,
    BotQueueItemResolver,
  ],
  exports: [MatcherService],
})
export class BotModule {}

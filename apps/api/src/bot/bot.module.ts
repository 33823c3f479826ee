import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CanonicalAnswersModule } from '../canonical-answers/canonical-answers.module.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { UsersModule } from '../users/users.module.js';
import { BotAnswerVoteEntity } from './bot-answer-vote.entity.js';
import { BotAuthor } from './bot-author.service.js';
import { BotEventEntity } from './bot-event.entity.js';
import { BotReviewService } from './bot-review.service.js';
import { BotStatsService } from './bot-stats.service.js';
import { BotSuggestionEntity } from './bot-suggestion.entity.js';
import { BotQueueItemResolver, BotSuggestionResolver, ThreadBotSuggestionResolver } from './bot-suggestion.resolver.js';
import { BotService } from './bot.service.js';
import { MatcherService } from './matcher.service.js';
import { SuggestionsResolver } from './suggestions.resolver.js';
import { SuggestionsService } from './suggestions.service.js';

/** The FAQ bot: suggestions while typing, public answers to new questions, asker feedback, staff review, statistics. */
@Module({
  imports: [
    TypeOrmModule.forFeature([BotSuggestionEntity, BotEventEntity, BotAnswerVoteEntity]),
    CanonicalAnswersModule,
    ThreadsModule,
    UsersModule,
  ],
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

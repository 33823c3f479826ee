import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { CanonicalAnswersModule } from './canonical-answers/canonical-answers.module.js';
import { AuthModule } from './auth/auth.module.js';
import { SessionsService } from './auth/sessions.service.js';
import { ConfigModule } from './config/config.module.js';
import { Environment } from './config/environment.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoModule } from './demo/demo.module.js';
import { ContentGeneration } from './events/content-generation.js';
import { EventsModule } from './events/events.module.js';
import { graphqlOptions } from './graphql-options.js';
import { JobsModule } from './jobs/jobs.module.js';
import { HealthModule } from './health/health.module.js';
import { LiveModule } from './live/live.module.js';
import { MarkdownModule } from './markdown/markdown.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ModerationModule } from './moderation/moderation.module.js';
import { RateLimitModule } from './rate-limit/rate-limit.module.js';
import { RedisModule } from './redis/redis.module.js';
import { BotModule } from './bot/bot.module.js';
import { SearchModule } from './search/search.module.js';
import { ThreadsModule } from './threads/threads.module.js';
import { UsersModule } from './users/users.module.js';
import { WebPagesModule } from './web-pages/web-pages.module.js';

@Module({})
export class AppModule {
  static forRoot(environment: Environment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(environment),
        DatabaseModule,
        RedisModule,
        RateLimitModule,
        EventsModule,
        JobsModule.forRoot(environment),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [Environment, ContentGeneration, SessionsService],
          useFactory: graphqlOptions,
        }),
        AuthModule,
        HealthModule,
        UsersModule,
        MarkdownModule,
        ThreadsModule,
        DemoModule,
        SearchModule,
        ModerationModule,
        CanonicalAnswersModule,
        BotModule,
        LiveModule,
        NotificationsModule,
        WebPagesModule,
      ],
    };
  }
}

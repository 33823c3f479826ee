import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { join } from 'node:path';
import type { SessionsService } from './auth/sessions.service.js';
import { formatGraphqlError, withoutSuggestions } from './common/format-graphql-error.js';
import { Environment } from './config/environment.js';
import type { ContentGeneration } from './events/content-generation.js';
import { anonymousResponseCachePlugins, cacheControlDirective } from './graphql/anonymous-response-cache.js';
import { graphqlContext } from './live/socket-context.js';
import { QueryLimits } from './graphql/query-limits.js';

export function graphqlOptions(environment: Environment, generation: ContentGeneration, sessions: SessionsService): ApolloDriverConfig {
  const limits = new QueryLimits(environment);
  return {
    // Outside production the schema is written to the committed schema.gql; the web app's types come from it.
    autoSchemaFile: environment.isProduction ? true : join(process.cwd(), 'schema.gql'),
    sortSchema: true,
    buildSchemaOptions: { directives: [cacheControlDirective] },
    path: '/graphql',
    // HTTP requests, and WebSocket subscriptions made to look like them for the guard and RequestContext.
    // The WebSocket side is GraphqlSocketServer (live/), not Apollo's.
    context: graphqlContext,
    introspection: !environment.isProduction,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    playground: false,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    plugins: [
      ...anonymousResponseCachePlugins(environment, generation, (context) => sessions.viewerOf(context)),
      noStore,
      limits.apolloPlugin(),
    ],
    stringifyResult: limits.stringifyResult,
    formatError: environment.isProduction
      ? (formatted, error) => withoutSuggestions(formatGraphqlError(formatted, error))
      : formatGraphqlError,
  };
}

/**
 * Browsers and proxies never cache an answer: answers depend on the session, and the anonymous response cache is
 * emptied by writes, which an HTTP cache would not hear of. Cache hints serve only that cache (see its plugins).
 */
const noStore: ApolloServerPlugin = {
  requestDidStart: async () => ({
    willSendResponse: async ({ response }) => {
      response.http.headers.set('cache-control', 'no-store');
    },
  }),
};

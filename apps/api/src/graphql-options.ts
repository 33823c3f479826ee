import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { join } from 'node:path';
import type { SessionsService } from './auth/sessions.service.js';
import { formatGraphqlError, withoutSuggestions } from './common/format-graphql-error.js';
import { Environment } from './config/environment.js';
import type { ContentGeneration } from './events/content-generation.js';
import { anonymousResponseCachePlugins, cacheControlDirective } from './graphql/anonymous-response-cache.js';
import { documentStore } from './graphql/document-store.js';
import { graphqlPath } from './live/graphql-socket-server.js';
import { graphqlContext } from './live/socket-context.js';
import { QueryLimits } from './graphql/query-limits.js';

export function graphqlOptions(environment: Environment, generation: ContentGeneration, sessions: SessionsService): ApolloDriverConfig {
  const limits = new QueryLimits(environment);
  return {
    // Outside production the schema is written to the committed schema.gql; the web app's types come from it.
    autoSchemaFile: environment.isProduction ? true : join(process.cwd(), 'schema.gql'),
    sortSchema: true,
    buildSchemaOptions: { directives: [cacheControlDirective] },
    path: graphqlPath,
    // HTTP requests, and WebSocket subscriptions made to look like them for the guard and RequestContext.
    // The WebSocket side is GraphqlSocketServer (live/), not Apollo's.
    context: graphqlContext,
    introspection: !environment.isProduction,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // The web app sends whole documents; a cache of queries anyone may register only widens what a client can send.
    persistedQueries: false,
    documentStore: documentStore(),
    playground: false,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    plugins: [
      ...anonymousResponseCachePlugins(environment, generation, (context) => sessions.viewerOf(context)),
      noStore,
      noHttpSubscriptions,
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

/** Subscriptions run over the WebSocket (graphql-ws); over HTTP one would resolve to null, an internal error. */
const noHttpSubscriptions: ApolloServerPlugin = {
  requestDidStart: async () => ({
    didResolveOperation: async ({ operation }) => {
      if (operation?.operation === 'subscription') {
        throw new GraphQLError('Subscriptions are served over a WebSocket at /graphql (graphql-transport-ws), not over HTTP', {
          extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
        });
      }
    },
  }),
};

import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { join } from 'node:path';
import { formatGraphqlError, withoutSuggestions } from './common/format-graphql-error.js';
import { Environment } from './config/environment.js';
import { graphqlContext } from './live/socket-context.js';
import { QueryLimits } from './graphql/query-limits.js';

export function graphqlOptions(environment: Environment): ApolloDriverConfig {
  const limits = new QueryLimits(environment);
  return {
    // Outside production the schema is written to the committed schema.gql; the web app's types come from it.
    autoSchemaFile: environment.isProduction ? true : join(process.cwd(), 'schema.gql'),
    sortSchema: true,
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
    plugins: [ApolloServerPluginCacheControlDisabled(), noStore, limits.apolloPlugin()],
    stringifyResult: limits.stringifyResult,
    formatError: environment.isProduction
      ? (formatted, error) => withoutSuggestions(formatGraphqlError(formatted, error))
      : formatGraphqlError,
  };
}

/**
 * Apollo's cache-control plugin (on by default) works out a cache policy in a hook on every resolved field, only to
 * conclude `no-store`: nothing here sets cache hints, and answers depend on the session. It is off; this says the same.
 */
const noStore: ApolloServerPlugin = {
  requestDidStart: async () => ({
    willSendResponse: async ({ response }) => {
      response.http.headers.set('cache-control', 'no-store');
    },
  }),
};

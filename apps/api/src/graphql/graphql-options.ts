import { ApolloDriverConfig } from '@nestjs/apollo';
import { join } from 'node:path';
import type { SessionsService } from '../auth/sessions.service.js';
import { formatGraphqlError } from '../common/format-graphql-error.js';
import { Environment } from '../config/environment.js';
import { GraphqlWsOptions } from '../live/graphql-ws-options.js';
import { graphqlContext } from '../live/socket-context.js';
import { aliasLimit, depthLimit } from './operation-limits.js';

export function graphqlOptions(environment: Environment, sessions: SessionsService): ApolloDriverConfig {
  const validationRules = [depthLimit(environment.GRAPHQL_MAX_DEPTH), aliasLimit(environment.GRAPHQL_MAX_ALIASES)];
  // Subscriptions: graphql-ws on the same server and path.
  const graphqlWs = new GraphqlWsOptions(sessions, validationRules);
  return {
    // Outside production the schema is written to the committed schema.gql; the web app's types come from it.
    autoSchemaFile: environment.isProduction ? true : join(process.cwd(), 'schema.gql'),
    sortSchema: true,
    path: '/graphql',
    // HTTP requests, and WebSocket subscriptions made to look like them for the guard and RequestContext.
    context: graphqlContext,
    subscriptions: { 'graphql-ws': graphqlWs.serverOptions() },
    transformSchema: graphqlWs.useSchema,
    introspection: !environment.isProduction,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    playground: false,
    validationRules,
    formatError: formatGraphqlError,
  };
}

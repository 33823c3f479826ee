import { ApolloDriverConfig } from '@nestjs/apollo';
import { join } from 'node:path';
import { formatGraphqlError } from '../common/format-graphql-error.js';
import { Environment } from '../config/environment.js';
import { aliasLimit, depthLimit } from './operation-limits.js';

export function graphqlOptions(environment: Environment): ApolloDriverConfig {
  return {
    // Outside production the schema is written to the committed schema.gql; the web app's types come from it.
    autoSchemaFile: environment.isProduction ? true : join(process.cwd(), 'schema.gql'),
    sortSchema: true,
    path: '/graphql',
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
    introspection: !environment.isProduction,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    playground: false,
    validationRules: [depthLimit(environment.GRAPHQL_MAX_DEPTH), aliasLimit(environment.GRAPHQL_MAX_ALIASES)],
    formatError: formatGraphqlError,
  };
}

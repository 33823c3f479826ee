import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { createRequire } from 'node:module';
import type * as GraphqlModule from 'graphql';
import type { DocumentNode, GraphQLError, GraphQLFormattedError, GraphQLSchema, ValidationRule } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { SessionsService } from '../auth/sessions.service.js';
import { formatGraphqlError } from '../common/format-graphql-error.js';
import { authenticateSocket, SocketConnection } from './socket-context.js';

// graphql-ws accepts errors from onSubscribe only if they are `instanceof` the GraphQLError of the copy of
// graphql it loaded: the CommonJS build, which Node also gives to `import`. Test runners that prefer the
// package's ESM build would hand us a second copy, so take the one graphql-ws uses.
const graphql = createRequire(import.meta.url)('graphql') as typeof GraphqlModule;

/**
 * The graphql-ws server's hooks: authenticate the socket, hold subscriptions to the limits HTTP
 * operations have (Apollo's validation rules do not run for them), and give their errors the same
 * client-safe shape as over HTTP. Only subscriptions are served on the socket.
 */
export class GraphqlWsOptions {
  private schema: GraphQLSchema | null = null;

  constructor(
    private readonly sessions: SessionsService,
    private readonly validationRules: ValidationRule[],
  ) {}

  /** For `transformSchema`: the validation rules need the final schema. */
  readonly useSchema = (schema: GraphQLSchema): GraphQLSchema => {
    this.schema = schema;
    return schema;
  };

  serverOptions(): GraphQLWsSubscriptionsConfig & Pick<ServerOptions, 'onError'> {
    return {
      onConnect: (connection) => authenticateSocket(this.sessions, connection as unknown as SocketConnection),
      onSubscribe: (_connection, _id, payload) => this.check(payload.query, payload.operationName ?? undefined),
      onNext: (_connection, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map(formatSocketError) } : undefined,
      onError: (_connection, _id, _payload, errors) => errors.map(formatSocketError),
    };
  }

  private check(query: string, operationName?: string): readonly GraphQLError[] | void {
    let document: DocumentNode;
    try {
      document = graphql.parse(query);
    } catch (error) {
      const message = error instanceof Error ? error.message : 'Syntax error';
      return [new graphql.GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
    }
    const operation = graphql.getOperationAST(document, operationName);
    if (operation && operation.operation !== 'subscription') {
      return [
        new graphql.GraphQLError('Only subscriptions are served over the WebSocket; send queries and mutations over HTTP', {
          extensions: { code: 'BAD_REQUEST' },
        }),
      ];
    }
    if (!this.schema) return;
    // graphql-ws then validates with the standard rules.
    const errors = graphql.validate(this.schema, document, this.validationRules);
    if (errors.length > 0) {
      // Rebuilt with graphql-ws's copy of GraphQLError (see above); the rules may have used another.
      return errors.map(
        (error) =>
          new graphql.GraphQLError(error.message, {
            nodes: error.nodes,
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...error.extensions },
          }),
      );
    }
  }
}

/** An error sent over the socket: AppErrors keep their code, unexpected ones are masked (as over HTTP). */
export function formatSocketError(error: GraphQLError): GraphQLFormattedError {
  if (!error.originalError) {
    // Parse, validation and variable errors: about the client's own document, safe to show.
    const code = typeof error.extensions.code === 'string' ? error.extensions.code : 'GRAPHQL_VALIDATION_FAILED';
    return { message: error.message, locations: error.locations, extensions: { code } };
  }
  return formatGraphqlError(error.toJSON(), error.originalError);
}

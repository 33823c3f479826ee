import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type * as GraphqlModule from 'graphql';
import type { DocumentNode, ExecutionArgs, GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
import { hashToken, SessionsService } from '../auth/sessions.service.js';
import { clientAddress, TrustProxy } from '../common/client-address.js';
import { formatGraphqlError, parseFailureMessage, withoutSuggestions } from '../common/format-graphql-error.js';
import { Environment } from '../config/environment.js';
import { graphqlRuntime } from '../graphql/graphql-runtime.js';
import { QueryLimits } from '../graphql/query-limits.js';
import { AccountChange, liveChannels, LivePubSub } from './live-pubsub.js';
import { ServerWebSocket } from './server-web-socket.js';
import { graphqlContext, socketSession } from './socket-context.js';

// graphql-ws accepts errors from onSubscribe only if they are `instanceof` the GraphQLError of its copy of graphql.
const graphql = graphqlRuntime;

export const graphqlPath = '/graphql';

/** What the server keeps about each socket, on graphql-ws's `extra`. */
type SocketExtra = {
  request: IncomingMessage;
  socket: WebSocket;
  /** The client's address (TRUST_PROXY applied), set when it connects: what per-IP limits count. */
  clientAddress?: string;
  /** The signed-in user of the socket, set when it connects; null for an anonymous socket. */
  userId?: number | null;
  /** The hash of the session token the socket signed in with, so that signing out ends it. */
  sessionHash?: string | null;
  /** When the socket last had no subscription running, or null while it has some. */
  idleSince?: number | null;
  /**
   * The subscriptions the client started and the server has not finished, by id, each with its subscribe message's
   * payload: from the check until graphql-ws completes it. Unlike graphql-ws's own `subscriptions`, an id stays here
   * while its subscription is still being set up after the client completed it, so it can be neither reused nor
   * left out of the cap.
   */
  operations?: Map<string, RunningOperation>;
};

/** A subscription the server holds: its subscribe message's payload, and its estimated cost, counted for its client. */
interface RunningOperation {
  payload: SubscribePayload;
  cost: number;
  client: string;
}

type SocketContext = Context<Record<string, unknown> | undefined, SocketExtra>;

/**
 * GraphQL subscriptions over graphql-ws on `/graphql`, attached to the HTTP server: frames capped like
 * HTTP bodies, operations held to the HTTP limits, sockets capped per client and per socket, idle
 * ones closed, and every upgrade request to another path refused rather than left open.
 */
@Injectable()
export class GraphqlSocketServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly limits: QueryLimits;
  private readonly sockets = new Set<SocketContext>();
  private readonly socketsPerClient = new Map<string, number>();
  /** The estimated cost of the subscriptions each client address holds on all its sockets. */
  private readonly subscriptionCostPerClient = new Map<string, number>();
  /** Express's compiled `trust proxy` (TRUST_PROXY): the client address is the one the HTTP rate limits count. */
  private trustProxy: TrustProxy = () => false;
  private server: WebSocketServer | null = null;
  private dispose: (() => unknown) | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private stopAccountChanges: (() => void) | null = null;
  private readonly logger = new Logger('GraphqlSocketServer');
  /** A check of the sockets' sessions is running: the next sweep does not start another. */
  private checkingSessions = false;

  constructor(
    private readonly environment: Environment,
    private readonly sessions: SessionsService,
    private readonly httpAdapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly pubSub: LivePubSub,
  ) {
    this.limits = new QueryLimits(environment);
  }

  onApplicationBootstrap(): void {
    // An application context without HTTP (the user:create command) serves no sockets.
    const httpServer = this.httpAdapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!httpServer) return;
    const schema = this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    const express = this.httpAdapterHost.httpAdapter.getInstance<{ get(setting: string): unknown }>();
    this.trustProxy = express.get('trust proxy fn') as TrustProxy;
    this.server = new WebSocketServer({ noServer: true, maxPayload: this.environment.WS_MAX_PAYLOAD_BYTES, WebSocket: ServerWebSocket });
    const server = useServer<Record<string, unknown> | undefined, SocketExtra>(
      {
        schema,
        context: (context) => graphqlContext(context),
        onConnect: (context) => this.connect(context),
        onClose: (context) => {
          this.sockets.delete(context);
          for (const [id, operation] of context.extra.operations ?? []) this.finished(context, id, operation.payload);
        },
        onSubscribe: (context, id, payload) => this.check(context, id, payload, schema),
        onComplete: (context, id, payload) => this.finished(context, id, payload),
        onNext: (_context, _id, _payload, _args, result) =>
          result.errors ? { ...result, errors: result.errors.map(this.formatError) } : undefined,
        onError: (_context, _id, _payload, errors) => errors.map(this.formatError),
      },
      this.server,
      this.environment.WS_KEEPALIVE_SECONDS * 1000,
    );
    this.dispose = () => server.dispose();
    httpServer.on('upgrade', this.upgrade);
    this.idleTimer = setInterval(
      () => {
        this.closeIdleSockets();
        void this.closeEndedSessions().catch((error: unknown) =>
          this.logger.warn(`Could not check the sockets' sessions: ${String(error)}`),
        );
      },
      Math.min(this.environment.WS_IDLE_SECONDS * 250, 10_000),
    );
    this.idleTimer.unref();
    void this.endAffectedSockets().catch((error: unknown) => this.logger.error(`Account changes: ${String(error)}`));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.stopAccountChanges?.();
    this.httpAdapterHost.httpAdapter?.getHttpServer()?.off('upgrade', this.upgrade);
    await this.dispose?.();
    this.server?.close();
  }

  /** The sockets this instance holds and the subscriptions running on them: the tests check that none outlives its client. */
  held(): { sockets: number; subscriptions: number } {
    let subscriptions = 0;
    for (const context of this.sockets) subscriptions += context.extra.operations?.size ?? 0;
    return { sockets: this.sockets.size, subscriptions };
  }

  /**
   * Ends the sockets a sign-out, a role change or two-factor sign-in turned on or off affects, on every instance: the
   * client signs in again, and what it subscribes to next is authorised for the session, role and 2FA state it has then.
   */
  private async endAffectedSockets(): Promise<void> {
    const changes = await this.pubSub.subscribe<AccountChange>(liveChannels.accounts());
    this.stopAccountChanges = () => void changes.return?.();
    for await (const change of changes) {
      for (const context of this.sockets) {
        if ('sessionHash' in change && context.extra.sessionHash === change.sessionHash) {
          context.extra.socket.close(4401, 'Session ended');
        } else if ('userId' in change && context.extra.userId === change.userId) {
          context.extra.socket.close(4403, 'Account changed');
        }
      }
    }
  }

  private readonly formatError = (error: GraphQLError): GraphQLFormattedError => {
    const formatted = formatSocketError(error);
    return this.environment.isProduction ? withoutSuggestions(formatted) : formatted;
  };

  private readonly upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== graphqlPath || !this.server) {
      // Nothing else speaks WebSocket here; an upgrade left unanswered would hold its socket for ever.
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroy();
      return;
    }
    const client = clientAddress(request, this.trustProxy);
    const open = this.socketsPerClient.get(client) ?? 0;
    if (open >= this.environment.WS_MAX_SOCKETS_PER_CLIENT) {
      socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroy();
      return;
    }
    this.socketsPerClient.set(client, open + 1);
    socket.once('close', () => {
      const left = (this.socketsPerClient.get(client) ?? 1) - 1;
      if (left > 0) this.socketsPerClient.set(client, left);
      else this.socketsPerClient.delete(client);
    });
    const server = this.server;
    server.handleUpgrade(request, socket, head, (webSocket) => server.emit('connection', webSocket, request));
  };

  /**
   * Refuses a socket that offers credentials which are not a live session; anonymous sockets may use public
   * subscriptions. A browser's ended session cookie is cleared by its next HTTP answer, and its next socket offers none.
   */
  private async connect(context: SocketContext): Promise<boolean> {
    const { token, user } = await socketSession(this.sessions, context);
    if (token !== null && user === null) return false;
    context.extra.clientAddress = clientAddress(context.extra.request, this.trustProxy);
    context.extra.userId = user?.id ?? null;
    context.extra.sessionHash = token === null ? null : hashToken(token);
    context.extra.idleSince = Date.now();
    this.sockets.add(context);
    return true;
  }

  /** graphql-ws is done with a subscription (completed, failed, or dropped while it was being set up). */
  private finished(context: SocketContext, id: string, payload: SubscribePayload): void {
    const operations = context.extra.operations;
    const operation = operations?.get(id);
    if (operations && operation?.payload === payload) {
      operations.delete(id);
      this.countCost(operation.client, -operation.cost);
    }
    if (!operations || operations.size === 0) context.extra.idleSince = Date.now();
  }

  private countCost(client: string, change: number): void {
    const cost = (this.subscriptionCostPerClient.get(client) ?? 0) + change;
    if (cost > 0) this.subscriptionCostPerClient.set(client, cost);
    else this.subscriptionCostPerClient.delete(client);
  }

  /**
   * Closes (4401) the sockets whose session ended without this instance hearing of it: it expired, or it was revoked
   * while Redis was away, or by a tool in another process without Redis. A socket checks its session when it connects
   * and when each subscription starts; without this its running subscriptions would outlive the session. One read
   * per sweep for all the instance's sockets.
   */
  private async closeEndedSessions(): Promise<void> {
    if (this.checkingSessions) return;
    this.checkingSessions = true;
    try {
      const signedIn = [...this.sockets].filter((context) => context.extra.sessionHash);
      if (signedIn.length === 0) return;
      const live = await this.sessions.liveAmong([...new Set(signedIn.map((context) => context.extra.sessionHash!))]);
      for (const context of signedIn) if (!live.has(context.extra.sessionHash!)) context.extra.socket.close(4401, 'Session ended');
    } finally {
      this.checkingSessions = false;
    }
  }

  private closeIdleSockets(): void {
    const cutoff = Date.now() - this.environment.WS_IDLE_SECONDS * 1000;
    for (const context of this.sockets) {
      const idleSince = context.extra.idleSince;
      if (idleSince != null && idleSince < cutoff && !context.extra.operations?.size && Object.keys(context.subscriptions).length === 0) {
        context.extra.socket.close(4408, 'Idle');
      }
    }
  }

  /**
   * Parses and validates a subscribe message once, with the HTTP operation limits, and hands graphql-ws
   * the execution arguments. Only subscriptions are served on the socket, up to a number per socket.
   */
  private check(
    context: SocketContext,
    id: string,
    payload: SubscribePayload,
    schema: GraphqlModule.GraphQLSchema,
  ): ExecutionArgs | readonly GraphQLError[] {
    const operations = (context.extra.operations ??= new Map());
    // graphql-ws forgets an id as soon as the client completes it, even while its subscription is still being set
    // up; a subscribe reusing the id then would make graphql-ws start the first one under the second's id and lose
    // track of it (never ended, not counted, still listening after the socket closes). An id is taken until the server
    // finished with it: the protocol's answer to a duplicate id.
    if (operations.has(id)) {
      context.extra.socket.close(4409, 'Subscriber already exists');
      return [clientError('A subscription with this id is still running', 'BAD_REQUEST')];
    }
    if (operations.size >= this.environment.WS_MAX_SUBSCRIPTIONS_PER_SOCKET) {
      return [
        clientError(`At most ${this.environment.WS_MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions may run on one socket`, 'RATE_LIMITED'),
      ];
    }
    let document: DocumentNode;
    try {
      document = graphql.parse(payload.query, this.limits.parseOptions);
    } catch (error) {
      return [clientError(parseFailureMessage(error, error instanceof Error ? error.message : 'Syntax error'), 'GRAPHQL_PARSE_FAILED')];
    }
    const operationName = payload.operationName ?? undefined;
    const operation = graphql.getOperationAST(document, operationName);
    if (operation && operation.operation !== 'subscription') {
      return [clientError('Only subscriptions are served over the WebSocket; send queries and mutations over HTTP', 'BAD_REQUEST')];
    }
    const errors = graphql.validate(schema, document, [...graphql.specifiedRules, ...this.limits.validationRules]);
    // Rebuilt with graphql-ws's copy of GraphQLError (see above); the rules may have used another.
    if (errors.length > 0) return errors.map((error) => clientError(error.message, error.extensions.code, error.nodes));
    const { error: costError, cost } = this.limits.weigh(schema, document, payload.variables ?? undefined, operationName);
    if (costError) return [clientError(costError.message, costError.extensions.code)];
    // Set when the socket connected, before any subscribe message is read.
    const client = context.extra.clientAddress ?? '';
    const budget = this.environment.WS_MAX_SUBSCRIPTION_COST_PER_CLIENT;
    if ((this.subscriptionCostPerClient.get(client) ?? 0) + cost > budget) {
      return [clientError(`The subscriptions of one client may cost ${budget} at most together; this one costs ${cost}`, 'RATE_LIMITED')];
    }
    operations.set(id, { payload, cost, client });
    this.countCost(client, cost);
    context.extra.idleSince = null;
    return { schema, document, operationName, variableValues: payload.variables };
  }
}

function clientError(message: string, code: unknown, nodes?: GraphqlModule.GraphQLError['nodes']): GraphQLError {
  return new graphql.GraphQLError(message, {
    nodes,
    extensions: { code: typeof code === 'string' ? code : 'GRAPHQL_VALIDATION_FAILED' },
  });
}

/** An error sent over the socket: AppErrors keep their code, unexpected ones are masked (as over HTTP). */
function formatSocketError(error: GraphQLError): GraphQLFormattedError {
  // Without a path it comes from no resolver: parse, validation and variable errors, about the client's own document and
  // values, safe to show. A variable of the wrong type carries its scalar's TypeError, and is the client's as over HTTP.
  if (!error.originalError || !error.path) {
    const fallback = error.originalError ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED';
    const code = typeof error.extensions.code === 'string' ? error.extensions.code : fallback;
    return { message: error.message, locations: error.locations, extensions: { code } };
  }
  return formatGraphqlError(error.toJSON(), error.originalError);
}

import { Client, createClient, ExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { liveChannels, LivePubSub } from '../../apps/api/src/live/live-pubsub.js';
import type { TestApp } from './test-app.js';

export interface LiveClientOptions {
  /** Sent as `connectionParams.authorization`, as API clients do. */
  token?: string;
  /** Sent on the upgrade request, as the browser does. */
  cookie?: string;
  origin?: string;
}

/** A real graphql-ws client (the `ws` package underneath) connected to the app's /graphql. */
export function liveClient(app: TestApp, options: LiveClientOptions = {}): Client {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  class HeaderWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  return createClient({
    url: `${app.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: HeaderWebSocket,
    connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : undefined,
    retryAttempts: 0,
  });
}

export type Results<T> = AsyncIterableIterator<ExecutionResult<T>>;

export function subscribe<T = Record<string, any>>(client: Client, query: string, variables: Record<string, unknown> = {}): Results<T> {
  return client.iterate<T>({ query, variables }) as Results<T>;
}

/** The next result of a subscription; fails if it ends instead. */
export async function nextResult<T>(results: Results<T>): Promise<ExecutionResult<T>> {
  const step = await results.next();
  if (step.done) throw new Error('the subscription ended');
  return step.value;
}

/** Listeners held for subscribers: the server's own listener on the accounts channel is not counted. */
export function listenerCount(app: TestApp, channel?: string): number {
  const pubSub = app.nest.get(LivePubSub);
  return channel ? pubSub.listenerCount(channel) : pubSub.listenerCount() - pubSub.listenerCount(liveChannels.accounts());
}

/**
 * Waits until a condition holds (a subscription has reached the server, a listener was released):
 * the client gets no acknowledgement of a subscribe, so the tests look at the server's side.
 */
export async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting until ${what}`);
}

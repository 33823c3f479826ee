import { Client, createClient, FormattedExecutionResult } from 'graphql-ws';
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

/** How long the helpers wait for something the server should do before they give up. */
const patienceMs = 15_000;

export interface LiveClient extends Client {
  /**
   * Runs `action` and resolves with the code of the first socket close from its start. Closes are recorded as they
   * happen, so one that arrives while the action is still in flight is not missed, and nothing rejects unobserved.
   */
  closeCodeAfter(action: () => Promise<unknown>): Promise<number>;
}

/** A real graphql-ws client (the `ws` package underneath) connected to the app's /graphql. */
export function liveClient(app: TestApp, options: LiveClientOptions = {}): LiveClient {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  class HeaderWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const closeCodes: number[] = [];
  const closeWatchers = new Set<() => void>();
  const client = createClient({
    url: `${app.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: HeaderWebSocket,
    connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : undefined,
    retryAttempts: 0,
    on: {
      closed: (event) => {
        closeCodes.push((event as { code: number }).code);
        for (const watcher of [...closeWatchers]) watcher();
      },
    },
  });
  const closeAt = (index: number) =>
    new Promise<number | undefined>((resolve) => {
      const finish = (code: number | undefined) => {
        clearTimeout(timer);
        closeWatchers.delete(watcher);
        resolve(code);
      };
      const watcher = () => {
        if (closeCodes.length > index) finish(closeCodes[index]);
      };
      const timer = setTimeout(() => finish(undefined), patienceMs);
      closeWatchers.add(watcher);
      watcher();
    });
  return {
    ...client,
    async closeCodeAfter(action) {
      const index = closeCodes.length;
      await action();
      const code = await closeAt(index);
      if (code === undefined) throw new Error(`no socket closed within ${patienceMs} ms of the action`);
      return code;
    },
  };
}

/** How a subscription ended: the server completed it, or the error it ended with (a socket's CloseEvent, GraphQL errors). */
export type SubscriptionEnd = { completed: true } | { error: unknown };

/**
 * A subscription whose results are buffered and whose end is observed from the moment it is made: `ended` resolves
 * (never rejects) however the subscription ends, so a test may await it after the action that ends it, in either order.
 */
export class LiveSubscription<T> {
  readonly ended: Promise<SubscriptionEnd>;
  private readonly results: FormattedExecutionResult<T, unknown>[] = [];
  private end: SubscriptionEnd | undefined;
  private readonly waiting = new Set<() => void>();
  private readonly dispose: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown>) {
    let settle: (end: SubscriptionEnd) => void = () => undefined;
    this.ended = new Promise((resolve) => (settle = resolve));
    const finish = (end: SubscriptionEnd) => {
      if (this.end) return;
      this.end = end;
      settle(end);
      this.wake();
    };
    this.dispose = client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          this.results.push(result);
          this.wake();
        },
        error: (error) => finish({ error }),
        complete: () => finish({ completed: true }),
      },
    );
  }

  /**
   * The next result. Rejects if the subscription ends first: that is a failure of the test awaiting it, never an
   * expected outcome; a test that expects the end awaits `ended`.
   */
  async next(): Promise<FormattedExecutionResult<T, unknown>> {
    while (!this.results.length) {
      if (this.end) throw new Error(`the subscription ended: ${JSON.stringify(describeEnd(this.end))}`);
      await new Promise<void>((resolve) => this.waiting.add(resolve));
    }
    return this.results.shift()!;
  }

  /** Completes the subscription from the client's side, as leaving a page does. */
  unsubscribe(): void {
    this.dispose();
  }

  private wake(): void {
    for (const resolve of this.waiting) resolve();
    this.waiting.clear();
  }
}

function describeEnd(end: SubscriptionEnd): unknown {
  if ('completed' in end) return end;
  const { error } = end;
  if (error && typeof error === 'object' && 'code' in error) return { code: error.code, reason: (error as { reason?: string }).reason };
  return error instanceof Error ? error.message : error;
}

export function subscribe<T = Record<string, any>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): LiveSubscription<T> {
  return new LiveSubscription<T>(client, query, variables);
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
  const deadline = Date.now() + patienceMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting until ${what}`);
}

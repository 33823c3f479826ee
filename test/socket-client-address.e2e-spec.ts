import { createClient } from 'graphql-ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { RequestContext } from '../apps/api/src/common/request-context.js';
import { SuggestionsService } from '../apps/api/src/bot/suggestions.service.js';
import { LiveService } from '../apps/api/src/live/live.service.js';
import { TestApp } from './support/test-app.js';

const forwardedFor = '203.0.113.9';

/** The client address a subscription's context carries, for a socket whose upgrade says X-Forwarded-For. */
async function subscriptionAddress(app: TestApp): Promise<string> {
  const seen = new Promise<string>((resolve) => {
    const live = app.nest.get(LiveService);
    const original = live.forumActivity.bind(live);
    vi.spyOn(live, 'forumActivity').mockImplementation((context: RequestContext) => {
      resolve(context.ip);
      return original(context);
    });
  });
  class ForwardedWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { 'x-forwarded-for': forwardedFor } });
    }
  }
  const client = createClient({ url: `${app.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: ForwardedWebSocket, retryAttempts: 0 });
  const results = client.iterate({ query: 'subscription { forumActivity { threadId } }' });
  void results.next().catch(() => undefined);
  try {
    return await seen;
  } finally {
    await results.return?.();
    await client.dispose();
  }
}

/** The client address an HTTP request's context carries, sent with the same X-Forwarded-For. */
async function httpAddress(app: TestApp): Promise<string> {
  const suggestions = app.nest.get(SuggestionsService);
  const spy = vi.spyOn(suggestions, 'suggest');
  await app.query(
    'query { suggestAnswers(title: "forum colours") { answers { slug } } }',
    {},
    { headers: { 'x-forwarded-for': forwardedFor } },
  );
  return (spy.mock.calls[0][0] as RequestContext).ip;
}

describe('the client address of subscriptions', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await app?.stop();
    app = undefined;
  });

  it('is the one trusted proxies forward (TRUST_PROXY), as for HTTP requests', async () => {
    app = await TestApp.start({ TRUST_PROXY: 'loopback' });
    expect(await httpAddress(app)).toBe(forwardedFor);
    expect(await subscriptionAddress(app)).toBe(forwardedFor);
  });

  it("is the peer's own when no proxy is trusted, whatever X-Forwarded-For says", async () => {
    app = await TestApp.start({ TRUST_PROXY: 'false' });
    expect(await httpAddress(app)).toBe('127.0.0.1');
    expect(await subscriptionAddress(app)).toBe('127.0.0.1');
  });
});

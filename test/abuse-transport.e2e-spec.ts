import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect, Socket } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Logger } from '@nestjs/common';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { SessionEntity } from '../apps/api/src/auth/session.entity.js';
import { hashToken } from '../apps/api/src/auth/sessions.service.js';
import { Role } from '../apps/api/src/common/role.js';
import { GraphqlSocketServer } from '../apps/api/src/live/graphql-socket-server.js';
import { liveChannels } from '../apps/api/src/live/live-pubsub.js';
import { ThreadsService } from '../apps/api/src/threads/threads.service.js';
import { ThreadActivityDocument } from '../apps/web/src/gql/graphql.js';
import { createAccount, sessionCookieOf, TestAccount, totpCode } from './support/accounts.js';
import { listenerCount, liveClient, subscribe, until } from './support/live-client.js';
import { StubWebBuild, writeStubWebBuild } from './support/stub-web-build.js';
import { TestApp } from './support/test-app.js';

const forumActivity = 'subscription { forumActivity { threadId } }';

function openConnections(app: TestApp): Promise<number> {
  const server = app.nest.getHttpServer() as Server;
  return new Promise((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
}

/** A raw TCP connection to the app, to write what an HTTP client would not; `answer` is all the server sent once it closed it. */
function rawConnection(app: TestApp): { socket: Socket; answer: Promise<string> } {
  const { port } = new URL(app.url);
  const socket: Socket = connect(Number(port), '127.0.0.1');
  const answer = new Promise<string>((resolve, reject) => {
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
  });
  return { socket, answer };
}

/** What the server sent on a raw connection by the time it closed it, or by `ms` (then the test closes it instead). */
async function answerWithin({ socket, answer }: { socket: Socket; answer: Promise<string> }, ms: number): Promise<string> {
  const giveUp = setTimeout(() => socket.destroy(), ms);
  try {
    return await answer;
  } finally {
    clearTimeout(giveUp);
  }
}

/** Sends a raw upgrade request and resolves with what the server answered once it closed the connection. */
function strayUpgrade(app: TestApp, path: string): Promise<string> {
  const { socket, answer } = rawConnection(app);
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: ${new URL(app.url).host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
      'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
  );
  return answer;
}

/** What the server logs as an error (Nest's logger, the console) from now until the test ends. */
function watchErrorLogs(): () => unknown[][] {
  const spies = [vi.spyOn(console, 'error'), vi.spyOn(Logger.prototype, 'error')];
  onTestFinished(() => spies.forEach((spy) => spy.mockRestore()));
  return () => spies.flatMap((spy) => spy.mock.calls);
}

/** A raw graphql-ws socket, acknowledged, for sending frames the client library would not. */
async function acknowledgedSocket(app: TestApp, headers: Record<string, string> = {}): Promise<WebSocket> {
  const socket = new WebSocket(`${app.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await new Promise((resolve) => socket.once('message', resolve));
  return socket;
}

function closed(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}

/** The HTTP status of an upgrade the server refused. */
function refusedUpgrade(app: TestApp, headers: Record<string, string> = {}): Promise<number> {
  const refused = new WebSocket(`${app.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers });
  return new Promise<number>((resolve, reject) => {
    refused.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    refused.once('open', () => reject(new Error('the socket was accepted')));
  });
}

describe('transport abuse: sockets and frames', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ WS_MAX_SOCKETS_PER_CLIENT: '3', WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '3', WS_IDLE_SECONDS: '1' });
  });
  afterAll(async () => {
    await app.stop();
  });

  it('closes upgrade requests to any path but /graphql, leaving no connection open', async () => {
    const baseline = await openConnections(app);
    const answers = await Promise.all(
      ['/', '/nope', '/graphql/x', '/graphqlx', '/socket.io/?EIO=4'].map((path) => strayUpgrade(app, path)),
    );
    for (const answer of answers) expect(answer).toMatch(/^HTTP\/1\.1 (404|400)/);
    await until(async () => (await openConnections(app)) === baseline, 'the server has let go of every stray socket');
    expect(await openConnections(app)).toBe(baseline);
  });

  it('closes a socket that sends a frame larger than the HTTP body limit (1009) and stays up, logging no internal error', async () => {
    const errorsLogged = watchErrorLogs();
    const socket = await acknowledgedSocket(app);
    const code = closed(socket);
    socket.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: `subscription { forumActivity { threadId } } # ${'x'.repeat(200 * 1024)}` },
      }),
    );
    expect(await code).toBe(1009);
    await expect(app.query('{ health { status } }')).resolves.toEqual({ health: { status: 'ok' } });
    expect(errorsLogged()).toEqual([]);
  });

  it('answers an HTTP body it cannot read in the GraphQL shape, with BAD_REQUEST and its status, logging no error', async () => {
    const errorsLogged = watchErrorLogs();
    const health = JSON.stringify({ query: '{ health { status } }' });
    const post = async (body: string | Buffer, headers: Record<string, string> = {}) => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: new Uint8Array(Buffer.from(body)),
      });
      const { status } = response;
      return {
        status,
        type: response.headers.get('content-type'),
        cache: response.headers.get('cache-control'),
        body: await response.json(),
      };
    };
    const refused = (status: number, message: string) => ({
      status,
      type: 'application/json; charset=utf-8',
      cache: 'no-store',
      body: { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] },
    });
    await expect(post('{"query": "{ health')).resolves.toEqual(refused(400, 'The request body is not valid JSON, or not a JSON object'));
    await expect(post('"{ health { status } }"')).resolves.toEqual(
      refused(400, 'The request body is not valid JSON, or not a JSON object'),
    );
    await expect(post(JSON.stringify({ query: `{ health { status } } # ${'x'.repeat(100 * 1024)}` }))).resolves.toEqual(
      refused(413, 'The request body is larger than 100 KB'),
    );
    await expect(post(health, { 'content-type': 'application/json; charset=latin1' })).resolves.toEqual(
      refused(415, 'The request body is in a charset the server does not read: send UTF-8'),
    );
    await expect(post(health, { 'content-encoding': 'compress' })).resolves.toEqual(
      refused(415, 'The request body is compressed in a way the server does not read: send it as it is, or with gzip, deflate or br'),
    );
    await expect(post(health, { 'content-encoding': 'gzip' })).resolves.toEqual(refused(400, 'The request body could not be read'));
    // What a client may send is read as before: JSON, compressed or not, up to the limit.
    for (const [body, headers] of [
      [health, {}],
      [gzipSync(health), { 'content-encoding': 'gzip' }],
      [JSON.stringify({ query: `{ health { status } } # ${'x'.repeat(100 * 1024 - 100)}` }), {}],
    ] as const) {
      await expect(post(body, headers)).resolves.toMatchObject({ status: 200, body: { data: { health: { status: 'ok' } } } });
    }
    expect(errorsLogged()).toEqual([]);
  });

  /** A chain of 100 fragments, each spreading the next: 200 deep, within the token limit; with a field no type has. */
  const deepChain = (type: string, field: string) =>
    `{ unknownField ...F0 } ${Array.from({ length: 100 }, (_, index) => `fragment F${index} on ${type} { ${field} ${index < 99 ? `...F${index + 1}` : ''} }`).join(' ')}`;
  const depthRefusal = {
    message: expect.stringMatching(/^Query depth limit of 10 exceeded, found 20\d\.$/),
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  };

  it("refuses a burst of subscribe messages too deep with the limits' refusal alone: graphql-js's rules never walk them", async () => {
    const query = `subscription ${deepChain('ForumActivity', 'threadId').replace('{ unknownField ...F0 }', '{ forumActivity { unknownField ...F0 } }')}`;
    const socket = await acknowledgedSocket(app);
    try {
      const answers = new Promise<unknown[]>((resolve) => {
        const payloads: unknown[] = [];
        socket.on('message', (data) => {
          const message = JSON.parse(String(data)) as { type: string; payload: unknown };
          if (message.type === 'error' && payloads.push(message.payload) === 50) resolve(payloads);
        });
      });
      // Sent at once: the server reads them back to back. graphql-js's OverlappingFieldsCanBeMerged takes the square of
      // a chain: at 300 fragments (3000 tokens) 50-150 ms each, seconds for the burst.
      for (let index = 0; index < 50; index++) socket.send(JSON.stringify({ id: String(index), type: 'subscribe', payload: { query } }));
      for (const payload of await answers) expect(payload).toEqual([depthRefusal]);
    } finally {
      socket.close();
    }
  });

  it("answers a document the limits refuse over HTTP with their refusal alone: graphql-js's rules never see it", async () => {
    const errorsLogged = watchErrorLogs();
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: deepChain('Query', '__typename') }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ errors: [depthRefusal] });
    expect(errorsLogged()).toEqual([]);
  });

  it('refuses subscriptions over the cap of one socket', async () => {
    const client = liveClient(app);
    try {
      for (let index = 0; index < 3; index++) subscribe(client, forumActivity);
      expect(await subscribe(client, forumActivity).ended).toEqual({
        error: [
          expect.objectContaining({ extensions: { code: 'RATE_LIMITED' }, message: expect.stringMatching(/At most 3 subscriptions/) }),
        ],
      });
    } finally {
      await client.dispose();
    }
  });

  it("holds a subscription to far less than a query's cost: its selection runs again at every event, for every subscriber", async () => {
    const client = liveClient(app);
    try {
      // 24 pages of 100 replies at every reply to the thread: as a query it would pass; 400 of them held the server 20 s.
      const pages = Array.from({ length: 24 }, (_, index) => `r${index}: replies(first: 100) { nodes { id } }`).join(' ');
      const heavy = `subscription ($threadId: ID!) { threadActivity(threadId: $threadId) { kind reply { thread { ${pages} } } } }`;
      expect(await subscribe(client, heavy, { threadId: '1' }).ended).toEqual({
        error: [
          expect.objectContaining({
            extensions: { code: 'BAD_USER_INPUT' },
            message: expect.stringMatching(/^Subscription cost \d+ exceeds the limit of 200/),
          }),
        ],
      });
    } finally {
      await client.dispose();
    }
  });

  it('answers a subscription variable of the wrong type with BAD_USER_INPUT, logging no error', async () => {
    const errorsLogged = watchErrorLogs();
    const client = liveClient(app);
    try {
      for (const threadId of [[1], { a: 1 }]) {
        const subscription = subscribe(client, 'subscription ($threadId: ID!) { threadActivity(threadId: $threadId) { kind } }', {
          threadId,
        });
        expect((await subscription.next()).errors).toEqual([
          expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/^Variable "\$threadId"/) }),
        ]);
        expect(await subscription.ended).toEqual({ completed: true });
      }
    } finally {
      await client.dispose();
    }
    expect(errorsLogged()).toEqual([]);
  });

  it('leaves no subscription running when a client completes one and reuses its id before it is set up', async () => {
    await until(() => listenerCount(app) === 0, 'earlier subscriptions are released');
    const socket = await acknowledgedSocket(app);
    const code = closed(socket);
    const subscribeFrame = JSON.stringify({ id: '1', type: 'subscribe', payload: { query: forumActivity } });
    // One TCP write, so that the server reads the three frames before the first subscription is set up.
    const raw = (socket as unknown as { _socket: Socket })._socket;
    raw.cork();
    socket.send(subscribeFrame);
    socket.send(JSON.stringify({ id: '1', type: 'complete' }));
    socket.send(subscribeFrame);
    raw.uncork();
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.send(JSON.stringify({ id: '1', type: 'complete' }));
    socket.close();
    await until(() => listenerCount(app) === 0, "every listener of the socket's subscriptions is released");
    expect(await code).toBe(4409);
  });

  it('refuses sockets over the cap of one client, whatever X-Forwarded-For says when no proxy is trusted', async () => {
    const sockets = await Promise.all([acknowledgedSocket(app), acknowledgedSocket(app), acknowledgedSocket(app)]);
    expect(await refusedUpgrade(app)).toBe(429);
    expect(await refusedUpgrade(app, { 'x-forwarded-for': '198.51.100.9' })).toBe(429);
    await Promise.all(sockets.map((socket) => (socket.close(), closed(socket))));
    // The slots are free again.
    const again = await acknowledgedSocket(app);
    again.close();
  });

  it('ends the subscriptions of a session when it signs out', async () => {
    const member = await createAccount(app, Role.MEMBER);
    const other = await createAccount(app, Role.MEMBER);
    const client = liveClient(app, { token: member.token });
    const otherClient = liveClient(app, { token: other.token });
    try {
      const notifications = subscribe(client, 'subscription { notificationAdded { unreadCount } }');
      subscribe(otherClient, forumActivity);
      await until(() => listenerCount(app) === 2, 'both subscriptions are listening');
      expect(await client.closeCodeAfter(() => app.query('mutation { signOut }', {}, { token: member.token }))).toBe(4401);
      expect(await notifications.ended).toMatchObject({ error: { code: 4401 } });
      await until(() => listenerCount(app) === 1, "the signed-out session's listener is released");
      expect(listenerCount(app)).toBe(1);
    } finally {
      await Promise.all([client.dispose(), otherClient.dispose()]);
    }
  });

  it('ends the subscriptions of a session that expires, or that another process revoked without telling this one', async () => {
    const member = await createAccount(app, Role.MEMBER);
    const other = await createAccount(app, Role.MEMBER);
    await until(() => listenerCount(app) === 0, 'earlier subscriptions are released');
    // A session that ends a moment after the socket signs in with it.
    await app.nest
      .get(DataSource)
      .getRepository(SessionEntity)
      .update({ tokenHash: hashToken(member.token) }, { expiresAt: new Date(Date.now() + 1500) });
    const client = liveClient(app, { token: member.token });
    const otherClient = liveClient(app, { token: other.token });
    try {
      const notifications = subscribe(client, 'subscription { notificationAdded { unreadCount } }');
      const otherNotifications = subscribe(otherClient, 'subscription { notificationAdded { unreadCount } }');
      await until(() => listenerCount(app) === 2, 'the subscriptions are listening');
      expect(await notifications.ended).toMatchObject({ error: { code: 4401 } });
      // As the user:set-password tool does from its own process: the rows go, and no event reaches this server.
      await app.nest
        .get(DataSource)
        .getRepository(SessionEntity)
        .delete({ tokenHash: hashToken(other.token) });
      expect(await otherNotifications.ended).toMatchObject({ error: { code: 4401 } });
      await until(() => listenerCount(app) === 0, "the ended sessions' listeners are released");
    } finally {
      await Promise.all([client.dispose(), otherClient.dispose()]);
    }
  });

  it('ends the subscriptions of a staff member who is demoted', async () => {
    const admin = await createAccount(app, Role.ADMIN);
    const staff = await createAccount(app, Role.STAFF);
    await until(() => listenerCount(app) === 0, 'earlier subscriptions are released');
    const client = liveClient(app, { token: staff.token });
    try {
      const activity = subscribe(client, forumActivity);
      await until(() => listenerCount(app) === 1, 'the staff subscription is listening');
      const demote = () =>
        app.query('mutation ($id: ID!) { setUserRole(userId: $id, role: MEMBER) { role } }', { id: staff.id }, { token: admin.token });
      expect(await client.closeCodeAfter(demote)).toBe(4403);
      expect(await activity.ended).toMatchObject({ error: { code: 4403 } });
      await until(() => listenerCount(app) === 0, "the demoted member's listener is released");
    } finally {
      await client.dispose();
    }
  });

  it('ends the staff subscriptions of a staff member who turns two-factor sign-in off', async () => {
    const staff = await createAccount(app, Role.STAFF);
    await until(() => listenerCount(app) === 0, 'earlier subscriptions are released');
    const client = liveClient(app, { token: staff.token });
    try {
      const activity = subscribe(client, forumActivity);
      await until(() => listenerCount(app) === 1, 'the staff subscription is listening');
      // The next time step: enrolment spent this one.
      const code = await totpCode(staff.totpSecret!, 1);
      // The server may close the socket before or after the mutation's answer arrives: both orders are observed.
      const disable = () =>
        app.query('mutation ($code: String) { disableTwoFactor(input: { code: $code }) { enabled } }', { code }, { token: staff.token });
      expect(await client.closeCodeAfter(disable)).toBe(4403);
      expect(await activity.ended).toMatchObject({ error: { code: 4403 } });
      await until(() => listenerCount(app) === 0, 'the listener authorised with two-factor sign-in on is released');
    } finally {
      await client.dispose();
    }
  });

  it('closes a socket that stays without a subscription', async () => {
    const socket = await acknowledgedSocket(app);
    expect(await closed(socket)).toBe(4408);
  });
});

describe('transport abuse: a client that stops reading', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ WS_KEEPALIVE_SECONDS: '1' });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await app.stop();
  });

  it('is dropped at keepalive with the messages queued for it, logging no error per message, and leaves nothing behind', async () => {
    const [asker, replier] = [await createAccount(app, Role.MEMBER), await createAccount(app, Role.MEMBER)];
    const asked = await app.query<{ askQuestion: { id: string } }>(
      'mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
      { input: { title: 'Forum colours on my phone', body: 'Can the forum use a darker colour scheme on small screens, please?' } },
      { token: asker.token },
    );
    const threadId = asked.askQuestion.id;
    const channel = liveChannels.thread(Number(threadId));
    const activity = 'subscription ($threadId: ID!) { threadActivity(threadId: $threadId) { reply { body bodyHtml } } }';
    const sockets = await Promise.all([acknowledgedSocket(app), acknowledgedSocket(app)]);
    for (const socket of sockets) {
      for (let id = 1; id <= 20; id++)
        socket.send(JSON.stringify({ id: String(id), type: 'subscribe', payload: { query: activity, variables: { threadId } } }));
    }
    await until(() => listenerCount(app, channel) === 40, 'every subscription is listening');
    const errors = vi.spyOn(Logger.prototype, 'error');
    const consoleErrors = vi.spyOn(console, 'error');
    const debug = vi.spyOn(Logger.prototype, 'debug');

    // The client answers no ping and reads nothing: the server's writes to it back up until keepalive drops it.
    for (const socket of sockets) (socket as unknown as { _socket: Socket })._socket.pause();
    const body = 'Try the appearance setting in your browser. '.repeat(400);
    const deadline = Date.now() + 15_000;
    while (listenerCount(app, channel) > 0 && Date.now() < deadline) {
      await app.query(
        'mutation ($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }',
        { threadId, body },
        { token: replier.token },
      );
    }

    const server = app.nest.get(GraphqlSocketServer);
    await until(() => server.held().sockets === 0, 'the server has let go of both sockets');
    expect(errors).not.toHaveBeenCalled();
    expect(consoleErrors).not.toHaveBeenCalled();
    // Each socket was dropped with messages still queued for it, and that was said once, at debug level.
    expect(debug.mock.calls.filter(([message]) => String(message).includes('dropped the messages queued'))).toHaveLength(2);
    expect(server.held()).toEqual({ sockets: 0, subscriptions: 0 });
    expect(listenerCount(app, channel)).toBe(0);
    for (const socket of sockets) socket.terminate();
  });
});

describe('transport abuse: the socket cap behind a trusted proxy', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ WS_MAX_SOCKETS_PER_CLIENT: '2', TRUST_PROXY: 'loopback' });
  });
  afterAll(async () => {
    await app.stop();
  });

  it('counts sockets per client address from X-Forwarded-For, as the rate limits do, so clients behind the proxy do not share one cap', async () => {
    const first = { 'x-forwarded-for': '203.0.113.7' };
    const second = { 'x-forwarded-for': '203.0.113.8' };
    const sockets = await Promise.all([acknowledgedSocket(app, first), acknowledgedSocket(app, first)]);
    expect(await refusedUpgrade(app, first)).toBe(429);
    // Another client behind the same proxy still gets its sockets.
    sockets.push(await acknowledgedSocket(app, second), await acknowledgedSocket(app, second));
    expect(await refusedUpgrade(app, second)).toBe(429);
    await Promise.all(sockets.map((socket) => (socket.close(), closed(socket))));
  });
});

describe("transport abuse: the cost of a client's subscriptions together", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ WS_MAX_SUBSCRIPTION_COST_PER_CLIENT: '100' });
  });
  afterAll(async () => {
    await app.stop();
  });

  it("refuses a subscription over the budget of its client's sockets together, and gives back what ends", async () => {
    const asker = await createAccount(app, Role.MEMBER);
    const threadId = await ask(app, asker);
    // 74 with the replies' texts: the web app's thread page. Every reply runs each such subscription again.
    const threadActivity = print(ThreadActivityDocument);
    const server = app.nest.get(GraphqlSocketServer);
    const [first, second] = [liveClient(app), liveClient(app)];
    try {
      const running = subscribe(first, threadActivity, { threadId });
      await until(() => server.held().subscriptions === 1, 'the first subscription runs');
      expect(await subscribe(second, threadActivity, { threadId }).ended).toEqual({
        error: [
          expect.objectContaining({
            extensions: { code: 'RATE_LIMITED' },
            message: 'The subscriptions of one client may cost 100 at most together; this one costs 74',
          }),
        ],
      });
      // A cheap one still fits.
      subscribe(second, forumActivity);
      await until(() => server.held().subscriptions === 2, 'the cheap subscription runs');
      // What a completed subscription or a closed socket held is the client's again.
      running.unsubscribe();
      await until(() => server.held().subscriptions === 1, 'the first subscription ended');
      const again = subscribe(second, threadActivity, { threadId });
      await until(() => server.held().subscriptions === 2, 'a subscription as costly runs again');
      await second.dispose();
      await until(() => server.held().subscriptions === 0, 'the socket closed');
      subscribe(first, threadActivity, { threadId });
      await until(() => server.held().subscriptions === 1, 'the closed socket gave its budget back');
      expect(await Promise.race([again.ended, 'running'])).not.toBe('running');
    } finally {
      await Promise.all([first.dispose(), second.dispose()]);
    }
  });
});

/** Asks a question as `author`; its thread's id. */
async function ask(app: TestApp, author: TestAccount): Promise<string> {
  const asked = await app.query<{ askQuestion: { id: string } }>(
    'mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
    {
      input: {
        title: 'Where is the setup key after turning on 2FA?',
        body: 'The setup page showed a QR code but I cannot find the key as text.',
      },
    },
    { token: author.token },
  );
  return asked.askQuestion.id;
}

describe('transport abuse: headers and production answers', () => {
  let app: TestApp;
  let webBuild: StubWebBuild;
  /** A member whose username has a dot in it, as a file's name has, and a thread they asked. */
  let member: TestAccount;
  let threadId = '';
  beforeAll(async () => {
    webBuild = writeStubWebBuild();
    app = await TestApp.start({ NODE_ENV: 'production', WEB_DIST_PATH: webBuild.root, RATE_LIMIT_SIGN_UPS_PER_HOUR: '1' });
    member = await createAccount(app, Role.MEMBER, 'j.doe');
    threadId = await ask(app, member);
  });
  afterAll(async () => {
    await app.stop();
    webBuild.remove();
  });

  it('sends security headers with the web app and the API', async () => {
    for (const response of [
      await fetch(`${app.url}/`, { headers: { accept: 'text/html' } }),
      (await app.request('{ health { status } }')).headers,
    ]) {
      const headers = response instanceof Headers ? response : response.headers;
      const policy = headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      // No page fetches an image from another host (posts link images): readers' addresses stay ours.
      expect(policy.split(';').find((directive) => directive.startsWith('img-src'))).toBe("img-src 'self' data:");
      // For browsers that read only the older header, the same answer.
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(policy).not.toContain('unsafe-inline');
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(headers.get('x-powered-by')).toBeNull();
    }
  });

  it('tells caches not to store API answers, which depend on the session', async () => {
    const viewer = await app.request('{ viewer { id } }');
    expect(viewer.headers.get('cache-control')).toBe('no-store');
    const refused = await app.request('{ healt { status } }');
    expect(refused.headers.get('cache-control')).toBe('no-store');
    // Nothing is stored to revalidate, so no body is hashed for an ETag; the app's shell, revalidated on each visit, has one.
    expect(viewer.headers.get('etag')).toBeNull();
    const shell = await fetch(`${app.url}/`, { headers: { accept: 'text/html' } });
    // A browser's revalidation (fetch would add `Cache-Control: no-cache`, which asks for the whole page).
    const again = await fetch(`${app.url}/`, {
      headers: { accept: 'text/html', 'if-none-match': shell.headers.get('etag') ?? '', 'cache-control': 'max-age=0' },
    });
    expect(again.status).toBe(304);
  });

  it('serves the built scripts but not their source maps', async () => {
    expect((await fetch(`${app.url}/assets/app.js`)).status).toBe(200);
    const map = await fetch(`${app.url}/assets/app.js.map`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain(webBuild.mappedSource);
  });

  it('answers HEAD on the web app as GET, without the body, and leaves the rest to GET', async () => {
    const getAndHead = async (path: string, headers: Record<string, string> = {}) => {
      const get = await fetch(`${app.url}${path}`, { headers });
      await get.arrayBuffer();
      return [get, await fetch(`${app.url}${path}`, { method: 'HEAD', headers })] as const;
    };
    for (const path of ['/', `/t/${threadId}`, '/assets/app.js']) {
      const [get, head] = await getAndHead(path);
      expect([get.status, head.status], path).toEqual([200, 200]);
      for (const name of ['content-type', 'content-length', 'etag', 'last-modified', 'cache-control', 'content-security-policy']) {
        expect(head.headers.get(name), `${path} ${name}`).toBe(get.headers.get(name));
      }
      expect(await head.text(), path).toBe('');
    }
    // What is not a page of the app answers HEAD as it answers GET: a source map, GraphQL without a query, a missing script.
    for (const [path, status] of [
      ['/assets/app.js.map', 404],
      ['/graphql', 400],
      ['/assets/gone.js', 404],
    ] as const) {
      const [get, head] = await getAndHead(path, { accept: 'application/javascript, application/json' });
      expect([get.status, head.status], path).toEqual([status, status]);
    }
  });

  it('answers 404 to a missing file, whatever it accepts, and the app to its pages, for GET and HEAD alike', async () => {
    const navigation = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    const anything = { accept: '*/*' };
    const statuses = (path: string, headers: Record<string, string>) =>
      Promise.all(
        ['GET', 'HEAD'].map(async (method) => {
          const response = await fetch(`${app.url}${path}`, { method, headers });
          await response.arrayBuffer();
          return `${response.status} ${response.headers.get('content-type')?.split(';')[0]}`;
        }),
      );
    // A page open from before a deploy asks for its old chunks: a 404 it can tell, not the app's HTML as a script.
    for (const [path, headers] of [
      ['/assets/missing-abc123.js', anything],
      ['/assets/missing-abc123.css', { accept: 'text/css,*/*;q=0.1' }],
      ['/assets/missing-abc123.js', navigation],
      ['/favicon.ico', { accept: 'image/avif,image/webp,image/png,*/*;q=0.8' }],
      ['/sitemap.xml', anything],
    ] as const) {
      expect(await statuses(path, headers), `${path} ${headers.accept}`).toEqual(['404 application/json', '404 application/json']);
    }
    // A browser's navigation gets the app, a username with a dot in it too; so does a checker that accepts anything.
    for (const [path, headers] of [
      ['/', navigation],
      [`/t/${threadId}`, navigation],
      ['/u/j.doe', navigation],
      ['/?q=x', navigation],
      ['/', anything],
      [`/t/${threadId}`, anything],
    ] as const) {
      expect(await statuses(path, headers), `${path} ${headers.accept}`).toEqual(['200 text/html', '200 text/html']);
    }
  });

  it('answers 404 with the app to a navigation no page of the app matches, 200 to its pages, dynamic ones too', async () => {
    const navigation = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    const answer = async (path: string, method: string) => {
      const response = await fetch(`${app.url}${path}`, { method, headers: navigation });
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        body: await response.text(),
        headers: response.headers,
      };
    };
    const shell = readFileSync(join(webBuild.root, 'index.html'), 'utf8');
    for (const [path, status] of [
      ['/', 200],
      ['/ask', 200],
      ['/staff/answers', 200],
      [`/t/${threadId}`, 200],
      [`/T/${threadId}/`, 200],
      ['/u/j.doe', 200],
      ['/answers/no-backup-codes', 200],
      ['/staff/answers/no-backup-codes', 200],
      ['/no-such-page', 404],
      [`/t/${threadId}/no-such-page`, 404],
      ['/t/', 404],
      ['/wp-login.php', 404],
      ['/staff/nothing?tab=x', 404],
    ] as const) {
      const [get, head] = [await answer(path, 'GET'), await answer(path, 'HEAD')];
      // The app's shell either way: it shows the page, or its "not found".
      expect([get.status, get.type, get.body], path).toEqual([status, 'text/html; charset=utf-8', shell]);
      expect([head.status, head.body], path).toEqual([status, '']);
      for (const name of ['content-type', 'content-length', 'cache-control', 'content-security-policy']) {
        expect(head.headers.get(name), `${path} ${name}`).toBe(get.headers.get(name));
      }
    }
    // A range of a page that is not there is not a part of it.
    const ranged = await fetch(`${app.url}/no-such-page`, { headers: { ...navigation, range: 'bytes=0-3' } });
    expect([ranged.status, await ranged.text()]).toEqual([404, shell]);
  });

  it('answers 404 with the app to a page whose thread, member or answer is not there for the viewer, as the app shows "not found"', async () => {
    const other = await createAccount(app, Role.MEMBER);
    const staff = await createAccount(app, Role.STAFF);
    const hiddenId = await ask(app, member);
    await app.query('mutation ($id: ID!) { hidePost(postType: THREAD, postId: $id) { id } }', { id: hiddenId }, { token: staff.token });
    const shell = readFileSync(join(webBuild.root, 'index.html'), 'utf8');
    const answer = async (path: string, method: string, viewer?: TestAccount) => {
      const headers = { accept: 'text/html,*/*;q=0.8', ...(viewer ? { cookie: sessionCookieOf(app, viewer) } : {}) };
      const response = await fetch(`${app.url}${path}`, { method, headers });
      return { status: response.status, body: await response.text(), headers: response.headers };
    };
    for (const [path, status, viewer] of [
      [`/t/${threadId}`, 200],
      [`/T/${threadId}/?draft=x`, 200],
      // As the thread's query reads its id (trimmed): the app shows that thread.
      [`/t/%20${threadId}`, 200],
      ['/t/999999', 404],
      // Hidden by a moderator: "not found" but to staff and its author.
      [`/t/${hiddenId}`, 404],
      [`/t/${hiddenId}`, 404, other],
      [`/t/${hiddenId}`, 200, member],
      [`/t/${hiddenId}`, 200, staff],
      // Ids no thread can have: no read, no database error.
      ['/t/abc', 404],
      ['/t/0', 404],
      ['/t/-1', 404],
      ['/t/1e3', 404],
      ['/t/2147483648', 404],
      [`/t/${'9'.repeat(400)}`, 404],
      ['/t/%00', 404],
      ['/u/j.doe', 200],
      ['/u/J.Doe', 200],
      ['/u/no_such_member', 404],
      [`/u/${'x'.repeat(400)}`, 404],
      ['/u/%00', 404],
      ['/u/%ED%A0%80', 404],
      ['/answers/no-backup-codes', 200],
      ['/answers/no-such-answer', 404],
      ['/answers/No-Backup-Codes', 404],
      ['/answers/%00', 404],
      ['/staff/answers/no-backup-codes', 200, staff],
      ['/staff/answers/no-such-answer', 404, staff],
    ] as [string, number, TestAccount?][]) {
      const who = viewer ? viewer.username : 'a visitor';
      const [get, head] = [await answer(path, 'GET', viewer), await answer(path, 'HEAD', viewer)];
      expect([get.status, get.body], `${path} for ${who}`).toEqual([status, shell]);
      expect([head.status, head.body], `HEAD ${path} for ${who}`).toEqual([status, '']);
      for (const name of ['content-type', 'content-length', 'cache-control', 'content-security-policy', 'x-frame-options']) {
        expect(head.headers.get(name), `${path} ${name}`).toBe(get.headers.get(name));
      }
      expect(get.headers.get('content-security-policy'), path).toContain("script-src 'self'");
    }
  });

  it("keeps the app's shell, whose status is the viewer's, out of shared caches, and names what it varies with", async () => {
    const staff = await createAccount(app, Role.STAFF);
    const hiddenId = await ask(app, member);
    await app.query('mutation ($id: ID!) { hidePost(postType: THREAD, postId: $id) { id } }', { id: hiddenId }, { token: staff.token });
    for (const [path, status, viewer] of [
      [`/t/${hiddenId}`, 404],
      [`/t/${hiddenId}`, 200, member],
      ['/', 200],
      ['/no-such-page', 404],
    ] as [string, number, TestAccount?][]) {
      for (const method of ['GET', 'HEAD']) {
        const headers = { accept: 'text/html', ...(viewer ? { cookie: sessionCookieOf(app, viewer) } : {}) };
        const response = await fetch(`${app.url}${path}`, { method, headers });
        await response.arrayBuffer();
        const varies = (response.headers.get('vary') ?? '').split(',').map((name) => name.trim().toLowerCase());
        expect([response.status, response.headers.get('cache-control')], `${method} ${path}`).toEqual([status, 'private, no-cache']);
        expect(varies, `${method} ${path}`).toEqual(expect.arrayContaining(['accept', 'authorization', 'cookie']));
      }
    }
  });

  it('answers a member 403 with the app on a staff page, and a visitor 200 whatever the staff page names', async () => {
    const staff = await createAccount(app, Role.STAFF);
    const shell = readFileSync(join(webBuild.root, 'index.html'), 'utf8');
    const answer = async (path: string, method: string, viewer?: TestAccount) => {
      const headers = { accept: 'text/html,*/*;q=0.8', ...(viewer ? { cookie: sessionCookieOf(app, viewer) } : {}) };
      const response = await fetch(`${app.url}${path}`, { method, headers, redirect: 'manual' });
      return { status: response.status, body: await response.text() };
    };
    for (const [path, status, viewer] of [
      ['/staff', 403, member],
      ['/Staff/?queue=UNHELPFUL', 403, member],
      ['/staff/answers', 403, member],
      ['/staff/answers/no-backup-codes', 403, member],
      ['/staff/answers/no-such-answer', 403, member],
      ['/staff/learned', 403, member],
      ['/staff/stats', 403, member],
      ['/staff/log', 403, member],
      // The app sends a visitor to sign in: the status tells nothing of which staff pages exist.
      ['/staff', 200],
      ['/staff/log', 200],
      ['/staff/answers/no-backup-codes', 200],
      ['/staff/answers/no-such-answer', 200],
      ['/staff/answers/%00', 200],
      ['/staff', 200, staff],
      ['/staff/answers/no-backup-codes', 200, staff],
      ['/staff/answers/no-such-answer', 404, staff],
      // Not a staff page: a member still gets 404 for a path no page has.
      ['/staff/nothing', 404, member],
    ] as [string, number, TestAccount?][]) {
      const who = viewer ? viewer.username : 'a visitor';
      const [get, head] = [await answer(path, 'GET', viewer), await answer(path, 'HEAD', viewer)];
      expect([get.status, get.body], `${path} for ${who}`).toEqual([status, shell]);
      expect([head.status, head.body], `HEAD ${path} for ${who}`).toEqual([status, '']);
    }
  });

  it("reads one row to tell whether a page's thread, member or answer is there, and the session only for a hidden thread or a staff page", async () => {
    const staff = await createAccount(app, Role.STAFF);
    const hiddenId = await ask(app, member);
    await app.query('mutation ($id: ID!) { hidePost(postType: THREAD, postId: $id) { id } }', { id: hiddenId }, { token: staff.token });
    const statementsOf = async (path: string, viewer?: TestAccount) => {
      const headers = { accept: 'text/html', ...(viewer ? { cookie: sessionCookieOf(app, viewer) } : {}) };
      const { result, statements } = await app.countStatements(async () => (await fetch(`${app.url}${path}`, { headers })).status);
      return [result, statements];
    };
    expect(await statementsOf(`/t/${threadId}`)).toEqual([200, 1]);
    expect(await statementsOf(`/t/${threadId}`, member)).toEqual([200, 1]);
    expect(await statementsOf('/t/999999')).toEqual([404, 1]);
    expect(await statementsOf(`/t/${hiddenId}`)).toEqual([404, 1]);
    expect(await statementsOf(`/t/${hiddenId}`, staff)).toEqual([200, 2]);
    expect(await statementsOf('/t/abc')).toEqual([404, 0]);
    expect(await statementsOf('/u/j.doe')).toEqual([200, 1]);
    expect(await statementsOf('/answers/no-backup-codes')).toEqual([200, 1]);
    expect(await statementsOf('/answers/No-Backup-Codes')).toEqual([404, 0]);
    expect(await statementsOf('/ask')).toEqual([200, 0]);
    expect(await statementsOf('/staff/answers/no-such-answer')).toEqual([200, 0]);
    expect(await statementsOf('/staff/answers/no-backup-codes', member)).toEqual([403, 1]);
  });

  it('answers 503 with the app when it cannot read whether the page is there, so crawlers come back rather than drop it', async () => {
    const failing = vi.spyOn(app.nest.get(ThreadsService), 'byIdIncludingHidden').mockRejectedValueOnce(new Error('the database is away'));
    const errors = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    onTestFinished(() => {
      failing.mockRestore();
      errors.mockRestore();
    });
    const response = await fetch(`${app.url}/t/${threadId}`, { headers: { accept: 'text/html' } });
    expect([response.status, await response.text()]).toEqual([503, readFileSync(join(webBuild.root, 'index.html'), 'utf8')]);
    expect(errors).toHaveBeenCalledTimes(1);
  });

  it('serves robots.txt: threads and answers open to crawlers, the GraphQL endpoint, forms, own pages and staff tools not', async () => {
    for (const method of ['GET', 'HEAD']) {
      const response = await fetch(`${app.url}/robots.txt`, { method, headers: { accept: '*/*' } });
      expect([response.status, response.headers.get('content-type')], method).toEqual([200, 'text/plain; charset=utf-8']);
      const text = await response.text();
      if (method === 'HEAD') {
        expect(text).toBe('');
        continue;
      }
      expect(text.split('\n')).toEqual([
        'User-agent: *',
        'Disallow: /graphql',
        'Disallow: /u/',
        'Disallow: /ask',
        'Disallow: /notifications',
        'Disallow: /sign-in',
        'Disallow: /sign-up',
        'Disallow: /account/security',
        'Disallow: /account/two-factor',
        'Disallow: /staff',
        '',
      ]);
    }
  });

  it('names no fields in production errors', async () => {
    const response = await app.request('{ healt { status } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toBe('Cannot query field "healt" on type "Query".');
  });

  it('reads arguments and paths made to be slow to scan in about the time of ordinary ones of the same length', async () => {
    /** The quickest of three answers, in ms: what the request costs, not what else the machine was doing. */
    const fastest = async (send: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let round = 0; round < 3; round++) {
        const started = performance.now();
        await send();
        times.push(performance.now() - started);
      }
      return Math.min(...times);
    };
    const search = (query: string) => () =>
      app.request('query ($query: String!) { search(query: $query) { nodes { threadId } } }', { query });
    const page = (path: string) => () => fetch(`${app.url}${path}`, { headers: { accept: '*/*' } }).then((response) => response.text());
    const pairs = {
      // A run of format characters before a letter: each was tried as the run that ends the text.
      'format characters': [search(`x${'\u00ad'.repeat(45_000)}x`), search(`x${'\u00e9'.repeat(45_000)}x`)],
      // Combining marks, which NFC sorts: Unicode's stream-safe format breaks the run every 30.
      'combining marks': [search(`a${'\u0301\u0316'.repeat(22_500)}`), search(`a${'\u00e9'.repeat(45_000)}`)],
      // graphql-js repeats the value in its message, whose suggestions production answers cut.
      'a value repeating "Did you mean"': [
        () => app.request('query ($first: Int) { threads(first: $first) { nodes { id } } }', { first: 'Did you mean '.repeat(7_000) }),
        () => app.request('query ($first: Int) { threads(first: $first) { nodes { id } } }', { first: 'Did you mea '.repeat(7_600) }),
      ],
      'a path of dots': [page(`/${'.'.repeat(16_000)}/`), page(`/${'a'.repeat(16_000)}/`)],
    };
    for (const [shape, [slow, ordinary]] of Object.entries(pairs)) {
      const [slowMs, ordinaryMs] = [await fastest(slow), await fastest(ordinary)];
      expect(slowMs, `${shape}: ${slowMs.toFixed(0)} ms, ordinary ${ordinaryMs.toFixed(0)} ms`).toBeLessThan(ordinaryMs * 4 + 150);
    }
    const refused = await app.request('query ($first: Int) { threads(first: $first) { nodes { id } } }', {
      first: `${'Did you mean '.repeat(3)}?`,
    });
    expect(refused.errors?.[0]?.message).toBe(
      'Variable "$first" got invalid value "Did you mean Did you mean Did you mean ?"; Int cannot represent non-integer value: "Did you mean Did you mean Did you mean ?"',
    );
  });

  it('marks the session cookie Secure and ignores X-Forwarded-For from an untrusted peer', async () => {
    const signUp = 'mutation ($input: SignUpInput!) { signUp(input: $input) { token } }';
    const input = (name: string) => ({ input: { username: name, email: `${name}@example.test`, password: 'a long enough password' } });
    const first = await app.request(signUp, input('secure_one'), { headers: { 'x-forwarded-for': '203.0.113.1' } });
    expect(first.errors).toBeUndefined();
    expect(first.headers.get('set-cookie')).toMatch(/; Secure/i);
    // Another claimed address, the same real peer: the per-IP sign-up limit (1) applies.
    const second = await app.request(signUp, input('secure_two'), { headers: { 'x-forwarded-for': '203.0.113.2' } });
    expect(second.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});

describe('transport abuse: slow HTTP clients', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({
      HTTP_HEADERS_TIMEOUT_SECONDS: '1',
      HTTP_REQUEST_TIMEOUT_SECONDS: '2',
      HTTP_KEEPALIVE_TIMEOUT_SECONDS: '7',
    });
  });
  afterAll(async () => {
    await app.stop();
  });

  const healthRequest = (connection: 'keep-alive' | 'close') => {
    const body = JSON.stringify({ query: '{ health { status } }' });
    return (
      `POST /graphql HTTP/1.1\r\nHost: ${new URL(app.url).host}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: ${connection}\r\n\r\n${body}`
    );
  };

  // Node's own headersTimeout would hold the socket for a minute: the test's timeout is the bound.
  it('answers 408 and closes a connection that stops halfway through its headers, and answers other clients meanwhile', async () => {
    const slow = rawConnection(app);
    slow.socket.write(`POST /graphql HTTP/1.1\r\nHost: ${new URL(app.url).host}\r\nContent-Type: appl`);
    await expect(app.query('{ health { status } }')).resolves.toEqual({ health: { status: 'ok' } });
    expect(await slow.answer).toMatch(/^HTTP\/1\.1 408 /);
  }, 10_000);

  // Node's own requestTimeout would hold it for five minutes.
  it('answers 408 and closes a connection that stops halfway through its body', async () => {
    const slow = rawConnection(app);
    slow.socket.write(healthRequest('keep-alive').slice(0, -10));
    expect(await slow.answer).toMatch(/^HTTP\/1\.1 408 /);
  }, 10_000);

  it('keeps a connection alive for HTTP_KEEPALIVE_TIMEOUT_SECONDS, not counting its idle time against the headers timeout', async () => {
    const { socket, answer } = rawConnection(app);
    socket.write(healthRequest('keep-alive'));
    await new Promise((resolve) => socket.once('data', resolve));
    // Idle past HTTP_HEADERS_TIMEOUT_SECONDS and Node's next check of it, well within the keep-alive timeout.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    socket.write(healthRequest('close'));
    const answered = await answer;
    expect(answered.match(/HTTP\/1\.1 \d+/g)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200']);
    // The first answer tells the client how long the connection stays open idle: HTTP_KEEPALIVE_TIMEOUT_SECONDS.
    expect(answered).toMatch(/^Keep-Alive: timeout=7\r$/m);
  });

  it('keeps a WebSocket subscription open past the request timeout, and delivers to it', async () => {
    const member = await createAccount(app, Role.MEMBER);
    const client = liveClient(app);
    try {
      const activity = subscribe<{ forumActivity: { threadId: string } }>(client, forumActivity);
      await until(() => listenerCount(app, liveChannels.forum()) === 1, 'the subscription is listening');
      // A request begun after the socket and stalled: once the request timeout has ended it, that timeout has been
      // checked while the socket was older than it, and a subscription it cut would have ended (the client never retries).
      const slow = rawConnection(app);
      slow.socket.write(healthRequest('keep-alive').slice(0, -10));
      expect(await answerWithin(slow, 5000)).toMatch(/^HTTP\/1\.1 408 /);
      const asked = await app.query<{ askQuestion: { id: string } }>(
        'mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
        { input: { title: 'Forum colours on my phone', body: 'Can the forum use a darker colour scheme on small screens, please?' } },
        { token: member.token },
      );
      expect((await activity.next()).data?.forumActivity).toEqual({ threadId: asked.askQuestion.id });
    } finally {
      await client.dispose();
    }
  });
});

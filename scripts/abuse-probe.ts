/**
 * Abuse probe: starts a built server (production mode, fresh SQLite) and measures what each request of
 * the hardening issue does to it. Prints one line per finding; used for the before/after figures.
 *
 *   npm run -s build:api && tsx scripts/abuse-probe.ts [--dist dist] [--only fragments,upgrades,...]
 *
 * Findings: fragments, validation, upgrades, nested, frame, bomb, subscriptions, signout, headers, suggestions, signins
 * (run it with PASSWORD_HASH_CONCURRENCY=2 for the figure before that setting).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, only: { type: 'string', default: '' } } });
const only = new Set(values.only ? values.only.split(',') : []);
const port = 3800 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;
const database = join(tmpdir(), `twofa-probe-${Date.now()}.sqlite`);
const server = spawn(process.execPath, [resolve(values.dist, 'apps/api/src/main.js')], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    SQLITE_PATH: database,
    SEED_DEMO: 'false',
    TOTP_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    WEB_DIST_PATH: '',
    RATE_LIMIT_ASK_SECONDS: '0',
    RATE_LIMIT_REPLY_SECONDS: '0',
    RATE_LIMIT_SIGN_UPS_PER_HOUR: '1000000',
    RATE_LIMIT_SIGN_IN_ATTEMPTS: '1000000',
  },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let serverErrors = '';
server.stderr.on('data', (chunk: Buffer) => (serverErrors += chunk.toString()));

interface Answer {
  status: number;
  bytes: number;
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string, signal?: AbortSignal): Promise<Answer> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const text = await response.text();
  const body = JSON.parse(text) as Omit<Answer, 'status' | 'bytes'>;
  return { status: response.status, bytes: text.length, ...body };
}

function rssMegabytes(): number {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

function openDescriptors(): number {
  return readdirSync(`/proc/${server.pid}/fd`).length;
}

const errorOf = (answer: Answer) =>
  answer.errors ? `${answer.errors[0].extensions?.code}: ${answer.errors[0].message.slice(0, 90)}` : 'no error';
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`;

async function member(name: string): Promise<string> {
  const answer = await graphql('mutation ($input: SignUpInput!) { signUp(input: $input) { token } }', {
    input: { username: name, email: `${name}@example.test`, password: 'a long probe password' },
  });
  return answer.data.signUp.token as string;
}

async function ask(token: string, body = 'How do I keep my two-factor codes safe when I change phones?'): Promise<string> {
  const answer = await graphql(
    'mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
    { input: { title: 'Probe question about 2FA', body, tags: ['probe'] } },
    token,
  );
  if (!answer.data) throw new Error(errorOf(answer));
  return answer.data.askQuestion.id as string;
}

async function reply(token: string, threadId: string, body: string): Promise<Answer> {
  return graphql(
    'mutation ($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }',
    { threadId, body },
    token,
  );
}

function socket(token?: string): Promise<WebSocket> {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  return new Promise((resolvePromise, reject) => {
    ws.once('error', reject);
    ws.once('open', () => {
      ws.send(JSON.stringify({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} }));
      ws.once('message', () => resolvePromise(ws));
    });
  });
}

const probes: Record<string, () => Promise<string>> = {
  async fragments() {
    const fragments = Array.from({ length: 25 }, (_, level) =>
      level === 24
        ? `fragment F${level} on Query { health { status } }`
        : `fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }`,
    );
    const document = `query Bomb { ...F0 } ${fragments.join(' ')}`;
    const started = performance.now();
    const bomb = graphql(document, {}, undefined, AbortSignal.timeout(120_000)).then(
      (answer) => `answered in ${seconds(started)} (${errorOf(answer)})`,
      () => `no answer within 120 s`,
    );
    await new Promise((done) => setTimeout(done, 50));
    const trivialStarted = performance.now();
    const trivial = await graphql('{ health { status } }', {}, undefined, AbortSignal.timeout(120_000)).then(
      () => `served in ${seconds(trivialStarted)}`,
      () => 'not served within 120 s',
    );
    return `${document.length}-byte document ${await bomb}; concurrent trivial query ${trivial}`;
  },

  async validation() {
    const spreads = (levels: number, width: number) =>
      Array.from({ length: levels }, (_, level) =>
        level === levels - 1
          ? `fragment F${level} on Query { health { status } }`
          : `fragment F${level} on Query { ${Array.from({ length: width }, () => `...F${level + 1}`).join(' ')} }`,
      ).join(' ');
    const documents: Record<string, string> = {
      'fragments 2-wide x 200': `{ ...F0 } ${spreads(200, 2)}`,
      'fragments 40-wide x 8': `{ ...F0 } ${spreads(8, 40)}`,
      'one field x 2000': `{ ${Array.from({ length: 2000 }, () => 'health { status }').join(' ')} }`,
      'nested selections': `{ ${'threads { nodes { replies { nodes { thread { '.repeat(40)}id${' } } } } }'.repeat(40)} }`,
    };
    const timings: string[] = [];
    for (const [name, document] of Object.entries(documents)) {
      const query = document.slice(0, 10_240);
      const started = performance.now();
      const answer = await graphql(query, {}, undefined, AbortSignal.timeout(120_000)).catch(() => null);
      timings.push(
        `${name} (${(query.length / 1024).toFixed(1)} KB): ${answer ? `${Math.round(performance.now() - started)} ms ${answer.errors?.[0]?.extensions?.code ?? 'ok'}` : 'no answer in 120 s'}`,
      );
    }
    return timings.join('; ');
  },

  async upgrades() {
    const before = openDescriptors();
    const count = 200;
    await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<void>((done) => {
            const client = connect(port, '127.0.0.1', () => {
              client.write(
                `GET /nope HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
              );
              setTimeout(() => {
                client.destroy();
                done();
              }, 300);
            });
            client.on('error', () => done());
          }),
      ),
    );
    await new Promise((done) => setTimeout(done, 2000));
    return `${count} upgrade requests to /nope (clients gone): server descriptors ${before} -> ${openDescriptors()} after 2 s`;
  },

  async nested() {
    const tokens = await Promise.all(Array.from({ length: 5 }, (_, index) => member(`probe_nested_${index}`)));
    const threads: string[] = [];
    for (let index = 0; index < 50; index++) threads.push(await ask(tokens[index % 5]));
    const body = 'A reply of some length with **markdown**, a [link](https://example.com) and `code`. '.repeat(4);
    for (const threadId of threads) {
      await Promise.all(Array.from({ length: 100 }, (_, index) => reply(tokens[index % 5], threadId, body)));
    }
    const query = '{ threads(first: 50) { nodes { replies(first: 100) { nodes { bodyHtml } } } } }';
    const rss = rssMegabytes();
    const started = performance.now();
    const answer = await graphql(query);
    const time = seconds(started);
    return `50 threads x 100 replies, ${query}: ${time}, ${(answer.bytes / 1e6).toFixed(1)} MB (${errorOf(answer)}), RSS ${rss} -> ${rssMegabytes()} MB`;
  },

  async frame() {
    const ws = await socket();
    const rss = rssMegabytes();
    const started = performance.now();
    const closed = new Promise<number>((done) => ws.once('close', (code) => done(code)));
    ws.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: `subscription { forumActivity { threadId } } #${'x'.repeat(20 * 1024 * 1024)}` },
      }),
    );
    const outcome = await Promise.race([
      closed.then((code) => `socket closed with ${code}`),
      new Promise<string>((done) => setTimeout(() => done('socket still open after 10 s'), 10_000)),
    ]);
    const trivial = performance.now();
    await graphql('{ health { status } }');
    ws.terminate();
    return `20 MB subscribe frame: ${outcome} after ${seconds(started)}; RSS ${rss} -> ${rssMegabytes()} MB; next trivial query ${seconds(trivial)}`;
  },

  async bomb() {
    const token = await member('probe_bomb');
    const threadId = await ask(token);
    const bomb = '> '.repeat(5000);
    const posted = await reply(token, threadId, bomb);
    const read = await graphql('query ($id: ID!) { thread(id: $id) { title replies { nodes { bodyHtml } } } }', { id: threadId });
    const preview = await graphql('query ($body: String!) { previewMarkdown(body: $body) }', { body: bomb });
    return `10 KB of "> ": reply ${errorOf(posted)}; thread read data ${read.data?.thread ? 'present' : 'null'} (${errorOf(read)}); previewMarkdown ${errorOf(preview)}`;
  },

  async subscriptions() {
    const ws = await socket();
    const rss = rssMegabytes();
    let refused = 0;
    ws.on('message', (data) => {
      if ((JSON.parse(data.toString()) as { type: string }).type === 'error') refused++;
    });
    const count = 2000;
    for (let index = 0; index < count; index++) {
      ws.send(JSON.stringify({ id: String(index), type: 'subscribe', payload: { query: 'subscription { forumActivity { threadId } }' } }));
    }
    await new Promise((done) => setTimeout(done, 3000));
    ws.terminate();
    return `${count} subscriptions on one anonymous socket: ${count - refused} accepted, ${refused} refused; RSS ${rss} -> ${rssMegabytes()} MB`;
  },

  async signout() {
    const asker = await member('probe_signout');
    const other = await member('probe_other');
    const threadId = await ask(asker);
    const ws = await socket(asker);
    let delivered = 0;
    let closeCode = 0;
    ws.on('message', (data) => {
      if ((JSON.parse(data.toString()) as { type: string }).type === 'next') delivered++;
    });
    ws.on('close', (code) => (closeCode = code));
    ws.send(
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { notificationAdded { notification { kind } } }' } }),
    );
    await new Promise((done) => setTimeout(done, 300));
    await graphql('mutation { signOut }', {}, asker);
    await reply(other, threadId, 'A reply after the asker signed out.');
    await new Promise((done) => setTimeout(done, 500));
    ws.terminate();
    return `after signOut: ${delivered} notification(s) still delivered on the open subscription; socket ${closeCode ? `closed (${closeCode})` : 'left open'}`;
  },

  async headers() {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ health { status } }"}',
    });
    const shown = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'x-powered-by'];
    return shown.map((name) => `${name}: ${response.headers.get(name) ?? '(none)'}`).join('; ');
  },

  async signins() {
    const rounds: string[] = [];
    for (let round = 0; round < 3; round++) {
      let longestProbe = 0;
      let probing = true;
      const probe = (async () => {
        while (probing) {
          const started = performance.now();
          await graphql('{ health { status } }');
          longestProbe = Math.max(longestProbe, performance.now() - started);
          await new Promise((done) => setTimeout(done, 20));
        }
      })();
      const started = performance.now();
      const answers = await Promise.all(
        Array.from({ length: 16 }, (_, index) =>
          graphql('mutation ($input: SignInInput!) { signIn(input: $input) { token } }', {
            input: { login: `nobody${round}x${index}`, password: 'a wrong password' },
          }),
        ),
      );
      const took = seconds(started);
      probing = false;
      await probe;
      const refused = answers.filter((answer) => answer.errors?.[0]?.extensions?.code === 'RATE_LIMITED').length;
      rounds.push(`${took} (${refused} refused), longest health probe ${Math.round(longestProbe)} ms`);
    }
    return `16 sign-ins of unknown logins at once, 3 rounds: ${rounds.join('; ')}`;
  },

  async suggestions() {
    const answer = await graphql('{ healt { status } }');
    return `production error for { healt }: "${answer.errors?.[0]?.message}"`;
  },
};

try {
  for (let attempt = 0; ; attempt++) {
    try {
      await graphql('{ health { status } }');
      break;
    } catch {
      if (attempt > 100 || server.exitCode !== null) throw new Error(`the server did not start: ${serverErrors.trim()}`);
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  for (const [name, probe] of Object.entries(probes)) {
    if (only.size > 0 && !only.has(name)) continue;
    try {
      console.log(`${name.padEnd(14)} ${await probe()}`);
    } catch (error) {
      console.log(`${name.padEnd(14)} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
} finally {
  server.kill('SIGKILL');
  rmSync(database, { force: true });
  rmSync(`${database}-wal`, { force: true });
  rmSync(`${database}-shm`, { force: true });
}

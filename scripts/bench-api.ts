/**
 * API benchmark: starts the built server on a fresh SQLite database and drives it with autocannon over
 * loopback. Prints requests per second and p50/p99 latency per operation beside a trivial query served by
 * the same process in the same run; the ratio is the figure to compare across machines.
 *
 *   npm run bench:api [-- --seconds 5 --connections 10]
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, connections: { type: 'string', default: '10' } } });
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const port = 3900 + Math.floor(Math.random() * 90);
const url = `http://127.0.0.1:${port}/graphql`;
const database = join(tmpdir(), `twofa-bench-${Date.now()}.sqlite`);

const server = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    SQLITE_PATH: database,
    SEED_DEMO: 'false',
    WEB_DIST_PATH: '',
    RATE_LIMIT_ASK_SECONDS: '0',
    RATE_LIMIT_REPLY_SECONDS: '0',
    RATE_LIMIT_SIGN_UPS_PER_HOUR: '1000000',
    RATE_LIMIT_SIGN_IN_ATTEMPTS: '1000000',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});

async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await graphql('{ health { status } }');
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error('the server did not start');
}

const topics = [
  'backup codes',
  'QR code',
  'new phone',
  'authenticator app',
  'locked out',
  'emergency kit',
  'browser extension',
  'vault sharing',
];
const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
let sequence = 0;
function questionVariables() {
  const topic = topics[sequence++ % topics.length];
  return {
    input: {
      title: `Question ${sequence} about my ${topic}`,
      body: `I set up two-factor authentication and now I wonder about the ${topic}. Request ${sequence}.`,
      tags: ['2fa'],
    },
  };
}

interface Scenario {
  name: string;
  query: string;
  variables?: () => Record<string, unknown>;
  token?: string;
}

async function run(scenario: Scenario): Promise<autocannon.Result> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (scenario.token) headers.authorization = `Bearer ${scenario.token}`;
  const body = () => JSON.stringify({ query: scenario.query, variables: scenario.variables?.() ?? {} });
  return autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ method: 'POST', headers, setupRequest: (request) => ({ ...request, body: body() }) }],
  });
}

try {
  await waitForServer();
  const { signUp } = await graphql('mutation SignUp($input: SignUpInput!) { signUp(input: $input) { token } }', {
    input: { username: 'bench', email: 'bench@example.test', password: 'benchmark-password' },
  });
  const token: string = signUp.token;
  const threadIds: string[] = [];
  for (let index = 0; index < 200; index++) threadIds.push((await graphql(askMutation, questionVariables(), token)).askQuestion.id);
  const someThread = () => threadIds[Math.floor(Math.random() * threadIds.length)];

  const scenarios: Scenario[] = [
    { name: 'trivial query (health)', query: '{ health { status } }' },
    { name: 'ask a question', query: askMutation, variables: questionVariables, token },
    {
      name: 'reply',
      query: 'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }',
      variables: () => ({ threadId: someThread(), body: 'Have you tried turning two-factor off and on again from your laptop?' }),
      token,
    },
    {
      name: 'list threads (20)',
      query: '{ threads(first: 20) { nodes { id title replyCount status author { username } tags } pageInfo { endCursor } } }',
    },
    {
      name: 'read a thread',
      query:
        'query Read($id: ID!) { thread(id: $id) { id title bodyHtml author { username } replies(first: 50) { nodes { id bodyHtml author { username } } } } }',
      variables: () => ({ id: someThread() }),
    },
    {
      name: 'search',
      query: 'query Search($q: String!) { search(query: $q, first: 10) { nodes { snippet } } }',
      variables: () => ({ q: topics[sequence++ % topics.length] }),
    },
  ];

  const rows: { name: string; rps: number; p50: number; p99: number; errors: number }[] = [];
  for (const scenario of scenarios) {
    // A GraphQL error still answers 200, so check each operation succeeds once before timing it.
    await graphql(scenario.query, scenario.variables?.() ?? {}, scenario.token);
    const result = await run(scenario);
    rows.push({
      name: scenario.name,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    });
  }
  const baseline = rows[0].rps;
  console.log(`\nAPI benchmark: ${seconds} s per operation, ${connections} connections, SQLite, loopback (node ${process.version})\n`);
  console.log('operation                   req/s    p50 ms   p99 ms   vs trivial   errors');
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(26)} ${row.rps.toFixed(0).padStart(6)} ${String(row.p50).padStart(9)} ${String(row.p99).padStart(8)} ${((row.rps / baseline) * 100).toFixed(1).padStart(10)} % ${String(row.errors).padStart(7)}`,
    );
  }
} finally {
  server.kill('SIGTERM');
  for (const suffix of ['', '-wal', '-shm']) rmSync(database + suffix, { force: true });
}

/**
 * Memory benchmark: starts the built server (production settings, a fresh SQLite file) under the inspector for each
 * workload, sends it distinct GraphQL documents over HTTP as an anonymous client, and prints the server's RSS and V8
 * heap used after a full garbage collection at each step: what the caches kept per document (Apollo's document store,
 * the anonymous response cache, the cost verdicts) is the growth from the start. A bounded server levels off.
 *
 *   npm run bench:memory [-- --steps 2000,8000,16000,32000 --only small,large --concurrency 16 --dist dist]
 *
 * Workloads (one server each):
 *   small      tiny distinct queries: the most documents for the memory they take; each answer is cached too
 *   large      distinct documents near the token limit (30 aliases of a page of threads with their replies);
 *              a sixteenth of the steps, for each takes some 40 ms to validate and weigh
 *   variables  one query, a distinct variable in each request: the anonymous response cache alone
 *   verdicts   distinct documents, each with 64 page sizes: cost verdicts and cached answers per document
 *   invalid    distinct documents that fail validation: nothing should be kept
 *
 * --dist runs another build (e.g. an older commit's `npm run build:api` output) with the same workload.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { freePort } from './free-port.js';

const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: '2000,8000,16000,32000' },
    concurrency: { type: 'string', default: '16' },
    dist: { type: 'string', default: 'dist' },
    only: { type: 'string' },
  },
});
const steps = values.steps.split(',').map(Number);
const concurrency = Number(values.concurrency);
const dist = resolve(values.dist);
const onlyWords = values.only?.split(',').map((word) => word.trim().toLowerCase()) ?? null;

interface Request {
  query: string;
  variables?: Record<string, unknown>;
}

const user = '{ createdAt id isBot isStaff role username }';
const reply = `{ body bodyHtml createdAt edited editedAt hidden id isAccepted isStaffAnswer author ${user} }`;
const thread = `{ body bodyHtml botAwaitsAsker createdAt edited editedAt hidden hiddenReplyCount id lastActivityAt locked
  processing replyCount staffReplied status tags title viewerCanEdit author ${user} acceptedReply ${reply}
  replies(first: 1) { nodes ${reply} } }`;
const largeSelection = Array.from({ length: 30 }, (_, alias) => `a${alias}: threads(first: 1) { nodes ${thread} }`).join(' ');

const workloads: { name: string; share: number; request: (index: number) => Request }[] = [
  { name: 'small', share: 1, request: (index) => ({ query: `query Q${index} { tags(first: 1) { tag } }` }) },
  { name: 'large', share: 1 / 16, request: (index) => ({ query: `query L${index} { ${largeSelection} }` }) },
  {
    name: 'variables',
    share: 1,
    request: (index) => ({
      query: 'query Answer($slug: String!) { canonicalAnswer(slug: $slug) { id } }',
      variables: { slug: `slug-${index}` },
    }),
  },
  {
    name: 'verdicts',
    share: 1,
    request: (index) => ({
      query: `query V${Math.floor(index / 64)}($a: Int!, $b: Int!) { a: tags(first: $a) { tag } b: tags(first: $b) { tag } }`,
      variables: { a: 1 + (index % 64), b: 100 },
    }),
  },
  { name: 'invalid', share: 1, request: (index) => ({ query: `query I${index} { tags(first: 1) { tag missing${index} } }` }) },
];

/** The Chrome DevTools protocol on the server's inspector: a full GC and the process's memory, from outside it. */
class Inspector {
  private nextId = 1;
  private readonly pending = new Map<number, (result: any) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: unknown };
      if (message.id !== undefined) this.pending.get(message.id)?.(message.result);
      this.pending.delete(message.id ?? 0);
    });
  }

  static async connect(url: string): Promise<Inspector> {
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    return new Inspector(socket);
  }

  send(method: string, params: Record<string, unknown> = {}): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** RSS and heap used in MB, after collecting all garbage. */
  async memory(): Promise<{ rss: number; heap: number }> {
    await this.send('HeapProfiler.collectGarbage');
    await this.send('HeapProfiler.collectGarbage');
    const { result } = await this.send('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
    const usage = JSON.parse(result.value as string) as NodeJS.MemoryUsage;
    return { rss: usage.rss / 2 ** 20, heap: usage.heapUsed / 2 ** 20 };
  }

  close(): void {
    this.socket.close();
  }
}

class Server {
  private process: ChildProcess | null = null;
  private readonly database = join(tmpdir(), `twofa-bench-memory-${Date.now()}.sqlite`);
  url = '';
  inspector: Inspector | null = null;

  async start(): Promise<void> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}/graphql`;
    const child = spawn(process.execPath, ['--inspect=127.0.0.1:0', join(dist, 'apps/api/src/main.js')], {
      cwd: resolve(dist, '..'),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        SQLITE_PATH: this.database,
        SEED_DEMO: 'false',
        TOTP_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        WEB_DIST_PATH: '',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.process = child;
    const inspectorUrl = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stderr!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const url = /ws:\/\/\S+/.exec(output)?.[0];
        if (url) resolve(url);
      });
      child.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${output}`)));
    });
    for (let attempt = 0; ; attempt++) {
      try {
        await post(this.url, { query: '{ health { status } }' });
        break;
      } catch (error) {
        if (attempt === 300) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    this.inspector = await Inspector.connect(inspectorUrl);
  }

  async stop(): Promise<void> {
    this.inspector?.close();
    const child = this.process;
    if (child && child.exitCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(this.database + suffix, { force: true });
  }
}

async function post(url: string, request: Request): Promise<{ errors?: { extensions?: { code?: string } }[] }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  return (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
}

const megabytes = (value: number) => value.toFixed(0).padStart(6);

async function run(workload: (typeof workloads)[number]): Promise<void> {
  const server = new Server();
  await server.start();
  try {
    const start = await server.inspector!.memory();
    console.log(`\n${workload.name}: start rss ${megabytes(start.rss)} MB, heap ${megabytes(start.heap)} MB`);
    console.log('  documents   rss MB  heap MB  heap growth MB   seconds  errors');
    const began = performance.now();
    const errors = new Map<string, number>();
    let sent = 0;
    for (const step of steps) {
      const target = Math.max(1, Math.round(step * workload.share));
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (sent < target) {
            const body = await post(server.url, workload.request(sent++));
            const code = body.errors?.[0]?.extensions?.code;
            if (code) errors.set(code, (errors.get(code) ?? 0) + 1);
          }
        }),
      );
      const { rss, heap } = await server.inspector!.memory();
      const seconds = ((performance.now() - began) / 1000).toFixed(0);
      const errorText = [...errors].map(([code, count]) => `${code} ${count}`).join(', ') || '-';
      console.log(
        `  ${String(target).padStart(9)}  ${megabytes(rss)}  ${megabytes(heap)}  ${(heap - start.heap).toFixed(1).padStart(14)}  ${seconds.padStart(8)}  ${errorText}`,
      );
    }
  } finally {
    await server.stop();
  }
}

console.log(`Build: ${dist}; ${concurrency} requests at a time; figures after a full GC.`);
for (const workload of workloads) {
  if (onlyWords && !onlyWords.some((word) => workload.name.includes(word))) continue;
  await run(workload);
}

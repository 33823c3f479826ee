import { randomInt } from 'node:crypto';
import { createRequire } from 'node:module';
import {
  buildSchema,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../apps/api/src/common/role.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { codeOf, GraphqlResponse, TestApp } from './support/test-app.js';

// Schema-driven fuzzing: every query and mutation, random and boundary arguments, as anonymous, member
// and staff. No answer may be a 5xx, an INTERNAL_SERVER_ERROR or carry a stack trace.
// Reproduce a run with FUZZ_SEED=<the seed it printed>.

/** At least this many requests per run, spread evenly over operations and roles. */
const minimumRequests = 1050;
const concurrency = 6;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cursorOf = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const boundaryInts = [0, -1, 1, 50, 51, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53, -(2 ** 53), 1e308];
const boundaryStrings = [
  '',
  ' ',
  '0',
  '-1',
  '1',
  '2147483647',
  '2147483648',
  '9007199254740993',
  '1e309',
  'NaN',
  'Infinity',
  '-0',
  '0x10',
  'null',
  'undefined',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\u202egnp.exe',
  '\u200b'.repeat(30),
  '\u200d'.repeat(30),
  '\ufeff',
  '%',
  '_',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '\\',
  '<script>alert(1)</script>',
  '> '.repeat(500),
  '*'.repeat(2000),
  '[a]('.repeat(300),
  'x'.repeat(20_001),
  '😀'.repeat(300),
  'no-backup-codes',
  'save-qr-code',
  'grey',
  'grey@example.com',
  cursorOf('a:1700000000000:2147483648'),
  cursorOf('n:8640000000000000:1'),
  cursorOf('a:-8640000000000000:1'),
  cursorOf('r:1700000000000:1'),
  cursorOf('r:-62198755200000:9007199254740991'),
  cursorOf('log:2147483648'),
  cursorOf('flags:2147483648'),
  cursorOf('flags:1'),
  cursorOf('PENDING:2147483648'),
  cursorOf('search:9007199254740991'),
  'not a cursor!',
];

/** Random values for one schema, from one seeded generator. */
class ArgumentFactory {
  constructor(
    private readonly random: () => number,
    private readonly ids: string[],
  ) {}

  value(type: GraphQLInputType, depth = 0): unknown {
    if (this.chance(0.04)) return this.wrongType();
    if (isNonNullType(type)) return this.value(type.ofType, depth);
    if (!isNonNullType(type) && this.chance(0.1)) return null;
    if (isListType(type)) {
      const length = this.chance(0.05) ? 200 : this.integer(0, 3);
      return Array.from({ length }, () => this.value(type.ofType, depth + 1));
    }
    if (isEnumType(type)) {
      const values = type.getValues().map((value) => value.name);
      return this.chance(0.1) ? 'NOT_A_VALUE' : this.pick(values);
    }
    if (isInputObjectType(type)) {
      if (depth > 3) return {};
      const result: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        if (!isNonNullType(field.type) && this.chance(0.4)) continue;
        result[field.name] = this.value(field.type, depth + 1);
      }
      if (this.chance(0.05)) result.unknownField = 'surprise';
      return result;
    }
    return this.scalar(type.name);
  }

  private scalar(name: string): unknown {
    switch (name) {
      case 'Int':
        return this.chance(0.6) ? this.pick(boundaryInts) : this.integer(-1000, 1000);
      case 'Float':
        return this.pick([0, -1, 0.5, 1e308, -1e308, 2 ** 53]);
      case 'Boolean':
        return this.chance(0.5);
      case 'ID':
        return this.chance(0.5) ? this.pick(this.ids) : this.pick(boundaryStrings);
      case 'DateTime':
        return this.pick(['2026-01-01T00:00:00Z', '0000-01-01', '+275760-09-13T00:00:00.001Z', 'yesterday', '']);
      default:
        return this.chance(0.7) ? this.pick(boundaryStrings) : this.text();
    }
  }

  private text(): string {
    const length = this.integer(0, 60);
    let text = '';
    for (let index = 0; index < length; index++) {
      text += this.chance(0.8) ? String.fromCharCode(this.integer(0x20, 0x7e)) : String.fromCharCode(this.integer(0, 0xffff));
    }
    return text;
  }

  private wrongType(): unknown {
    return this.pick([{}, [], 'text', 12, 1.5, true, { nested: { deeper: [] } }]);
  }

  private chance(probability: number): boolean {
    return this.random() < probability;
  }

  private integer(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private pick<T>(values: T[]): T {
    return values[Math.floor(this.random() * values.length)];
  }
}

function typeName(type: GraphQLInputType): string {
  if (isNonNullType(type)) return `${typeName(type.ofType)}!`;
  if (isListType(type)) return `[${typeName(type.ofType)}]`;
  return type.name;
}

/** The scalar fields without required arguments: enough to make the resolver and its field resolvers run. */
function selectionOf(type: GraphQLNamedType): string {
  if (!isObjectType(type)) return isScalarType(type) || isEnumType(type) ? '' : '{ __typename }';
  const fields = Object.values(type.getFields()).filter(
    (field) => field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined) && isLeaf(field),
  );
  return `{ __typename ${fields.map((field) => field.name).join(' ')} }`;
}

function isLeaf(field: GraphQLField<unknown, unknown>): boolean {
  const named = getNamedType(field.type);
  return isScalarType(named) || isEnumType(named);
}

/** An argument with a default takes a nullable variable, as clients declare it: null then reaches the argument. */
function variableType(arg: GraphQLArgument): string {
  return typeName(arg.defaultValue !== undefined && isNonNullType(arg.type) ? arg.type.ofType : arg.type);
}

function documentFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${variableType(arg)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `${kind} Fuzz${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selectionOf(getNamedType(field.type))} }`;
}

interface Finding {
  operation: string;
  role: string;
  variables: Record<string, unknown>;
  status: number;
  errors: unknown;
}

function findingIn(response: GraphqlResponse): boolean {
  if (response.status >= 500) return true;
  const text = JSON.stringify(response.errors ?? []);
  return text.includes('INTERNAL_SERVER_ERROR') || /\bat .+:\d+:\d+\)?/.test(text) || text.includes('stacktrace');
}

describe('fuzz: every query and mutation with random and boundary arguments', () => {
  let app: TestApp;
  let schema: GraphQLSchema;
  let member: TestAccount;
  let staff: TestAccount;
  const ids: string[] = [];

  beforeAll(async () => {
    app = await TestApp.start();
    member = await createAccount(app, Role.MEMBER);
    staff = await createAccount(app, Role.STAFF);
    const thread = await app.query<{ askQuestion: { id: string } }>(
      'mutation { askQuestion(input: { title: "Forum colours on my phone", body: "Can the forum use a darker colour scheme on small screens?" }) { id } }',
      {},
      { token: member.token },
    );
    const reply = await app.query<{ replyToThread: { id: string } }>(
      'mutation($id: ID!) { replyToThread(threadId: $id, body: "Settings, then appearance, then dark.") { id } }',
      { id: thread.askQuestion.id },
      { token: staff.token },
    );
    ids.push(thread.askQuestion.id, reply.replyToThread.id, member.id, staff.id);
    // The served schema itself (an introspection query over HTTP would be refused by the depth limit),
    // printed by the copy of graphql the app loaded and read back by this file's copy.
    const served = createRequire(import.meta.url)('graphql') as typeof import('graphql');
    schema = buildSchema(served.printSchema(app.nest.get(GraphQLSchemaHost).schema));
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('answers no request with a 5xx, an internal error or a stack trace', async () => {
    const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : randomInt(2 ** 31);
    console.log(`fuzz seed ${seed} (FUZZ_SEED=${seed} repeats this run)`);
    const factory = new ArgumentFactory(prng(seed), ids);
    const roles: [string, string | undefined][] = [
      ['anonymous', undefined],
      ['member', member.token],
      ['staff', staff.token],
    ];
    const requests: { operation: string; role: string; document: string; variables: Record<string, unknown>; token?: string }[] = [];
    const operations = (['query', 'mutation'] as const).flatMap((kind) =>
      Object.values((kind === 'query' ? schema.getQueryType() : schema.getMutationType())!.getFields()).map((field) => ({ kind, field })),
    );
    const rounds = Math.ceil(minimumRequests / (operations.length * roles.length));
    for (const { kind, field } of operations) {
      const document = documentFor(kind, field);
      for (const [role, token] of roles) {
        for (let round = 0; round < rounds; round++) {
          const variables = Object.fromEntries(field.args.map((arg) => [arg.name, factory.value(arg.type)]));
          // Signing out would end the session the other requests of this role use.
          requests.push({ operation: field.name, role, document, variables, token: field.name === 'signOut' ? undefined : token });
        }
      }
    }

    const findings: Finding[] = [];
    const answers: Record<string, number> = {};
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++];
        const response = await app.request(request.document, request.variables, { token: request.token });
        const code = codeOf(response);
        answers[code] = (answers[code] ?? 0) + 1;
        if (findingIn(response)) {
          findings.push({ ...request, status: response.status, errors: response.errors });
        }
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: concurrency }, worker));

    console.log(
      `fuzz: ${requests.length} requests in ${Date.now() - started} ms, answers ${JSON.stringify(answers)}, ${findings.length} findings`,
    );
    expect(requests.length).toBeGreaterThanOrEqual(1000);
    expect(findings.slice(0, 5)).toEqual([]);
  }, 120_000);
});

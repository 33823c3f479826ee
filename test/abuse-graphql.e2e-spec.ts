import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createRequire } from 'node:module';
import type * as GraphqlModule from 'graphql';
import type { DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { loadEnvironment } from '../apps/api/src/config/environment.js';
import { forumScanPerPageCost, QueryLimits } from '../apps/api/src/graphql/query-limits.js';
import * as webDocuments from '../apps/web/src/gql/graphql.js';
import { DataSource } from 'typeorm';
import { PostType } from '../apps/api/src/common/post-type.js';
import { RevisionEntity } from '../apps/api/src/threads/revision.entity.js';
import { Role } from '../apps/api/src/common/role.js';
import { createAccount } from './support/accounts.js';
import { liveClient, subscribe } from './support/live-client.js';
import { TestApp } from './support/test-app.js';

// The copy of graphql the server's schema was built with (see live/graphql-socket-server.ts).
const { getNamedType, getNullableType, isEnumType, isInputObjectType, isListType, Kind, specifiedRules, typeFromAST, validate } =
  createRequire(import.meta.url)('graphql') as typeof GraphqlModule;

/** 25 fragments, each spreading the next twice: 2^25 paths for a walk that does not remember fragments. */
function fragmentBomb(levels = 25): string {
  const fragments = Array.from({ length: levels }, (_, level) =>
    level === levels - 1
      ? `fragment F${level} on Query { health { status } }`
      : `fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }`,
  );
  return `query Bomb { ...F0 } ${fragments.join(' ')}`;
}

/** Variables for an operation, with page sizes (`Int`) as large as the API allows: the costliest the web app can send. */
function largestVariables(schema: GraphqlModule.GraphQLSchema, document: DocumentNode): Record<string, unknown> {
  const samples: Record<string, unknown> = { Int: 50, String: 'x', ID: '1', Boolean: true, Float: 0.5 };
  const variables: Record<string, unknown> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const type = typeFromAST(schema, variable.type as GraphqlModule.NamedTypeNode);
      const named = type && getNamedType(type);
      if (named && isEnumType(named)) variables[variable.variable.name.value] = named.getValues()[0].value;
      else if (named && isInputObjectType(named)) variables[variable.variable.name.value] = {};
      else if (named) variables[variable.variable.name.value] = samples[named.name];
    }
  }
  return variables;
}

const nestedLists = '{ threads(first: 50) { nodes { replies(first: 100) { nodes { bodyHtml } } } } }';

describe('GraphQL abuse: operations that would freeze or exhaust the server are refused', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ GRAPHQL_MAX_RESPONSE_BYTES: '200000' });
  });
  afterAll(async () => {
    await app.stop();
  });

  it('answers the fragment bomb with an error while a concurrent trivial query is served', async () => {
    const bomb = app.request(fragmentBomb());
    const trivial = app.request<{ health: { status: string } }>('{ health { status } }');
    const [refused, served] = await Promise.all([bomb, trivial]);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.errors?.[0]?.message).toMatch(/depth limit of 10 exceeded/);
    expect(served.errors).toBeUndefined();
    expect(served.data?.health.status).toBe('ok');
  });

  it('refuses a fragment bomb within the depth limit by the number of fields it expands to', async () => {
    // 4 levels of fragments, each spreading the next 25 times: within the depth limit, 25^3 fields once expanded.
    const levels = 4;
    const fragments = Array.from({ length: levels }, (_, level) =>
      level === levels - 1
        ? `fragment F${level} on Query { health { status } }`
        : `fragment F${level} on Query { ${Array.from({ length: 25 }, () => `...F${level + 1}`).join(' ')} }`,
    );
    const response = await app.request(`query Wide { ...F0 } ${fragments.join(' ')}`);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/maximum allowed number of nodes/);
  });

  it('refuses nested lists whose pages multiply past the cost limit, with literals and with variables', async () => {
    const literal = await app.request(nestedLists);
    expect(literal.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(literal.errors?.[0]?.message).toMatch(/Query cost \d+ exceeds the limit of 5000/);
    expect(literal.data ?? null).toBeNull();

    const pages =
      'query ($threads: Int!, $replies: Int!) { threads(first: $threads) { nodes { replies(first: $replies) { nodes { bodyHtml } } } } }';
    const withVariables = await app.request(pages, { threads: 50, replies: 100 });
    expect(withVariables.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(withVariables.errors?.[0]?.message).toMatch(/Query cost/);
    // The verdict is remembered per document and page sizes: the same document with small pages passes, and the large ones are refused again.
    expect((await app.request(pages, { threads: 2, replies: 3 })).errors).toBeUndefined();
    expect((await app.request(pages, { threads: 50, replies: 100 })).errors?.[0]?.message).toMatch(/Query cost/);

    // Ten aliases of a page that is fine alone.
    const page = 'threads(first: 20) { nodes { id title bodyHtml replies(first: 5) { nodes { id bodyHtml } } } }';
    const aliased = await app.request(`{ ${Array.from({ length: 10 }, (_, index) => `a${index}: ${page}`).join(' ')} }`);
    expect(aliased.errors?.[0]?.message).toMatch(/Query cost/);
    await expect(app.query(`{ ${page} }`)).resolves.toEqual({ threads: { nodes: [] } });
  });

  it('remembers no verdict for variables that do not fit the operation: the same document with fitting ones is weighed', async () => {
    const filtered = `query ($filter: ThreadFilter) { threads(filter: $filter, first: 50) { nodes { replies(first: 100) { nodes { bodyHtml } } } } }`;
    const unfit = await app.request(filtered, { filter: { status: 'NOT_A_STATUS' } });
    expect(unfit.errors?.[0]?.message).not.toMatch(/Query cost/);
    const fitting = await app.request(filtered, { filter: { status: 'OPEN' } });
    expect(fitting.data ?? null).toBeNull();
    expect(fitting.errors?.[0]?.message).toMatch(/Query cost \d+ exceeds the limit of 5000/);
  });

  it('weighs an ask once for every text it may hold, and a preview again for each length of its text', async () => {
    const member = await createAccount(app, Role.MEMBER);
    const weighed = vi.spyOn(QueryLimits.prototype as unknown as { weigh: () => unknown }, 'weigh');
    onTestFinished(() => weighed.mockRestore());
    const ask = 'mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
    for (const title of ['Where do my backup codes live?', 'Can I print the QR code from the setup page again later?']) {
      const asked = await app.request(ask, { input: { title, body: `${title} I turned on two-factor today.` } }, { token: member.token });
      expect(asked.errors).toBeUndefined();
    }
    expect(weighed).toHaveBeenCalledTimes(1);
    const preview = 'query ($body: String!) { previewMarkdown(body: $body) }';
    for (const body of ['Short *text*.', 'A longer text, with **more** words in it.']) {
      expect((await app.request(preview, { body })).errors).toBeUndefined();
    }
    expect(weighed).toHaveBeenCalledTimes(3);
  });

  it('weighs a field that reads every thread by that work: a request holds a few counts or staff counts, not thirty', async () => {
    const counted = 'fragment Counted on ThreadConnection { totalCount }';
    const aliased = (field: string, count: number) =>
      `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ')} } ${field.includes('...Counted') ? counted : ''}`;
    // The tags read a row per tag, not every thread: thirty lists are a page each.
    expect((await app.request(aliased('tags(first: 1) { tag }', 30))).errors).toBeUndefined();
    for (const field of ['threads(first: 1) { totalCount }', 'threads(first: 1) { ...Counted }']) {
      const refused = await app.request(aliased(field, 30));
      expect(refused.data, field).toBeUndefined();
      expect(refused.errors, field).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/exceeds the limit of 5000/),
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ]);
      const served = await app.request<Record<string, unknown>>(aliased(field, 4));
      expect(served.errors, field).toBeUndefined();
    }
    const staff = await createAccount(app, Role.STAFF);
    for (const field of ['botQueueCounts { pending }', 'botStats(days: 365) { pendingReviewNow }']) {
      const refused = await app.request(aliased(field, 30), {}, { token: staff.token });
      expect(
        refused.errors?.map((error) => error.extensions?.code),
        field,
      ).toEqual(['BAD_USER_INPUT']);
    }
  });

  it("weighs a tag filter by the tag's threads it reads, also when a variable sets it in a document already weighed", async () => {
    const lists = (count: number) =>
      `query Tagged($filter: ThreadFilter) { ${Array.from({ length: count }, (_, index) => `a${index}: threads(first: 1, filter: $filter) { nodes { id } }`).join(' ')} }`;
    // The same document: weighed with a filter of no tag first, its verdict must not serve the tag filter.
    for (const filter of [null, {}, { status: 'OPEN' }]) expect((await app.request(lists(30), { filter })).errors).toBeUndefined();
    const refused = await app.request(lists(30), { filter: { tag: 'no-such-tag' } });
    expect(refused.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/exceeds the limit of 5000/) })]);
    expect((await app.request(lists(4), { filter: { tag: 'no-such-tag' } })).errors).toBeUndefined();
  });

  it("weighs a page of a thread's replies as reading the thread: a page of them for each reply of a page is refused", async () => {
    const member = await createAccount(app, Role.MEMBER);
    const asked = await app.query<{ askQuestion: { id: string } }>(
      'mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
      { input: { title: 'A thread read in pages', body: 'Its replies are read a page at a time.', tags: [] } },
      { token: member.token },
    );
    const id = asked.askQuestion.id;
    const nested = `{ thread(id: "${id}") { replies(first: 50) { nodes { thread { replies(first: 1) { nodes { id } } } } } } }`;
    const refused = await app.request(nested);
    expect(refused.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    const pages = `{ ${Array.from({ length: 30 }, (_, index) => `a${index}: thread(id: "${id}") { replies(first: 1) { nodes { id } } }`).join(' ')} }`;
    expect((await app.request(pages)).errors).toBeUndefined();
  });

  it('weighs a count once per page only where no list multiplies the page: its type is returned by root fields alone', () => {
    const schema = app.nest.get(GraphQLSchemaHost).schema;
    const fieldsOf = (type: GraphqlModule.GraphQLNamedType) =>
      'getFields' in type && !isInputObjectType(type) ? Object.values(type.getFields()) : [];
    const types = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__'));
    const countedOnce = types.filter((type) => fieldsOf(type).some((field) => field.extensions.complexity === forumScanPerPageCost));
    expect(countedOnce.map((type) => type.name)).toEqual(['ThreadConnection']);
    const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
    for (const type of types) {
      for (const field of fieldsOf(type)) {
        if (!countedOnce.includes(getNamedType(field.type))) continue;
        expect(roots.has(type as GraphqlModule.GraphQLObjectType), `${type.name}.${field.name}`).toBe(true);
        expect(isListType(getNullableType(field.type)), `${type.name}.${field.name}`).toBe(false);
      }
    }
  });

  it('refuses a document with more tokens than the limit before validating it', async () => {
    const response = await app.request(`{ ${Array.from({ length: 1100 }, () => '__typename').join(' ')} }`);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/more that 1000 tokens/);
  });

  it('refuses too many directives', async () => {
    const directives = Array.from({ length: 21 }, () => '@include(if: true)').join(' ');
    const response = await app.request(`{ health ${directives} { status } }`);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/Directives limit of 20/);
  });

  it('lets every operation of the web app through the limits, with its default page sizes', async () => {
    const schema = app.nest.get(GraphQLSchemaHost).schema;
    const limits = new QueryLimits(loadEnvironment({}));
    const operations = Object.values(webDocuments).filter(
      (value): value is DocumentNode =>
        typeof value === 'object' &&
        value !== null &&
        'kind' in value &&
        value.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION),
    );
    expect(operations.length).toBeGreaterThan(30);
    for (const document of operations) {
      expect(validate(schema, document, [...specifiedRules, ...limits.validationRules])).toEqual([]);
      expect(limits.weigh(schema, document, largestVariables(schema, document)).error?.message).toBeUndefined();
    }
  });

  it('keeps a thread readable for everyone when a post is a blockquote bomb, and previews it safely', async () => {
    const member = await createAccount(app, Role.MEMBER);
    const bomb = '> '.repeat(5000);
    const asked = await app.query<{ askQuestion: { id: string } }>(
      'mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
      { input: { title: 'A question with a very deep quote', body: `${bomb}deep`, tags: ['abuse'] } },
      { token: member.token },
    );
    const threadId = asked.askQuestion.id;
    await app.query(
      'mutation ($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }',
      { threadId, body: bomb },
      { token: member.token },
    );

    const read = await app.request<{ thread: { bodyHtml: string; replies: { nodes: { bodyHtml: string }[] } } }>(
      'query ($id: ID!) { thread(id: $id) { bodyHtml replies { nodes { bodyHtml } } } }',
      { id: threadId },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.thread.bodyHtml).toContain('<blockquote>');
    expect(read.data?.thread.bodyHtml).toContain('deep');
    expect(read.data?.thread.replies.nodes.map((reply) => reply.bodyHtml.startsWith('<blockquote>'))).toEqual([true]);

    const preview = await app.request<{ previewMarkdown: string }>('query ($body: String!) { previewMarkdown(body: $body) }', {
      body: bomb,
    });
    expect(preview.errors).toBeUndefined();
    expect(preview.data?.previewMarkdown).toContain('<blockquote>');
  });

  it('takes a question whose body is one 20,000-letter word, bot and all, without holding up a concurrent query', async () => {
    // The stemmer's regular expressions are quadratic in a word's length: reading such a question held the event
    // loop for seconds (1.6 s here), and no one was served meanwhile. Now it takes about a tenth of that.
    const member = await createAccount(app, Role.MEMBER);
    const started = Date.now();
    const [asked, served] = await Promise.all([
      app.request<{ askQuestion: { id: string } }>(
        'mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
        { input: { title: 'A question of one very long word', body: 'é'.repeat(20_000), tags: ['abuse'] } },
        { token: member.token },
      ),
      app.request<{ health: { status: string } }>('{ health { status } }'),
    ]);
    await app.jobsDone();
    expect(asked.errors).toBeUndefined();
    expect(served.data?.health.status).toBe('ok');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('answers a subscription sent over HTTP, and a persisted query, with a client error', async () => {
    const post = async (body: Record<string, unknown>) => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, ...((await response.json()) as { errors?: { extensions?: { code?: string } }[] }) };
    };
    for (const query of ['subscription { forumActivity { threadId } }', 'subscription { threadActivity(threadId: "1") { kind } }']) {
      const answer = await post({ query });
      expect({ status: answer.status, errors: answer.errors }).toEqual({
        status: 400,
        errors: [expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })],
      });
    }
    for (const persistedQuery of [{ version: 1, sha256Hash: 'x' }, { version: 2, sha256Hash: 'x' }, { version: 1 }, 'x']) {
      const answer = await post({ query: '{ __typename }', extensions: { persistedQuery } });
      expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
    }
  });

  it('answers an error instead of a response over the size limit', async () => {
    const body = '<>'.repeat(10_000);
    const previews = Array.from({ length: 5 }, (_, index) => `p${index}: previewMarkdown(body: $body)`).join(' ');
    const response = await app.request(`query ($body: String!) { ${previews} }`, { body });
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', maximumBytes: 200000 } })]);
    const one = await app.request<{ previewMarkdown: string }>('query ($body: String!) { previewMarkdown(body: $body) }', { body });
    expect(one.data?.previewMarkdown.length).toBeGreaterThan(40_000);
  });

  it("weighs a post's text by its size: a request holds a few pages of texts, near the response limit, not thirty", async () => {
    const member = await createAccount(app, Role.MEMBER);
    const asked = await app.query<{ askQuestion: { id: string } }>(
      'mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
      { input: { title: 'A question whose history is read', body: 'Each revision keeps a text of up to 20,000 characters.', tags: [] } },
      { token: member.token },
    );
    const histories = (count: number) =>
      `{ thread(id: "${asked.askQuestion.id}") { ${Array.from({ length: count }, (_, index) => `h${index}: revisions(first: 50) { nodes { previousBody previousBodyHtml } }`).join(' ')} } }`;
    // 24 pages of 50 texts of 20,000 characters built 48 MB before the response limit refused them.
    const refused = await app.request(histories(5));
    expect(refused.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/exceeds the limit of 5000/) })]);
    expect((await app.request(histories(4))).errors).toBeUndefined();
  });

  it('serves the edit history a page at a time', async () => {
    const member = await createAccount(app, Role.MEMBER);
    const asked = await app.query<{ askQuestion: { id: string } }>(
      'mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
      { input: { title: 'A question edited many times', body: 'The first version of the body.', tags: ['abuse'] } },
      { token: member.token },
    );
    const postId = Number(asked.askQuestion.id);
    const start = Date.now() - 60_000;
    await app.nest
      .get(DataSource)
      .getRepository(RevisionEntity)
      .insert(
        Array.from({ length: 60 }, (_, index) => ({
          postType: PostType.THREAD,
          postId,
          editorId: Number(member.id),
          previousTitle: `Title ${index}`,
          previousBody: `Body ${index}`,
          createdAt: new Date(start + index * 1000),
        })),
      );
    const history =
      'query ($id: ID!, $after: String) { revisions(postType: THREAD, postId: $id, first: 50, after: $after) { nodes { previousTitle } pageInfo { hasNextPage endCursor } } }';
    type Page = { revisions: { nodes: { previousTitle: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const first = await app.query<Page>(history, { id: postId });
    expect(first.revisions.nodes).toHaveLength(50);
    expect(first.revisions.nodes[0].previousTitle).toBe('Title 59');
    expect(first.revisions.pageInfo.hasNextPage).toBe(true);
    const second = await app.query<Page>(history, { id: postId, after: first.revisions.pageInfo.endCursor });
    expect(second.revisions.nodes.map((node) => node.previousTitle)).toEqual(
      Array.from({ length: 10 }, (_, index) => `Title ${9 - index}`),
    );
    expect(second.revisions.pageInfo.hasNextPage).toBe(false);

    const tooMany = await app.request('query ($id: ID!) { thread(id: $id) { revisions(first: 51) { nodes { previousBody } } } }', {
      id: postId,
    });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const nested = await app.query<{ thread: { revisions: { nodes: unknown[] } } }>(
      'query ($id: ID!) { thread(id: $id) { revisions { nodes { previousBody } } } }',
      { id: postId },
    );
    expect(nested.thread.revisions.nodes).toHaveLength(20);
  });
});

describe('GraphQL abuse: documents nested deeper than the parser recurses', () => {
  let app: TestApp;
  beforeAll(async () => {
    // A token limit the nesting stays within: graphql-js's recursion overflows the stack first.
    app = await TestApp.start({ GRAPHQL_MAX_TOKENS: '100000' });
  });
  afterAll(async () => {
    await app.stop();
  });

  const deepList = `${'['.repeat(30_000)}1${']'.repeat(30_000)}`;
  const refusal = { extensions: { code: 'GRAPHQL_PARSE_FAILED' }, message: 'The document is nested too deeply to be parsed' };

  it('refuses one over HTTP with what is wrong with it, not the stack error, and goes on serving', async () => {
    const response = await app.request(`mutation { markNotificationsRead(ids: ${deepList}) }`);
    expect(response.errors).toEqual([expect.objectContaining(refusal)]);
    await expect(app.query('{ health { status } }')).resolves.toEqual({ health: { status: 'ok' } });
  });

  it('refuses one over the WebSocket the same way', async () => {
    const client = liveClient(app);
    try {
      const refused = subscribe(client, `subscription { threadActivity(threadId: ${deepList}) { threadId } }`);
      expect(await refused.ended).toEqual({ error: [expect.objectContaining(refusal)] });
    } finally {
      await client.dispose();
    }
  });
});

describe('GraphQL abuse: previews of bodies made to be slow to render', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('previews as many bodies made to be slow to scan as one request may hold in about the time of ordinary ones', async () => {
    // A recovery-code line and an impostor rule that split a run of blanks in every way, and a list item whose every
    // line had marked look for a heading underline through the rest: each took most of a second.
    const bodies = { blanks: `send your${' '.repeat(19_990)}z`, list: `- ${'a\n'.repeat(9_990)}` };
    const previews = ['b0: previewMarkdown(body: $blanks)', 'b1: previewMarkdown(body: $blanks)', 'b2: previewMarkdown(body: $blanks)'];
    previews.push('l0: previewMarkdown(body: $list)', 'l1: previewMarkdown(body: $list)');
    const query = (fields: string[]) => `query ($blanks: String!, $list: String!) { ${fields.join(' ')} }`;
    const started = Date.now();
    const [previewed, served] = await Promise.all([
      app.request<Record<string, string>>(query(previews), bodies, { from: '127.0.0.4' }),
      app.request<{ health: { status: string } }>('{ health { status } }'),
    ]);
    expect(previewed.errors ?? []).toEqual([]);
    expect(previewed.data?.l1).toMatch(/^<ul>\n<li>a\na\n/);
    expect(served.data?.health.status).toBe('ok');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('weighs a preview by its length: a request holds a few long ones, or many short ones', async () => {
    const long = 'Where are my backup codes? '.repeat(740);
    const aliased = (count: number) =>
      `query ($body: String!) { ${Array.from({ length: count }, (_, index) => `p${index}: previewMarkdown(body: $body)`).join(' ')} }`;
    const tooMuch = await app.request(aliased(6), { body: long }, { from: '127.0.0.5' });
    expect(tooMuch.data).toBeUndefined();
    expect(tooMuch.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/exceeds the limit of 5000/), extensions: { code: 'BAD_USER_INPUT' } }),
    ]);
    const fits = await app.request<Record<string, string>>(aliased(5), { body: long }, { from: '127.0.0.5' });
    expect(fits.errors).toBeUndefined();
    expect(Object.keys(fits.data ?? {})).toHaveLength(5);
    const short = await app.request<Record<string, string>>(aliased(30), { body: 'Where are my *backup codes*?' }, { from: '127.0.0.6' });
    expect(short.errors).toBeUndefined();
    expect(Object.keys(short.data ?? {})).toHaveLength(30);
  });

  it('weighs each request by its own texts: a verdict for short ones is not reused for long ones in the same document', async () => {
    const aliased = `query ($body: String!) { ${Array.from({ length: 30 }, (_, index) => `v${index}: previewMarkdown(body: $body)`).join(' ')} }`;
    const short = await app.request<Record<string, string>>(aliased, { body: 'Where are my backup codes?' }, { from: '127.0.0.9' });
    expect(short.errors).toBeUndefined();
    // The same document with a long text: thirty previews of 20,000 characters held the event loop for many seconds.
    const long = await app.request(aliased, { body: 'Where are my backup codes? '.repeat(740) }, { from: '127.0.0.10' });
    expect(long.data).toBeUndefined();
    expect(long.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/exceeds the limit of 5000/), extensions: { code: 'BAD_USER_INPUT' } }),
    ]);
  });

  it('weighs an operation whatever deeply nested variables it is sent, without an internal error', async () => {
    // Sent as text: a value this deep is more than JSON.stringify can walk (the server's own parser reads it).
    const nested = '['.repeat(40_000) + ']'.repeat(40_000);
    const send = async (operation: string, variables: string) => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"query":${JSON.stringify(operation)},"variables":${variables}}`,
      });
      return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    };
    for (const variables of [`{"unused":${nested}}`, `{"unused":[1,${nested}]}`]) {
      expect((await send('mutation { markAllNotificationsRead }', variables)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      // A visitor's query: the anonymous response cache keys answers by the variables' JSON.
      expect(await send('{ health { status } }', variables)).toEqual({ data: { health: { status: 'ok' } } });
    }
  });

  it('weighs suggestions by the text they read: a request holds about ten at their longest, or many short ones', async () => {
    const aliased = (count: number) =>
      `query ($title: String, $body: String) { ${Array.from(
        { length: count },
        (_, index) => `s${index}: suggestAnswers(title: $title, body: $body) { answers { slug } }`,
      ).join(' ')} }`;
    // Read up to its first 4000 characters, so a longer body weighs no more.
    const long = { title: 'Lost my phone', body: 'My authenticator was on the phone I lost on the train. '.repeat(360) };
    const tooMuch = await app.request(aliased(20), long, { from: '127.0.0.7' });
    expect(tooMuch.data).toBeUndefined();
    expect(tooMuch.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/exceeds the limit of 5000/), extensions: { code: 'BAD_USER_INPUT' } }),
    ]);
    const fits = await app.request<Record<string, unknown>>(aliased(10), long, { from: '127.0.0.7' });
    expect(fits.errors).toBeUndefined();
    expect(Object.keys(fits.data ?? {})).toHaveLength(10);
    const short = await app.request<Record<string, unknown>>(aliased(30), { title: 'Where are my backup codes?' }, { from: '127.0.0.8' });
    expect(short.errors).toBeUndefined();
    expect(Object.keys(short.data ?? {})).toHaveLength(30);
  });

  it('suggests for texts of made-up words, each looked up as a possible typo, in about the time of ordinary texts', async () => {
    // Each made-up word was compared with every word of the vocabulary with its initial, in natural's allocating table.
    let seed = 7;
    const letter = () => String.fromCharCode(97 + ((seed = (seed * 16_807) % 2_147_483_647) % 26));
    const madeUp = () => Array.from({ length: 64 }, () => `s${Array.from({ length: 7 }, letter).join('')}`).join(' ');
    const ordinary = () => 'My authenticator was on the phone I lost on the train, so how do I sign in now? '.repeat(7).slice(0, 575);
    const aliased = `query (${Array.from({ length: 30 }, (_, index) => `$b${index}: String`).join(', ')}) { ${Array.from(
      { length: 30 },
      (_, index) => `s${index}: suggestAnswers(body: $b${index}) { answers { slug } }`,
    ).join(' ')} }`;
    const timed = async (body: () => string, from: string) => {
      const variables = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`b${index}`, body()]));
      const started = performance.now();
      const answer = await app.request(aliased, variables, { from });
      expect(answer.errors).toBeUndefined();
      return performance.now() - started;
    };
    const ordinaryMs = Math.min(await timed(ordinary, '127.0.0.11'), await timed(ordinary, '127.0.0.11'));
    const madeUpMs = Math.min(await timed(madeUp, '127.0.0.12'), await timed(madeUp, '127.0.0.12'));
    expect(madeUpMs, `made-up ${madeUpMs.toFixed(0)} ms, ordinary ${ordinaryMs.toFixed(0)} ms`).toBeLessThan(ordinaryMs * 4 + 150);
  });
});

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { ThreadEntity } from '../apps/api/src/threads/thread.entity.js';
import { Role } from '../apps/api/src/common/role.js';
import { UserEntity } from '../apps/api/src/users/user.entity.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { TestApp } from './support/test-app.js';
import { demoThreads } from '../apps/api/src/demo/demo-content.js';

const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
const replyMutation = 'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }';
const acceptMutation = 'mutation Accept($replyId: ID!) { acceptAnswer(replyId: $replyId) { id } }';
const listQuery = `query List($filter: ThreadFilter, $sort: ThreadSort, $first: Int, $after: String) {
  threads(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    edges { cursor node { id } }
    nodes { id title status replyCount tags author { username } acceptedReply { id isAccepted } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string } }[];
  nodes: {
    id: string;
    title: string;
    status: string;
    replyCount: number;
    tags: string[];
    author: { username: string };
    acceptedReply: { id: string } | null;
  }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const uniqueTag = () => `t-${randomBytes(4).toString('hex')}`;

describe('reading threads', () => {
  let app: TestApp;
  let member: TestAccount;
  let staff: TestAccount;

  beforeAll(async () => {
    app = await TestApp.start();
    member = await createAccount(app, Role.MEMBER);
    staff = await createAccount(app, Role.STAFF);
  });
  afterAll(async () => {
    await app.stop();
  });

  const threads = () => app.nest.get(DataSource).getRepository(ThreadEntity);
  const ask = async (token: string, tags: string[], title = `How do I change my forum signature ${randomBytes(3).toString('hex')}?`) =>
    (
      await app.query<{ askQuestion: { id: string } }>(
        askMutation,
        { input: { title, body: 'I would like to add a short signature under each of my forum posts.', tags } },
        { token },
      )
    ).askQuestion.id;
  const reply = async (token: string, threadId: string) =>
    (await app.query<{ replyToThread: { id: string } }>(replyMutation, { threadId, body: 'Print it.' }, { token })).replyToThread.id;
  const list = async (variables: Record<string, unknown>, token?: string) =>
    (await app.query<{ threads: Page }>(listQuery, variables, { token })).threads;
  /** Gives threads distinct activity and creation times, oldest first, so ordering does not hinge on the clock. */
  const spreadTimes = async (ids: string[]) => {
    for (const [index, id] of ids.entries()) {
      const at = new Date(Date.UTC(2025, 0, 1, 0, index));
      await threads().update({ id: Number(id) }, { createdAt: at, lastActivityAt: at });
    }
  };
  const pageThrough = async (variables: Record<string, unknown>, first: number) => {
    const ids: string[] = [];
    const hasNext: boolean[] = [];
    let after: string | null = null;
    do {
      const page: Page = await list({ ...variables, first, after });
      ids.push(...page.nodes.map((node) => node.id));
      hasNext.push(page.pageInfo.hasNextPage);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after && hasNext.length < 20);
    return { ids, hasNext };
  };

  describe('pagination', () => {
    it('pages through every thread once, the last page saying there is no more', async () => {
      const tag = uniqueTag();
      const ids: string[] = [];
      for (let index = 0; index < 7; index++) ids.push(await ask(member.token, [tag]));
      await spreadTimes(ids);
      const { ids: seen, hasNext } = await pageThrough({ filter: { tag } }, 3);
      expect(seen).toEqual([...ids].reverse());
      expect(hasNext).toEqual([true, true, false]);
    });

    it('reports no next page when the last page is exactly full', async () => {
      const tag = uniqueTag();
      const ids: string[] = [];
      for (let index = 0; index < 4; index++) ids.push(await ask(member.token, [tag]));
      await spreadTimes(ids);
      const { ids: seen, hasNext } = await pageThrough({ filter: { tag } }, 2);
      expect(seen).toEqual([...ids].reverse());
      expect(hasNext).toEqual([true, false]);
      const whole = await list({ filter: { tag }, first: 4 });
      expect(whole.pageInfo.hasNextPage).toBe(false);
      expect(whole.edges.at(-1)?.cursor).toBe(whole.pageInfo.endCursor);
      const empty = await list({ filter: { tag: uniqueTag() } });
      expect(empty).toMatchObject({ totalCount: 0, nodes: [], edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    });

    it('neither repeats nor skips threads whose timestamps are equal', async () => {
      const tag = uniqueTag();
      const ids: string[] = [];
      for (let index = 0; index < 5; index++) ids.push(await ask(member.token, [tag]));
      const same = new Date('2025-02-02T10:00:00.000Z');
      for (const id of ids) await threads().update({ id: Number(id) }, { createdAt: same, lastActivityAt: same });
      for (const sort of ['LATEST_ACTIVITY', 'NEWEST']) {
        const { ids: seen } = await pageThrough({ filter: { tag }, sort }, 2);
        expect(seen).toEqual([...ids].reverse());
      }
    });

    it('defaults to 20 per page and counts every match', async () => {
      const tag = uniqueTag();
      for (let index = 0; index < 21; index++) await ask(member.token, [tag]);
      const page = await list({ filter: { tag } });
      expect(page.nodes).toHaveLength(20);
      expect(page.totalCount).toBe(21);
      expect(page.pageInfo.hasNextPage).toBe(true);
    });
  });

  describe('sorting', () => {
    it('puts the thread with the latest reply first by activity, but not by newest', async () => {
      const tag = uniqueTag();
      const ids: string[] = [];
      for (let index = 0; index < 3; index++) ids.push(await ask(member.token, [tag]));
      await spreadTimes(ids);
      await reply(staff.token, ids[0]);
      expect((await list({ filter: { tag }, sort: 'LATEST_ACTIVITY' })).nodes.map((node) => node.id)).toEqual([ids[0], ids[2], ids[1]]);
      expect((await list({ filter: { tag }, sort: 'NEWEST' })).nodes.map((node) => node.id)).toEqual([ids[2], ids[1], ids[0]]);
      expect((await list({ filter: { tag } })).nodes[0].id).toBe(ids[0]);
    });

    it('refuses a cursor made by the other sort order', async () => {
      const tag = uniqueTag();
      for (let index = 0; index < 2; index++) await ask(member.token, [tag]);
      const page = await list({ filter: { tag }, sort: 'NEWEST', first: 1 });
      const response = await app.request(listQuery, { filter: { tag }, sort: 'LATEST_ACTIVITY', after: page.pageInfo.endCursor });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('filters', () => {
    it('filters by status, unanswered, tag and author', async () => {
      const tag = uniqueTag();
      const other = await createAccount(app, Role.MEMBER, `Reader_${randomBytes(3).toString('hex')}`);
      const open = await ask(member.token, [tag, 'profile']);
      const answered = await ask(other.token, [tag]);
      const locked = await ask(other.token, [tag]);
      await app.query(acceptMutation, { replyId: await reply(staff.token, answered) }, { token: other.token });
      await threads().update({ id: Number(locked) }, { locked: true, status: 'LOCKED' as ThreadEntity['status'] });
      const ids = async (filter: Record<string, unknown>) =>
        (await list({ filter: { tag, ...filter } })).nodes.map((node) => node.id).sort();
      expect(await ids({})).toEqual([open, answered, locked].sort());
      expect(await ids({ status: 'ANSWERED' })).toEqual([answered]);
      expect(await ids({ status: 'OPEN' })).toEqual([open]);
      expect(await ids({ status: 'LOCKED' })).toEqual([locked]);
      expect(await ids({ unanswered: true })).toEqual([open, locked].sort());
      expect(await ids({ unanswered: false })).toEqual([answered]);
      expect(await ids({ authorUsername: other.username.toUpperCase() })).toEqual([answered, locked].sort());
      expect(await ids({ authorId: member.id })).toEqual([open]);
      expect(await ids({ authorUsername: 'nobody-by-this-name' })).toEqual([]);
      expect((await list({ filter: { tag: 'PROFILE', authorId: member.id } })).nodes.map((node) => node.id)).toContain(open);
      const answeredNode = (await list({ filter: { tag, status: 'ANSWERED' } })).nodes[0];
      expect(answeredNode.acceptedReply).toMatchObject({ isAccepted: true });
    });

    it('leaves hidden threads out for everyone but staff and their author', async () => {
      const tag = uniqueTag();
      const shown = await ask(member.token, [tag]);
      const hidden = await ask(member.token, [tag]);
      await threads().update({ id: Number(hidden) }, { hidden: true });
      const other = await createAccount(app, Role.MEMBER);
      const ids = async (token?: string) => (await list({ filter: { tag } }, token)).nodes.map((node) => node.id).sort();
      expect(await ids()).toEqual([shown]);
      expect(await ids(other.token)).toEqual([shown]);
      expect(await ids(member.token)).toEqual([shown, hidden].sort());
      expect(await ids(staff.token)).toEqual([shown, hidden].sort());
      expect((await list({ filter: { tag } })).totalCount).toBe(1);
    });
  });

  describe('bad input', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['a page size of 0', { first: 0 }],
      ['a page size of 51', { first: 51 }],
      ['a negative page size', { first: -5 }],
      ['a malformed cursor', { after: 'definitely not a cursor' }],
      ['a cursor of garbage', { after: Buffer.from('hello world').toString('base64url') }],
      ['a cursor with a bad date', { after: Buffer.from('a:99999999999999999:1').toString('base64url') }],
      ['an empty cursor', { after: '' }],
      ['a bad tag', { filter: { tag: 'not a tag!' } }],
      ['a bad author id', { filter: { authorId: 'abc' } }],
      ['an empty author id', { filter: { authorId: '' } }],
      ['a blank author name', { filter: { authorUsername: '  ' } }],
      ['a tag of dashes only', { filter: { tag: '--' } }],
      ['an unknown status', { filter: { status: 'Closed' } }],
      ['an unknown sort', { sort: 'Oldest' }],
    ];
    it.each(cases)('refuses %s with BAD_USER_INPUT', async (_name, variables) => {
      const response = await app.request(listQuery, variables);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.data ?? null).toBeNull();
    });

    it('names the field of an empty author id or name, or a tag without a letter or digit, as for other bad filters', async () => {
      for (const [filter, field] of [
        [{ authorId: '' }, 'filter.authorId'],
        [{ authorId: 'abc' }, 'filter.authorId'],
        [{ authorUsername: '' }, 'filter.authorUsername'],
        [{ tag: '-' }, 'filter.tag'],
      ] as const) {
        const response = await app.request(listQuery, { filter });
        expect(response.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
        expect(response.errors?.[0]?.extensions?.fields).toEqual([{ field, message: expect.any(String) }]);
      }
    });
  });

  it('loads a page of threads with authors, tags and accepted answers in a constant number of statements: the page with its authors and tags, the total count, the accepted answers', async () => {
    const tag = uniqueTag();
    for (let index = 0; index < 20; index++) {
      const author = await createAccount(app, Role.MEMBER);
      const id = await ask(author.token, [tag, `n${index}`]);
      if (index % 2 === 0) await app.query(acceptMutation, { replyId: await reply(staff.token, id) }, { token: author.token });
    }
    const statementsFor = async (first: number) => {
      const { result: page, statements } = await app.countStatements(() => list({ filter: { tag }, first }));
      expect(page.nodes).toHaveLength(first);
      expect(page.nodes.every((node) => node.author.username.length > 0 && node.tags.includes(tag))).toBe(true);
      return statements;
    };
    const five = await statementsFor(5);
    const twenty = await statementsFor(20);
    expect(twenty).toBe(five);
    expect(twenty).toBeLessThanOrEqual(3);
  });

  it("serves each thread's own body and HTML when a list asks for them, in one more statement however long the page", async () => {
    const tag = uniqueTag();
    const bodies = new Map<string, string>();
    for (let index = 0; index < 6; index++) {
      const body = `Question number **${index}** about the forum signature, with *emphasis*.`;
      const id = (
        await app.query<{ askQuestion: { id: string } }>(
          askMutation,
          { input: { title: `Signature question ${index} ${randomBytes(3).toString('hex')}`, body, tags: [tag] } },
          { token: member.token },
        )
      ).askQuestion.id;
      bodies.set(id, body);
    }
    const textQuery = `query List($filter: ThreadFilter, $first: Int) { threads(filter: $filter, first: $first) { nodes { id title body bodyHtml } } }`;
    const statementsFor = async (variables: Record<string, unknown>) => {
      const { result, statements } = await app.countStatements(() =>
        app.query<{ threads: { nodes: { id: string; body: string; bodyHtml: string }[] } }>(textQuery, variables),
      );
      const nodes = result.threads.nodes;
      for (const node of nodes) {
        expect(node.body).toBe(bodies.get(node.id));
        const number = /number \*\*(\d)\*\*/.exec(node.body)?.[1];
        expect(node.bodyHtml).toContain(`<strong>${number}</strong>`);
      }
      return { count: nodes.length, statements };
    };
    const withText = await statementsFor({ filter: { tag }, first: 6 });
    const two = await statementsFor({ filter: { tag }, first: 2 });
    expect(withText.count).toBe(6);
    // The list's own query (which reads no texts), then one batched read of the texts of the page.
    expect(withText.statements).toBe(2);
    expect(two.statements).toBe(2);
  });
});

describe('after a restart', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('finds every post again', async () => {
    const asker = await createAccount(app, Role.MEMBER);
    const staff = await createAccount(app, Role.STAFF);
    const threadId = (
      await app.query<{ askQuestion: { id: string } }>(
        askMutation,
        {
          input: {
            title: 'Where is the forum signature setting?',
            body: 'I would like to add a short signature under my forum posts.',
            tags: ['profile', 'signature'],
          },
        },
        { token: asker.token },
      )
    ).askQuestion.id;
    const replyId = (
      await app.query<{ replyToThread: { id: string } }>(
        replyMutation,
        { threadId, body: 'Open your profile and edit the signature field.' },
        { token: staff.token },
      )
    ).replyToThread.id;
    await app.query(acceptMutation, { replyId }, { token: asker.token });
    await app.query(
      'mutation { editQuestion(threadId: "' + threadId + '", input: { title: "Where is the forum signature setting kept?" }) { id } }',
      {},
      { token: asker.token },
    );

    await app.restart();

    const data = await app.query<{ thread: Record<string, any> }>(
      `query Thread($id: ID!) { thread(id: $id) { title status replyCount tags edited revisions { nodes { previousTitle } } acceptedReply { id isStaffAnswer }
        replies { nodes { id body isAccepted } } } }`,
      { id: threadId },
    );
    expect(data.thread).toEqual({
      title: 'Where is the forum signature setting kept?',
      status: 'ANSWERED',
      replyCount: 1,
      tags: ['profile', 'signature'],
      edited: true,
      revisions: { nodes: [{ previousTitle: 'Where is the forum signature setting?' }] },
      acceptedReply: { id: replyId, isStaffAnswer: true },
      replies: { nodes: [{ id: replyId, body: 'Open your profile and edit the signature field.', isAccepted: true }] },
    });
    const listed = await app.query<{ threads: { nodes: { id: string }[] } }>('{ threads { nodes { id } } }');
    expect(listed.threads.nodes.map((node) => node.id)).toEqual([threadId]);
    // The session survives too: the asker can still post.
    await app.query(replyMutation, { threadId, body: 'Thanks!' }, { token: asker.token });
  });
});

describe('the demo forum', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ SEED_DEMO: 'true' });
  });
  afterAll(async () => {
    await app.stop();
  });

  const demoQuery = `{ threads(first: 10) { totalCount nodes { id title status replyCount tags author { username }
    acceptedReply { id } replies(first: 20) { nodes { isStaffAnswer isAccepted author { username role } } } } } }`;

  it('is written on an empty database, once, with a staff answer and an accepted answer', async () => {
    const data = await app.query<{ threads: { totalCount: number; nodes: Record<string, any>[] } }>(demoQuery);
    expect(data.threads.totalCount).toBe(demoThreads.length);
    const replies = data.threads.nodes.flatMap((thread) => thread.replies.nodes);
    expect(replies.some((reply) => reply.isStaffAnswer && reply.author.username === 'grey' && reply.author.role === 'STAFF')).toBe(true);
    expect(replies.some((reply) => reply.isAccepted)).toBe(true);
    expect(data.threads.nodes.some((thread) => thread.status === 'ANSWERED' && thread.acceptedReply)).toBe(true);
    for (const thread of data.threads.nodes) expect(thread.replyCount).toBe(thread.replies.nodes.length);
    expect(data.threads.nodes.map((thread) => thread.title).join(' ')).toMatch(/backup codes/i);

    await app.restart();
    const again = await app.query<{ threads: { totalCount: number } }>(demoQuery);
    expect(again.threads.totalCount).toBe(data.threads.totalCount);
    expect(await app.nest.get(DataSource).getRepository(UserEntity).countBy({ username: 'grey' })).toBe(1);
  });
});

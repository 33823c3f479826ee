import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplyEntity } from '../apps/api/src/threads/reply.entity.js';
import { ThreadStatus } from '../apps/api/src/threads/thread-status.js';
import { ThreadEntity } from '../apps/api/src/threads/thread.entity.js';
import { encodeCursor } from '../apps/api/src/common/cursor.js';
import { Role } from '../apps/api/src/common/role.js';
import { maxSearchDepth } from '../apps/api/src/search/search.service.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { TestApp } from './support/test-app.js';

const searchQuery = `query Search($query: String!, $first: Int, $after: String) {
  search(query: $query, first: $first, after: $after) {
    nodes { threadId postId matchedIn titleHtml snippet score thread { id title } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface SearchData {
  search: {
    nodes: {
      threadId: string;
      postId: string;
      matchedIn: 'THREAD' | 'REPLY';
      titleHtml: string;
      snippet: string;
      score: number;
      thread: { id: string; title: string };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** A made-up word no other test uses, so each test sees only its own posts. */
function uniqueWord(): string {
  return `zq${randomBytes(5)
    .toString('hex')
    .replace(/[0-9]/g, (digit) => 'ghijklmnop'[Number(digit)])}`;
}

describe('search', () => {
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

  // Posts are written straight to the database: the index must follow every write path, not only the API's.
  async function thread(title: string, body: string, changes: Partial<ThreadEntity> = {}): Promise<ThreadEntity> {
    const now = new Date();
    return app.nest
      .get(DataSource)
      .getRepository(ThreadEntity)
      .save({
        authorId: Number(member.id),
        title,
        body,
        status: ThreadStatus.OPEN,
        locked: false,
        acceptedReplyId: null,
        replyCount: 0,
        hidden: false,
        editedAt: null,
        createdAt: now,
        lastActivityAt: now,
        ...changes,
      });
  }

  async function reply(threadId: number, body: string, changes: Partial<ReplyEntity> = {}): Promise<ReplyEntity> {
    return app.nest
      .get(DataSource)
      .getRepository(ReplyEntity)
      .save({
        threadId,
        authorId: Number(member.id),
        body,
        isStaffAnswer: false,
        hidden: false,
        editedAt: null,
        createdAt: new Date(),
        ...changes,
      });
  }

  function search(query: string, options: { first?: number; after?: string; token?: string } = {}) {
    return app.query<SearchData>(searchQuery, { query, first: options.first, after: options.after }, { token: options.token });
  }

  it('ranks a title match above a body-only match', async () => {
    const word = uniqueWord();
    const inBody = await thread('Lost my phone', `Since yesterday I cannot find the ${word} setting anywhere in the app.`);
    const inTitle = await thread(`Where is the ${word} setting?`, 'I looked through every menu and could not find it.');
    const { search: result } = await search(word);
    expect(result.nodes.map((node) => node.threadId)).toEqual([String(inTitle.id), String(inBody.id)]);
    expect(result.nodes[0].score).toBeGreaterThan(result.nodes[1].score);
    expect(result.nodes[0].thread.title).toBe(`Where is the ${word} setting?`);
  });

  it('ranks the more relevant body above the less relevant one', async () => {
    const word = uniqueWord();
    const once = await thread('Question one', `My ${word} stopped working after the update and I need help.`);
    const often = await thread('Question two', `My ${word} broke; the ${word} app says the ${word} code is wrong.`);
    const { search: result } = await search(word);
    expect(result.nodes.map((node) => node.threadId)).toEqual([String(often.id), String(once.id)]);
  });

  it('returns one result per thread, represented by its best-matching post', async () => {
    const word = uniqueWord();
    const question = await thread('Authenticator moved to a new phone', 'How do I move my codes?');
    const answer = await reply(question.id, `Scan the ${word} QR code again from the new phone, then ${word} it.`);
    await reply(question.id, `Also keep the ${word} somewhere safe.`);
    const { search: result } = await search(word);
    expect(result.nodes).toHaveLength(1);
    expect(result.nodes[0]).toMatchObject({ threadId: String(question.id), matchedIn: 'REPLY', postId: String(answer.id) });
  });

  it('matches the last word as a prefix and finds stemmed forms', async () => {
    const word = uniqueWord();
    const question = await thread(`Printing recovery ${word}`, 'Is it safe to print it?');
    const prefix = await search(`print ${word.slice(0, -3)}`);
    expect(prefix.search.nodes.map((node) => node.threadId)).toEqual([String(question.id)]);
  });

  it('highlights matched words and escapes everything else', async () => {
    const word = uniqueWord();
    await thread('Odd characters', `My ${word} & 5 < 6 > 2 <script>alert("x")</script> <b>your</b> codes`);
    const { search: result } = await search(word);
    const snippet = result.nodes[0].snippet;
    expect(snippet).toContain(`<mark>${word}</mark>`);
    expect(snippet).toContain('&amp; 5 &lt; 6 &gt; 2');
    // The snippet is what the post shows: the script and the bold tag render as text.
    expect(snippet).toContain('&lt;script&gt;alert(');
    expect(snippet).toContain('your codes');
    expect(snippet.replaceAll('<mark>', '').replaceAll('</mark>', '')).not.toMatch(/[<>]/);
  });

  it('highlights the matched words in the title as in the snippet, stemmed forms and the last word as a prefix, escaping the rest', async () => {
    const word = uniqueWord();
    await thread(`Printing the <b>${word}</b> codes & "later"`, `Can I print the ${word} page?`);
    const [result] = (await search(`${word} print`)).search.nodes;
    expect(result.titleHtml).toBe(`<mark>Printing</mark> the &lt;b&gt;<mark>${word}</mark>&lt;/b&gt; codes &amp; &quot;later&quot;`);
    expect(result.snippet).toContain(`<mark>print</mark> the <mark>${word}</mark> page`);
  });

  it('highlights in the title of a thread a reply matched the words the title holds, and none in a title without them', async () => {
    const word = uniqueWord();
    const question = await thread('Authenticator moved to a new phone', 'How do I move my codes?');
    await reply(question.id, `Scan the ${word} QR code again from the new phone.`);
    const other = await thread('Setting up a second device', 'Nothing to see here.');
    await reply(other.id, `The ${word} steps are the same for a tablet.`);
    const byThread = new Map((await search(`${word} phone`)).search.nodes.map((node) => [node.threadId, node]));
    expect(byThread.get(String(question.id))).toMatchObject({
      matchedIn: 'REPLY',
      titleHtml: 'Authenticator moved to a new <mark>phone</mark>',
    });
    expect(byThread.has(String(other.id))).toBe(false);
    const [unmarked] = (await search(`${word} tablet`)).search.nodes;
    expect(unmarked).toMatchObject({ threadId: String(other.id), titleHtml: 'Setting up a second device' });
  });

  it('cuts snippets from the rendered text, not the markdown, and keeps the highlight', async () => {
    const word = uniqueWord();
    await thread(
      'Formatted answer',
      `What you can do instead:\n\n- **Keep a copy of the ${word}.** When you set it up, **print or save the QR code itself**.\n- Read [the help page](https://example.com/help) and \`the settings\`.`,
    );
    const snippet = (await search(word)).search.nodes[0].snippet;
    expect(snippet).toContain(`Keep a copy of the <mark>${word}</mark>.`);
    expect(snippet).toContain('print or save the QR code itself');
    expect(snippet).not.toMatch(/\*\*|^- | - |\]\(|`/);
  });

  it('accepts query syntax characters as plain text', async () => {
    const word = uniqueWord();
    // Every word of every query below is in the post, so each must find it.
    const question = await thread(`Backup ${word}`, 'Title: near, or not, and more.');
    for (const query of [
      `"${word}`,
      `${word}*`,
      `(${word}`,
      `-${word}`,
      `title:${word}`,
      `${word} NEAR`,
      `${word} OR`,
      `NOT ${word}`,
      `${word} AND ^`,
      `'${word}'`,
      `${word} & | !`,
    ]) {
      const response = await app.request<SearchData>(searchQuery, { query });
      expect(response.errors, query).toBeUndefined();
      expect(
        response.data?.search.nodes.map((node) => node.threadId),
        query,
      ).toContain(String(question.id));
    }
  });

  it('finds a question searched for as a sentence: the little words every sentence has are not required', async () => {
    const word = uniqueWord();
    const question = await thread(`Backup codes ${word}`, 'Lost them after a reset.');
    const { search: result } = await search(`Where are all of my backup codes for ${word}?`);
    expect(result.nodes.map((node) => node.threadId)).toEqual([String(question.id)]);
  });

  it('returns an empty list for a query without searchable words', async () => {
    // Stop words are not searched for on either engine (the posts of other tests hold these).
    for (const query of ['"', '*', '()', '-:', '^"*', 'the and of', 'where is it?']) {
      const { search: result } = await search(query);
      expect(result.nodes, query).toEqual([]);
      expect(result.pageInfo.hasNextPage).toBe(false);
    }
  });

  it('rejects bad arguments as BAD_USER_INPUT', async () => {
    for (const variables of [
      { query: '' },
      // Only whitespace is no query either.
      { query: '   ' },
      { query: '\n\t ' },
      { query: 'x'.repeat(201) },
      { query: 'codes', first: 0 },
      { query: 'codes', first: 51 },
      { query: 'codes', after: 'nonsense' },
      // Deep pages: each ranks about four times its depth in candidates.
      { query: 'codes', after: encodeCursor('search', maxSearchDepth) },
      { query: 'codes', after: encodeCursor('search', maxSearchDepth - 10), first: 11 },
      { query: 'codes', after: encodeCursor('search', 5_000) },
    ]) {
      const response = await app.request(searchQuery, variables);
      expect(response.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_INPUT',
      });
    }
    const lastPage = await app.request<SearchData>(searchQuery, {
      query: 'codes',
      after: encodeCursor('search', maxSearchDepth - 10),
      first: 10,
    });
    expect(lastPage.errors).toBeUndefined();
  });

  it('leaves hidden posts out for members and anonymous users, not for staff', async () => {
    const word = uniqueWord();
    const visible = await thread(`Visible ${word}`, 'shown');
    const hiddenThread = await thread(`Hidden ${word}`, 'not shown', { hidden: true });
    await reply(hiddenThread.id, `A reply about ${word} in a hidden thread`);
    const withHiddenReply = await thread('Another thread', 'nothing to see');
    await reply(withHiddenReply.id, `A hidden reply about ${word}`, { hidden: true });

    for (const token of [undefined, member.token]) {
      const { search: result } = await search(word, { token });
      expect(result.nodes.map((node) => node.threadId)).toEqual([String(visible.id)]);
    }
    const { search: forStaff } = await search(word, { token: staff.token });
    expect(forStaff.nodes.map((node) => node.threadId).sort()).toEqual(
      [String(visible.id), String(hiddenThread.id), String(withHiddenReply.id)].sort(),
    );
  });

  it('re-indexes edited posts', async () => {
    const before = uniqueWord();
    const after = uniqueWord();
    const question = await thread(`About ${before}`, `The ${before} body`);
    const answer = await reply(question.id, `Reply mentioning ${before}`);
    // Signed in, past the anonymous response cache, which writes straight to the database do not empty.
    const token = member.token;
    expect((await search(before, { token })).search.nodes.map((node) => node.threadId)).toEqual([String(question.id)]);
    const repository = app.nest.get(DataSource).getRepository(ThreadEntity);
    await repository.update(question.id, { title: `About ${after}`, body: 'The new body', editedAt: new Date() });
    await app.nest.get(DataSource).getRepository(ReplyEntity).update(answer.id, { body: 'Reply without the old word' });

    expect((await search(before, { token })).search.nodes).toEqual([]);
    expect((await search(after, { token })).search.nodes.map((node) => node.threadId)).toEqual([String(question.id)]);
  });

  it('forgets deleted posts', async () => {
    const word = uniqueWord();
    const question = await thread(`Delete ${word}`, 'body');
    await reply(question.id, `reply ${word}`);
    const token = member.token;
    expect((await search(word, { token })).search.nodes.map((node) => node.threadId)).toEqual([String(question.id)]);
    await app.nest.get(DataSource).getRepository(ThreadEntity).delete(question.id);
    expect((await search(word, { token })).search.nodes).toEqual([]);
  });

  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
    'writes posts made through the API into the SQLite index shortly after, with no search',
    async () => {
      const dataSource = app.nest.get(DataSource);
      const asked = await app.query<{ askQuestion: { id: string } }>(
        'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
        { input: { title: `Where is the ${uniqueWord()} setting?`, body: 'I looked under Settings.' } },
        { token: member.token },
      );
      const replied = await app.query<{ replyToThread: { id: string } }>(
        'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }',
        { threadId: asked.askQuestion.id, body: 'Under Profile.' },
        { token: staff.token },
      );
      const rowIds = [Number(asked.askQuestion.id) * 2, Number(replied.replyToThread.id) * 2 + 1].sort((a, b) => a - b);
      const indexed = async () =>
        (
          await dataSource.query<{ rowid: number }[]>(`SELECT rowid FROM search_index WHERE rowid IN (${rowIds.join(', ')}) ORDER BY rowid`)
        ).map((row) => Number(row.rowid));
      const pending = async () => Number((await dataSource.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM search_pending'))[0]!.n);
      await expect.poll(indexed, { timeout: 5000 }).toEqual(rowIds);
      expect(await pending()).toBe(0);
    },
  );

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    'keeps the words PostgreSQL has yet to merge into its search indexes, which every search reads, to 512 kB',
    async () => {
      const dataSource = app.nest.get(DataSource);
      await dataSource.query('CREATE EXTENSION IF NOT EXISTS pgstattuple');
      const question = await thread(`Pending ${uniqueWord()}`, 'body');
      // A thousand replies of forty distinct words each: about 330 pages of index entries, without a merge.
      await dataSource.query(
        `INSERT INTO replies (thread_id, author_id, body, is_staff_answer, hidden, created_at)
         SELECT $1, $2, (SELECT string_agg('w' || md5(n::text || '.' || w::text), ' ') FROM generate_series(1, 40) w), false, false, now()
         FROM generate_series(1, 1000) n`,
        [question.id, Number(member.id)],
      );
      for (const index of ['threads_search_vector_index', 'replies_search_vector_index']) {
        const [{ pages }] = await dataSource.query<{ pages: number }[]>(`SELECT pending_pages AS pages FROM pgstatginindex($1)`, [index]);
        expect(Number(pages), index).toBeLessThanOrEqual(64);
      }
      expect((await search('pending')).search.nodes.map((node) => node.threadId)).toEqual([String(question.id)]);
    },
  );

  it('pages through results without repeats', async () => {
    const word = uniqueWord();
    const ids = [];
    for (let index = 0; index < 5; index++) ids.push(String((await thread(`Question ${index}`, `Body ${index} about ${word}`)).id));

    const seen: string[] = [];
    let after: string | undefined;
    const pages: number[] = [];
    for (;;) {
      const { search: page } = await search(word, { first: 2, after });
      seen.push(...page.nodes.map((node) => node.threadId));
      pages.push(page.nodes.length);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? undefined;
    }
    expect(pages).toEqual([2, 2, 1]);
    expect(seen.sort()).toEqual(ids.sort());
  });

  it('ranks right and pages without repeats when there are more matching posts than the candidate bound', async () => {
    const word = uniqueWord();
    const strongest = await thread(`${word} ${word} codes`, `The ${word} ${word} page shows ${word} twice.`);
    // One thread with far more matching posts than the candidates ranked at first.
    const crowded = await thread('Many answers', 'Which one is right?');
    for (let index = 0; index < 260; index++) await reply(crowded.id, `Answer ${index}: the ${word} moved, look for ${word} in settings.`);
    const weak: string[] = [];
    for (let index = 0; index < 12; index++) {
      const filler = 'I read the help pages and tried again after a restart of the phone and the laptop. '.repeat(3);
      weak.push(String((await thread(`Question ${index}`, `${filler} Then I saw ${word}.`)).id));
    }
    const hidden = await thread(`${word} ${word} ${word} hidden`, `${word} ${word}`, { hidden: true });

    const { search: single } = await search(word, { first: 50 });
    const order = single.nodes.map((node) => node.threadId);
    expect(order[0]).toBe(String(strongest.id));
    expect(order).toHaveLength(14);
    expect(new Set(order).size).toBe(14);
    expect(order).toContain(String(crowded.id));
    expect(order).not.toContain(String(hidden.id));
    expect(order.slice(-12).sort()).toEqual([...weak].sort());
    expect(single.pageInfo.hasNextPage).toBe(false);

    const paged: string[] = [];
    let after: string | undefined;
    for (;;) {
      const { search: page } = await search(word, { first: 3, after });
      paged.push(...page.nodes.map((node) => node.threadId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? undefined;
    }
    expect(paged).toEqual(order);
    // Staff see the hidden thread, first: it matches best.
    const { search: forStaff } = await search(word, { first: 50, token: staff.token });
    expect(forStaff.nodes.map((node) => node.threadId)).toEqual([String(hidden.id), ...order]);
  });
});

describe('search: what one request and one searcher may run', () => {
  let app: TestApp;
  const search = 'query Search($query: String!) { search(query: $query, first: 20) { nodes { threadId snippet } } }';

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_SEARCHES_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await app.stop();
  });

  it('weighs a search as the work of ranking every match: a request holds two, not three', async () => {
    const aliased = (count: number) =>
      `query { ${Array.from({ length: count }, (_, index) => `s${index}: search(query: "backup codes ${index}", first: 20) { nodes { threadId snippet } }`).join(' ')} }`;
    const two = await app.request(aliased(2), {}, { from: '127.0.0.21' });
    expect(two.errors).toBeUndefined();
    const three = await app.request(aliased(3), {}, { from: '127.0.0.22' });
    expect(three.data).toBeUndefined();
    expect(three.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/exceeds the limit of 5000/),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
  });

  it('refuses more than RATE_LIMIT_SEARCHES_PER_MINUTE searches a minute from one address, and gives each member a budget of their own', async () => {
    const from = '127.0.0.23';
    for (let request = 0; request < 3; request++) {
      const response = await app.request(search, { query: `recovery codes ${request}` }, { from });
      expect(response.errors).toBeUndefined();
    }
    const refused = await app.request(search, { query: 'recovery codes again' }, { from });
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');

    const member = await createAccount(app);
    for (let request = 0; request < 3; request++) {
      const response = await app.request(search, { query: `new phone ${request}` }, { token: member.token, from });
      expect(response.errors).toBeUndefined();
    }
    const memberRefused = await app.request(search, { query: 'new phone again' }, { token: member.token, from });
    expect(memberRefused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { Role } from '../apps/api/src/common/role.js';
import { TagCountFolding } from '../apps/api/src/threads/tag-count-folding.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { queryPlans } from './support/query-plans.js';
import { TestApp } from './support/test-app.js';

const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
const hideMutation = 'mutation Hide($postId: ID!) { hidePost(postType: THREAD, postId: $postId) { id } }';
const restoreMutation = 'mutation Restore($postId: ID!) { restorePost(postType: THREAD, postId: $postId) { id } }';
const editMutation =
  'mutation Edit($threadId: ID!, $input: EditQuestionInput!) { editQuestion(threadId: $threadId, input: $input) { id } }';
const tagsQuery = 'query Tags($first: Int) { tags(first: $first) { tag threadCount } }';

interface TagCount {
  tag: string;
  threadCount: number;
}

describe('tags', () => {
  let app: TestApp;
  let asker: TestAccount;
  let other: TestAccount;
  let staff: TestAccount;

  beforeAll(async () => {
    // Asking is rate limited per member; these tests ask several questions in a row.
    app = await TestApp.start({ RATE_LIMIT_ASK_SECONDS: '0' });
    asker = await createAccount(app, Role.MEMBER);
    other = await createAccount(app, Role.MEMBER);
    staff = await createAccount(app, Role.STAFF);
  });
  afterAll(async () => {
    await app.stop();
  });

  /** Tags unique to one test, so tests sharing the database stay independent. */
  const uniqueTags = (...names: string[]) => {
    const suffix = randomBytes(3).toString('hex');
    return names.map((name) => `${name}-${suffix}`);
  };

  const ask = async (tags: string[], token = asker.token) =>
    (
      await app.query<{ askQuestion: { id: string } }>(
        askMutation,
        { input: { title: 'Which authenticator app should I use?', body: 'I am choosing an app for my two-factor codes.', tags } },
        { token },
      )
    ).askQuestion.id;

  const tags = async (token?: string, first = 100) =>
    (await app.query<{ tags: TagCount[] }>(tagsQuery, { first }, token ? { token } : {})).tags;

  /** The entries for `mine`, in the order the API returned them. */
  const only = (list: TagCount[], mine: string[]) => list.filter((entry) => mine.includes(entry.tag));

  it('counts threads per tag, most used first, ties by name', async () => {
    const [apps, backup, codes, zeta] = uniqueTags('apps', 'backup', 'codes', 'zeta');
    await ask([backup, codes]);
    await ask([backup, zeta]);
    await ask([backup, apps]);
    await ask([codes]);
    const list = await tags();
    expect(only(list, [apps, backup, codes, zeta])).toEqual([
      { tag: backup, threadCount: 3 },
      { tag: codes, threadCount: 2 },
      { tag: apps, threadCount: 1 },
      { tag: zeta, threadCount: 1 },
    ]);
    // The whole list is sorted the same way.
    const sorted = [...list].sort((a, b) => b.threadCount - a.threadCount || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
    expect(list).toEqual(sorted);
  });

  it('does not count hidden threads, except for staff and for their author', async () => {
    const [hiddenOnly, mixed] = uniqueTags('hidden', 'mixed');
    const hidden = await ask([hiddenOnly, mixed]);
    await ask([mixed], other.token);
    await app.query(hideMutation, { postId: hidden }, { token: staff.token });

    await expect(tags().then((list) => only(list, [hiddenOnly, mixed]))).resolves.toEqual([{ tag: mixed, threadCount: 1 }]);
    await expect(tags(other.token).then((list) => only(list, [hiddenOnly, mixed]))).resolves.toEqual([{ tag: mixed, threadCount: 1 }]);
    const expectedForInsiders = [
      { tag: mixed, threadCount: 2 },
      { tag: hiddenOnly, threadCount: 1 },
    ];
    await expect(tags(staff.token).then((list) => only(list, [hiddenOnly, mixed]))).resolves.toEqual(expectedForInsiders);
    await expect(tags(asker.token).then((list) => only(list, [hiddenOnly, mixed]))).resolves.toEqual(expectedForInsiders);
  });

  it("follows a question's tags as they are edited, and a hidden question shown again", async () => {
    const [kept, dropped, added, theirs] = uniqueTags('kept', 'dropped', 'added', 'theirs');
    const edited = await ask([kept, dropped]);
    await ask([kept, theirs], other.token);
    await app.query(editMutation, { threadId: edited, input: { tags: [kept, added] } }, { token: asker.token });
    await expect(tags().then((list) => only(list, [kept, dropped, added, theirs]))).resolves.toEqual([
      { tag: kept, threadCount: 2 },
      { tag: added, threadCount: 1 },
      { tag: theirs, threadCount: 1 },
    ]);

    await app.query(hideMutation, { postId: edited }, { token: staff.token });
    await expect(tags().then((list) => only(list, [kept, added]))).resolves.toEqual([{ tag: kept, threadCount: 1 }]);
    await expect(tags(asker.token).then((list) => only(list, [kept, added]))).resolves.toEqual([
      { tag: kept, threadCount: 2 },
      { tag: added, threadCount: 1 },
    ]);
    await app.query(restoreMutation, { postId: edited }, { token: staff.token });
    await app.query(editMutation, { threadId: edited, input: { tags: [dropped] } }, { token: asker.token });
    await expect(tags().then((list) => only(list, [kept, dropped, added]))).resolves.toEqual([
      { tag: dropped, threadCount: 1 },
      { tag: kept, threadCount: 1 },
    ]);
  });

  it("ranks the tags of a member's own hidden questions as if everyone could see them, for that member only", async () => {
    const [rare] = uniqueTags('rare');
    for (let question = 0; question < 4; question++) {
      const postId = await ask([rare]);
      await app.query(hideMutation, { postId }, { token: staff.token });
    }
    // No other tag of this file is on four questions: for the asker it is the most used, for other members on none.
    await expect(tags(asker.token, 1)).resolves.toEqual([{ tag: rare, threadCount: 4 }]);
    await expect(tags(staff.token, 1)).resolves.toEqual([{ tag: rare, threadCount: 4 }]);
    await expect(tags(other.token).then((list) => only(list, [rare]))).resolves.toEqual([]);
  });

  it.skipIf(process.env.TEST_DATABASE_URL)('reads the counts SQLite keeps, not every tag of every thread', async () => {
    await ask(uniqueTags('planned'));
    for (const token of [undefined, asker.token, staff.token]) {
      const plans = await queryPlans(app, /tag_counts/, () => tags(token));
      expect(plans).toHaveLength(1);
      // Scans of the few candidates only, never of a table.
      expect(plans[0]).not.toMatch(/SCAN (c|tag_counts|tt|thread_tags|t|threads)\b/);
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('reads the counts and changes PostgreSQL keeps, not every tag of every thread', async () => {
    await ask(uniqueTags('planned'));
    for (const token of [undefined, staff.token]) {
      const plans = await queryPlans(app, /tag_counts/, () => tags(token));
      expect(plans).toHaveLength(1);
      expect(plans[0]).not.toMatch(/ on (thread_tags|threads)\b/);
    }
    // A member's own hidden questions are found by author.
    const [plan] = await queryPlans(app, /tag_counts/, () => tags(asker.token));
    expect(plan).not.toMatch(/Seq Scan on (thread_tags|threads)\b/);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('folds the changes PostgreSQL appends into its counts, and reads the same after', async () => {
    const [folded, kept] = uniqueTags('folded', 'kept');
    const hiddenId = await ask([folded, kept]);
    await ask([folded]);
    await app.query(hideMutation, { postId: hiddenId }, { token: staff.token });
    const views = async () =>
      (await Promise.all([undefined, asker.token, other.token, staff.token].map((token) => tags(token)))).map((list) =>
        only(list, [folded, kept]),
      );
    const before = await views();
    expect(before).toEqual([
      [{ tag: folded, threadCount: 1 }],
      [
        { tag: folded, threadCount: 2 },
        { tag: kept, threadCount: 1 },
      ],
      [{ tag: folded, threadCount: 1 }],
      [
        { tag: folded, threadCount: 2 },
        { tag: kept, threadCount: 1 },
      ],
    ]);

    await app.nest.get(TagCountFolding).fold();
    const dataSource = app.nest.get(DataSource);
    await expect(dataSource.query('SELECT COUNT(*)::int AS changes FROM tag_count_changes')).resolves.toEqual([{ changes: 0 }]);
    await expect(
      dataSource.query('SELECT tag, thread_count, visible_thread_count FROM tag_counts WHERE tag = ANY($1) ORDER BY tag', [[folded, kept]]),
    ).resolves.toEqual([
      { tag: folded, thread_count: 2, visible_thread_count: 1 },
      { tag: kept, thread_count: 1, visible_thread_count: 0 },
    ]);
    await expect(views()).resolves.toEqual(before);
  });

  it('returns at most `first` tags, 30 by default, in one query', async () => {
    await ask(uniqueTags('one', 'two', 'three', 'four', 'five'));
    await expect(tags(undefined, 2)).resolves.toHaveLength(2);
    const { result: all, statements } = await app.countStatements(() => app.query<{ tags: TagCount[] }>('{ tags { tag } }'));
    expect(statements).toBe(1);
    expect(all.tags.length).toBeGreaterThan(2);
    expect(all.tags.length).toBeLessThanOrEqual(30);
  });

  it('refuses a page size outside 1 to 100 with BAD_USER_INPUT', async () => {
    for (const first of [0, 101, -1]) {
      const result = await app.request(tagsQuery, { first });
      expect(result.errors?.[0]?.extensions?.code, String(first)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'first' })]);
    }
  });
});

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../apps/api/src/common/role.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { TestApp } from './support/test-app.js';

const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
const hideMutation = 'mutation Hide($postId: ID!) { hidePost(postType: THREAD, postId: $postId) { id } }';
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

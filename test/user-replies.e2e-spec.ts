import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../apps/api/src/common/role.js';
import { ReplyEntity } from '../apps/api/src/threads/reply.entity.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { queryPlans } from './support/query-plans.js';
import { TestApp } from './support/test-app.js';

const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
const replyMutation = 'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }';
const acceptMutation = 'mutation Accept($replyId: ID!) { acceptAnswer(replyId: $replyId) { id } }';
const hideMutation = 'mutation Hide($postType: PostType!, $postId: ID!) { hidePost(postType: $postType, postId: $postId) { id } }';
/** What the profile page asks of each reply. */
const repliesQuery = `query UserReplies($userId: ID!, $first: Int, $after: String) {
  userReplies(userId: $userId, first: $first, after: $after) {
    edges { cursor node { id } }
    nodes { id excerpt createdAt isAccepted isStaffAnswer hidden author { username } thread { id title hidden } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const threadRepliesQuery = `query Thread($id: ID!) { thread(id: $id) { replies(first: 100) { nodes { id author { id } } } } }`;

interface ReplyNode {
  id: string;
  excerpt: string;
  createdAt: string;
  isAccepted: boolean;
  isStaffAnswer: boolean;
  hidden: boolean;
  author: { username: string };
  thread: { id: string; title: string; hidden: boolean };
}

interface Page {
  edges: { cursor: string; node: { id: string } }[];
  nodes: ReplyNode[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe("a user's replies (userReplies)", () => {
  let app: TestApp;
  let asker: TestAccount;
  let staff: TestAccount;

  beforeAll(async () => {
    app = await TestApp.start();
    asker = await createAccount(app, Role.MEMBER);
    staff = await createAccount(app, Role.STAFF);
  });
  afterAll(async () => {
    await app.stop();
  });

  const replies = () => app.nest.get(DataSource).getRepository(ReplyEntity);
  const ask = async (
    token: string,
    title = `Can the forum send a weekly digest ${randomBytes(3).toString('hex')}?`,
    body = 'I would like one e-mail a week with the new questions instead of one per reply.',
  ) => (await app.query<{ askQuestion: { id: string } }>(askMutation, { input: { title, body } }, { token })).askQuestion.id;
  const reply = async (token: string, threadId: string, body = 'Not yet; the notifications page lists what is new.') =>
    (await app.query<{ replyToThread: { id: string } }>(replyMutation, { threadId, body }, { token })).replyToThread.id;
  const page = async (userId: string, variables: Record<string, unknown> = {}, token?: string) =>
    (await app.query<{ userReplies: Page }>(repliesQuery, { userId, ...variables }, { token })).userReplies;
  const ids = async (userId: string, token?: string) => (await page(userId, { first: 50 }, token)).nodes.map((node) => node.id);
  /** Gives replies distinct creation times, oldest first, so ordering does not hinge on the clock. */
  const spreadTimes = async (replyIds: string[]) => {
    for (const [index, id] of replyIds.entries())
      await replies().update({ id: Number(id) }, { createdAt: new Date(Date.UTC(2025, 0, 1, 0, index)) });
  };
  const pageThrough = async (userId: string, first: number) => {
    const seen: string[] = [];
    const hasNext: boolean[] = [];
    let after: string | null = null;
    do {
      const current: Page = await page(userId, { first, after });
      seen.push(...current.nodes.map((node) => node.id));
      hasNext.push(current.pageInfo.hasNextPage);
      after = current.pageInfo.hasNextPage ? current.pageInfo.endCursor : null;
    } while (after && hasNext.length < 20);
    return { seen, hasNext };
  };

  describe('order and pagination', () => {
    it('lists only the user’s replies, newest first, each with its thread, excerpt, date and answer marks', async () => {
      const replier = await createAccount(app, Role.MEMBER);
      const first = await ask(asker.token, 'Can I pin a question to the top of my profile?');
      const second = await ask(asker.token, 'Can the forum show my local time next to posts?');
      const older = await reply(replier.token, first, 'Not **yet**: the profile shows what you asked & answered.');
      const newer = await reply(replier.token, second, `Times follow your browser. ${'More detail about time zones. '.repeat(20)}`);
      await reply(asker.token, first, 'Thanks, I will wait for it.');
      const staffReply = await reply(staff.token, second, 'Staff here: every time is shown in your own time zone.');
      await spreadTimes([older, newer]);
      await app.query(acceptMutation, { replyId: older }, { token: asker.token });

      const listed = await page(replier.id);
      expect(listed.nodes.map((node) => node.id)).toEqual([newer, older]);
      expect(listed.pageInfo).toEqual({ hasNextPage: false, endCursor: listed.edges[1].cursor });
      const [newest, oldest] = listed.nodes;
      expect(oldest).toMatchObject({
        excerpt: 'Not yet: the profile shows what you asked & answered.',
        createdAt: '2025-01-01T00:00:00.000Z',
        isAccepted: true,
        isStaffAnswer: false,
        hidden: false,
        author: { username: replier.username },
        thread: { id: first, title: 'Can I pin a question to the top of my profile?' },
      });
      expect(newest).toMatchObject({ isAccepted: false, thread: { id: second, title: 'Can the forum show my local time next to posts?' } });
      expect(newest.excerpt.length).toBeLessThanOrEqual(200);
      expect(newest.excerpt).toMatch(/^Times follow your browser\. More detail about time zones\..*[a-z]…$/);

      const staffListed = (await page(staff.id)).nodes.find((node) => node.id === staffReply);
      expect(staffListed).toMatchObject({ isStaffAnswer: true, isAccepted: false });
    });

    it('pages through every reply once, newest first, the last page saying there is no more', async () => {
      const replier = await createAccount(app, Role.MEMBER);
      const threadId = await ask(asker.token);
      const written: string[] = [];
      for (let index = 0; index < 7; index++) written.push(await reply(replier.token, threadId, `Reply number ${index} about digests.`));
      await spreadTimes(written);
      const { seen, hasNext } = await pageThrough(replier.id, 3);
      expect(seen).toEqual([...written].reverse());
      expect(hasNext).toEqual([true, true, false]);
      expect((await page(replier.id, { first: 7 })).pageInfo.hasNextPage).toBe(false);
    });

    it('neither repeats nor skips replies posted at the same moment', async () => {
      const replier = await createAccount(app, Role.MEMBER);
      const threadId = await ask(asker.token);
      const written: string[] = [];
      for (let index = 0; index < 5; index++) written.push(await reply(replier.token, threadId, `Same moment reply ${index}.`));
      for (const id of written) await replies().update({ id: Number(id) }, { createdAt: new Date('2025-02-02T10:00:00.000Z') });
      expect((await pageThrough(replier.id, 2)).seen).toEqual([...written].reverse());
    });

    it('answers an empty page for a user who has not replied', async () => {
      const quiet = await createAccount(app, Role.MEMBER);
      await expect(page(quiet.id)).resolves.toEqual({ edges: [], nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    });
  });

  describe('visibility', () => {
    it('shows each reader exactly the replies they see in the threads: no hidden reply, nothing of a hidden thread', async () => {
      const replier = await createAccount(app, Role.MEMBER);
      const otherMember = await createAccount(app, Role.MEMBER);
      const shownThread = await ask(asker.token, 'Can I hide my join date on my profile?');
      const hiddenThread = await ask(asker.token, 'Cheap followers for your forum profile');
      const repliersOwnThread = await ask(replier.token, 'Can my profile link to my website?');
      const visible = await reply(replier.token, shownThread);
      const hiddenReply = await reply(replier.token, shownThread, 'Buy followers at my shop, best prices!');
      const inHiddenThread = await reply(replier.token, hiddenThread);
      const inOwnHiddenThread = await reply(replier.token, repliersOwnThread, 'Answering myself: not yet.');
      await spreadTimes([visible, hiddenReply, inHiddenThread, inOwnHiddenThread]);
      // Read once before hiding: the anonymous answer cache must not keep serving what was hidden since.
      expect(await ids(replier.id)).toEqual([inOwnHiddenThread, inHiddenThread, hiddenReply, visible]);

      await app.query(hideMutation, { postType: 'REPLY', postId: hiddenReply }, { token: staff.token });
      await app.query(hideMutation, { postType: 'THREAD', postId: hiddenThread }, { token: staff.token });
      await app.query(hideMutation, { postType: 'THREAD', postId: repliersOwnThread }, { token: staff.token });

      const readers: [string, string | undefined, string[]][] = [
        ['anonymous', undefined, [visible]],
        ['another member', otherMember.token, [visible]],
        // Hidden posts stay visible to their author: the replier's own hidden reply and own hidden thread, and the
        // asker's hidden thread with the reply in it.
        ['the replier', replier.token, [inOwnHiddenThread, hiddenReply, visible]],
        ['the asker', asker.token, [inHiddenThread, visible]],
        ['staff', staff.token, [inOwnHiddenThread, inHiddenThread, hiddenReply, visible]],
      ];
      for (const [reader, token, expected] of readers) {
        expect(await ids(replier.id, token), reader).toEqual(expected);
        // The same replies as the reader finds in the threads themselves.
        const inThreads: string[] = [];
        for (const threadId of [shownThread, hiddenThread, repliersOwnThread]) {
          const response = await app.request<{ thread: { replies: { nodes: { id: string; author: { id: string } }[] } } }>(
            threadRepliesQuery,
            { id: threadId },
            { token },
          );
          const nodes = response.data?.thread?.replies.nodes ?? [];
          inThreads.push(...nodes.filter((node) => node.author.id === replier.id).map((node) => node.id));
        }
        expect([...inThreads].sort(), reader).toEqual([...expected].sort());
      }
      const asStaff = await page(replier.id, { first: 50 }, staff.token);
      expect(asStaff.nodes.find((node) => node.id === hiddenReply)).toMatchObject({ hidden: true, thread: { hidden: false } });
      expect(asStaff.nodes.find((node) => node.id === inHiddenThread)).toMatchObject({ hidden: false, thread: { hidden: true } });
    });

    it("lists the FAQ bot's public answers like anyone's, and leaves out those in a hidden thread", async () => {
      const threadId = await ask(
        asker.token,
        'Turned on two-factor and got no backup codes',
        'Enabled two-factor on my account this morning; setup gave me no backup codes at all. Where do I get them?',
      );
      await app.jobsDone();
      const bot = await app.query<{ user: { id: string } }>('{ user(username: "faq-bot") { id } }');
      const botReplies = (await page(bot.user.id)).nodes.filter((node) => node.thread.id === threadId);
      expect(botReplies).toHaveLength(1);
      expect(botReplies[0].author.username).toBe('faq-bot');
      await app.query(hideMutation, { postType: 'THREAD', postId: threadId }, { token: staff.token });
      expect((await page(bot.user.id)).nodes.filter((node) => node.thread.id === threadId)).toEqual([]);
      expect((await page(bot.user.id, {}, staff.token)).nodes.filter((node) => node.thread.id === threadId)).toHaveLength(1);
    });
  });

  describe('bad input', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['a page size of 0', { first: 0 }],
      ['a page size of 51', { first: 51 }],
      ['a malformed cursor', { after: 'definitely not a cursor' }],
      ['a cursor of another list', { after: Buffer.from('r:1735689600000:1').toString('base64url') }],
      ['a cursor with a bad date', { after: Buffer.from('ur:99999999999999999:1').toString('base64url') }],
      ['an empty cursor', { after: '' }],
    ];
    it.each(cases)('refuses %s with BAD_USER_INPUT', async (_name, variables) => {
      const response = await app.request(repliesQuery, { userId: asker.id, ...variables });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.data ?? null).toBeNull();
    });

    it('names the field of a malformed user id, and answers NOT_FOUND for an unknown user', async () => {
      for (const userId of ['abc', '', '0']) {
        const response = await app.request(repliesQuery, { userId });
        expect(response.errors?.[0]?.extensions, userId).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'userId' }] });
      }
      const missing = await app.request(repliesQuery, { userId: '999999' });
      expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'USER_NOT_FOUND' });
      expect(missing.data ?? null).toBeNull();
    });

    it('weighs a page of replies by its size, as the other lists: nesting big pages is refused', async () => {
      const nested = await app.request(
        `query Nested($userId: ID!) { userReplies(userId: $userId, first: 50) { nodes { thread { replies(first: 100) { nodes { id } } } } } }`,
        { userId: asker.id },
      );
      expect(nested.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/^Query cost \d+ exceeds/),
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const rendered = await app.request(
        `query Html($userId: ID!) { userReplies(userId: $userId, first: 50) { nodes { id bodyHtml excerpt } } }`,
        {
          userId: asker.id,
        },
      );
      expect(rendered.errors).toBeUndefined();
    });
  });

  it('reads a page of replies with their threads and author in one statement, however long the page', async () => {
    const replier = await createAccount(app, Role.MEMBER);
    for (let index = 0; index < 20; index++) {
      const threadAsker = await createAccount(app, Role.MEMBER);
      const threadId = await ask(threadAsker.token);
      const replyId = await reply(replier.token, threadId, `Answer number **${index}** to a digest question.`);
      if (index % 2 === 0) await app.query(acceptMutation, { replyId }, { token: threadAsker.token });
    }
    const statementsFor = async (first: number) => {
      const { result, statements } = await app.countStatements(() => page(replier.id, { first }));
      expect(result.nodes).toHaveLength(first);
      expect(result.nodes.every((node) => node.thread.title.length > 0 && node.author.username === replier.username)).toBe(true);
      expect(result.nodes.some((node) => node.isAccepted)).toBe(true);
      return statements;
    };
    const five = await statementsFor(5);
    const twenty = await statementsFor(20);
    expect(twenty).toBe(five);
    expect(twenty).toBe(1);
  });

  it("reads a later page from the index of each author's replies, sought to the cursor and in order", async () => {
    const replier = await createAccount(app, Role.MEMBER);
    const threadId = await ask(asker.token);
    for (let index = 0; index < 3; index++) await reply(replier.token, threadId);
    const first = await page(replier.id, { first: 2 });
    const plans = await queryPlans(app, /\bFROM replies r JOIN threads t\b/, () =>
      page(replier.id, { first: 2, after: first.pageInfo.endCursor }, replier.token),
    );
    expect(plans).toHaveLength(1);
    const plan = plans[0].split('\n');
    const postgres = app.nest.get(DataSource).options.type === 'postgres';
    // The index serves the page in order (no sort) and is sought to the cursor, not read from the newest reply on.
    if (postgres) {
      expect(plan.join('\n')).toMatch(
        /Index Scan Backward using replies_author_created on replies r .*\n\s+Index Cond: \(\(author_id = \d+\) AND \(ROW\(created_at, id\) </,
      );
    } else {
      expect(plan[0]).toBe('SEARCH r USING INDEX replies_author_created (author_id=? AND created_at<?)');
    }
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|Sort\b/);
  });
});

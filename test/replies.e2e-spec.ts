import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { ForumEventMap, ForumEvents } from '../apps/api/src/events/forum-events.js';
import { RepliesService } from '../apps/api/src/threads/replies.service.js';
import { ReplyEntity } from '../apps/api/src/threads/reply.entity.js';
import { RevisionEntity } from '../apps/api/src/threads/revision.entity.js';
import { ThreadStateService } from '../apps/api/src/threads/thread-state.service.js';
import { ThreadStatus } from '../apps/api/src/threads/thread-status.js';
import { ThreadEntity } from '../apps/api/src/threads/thread.entity.js';
import { Role } from '../apps/api/src/common/role.js';
import { UserEntity } from '../apps/api/src/users/user.entity.js';
import { createAccount } from './support/accounts.js';
import { TestApp } from './support/test-app.js';
import { useForumCast } from './support/forum-cast.js';

const replyFields =
  'id threadId body bodyHtml isStaffAnswer isAccepted hidden edited editedAt createdAt author { id username } thread { id }';
const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id lastActivityAt } }';
const replyMutation = `mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { ${replyFields} } }`;
const editReplyMutation = `mutation EditReply($replyId: ID!, $input: EditReplyInput!) { editReply(replyId: $replyId, input: $input) { ${replyFields} revisions { nodes { previousTitle previousBody createdAt editor { username } } } } }`;
const threadQuery = `query Thread($id: ID!, $first: Int, $after: String, $before: String, $around: ID) {
  thread(id: $id) {
    id replyCount lastActivityAt status
    replies(first: $first, after: $after, before: $before, around: $around) {
      nodes { ${replyFields} } edges { cursor node { id } } pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
    }
  }
}`;

const question = () => ({
  title: `Dark mode for the forum pages ${randomBytes(3).toString('hex')}`,
  body: 'Is there a dark theme for these forum pages? The white background is bright at night.',
});

describe('replies', () => {
  const forum = useForumCast();

  const dataSource = () => forum.app.nest.get(DataSource);
  const ask = async (token = forum.asker.token) =>
    (await forum.app.query<{ askQuestion: { id: string; lastActivityAt: string } }>(askMutation, { input: question() }, { token }))
      .askQuestion;
  const reply = async (
    token: string,
    threadId: string,
    body = 'Turn two-factor authentication off from a device where you are signed in.',
  ) => (await forum.app.query<{ replyToThread: Record<string, any> }>(replyMutation, { threadId, body }, { token })).replyToThread;
  const readThread = async (id: string, token?: string, variables: Record<string, unknown> = {}) =>
    (await forum.app.query<{ thread: Record<string, any> }>(threadQuery, { id, ...variables }, { token })).thread;
  const replyCount = () => dataSource().getRepository(ReplyEntity).count();

  describe('replyToThread', () => {
    it("answers with its author's profile as everyone reads it, a member's and a staff member's", async () => {
      const profile = 'id username role isStaff isBot createdAt';
      const thread = await ask();
      for (const account of [forum.helper, forum.staff]) {
        const { replyToThread } = await forum.app.query<{ replyToThread: { author: Record<string, unknown> } }>(
          `mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { author { ${profile} } } }`,
          { threadId: thread.id, body: 'Open the security settings on a signed-in device.' },
          { token: account.token },
        );
        const { user } = await forum.app.query<{ user: Record<string, unknown> }>(
          `query User($username: String!) { user(username: $username) { ${profile} } }`,
          {
            username: account.username,
          },
        );
        expect(replyToThread.author).toEqual(user);
      }
    });

    it('adds a reply, counts it and moves the thread to the top of recent activity', async () => {
      const thread = await ask();
      const posted = await reply(forum.helper.token, thread.id, 'Do you still have the **QR code**? Thanks @grey');
      expect(posted).toMatchObject({
        threadId: thread.id,
        isStaffAnswer: false,
        isAccepted: false,
        hidden: false,
        edited: false,
        editedAt: null,
        author: { id: forum.helper.id, username: forum.helper.username },
        thread: { id: thread.id },
      });
      expect(posted.bodyHtml).toContain('<strong>QR code</strong>');
      expect(posted.bodyHtml).toContain('href="/u/grey"');
      const read = await readThread(thread.id);
      expect(read.replyCount).toBe(1);
      expect(read.lastActivityAt).toBe(posted.createdAt);
      expect(new Date(read.lastActivityAt).getTime()).toBeGreaterThanOrEqual(new Date(thread.lastActivityAt).getTime());
      expect(read.replies.nodes.map((node: { id: string }) => node.id)).toEqual([posted.id]);
    });

    it('announces the reply', async () => {
      const seen: ForumEventMap['replyPosted'][] = [];
      forum.app.nest.get(ForumEvents).on('replyPosted', (event) => {
        seen.push(event);
      });
      const thread = await ask();
      const posted = await reply(forum.helper.token, thread.id);
      expect(seen).toContainEqual(
        expect.objectContaining({ threadId: Number(thread.id), replyId: Number(posted.id), authorId: Number(forum.helper.id) }),
      );
    });

    it('marks a staff reply as a staff answer, and keeps the mark after the author is demoted', async () => {
      const thread = await ask();
      const posted = await reply(forum.staff.token, thread.id);
      expect(posted.isStaffAnswer).toBe(true);
      const demoted = await createAccount(forum.app, Role.STAFF);
      const before = await reply(demoted.token, thread.id);
      await dataSource()
        .getRepository(UserEntity)
        .update({ id: Number(demoted.id) }, { role: Role.MEMBER });
      const after = await reply(demoted.token, thread.id);
      const read = await readThread(thread.id);
      const marks = Object.fromEntries(
        read.replies.nodes.map((node: { id: string; isStaffAnswer: boolean }) => [node.id, node.isStaffAnswer]),
      );
      expect(marks).toEqual({ [posted.id]: true, [before.id]: true, [after.id]: false });
    });

    it('refuses replies to a locked thread and changes nothing', async () => {
      const thread = await ask();
      await reply(forum.helper.token, thread.id);
      await dataSource()
        .getRepository(ThreadEntity)
        .update({ id: Number(thread.id) }, { locked: true, status: ThreadStatus.LOCKED });
      const before = await replyCount();
      for (const token of [forum.helper.token, forum.staff.token]) {
        const response = await forum.app.request(replyMutation, { threadId: thread.id, body: 'Too late' }, { token });
        expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(response.errors?.[0]?.message).toBe('thread is locked');
      }
      expect(await replyCount()).toBe(before);
      const read = await readThread(thread.id);
      expect(read).toMatchObject({ replyCount: 1, status: 'LOCKED' });
    });

    it('refuses anonymous users', async () => {
      const thread = await ask();
      const response = await forum.app.request(replyMutation, { threadId: thread.id, body: 'Anonymous reply' });
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await readThread(thread.id)).replyCount).toBe(0);
    });

    it('refuses bad ids, unknown threads and hidden threads', async () => {
      const hidden = await ask();
      await dataSource()
        .getRepository(ThreadEntity)
        .update({ id: Number(hidden.id) }, { hidden: true });
      const before = await replyCount();
      const cases: [string, string][] = [
        ['abc', 'BAD_USER_INPUT'],
        ['0', 'BAD_USER_INPUT'],
        ['1.5', 'BAD_USER_INPUT'],
        ['987654', 'NOT_FOUND'],
        [hidden.id, 'NOT_FOUND'],
      ];
      for (const [threadId, code] of cases) {
        const response = await forum.app.request(replyMutation, { threadId, body: 'Hello there' }, { token: forum.helper.token });
        expect(response.errors?.[0]?.extensions?.code).toBe(code);
      }
      expect(await replyCount()).toBe(before);
    });

    it.each([
      ['an empty body', ''],
      ['a body of whitespace', '  \n\t  \n'],
      ['a body over 20000 characters', 'x'.repeat(20001)],
    ])('refuses %s and stores nothing', async (_name, body) => {
      const thread = await ask();
      const response = await forum.app.request(replyMutation, { threadId: thread.id, body }, { token: forum.helper.token });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.fields?.[0]?.field).toBe('body');
      expect((await readThread(thread.id)).replyCount).toBe(0);
    });
  });

  describe('postAsSystem (the bot)', () => {
    it('posts an ordinary reply as the bot account, without rate limits', async () => {
      const bot = await createAccount(forum.app, Role.BOT);
      const thread = await ask();
      const service = forum.app.nest.get(RepliesService);
      const author = { id: Number(bot.id), role: Role.BOT };
      const stored = await dataSource()
        .getRepository(ThreadEntity)
        .findOneByOrFail({ id: Number(thread.id) });
      const first = await service.postAsSystem(author, stored, 'There are no backup codes; save the QR code instead.');
      const second = await service.postAsSystem(author, stored, 'See the staff answer on saving the QR code.');
      expect(first.isStaffAnswer).toBe(false);
      const read = await readThread(thread.id);
      expect(read.replyCount).toBe(2);
      expect(read.replies.nodes.map((node: { id: string; author: { username: string } }) => [node.id, node.author.username])).toEqual([
        [String(first.id), bot.username],
        [String(second.id), bot.username],
      ]);
    });

    it('refuses locked threads', async () => {
      const bot = await createAccount(forum.app, Role.BOT);
      const thread = await ask();
      await dataSource()
        .getRepository(ThreadEntity)
        .update({ id: Number(thread.id) }, { locked: true, status: ThreadStatus.LOCKED });
      const stored = await dataSource()
        .getRepository(ThreadEntity)
        .findOneByOrFail({ id: Number(thread.id) });
      await expect(
        forum.app.nest.get(RepliesService).postAsSystem({ id: Number(bot.id), role: Role.BOT }, stored, 'Late'),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });

    it('refuses unknown threads', async () => {
      const bot = await createAccount(forum.app, Role.BOT);
      const missing = { id: 999_999, authorId: Number(bot.id) };
      await expect(
        forum.app.nest.get(RepliesService).postAsSystem({ id: Number(bot.id), role: Role.BOT }, missing, 'Lost'),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });

  describe('hidden replies', () => {
    it('vanish for everyone but staff and their author, and leave the count', async () => {
      const thread = await ask();
      const visible = await reply(forum.helper.token, thread.id);
      const hidden = await reply(forum.staff.token, thread.id, 'This one gets hidden');
      const other = await createAccount(forum.app, Role.MEMBER);
      const mine = await reply(other.token, thread.id, 'My own hidden reply');
      await forum.app.nest.get(ThreadStateService).change(Number(thread.id), async (change) => {
        await change.setReplyHidden(Number(hidden.id), true);
        await change.setReplyHidden(Number(mine.id), true);
      });
      const ids = (thread: Record<string, any>) => thread.replies.nodes.map((node: { id: string }) => node.id);
      expect(ids(await readThread(thread.id))).toEqual([visible.id]);
      expect(ids(await readThread(thread.id, forum.helper.token))).toEqual([visible.id]);
      expect(ids(await readThread(thread.id, other.token))).toEqual([visible.id, mine.id]);
      expect(ids(await readThread(thread.id, forum.staff.token))).toEqual([visible.id, hidden.id, mine.id]);
      expect((await readThread(thread.id)).replyCount).toBe(1);
      const editHidden = await forum.app.request(
        editReplyMutation,
        { replyId: hidden.id, input: { body: 'x' } },
        { token: forum.helper.token },
      );
      expect(editHidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('editReply', () => {
    it('lets the author edit and keeps the previous text', async () => {
      const thread = await ask();
      const original = await reply(forum.helper.token, thread.id, 'First version');
      const edited = await forum.app.query<{ editReply: Record<string, any> }>(
        editReplyMutation,
        { replyId: original.id, input: { body: 'Second version' } },
        { token: forum.helper.token },
      );
      expect(edited.editReply).toMatchObject({ body: 'Second version', bodyHtml: '<p>Second version</p>\n', edited: true });
      expect(edited.editReply.editedAt).not.toBeNull();
      await forum.app.query(editReplyMutation, { replyId: original.id, input: { body: 'Third version' } }, { token: forum.helper.token });
      const listed = await forum.app.query<{
        revisions: { nodes: { previousBody: string; previousTitle: string | null; editor: { username: string } }[] };
      }>(
        'query Revisions($id: ID!) { revisions(postType: REPLY, postId: $id) { nodes { previousTitle previousBody editor { username } } } }',
        { id: original.id },
      );
      expect(listed.revisions.nodes).toEqual([
        { previousTitle: null, previousBody: 'Second version', editor: { username: forum.helper.username } },
        { previousTitle: null, previousBody: 'First version', editor: { username: forum.helper.username } },
      ]);
    });

    it("lets staff edit anyone's reply", async () => {
      const thread = await ask();
      const original = await reply(forum.helper.token, thread.id, 'Call this number: 555-0100');
      const edited = await forum.app.query<{ editReply: Record<string, any> }>(
        editReplyMutation,
        { replyId: original.id, input: { body: '(removed)' } },
        { token: forum.staff.token },
      );
      expect(edited.editReply.revisions.nodes[0]).toMatchObject({
        previousBody: 'Call this number: 555-0100',
        editor: { username: forum.staff.username },
      });
    });

    it("refuses a member editing someone else's reply, and anonymous users", async () => {
      const thread = await ask();
      const original = await reply(forum.helper.token, thread.id, 'Original words');
      const forbidden = await forum.app.request(
        editReplyMutation,
        { replyId: original.id, input: { body: 'Vandalised' } },
        { token: forum.asker.token },
      );
      expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const anonymous = await forum.app.request(editReplyMutation, { replyId: original.id, input: { body: 'Vandalised' } });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const stored = await dataSource()
        .getRepository(ReplyEntity)
        .findOneByOrFail({ id: Number(original.id) });
      expect(stored).toMatchObject({ body: 'Original words', editedAt: null });
    });

    it('stores nothing for an edit that changes nothing, or a bad one', async () => {
      const thread = await ask();
      const original = await reply(forum.helper.token, thread.id, 'Same words');
      const same = await forum.app.query<{ editReply: Record<string, any> }>(
        editReplyMutation,
        { replyId: original.id, input: { body: 'Same words  \n' } },
        { token: forum.helper.token },
      );
      expect(same.editReply).toMatchObject({ edited: false, revisions: { nodes: [] } });
      for (const [replyId, body, code] of [
        [original.id, '   ', 'BAD_USER_INPUT'],
        [original.id, 'x'.repeat(20001), 'BAD_USER_INPUT'],
        ['abc', 'fine', 'BAD_USER_INPUT'],
        ['987654', 'fine', 'NOT_FOUND'],
      ]) {
        const response = await forum.app.request(editReplyMutation, { replyId, input: { body } }, { token: forum.helper.token });
        expect(response.errors?.[0]?.extensions?.code).toBe(code);
      }
      expect(
        await dataSource()
          .getRepository(RevisionEntity)
          .countBy({ postId: Number(original.id) }),
      ).toBe(0);
    });
  });

  describe('paging through replies', () => {
    it('returns replies oldest first, page by page, without gaps or repeats', async () => {
      const thread = await ask();
      const posted: string[] = [];
      for (let index = 0; index < 5; index++) posted.push((await reply(forum.helper.token, thread.id, `Reply number ${index}`)).id);
      // Equal timestamps: the id must break the tie.
      await dataSource()
        .getRepository(ReplyEntity)
        .update({ threadId: Number(thread.id) }, { createdAt: new Date('2025-01-01T00:00:00.000Z') });
      const seen: string[] = [];
      let after: string | null = null;
      const pages: boolean[] = [];
      do {
        const page: Record<string, any> = (await readThread(thread.id, undefined, { first: 2, after })).replies;
        seen.push(...page.nodes.map((node: { id: string }) => node.id));
        pages.push(page.pageInfo.hasNextPage);
        expect(page.edges.at(-1)?.cursor).toBe(page.pageInfo.endCursor);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(posted);
      expect(pages).toEqual([true, true, false]);
      const exact = (await readThread(thread.id, undefined, { first: 5 })).replies;
      expect(exact.pageInfo.hasNextPage).toBe(false);
      const defaultPage = (await readThread(thread.id)).replies;
      expect(defaultPage.nodes).toHaveLength(5);
    });

    it('reads the page that holds a linked reply, among the replies the viewer sees, and the pages before it', async () => {
      const thread = await ask();
      const posted: string[] = [];
      for (let index = 0; index < 7; index++) posted.push((await reply(forum.helper.token, thread.id, `Reply number ${index}`)).id);
      // Equal timestamps: the id must break the tie, as it does in the pages.
      await dataSource()
        .getRepository(ReplyEntity)
        .update({ threadId: Number(thread.id) }, { createdAt: new Date('2025-01-01T00:00:00.000Z') });
      await forum.app.nest.get(ThreadStateService).change(Number(thread.id), (change) => change.setReplyHidden(Number(posted[1]), true));
      const page = async (variables: Record<string, unknown>, token?: string) =>
        (await readThread(thread.id, token, { first: 2, ...variables })).replies as {
          nodes: { id: string }[];
          pageInfo: { hasPreviousPage: boolean; hasNextPage: boolean; startCursor: string | null; endCursor: string | null };
        };
      const ids = (nodes: { id: string }[]) => nodes.map((node) => node.id);

      // Staff see the hidden reply, its author too, anyone else not: each gets the pages their own list is cut into.
      for (const token of [undefined, forum.helper.token, forum.asker.token, forum.staff.token]) {
        const listed = ids((await readThread(thread.id, token)).replies.nodes);
        expect(listed).toHaveLength(token === forum.helper.token || token === forum.staff.token ? 7 : 6);
        for (const [index, replyId] of listed.entries()) {
          const start = index - (index % 2);
          const around = await page({ around: replyId }, token);
          expect(ids(around.nodes)).toEqual(listed.slice(start, start + 2));
          expect(around.pageInfo).toMatchObject({ hasPreviousPage: start > 0, hasNextPage: start + 2 < listed.length });
        }
        // From the page of the last reply back to the first, a page at a time.
        let current = await page({ around: listed.at(-1) }, token);
        const read = [...ids(current.nodes)];
        while (current.pageInfo.hasPreviousPage) {
          current = await page({ before: current.pageInfo.startCursor }, token);
          expect(current.pageInfo.hasNextPage).toBe(true);
          read.unshift(...ids(current.nodes));
        }
        expect(read).toEqual(listed);
      }

      // Hidden from the reader, another thread's, or no reply at all: the first page, as if the link had none.
      const foreign = (await reply(forum.helper.token, (await ask()).id)).id;
      for (const [replyId, token] of [
        [posted[1], undefined],
        [posted[1], forum.asker.token],
        [foreign, undefined],
        [foreign, forum.staff.token],
        ['2147483647', undefined],
      ] as const) {
        const firstPage = await page({}, token);
        expect(firstPage.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
        expect(await page({ around: replyId }, token)).toEqual(firstPage);
      }
    });

    it('tells exactly whether replies come before and after a page, read from either cursor, as moderation and new replies change it', async () => {
      const thread = await ask();
      const posted: string[] = [];
      for (let index = 0; index < 6; index++) posted.push((await reply(forum.helper.token, thread.id, `Reply number ${index}`)).id);
      // Equal timestamps: the id must break the tie at a cursor too.
      await dataSource()
        .getRepository(ReplyEntity)
        .update({ threadId: Number(thread.id) }, { createdAt: new Date('2025-01-01T00:00:00.000Z') });
      const page = async (variables: Record<string, unknown>, token?: string) => {
        const { nodes, pageInfo } = (await readThread(thread.id, token, { first: 2, ...variables })).replies as {
          nodes: { id: string }[];
          pageInfo: { hasPreviousPage: boolean; hasNextPage: boolean; startCursor: string | null; endCursor: string | null };
        };
        return { ids: nodes.map((node) => node.id), ...pageInfo };
      };
      const ends = (hasPreviousPage: boolean, hasNextPage: boolean) => ({ hasPreviousPage, hasNextPage });

      const first = await page({});
      expect(first).toMatchObject({ ids: posted.slice(0, 2), ...ends(false, true) });
      const last = await page({ around: posted[5] });
      expect(last).toMatchObject({ ids: posted.slice(4, 6), ...ends(true, false) });
      expect(await page({ after: first.endCursor })).toMatchObject({ ids: posted.slice(2, 4), ...ends(true, true) });
      expect(await page({ before: last.startCursor })).toMatchObject({ ids: posted.slice(2, 4), ...ends(true, true) });
      // Past either end: an empty page, which still tells what lies on the other side of its cursor.
      expect(await page({ after: last.endCursor })).toMatchObject({ ids: [], ...ends(true, false) });
      expect(await page({ before: first.startCursor })).toMatchObject({ ids: [], ...ends(false, true) });

      // A moderator hides the first page and the last since the reader loaded them: nothing the reader sees is left on
      // the side of the cursor the reader came from. Staff and the replies' author still see them there.
      for (const index of [0, 1, 4, 5]) {
        await forum.app.query(
          'mutation Hide($id: ID!) { hidePost(postType: REPLY, postId: $id) { id } }',
          { id: posted[index] },
          { token: forum.staff.token },
        );
      }
      for (const [token, seesHidden] of [
        [undefined, false],
        [forum.asker.token, false],
        [forum.helper.token, true],
        [forum.staff.token, true],
      ] as const) {
        expect(await page({ after: first.endCursor }, token)).toMatchObject({ ids: posted.slice(2, 4), ...ends(seesHidden, seesHidden) });
        expect(await page({ before: last.startCursor }, token)).toMatchObject({ ids: posted.slice(2, 4), ...ends(seesHidden, seesHidden) });
        expect(await page({ after: last.endCursor }, token)).toMatchObject({ ids: [], ...ends(true, false) });
        expect(await page({ before: first.startCursor }, token)).toMatchObject({ ids: [], ...ends(false, true) });
      }
      // The linked reply is now the first and the last the reader sees.
      expect(await page({ around: posted[2] })).toMatchObject({ ids: posted.slice(2, 4), ...ends(false, false) });
      expect(await page({ around: posted[3] })).toMatchObject({ ids: posted.slice(2, 4), ...ends(false, false) });

      // A reply posted after the page loaded: the page after the reader's last one holds it, the page before it theirs.
      const opened = await page({ around: posted[3] });
      const newer = (await reply(forum.asker.token, thread.id, 'Posted while the page was open')).id;
      const next = await page({ after: opened.endCursor });
      expect(next).toMatchObject({ ids: [newer], ...ends(true, false) });
      expect(await page({ before: next.startCursor })).toMatchObject({ ids: posted.slice(2, 4), ...ends(false, true) });
      expect(await page({ around: posted[3] })).toMatchObject({ ids: posted.slice(2, 4), ...ends(false, true) });
    });

    it('reads the page around a reply in the same 2 statements as the first page, early or late in the thread', async () => {
      const thread = await ask();
      const posted: string[] = [];
      for (let index = 0; index < 12; index++) posted.push((await reply(forum.helper.token, thread.id, `Reply number ${index}`)).id);
      // The thread, then its page of replies with their authors, however far along the reply is.
      const pageQuery = `query Page($id: ID!, $around: ID) {
        thread(id: $id) { id title replies(first: 5, around: $around) { nodes { id bodyHtml author { username } } pageInfo { hasPreviousPage } } }
      }`;
      const statementsFor = async (variables: Record<string, unknown>) =>
        (await forum.app.countStatements(() => forum.app.query(pageQuery, { id: thread.id, ...variables }))).statements;
      const first = await statementsFor({});
      expect(first).toBe(2);
      expect(await statementsFor({ around: posted[0] })).toBe(first);
      expect(await statementsFor({ around: posted[11] })).toBe(first);
      expect(await statementsFor({ around: '2147483647' })).toBe(first);
      // After or before a cursor, with both ends of the page exact, on an empty page too: the same statements.
      const around = (await readThread(thread.id, undefined, { first: 5, around: posted[6] })).replies.pageInfo;
      const lastCursor = (await readThread(thread.id, undefined, { first: 5, around: posted[11] })).replies.pageInfo.endCursor;
      const cursorQuery = `query Page($id: ID!, $after: String, $before: String) {
        thread(id: $id) { id title replies(first: 5, after: $after, before: $before) { nodes { id bodyHtml author { username } } pageInfo { hasPreviousPage hasNextPage } } }
      }`;
      for (const variables of [{ after: around.endCursor }, { before: around.startCursor }, { after: lastCursor }]) {
        const read = await forum.app.countStatements(() => forum.app.query(cursorQuery, { id: thread.id, ...variables }));
        expect(read.statements).toBe(first);
      }
    });

    it('refuses bad page sizes and cursors', async () => {
      const thread = await ask();
      for (const variables of [
        { first: 0 },
        { first: 101 },
        { first: -1 },
        { after: 'not a cursor!' },
        { after: Buffer.from('a:1:1').toString('base64url') },
        { before: 'not a cursor!' },
        { before: Buffer.from('ur:1:1').toString('base64url') },
        { around: 'abc' },
        { around: '0' },
        { around: '2147483648' },
        { around: '' },
      ]) {
        const response = await forum.app.request(threadQuery, { id: thread.id, ...variables });
        expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
    });

    it('refuses a page asked for in more than one way', async () => {
      const thread = await ask();
      const replyId = (await reply(forum.helper.token, thread.id)).id;
      const cursor = (await readThread(thread.id)).replies.pageInfo.endCursor as string;
      for (const variables of [
        { after: cursor, around: replyId },
        { before: cursor, around: replyId },
        { after: cursor, before: cursor },
      ]) {
        const response = await forum.app.request(threadQuery, { id: thread.id, ...variables });
        expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(response.data).toBeNull();
      }
    });
  });
});

describe('replying too often', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_REPLY_SECONDS: '600' });
  });
  afterAll(async () => {
    await app.stop();
  });

  it('refuses a second reply within the cooldown, per member', async () => {
    const asker = await createAccount(app, Role.MEMBER);
    const first = await createAccount(app, Role.MEMBER);
    const second = await createAccount(app, Role.MEMBER);
    const thread = (await app.query<{ askQuestion: { id: string } }>(askMutation, { input: question() }, { token: asker.token }))
      .askQuestion;
    await app.query(replyMutation, { threadId: thread.id, body: 'One' }, { token: first.token });
    const again = await app.request(replyMutation, { threadId: thread.id, body: 'Two' }, { token: first.token });
    expect(again.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    await app.query(replyMutation, { threadId: thread.id, body: 'Three' }, { token: second.token });
    expect(
      await app.nest
        .get(DataSource)
        .getRepository(ReplyEntity)
        .countBy({ threadId: Number(thread.id) }),
    ).toBe(2);
  });
});

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { ForumEventMap, ForumEvents } from '../apps/api/src/events/forum-events.js';
import { ReplyEntity } from '../apps/api/src/threads/reply.entity.js';
import { RevisionEntity } from '../apps/api/src/threads/revision.entity.js';
import { ThreadStatus } from '../apps/api/src/threads/thread-status.js';
import { ThreadTagEntity } from '../apps/api/src/threads/thread-tag.entity.js';
import { ThreadEntity } from '../apps/api/src/threads/thread.entity.js';
import { Role } from '../apps/api/src/common/role.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { TestApp } from './support/test-app.js';

const threadFields =
  'id title body bodyHtml status locked hidden tags replyCount edited editedAt createdAt lastActivityAt author { id username } acceptedReply { id }';
const askMutation = `mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { ${threadFields} } }`;
const replyMutation =
  'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id isAccepted } }';
const editMutation = `mutation Edit($threadId: ID!, $input: EditQuestionInput!) { editQuestion(threadId: $threadId, input: $input) { ${threadFields} revisions { nodes { previousTitle previousBody createdAt editor { username } } } } }`;
const acceptMutation =
  'mutation Accept($replyId: ID!) { acceptAnswer(replyId: $replyId) { id status acceptedReply { id isAccepted author { username } } } }';
const unacceptMutation = 'mutation Unaccept($threadId: ID!) { unacceptAnswer(threadId: $threadId) { id status acceptedReply { id } } }';
const threadQuery = `query Thread($id: ID!) { thread(id: $id) { ${threadFields} replies { nodes { id isAccepted } } } }`;

const validQuestion = () => ({
  title: `How do I change my forum display name ${randomBytes(3).toString('hex')}`,
  body: 'I would like a different name to appear next to my posts on this forum.',
  tags: ['2fa'],
});

describe('questions', () => {
  let app: TestApp;
  let asker: TestAccount;
  let other: TestAccount;
  let staff: TestAccount;

  beforeAll(async () => {
    app = await TestApp.start();
    asker = await createAccount(app, Role.MEMBER);
    other = await createAccount(app, Role.MEMBER);
    staff = await createAccount(app, Role.STAFF);
  });
  afterAll(async () => {
    await app.stop();
  });

  const threadCount = () => app.nest.get(DataSource).getRepository(ThreadEntity).count();
  const ask = async (token: string, input: Record<string, unknown> = validQuestion()) =>
    (await app.query<{ askQuestion: Record<string, any> }>(askMutation, { input }, { token })).askQuestion;
  const reply = async (token: string, threadId: string, body = 'Have you tried saving the QR code?') =>
    (await app.query<{ replyToThread: { id: string } }>(replyMutation, { threadId, body }, { token })).replyToThread;
  const setThread = (id: string, changes: Partial<ThreadEntity>) =>
    app.nest
      .get(DataSource)
      .getRepository(ThreadEntity)
      .update({ id: Number(id) }, changes);

  describe('askQuestion', () => {
    it('creates an open thread with normalised tags, rendered body and its author', async () => {
      const thread = await ask(asker.token, {
        title: '   How do I change my   display name?  ',
        body: 'I want a **different** name next to my posts on the forum. <script>alert(1)</script>',
        tags: ['2FA', ' backup-codes ', '2fa'],
      });
      expect(thread).toMatchObject({
        title: 'How do I change my display name?',
        status: 'OPEN',
        locked: false,
        hidden: false,
        replyCount: 0,
        edited: false,
        editedAt: null,
        acceptedReply: null,
        author: { id: asker.id, username: asker.username },
      });
      expect([...thread.tags].sort()).toEqual(['2fa', 'backup-codes']);
      expect(thread.body).toContain('<script>');
      expect(thread.bodyHtml).toContain('<strong>different</strong>');
      expect(thread.bodyHtml).not.toContain('<script');
      expect(thread.lastActivityAt).toBe(thread.createdAt);
      const read = await app.query<{ thread: Record<string, any> }>(threadQuery, { id: thread.id });
      expect(read.thread.title).toBe('How do I change my display name?');
    });

    it('shows a link to an unsafe address as its text, with no anchor, however the scheme is spelt', async () => {
      const links = [
        '[one](javascript:alert(1))',
        '[two](JaVaScRiPt:alert(1))',
        '[three](java\tscript:alert(1))',
        '[four](&#106;avascript:alert(1))',
        '[five](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
        '[six](vbscript:msgbox(1))',
        '<a href=" javascript:alert(1)" title="seven">seven <b>bold</b></a>',
      ];
      const thread = await ask(asker.token, { ...validQuestion(), body: `${links.join(' ')} and [a real one](https://example.com).` });
      expect(thread.bodyHtml).toBe(
        '<p>one two [three](java\tscript:alert(1)) four five six seven <b>bold</b> and ' +
          '<a rel="ugc nofollow noopener noreferrer" href="https://example.com">a real one</a>.</p>\n',
      );
    });

    it("gives the question's excerpt as one line of the text readers see, no Markdown", async () => {
      const thread = await ask(asker.token, {
        ...validQuestion(),
        body: '# Lost my phone\n\nI tried **every** step in [the guide](https://example.com):\n\n```\nSettings > 2FA\n```',
      });
      const read = await app.query<{ thread: { excerpt: string } }>('query Excerpt($id: ID!) { thread(id: $id) { excerpt } }', {
        id: thread.id,
      });
      expect(read.thread.excerpt).toBe('Lost my phone I tried every step in the guide: Settings > 2FA');
    });

    it('counts tags after removing duplicates', async () => {
      const thread = await ask(asker.token, { ...validQuestion(), tags: ['a', 'A', 'b', 'c', 'd', 'e'] });
      expect([...thread.tags].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    });

    it('announces the new question to listeners such as the bot', async () => {
      const seen: ForumEventMap['questionPosted'][] = [];
      app.nest.get(ForumEvents).on('questionPosted', (event) => {
        seen.push(event);
      });
      const thread = await ask(asker.token);
      expect(seen).toContainEqual(
        expect.objectContaining({ threadId: Number(thread.id), authorId: Number(asker.id), title: thread.title }),
      );
    });

    it('refuses anonymous askers', async () => {
      const before = await threadCount();
      const response = await app.request(askMutation, { input: validQuestion() });
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await threadCount()).toBe(before);
    });

    const badQuestions: [string, Record<string, unknown>, string][] = [
      ['a short title', { title: 'Too short' }, 'title'],
      ['a title that is short once trimmed', { title: '    short        ' }, 'title'],
      ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title'],
      ['a short body', { body: 'Too short a body.' }, 'body'],
      ['a body of blank lines', { body: `\n\n${' '.repeat(40)}\n` }, 'body'],
      ['a body over 20000 characters', { body: 'x'.repeat(20001) }, 'body'],
      ['six tags', { tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'tags'],
      ['a tag with a space', { tags: ['two words'] }, 'tags'],
      ['a tag with punctuation', { tags: ['<b>'] }, 'tags'],
      ['an empty tag', { tags: [''] }, 'tags'],
      ['a tag over 32 characters', { tags: ['x'.repeat(33)] }, 'tags'],
      ['a tag of one dash', { tags: ['-'] }, 'tags'],
      ['a tag of dashes only', { tags: ['backup-codes', '--'] }, 'tags'],
    ];
    it.each(badQuestions)('refuses %s with BAD_USER_INPUT and stores nothing', async (_name, change, field) => {
      const before = await threadCount();
      const response = await app.request(askMutation, { input: { ...validQuestion(), ...change } }, { token: asker.token });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
      expect(response.errors?.[0]?.extensions?.fields?.some((problem) => problem.field.startsWith(field))).toBe(true);
      expect(response.data ?? null).toBeNull();
      expect(await threadCount()).toBe(before);
    });
  });

  describe('thread(id)', () => {
    it('refuses an id that is not a number', async () => {
      const response = await app.request(threadQuery, { id: 'abc' });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('reports an unknown id as NOT_FOUND', async () => {
      const response = await app.request(threadQuery, { id: '987654' });
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('hides a hidden thread from everyone but staff and its author', async () => {
      const thread = await ask(asker.token);
      await setThread(thread.id, { hidden: true });
      for (const token of [undefined, other.token]) {
        const response = await app.request(threadQuery, { id: thread.id }, { token });
        expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      }
      for (const token of [asker.token, staff.token]) {
        const data = await app.query<{ thread: { hidden: boolean } }>(threadQuery, { id: thread.id }, { token });
        expect(data.thread.hidden).toBe(true);
      }
    });
  });

  describe('editQuestion', () => {
    it('lets the author edit and keeps the previous text as a revision, newest first', async () => {
      const original = await ask(asker.token);
      const first = await app.query<{ editQuestion: Record<string, any> }>(
        editMutation,
        { threadId: original.id, input: { title: 'Where did my backup codes go?' } },
        { token: asker.token },
      );
      expect(first.editQuestion).toMatchObject({ title: 'Where did my backup codes go?', body: original.body, edited: true });
      expect(first.editQuestion.editedAt).not.toBeNull();
      expect(first.editQuestion.revisions.nodes).toEqual([
        { previousTitle: original.title, previousBody: original.body, createdAt: expect.any(String), editor: { username: asker.username } },
      ]);

      const newBody = 'Update: I found out there are no backup codes, only the QR code.';
      const second = await app.query<{ editQuestion: Record<string, any> }>(
        editMutation,
        { threadId: original.id, input: { body: newBody } },
        { token: asker.token },
      );
      expect(second.editQuestion.body).toBe(newBody);
      expect(second.editQuestion.revisions.nodes.map((revision: { previousBody: string }) => revision.previousBody)).toEqual([
        original.body,
        original.body,
      ]);
      expect(second.editQuestion.revisions.nodes[0].previousTitle).toBe('Where did my backup codes go?');

      const listed = await app.query<{ revisions: { nodes: { previousTitle: string }[] } }>(
        'query Revisions($id: ID!) { revisions(postType: THREAD, postId: $id) { nodes { previousTitle previousBody editor { username } } } }',
        { id: original.id },
      );
      expect(listed.revisions.nodes.map((revision) => revision.previousTitle)).toEqual(['Where did my backup codes go?', original.title]);
    });

    it('keeps both of two edits sent at once, one to the title and one to the body, each with its revision', async () => {
      for (let round = 0; round < 3; round++) {
        const original = await ask(asker.token);
        const title = `Staff retitled this one about backup codes (${round})`;
        const body = `Update ${round}: the QR code from the setup page was all I needed.`;
        const responses = await Promise.all([
          app.request(editMutation, { threadId: original.id, input: { title } }, { token: staff.token }),
          app.request(editMutation, { threadId: original.id, input: { body } }, { token: asker.token }),
        ]);
        expect(responses.map((response) => response.errors)).toEqual([undefined, undefined]);

        const { thread } = await app.query<{ thread: { title: string; body: string; revisions: { nodes: Record<string, string>[] } } }>(
          'query Thread($id: ID!) { thread(id: $id) { title body revisions { nodes { previousTitle previousBody } } } }',
          { id: original.id },
          { token: staff.token },
        );
        expect({ title: thread.title, body: thread.body }).toEqual({ title, body });
        // The older revision is the original; the newer one is the text after the first edit, whichever it was.
        const [newer, older] = thread.revisions.nodes;
        expect(older).toEqual({ previousTitle: original.title, previousBody: original.body });
        expect([
          { previousTitle: title, previousBody: original.body },
          { previousTitle: original.title, previousBody: body },
        ]).toContainEqual(newer);
      }
    });

    it("lets staff edit anyone's question and records them as the editor", async () => {
      const original = await ask(asker.token);
      const data = await app.query<{ editQuestion: Record<string, any> }>(
        editMutation,
        { threadId: original.id, input: { title: 'Staff tidied this title about missing codes' } },
        { token: staff.token },
      );
      expect(data.editQuestion.revisions.nodes[0].editor.username).toBe(staff.username);
    });

    it("refuses a member editing someone else's question and changes nothing", async () => {
      const original = await ask(asker.token);
      const response = await app.request(
        editMutation,
        { threadId: original.id, input: { title: 'Vandalised title here' } },
        { token: other.token },
      );
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const read = await app.query<{ thread: { title: string; edited: boolean } }>(threadQuery, { id: original.id });
      expect(read.thread).toMatchObject({ title: original.title, edited: false });
    });

    it('refuses anonymous editors', async () => {
      const original = await ask(asker.token);
      const response = await app.request(editMutation, { threadId: original.id, input: { title: 'Anonymous edit attempt' } });
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('stores nothing for an edit that changes nothing', async () => {
      const original = await ask(asker.token);
      const data = await app.query<{ editQuestion: Record<string, any> }>(
        editMutation,
        { threadId: original.id, input: { title: `  ${original.title} `, body: original.body, tags: ['2FA'] } },
        { token: asker.token },
      );
      expect(data.editQuestion).toMatchObject({ edited: false, editedAt: null, revisions: { nodes: [] } });
      expect(
        await app.nest
          .get(DataSource)
          .getRepository(RevisionEntity)
          .countBy({ postId: Number(original.id) }),
      ).toBe(0);
    });

    it('replaces the tags without a text revision', async () => {
      const original = await ask(asker.token);
      const data = await app.query<{ editQuestion: Record<string, any> }>(
        editMutation,
        { threadId: original.id, input: { tags: ['qr-code', 'New-Phone'] } },
        { token: asker.token },
      );
      expect(data.editQuestion.tags).toEqual(['new-phone', 'qr-code']);
      expect(data.editQuestion.revisions.nodes).toEqual([]);
    });

    it('refuses bad edits and changes nothing', async () => {
      const original = await ask(asker.token);
      for (const input of [
        { title: 'short' },
        { body: 'too short' },
        { tags: ['a', 'b', 'c', 'd', 'e', 'f'] },
        { tags: ['no spaces'] },
        { tags: ['-'] },
        { tags: ['new-phone', '--'] },
      ]) {
        const response = await app.request(editMutation, { threadId: original.id, input }, { token: asker.token });
        expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
      const stored = await app.nest
        .get(DataSource)
        .getRepository(ThreadEntity)
        .findOneByOrFail({ id: Number(original.id) });
      expect(stored).toMatchObject({ title: original.title, body: original.body, editedAt: null });
      expect(
        await app.nest
          .get(DataSource)
          .getRepository(ThreadTagEntity)
          .findBy({ threadId: Number(original.id) }),
      ).toEqual([{ threadId: Number(original.id), tag: '2fa' }]);
    });

    it('refuses a bad id and an unknown id', async () => {
      const bad = await app.request(editMutation, { threadId: 'abc', input: { title: 'A perfectly fine title' } }, { token: asker.token });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const unknown = await app.request(
        editMutation,
        { threadId: '987654', input: { title: 'A perfectly fine title' } },
        { token: asker.token },
      );
      expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('acceptAnswer and unacceptAnswer', () => {
    it('lets the asker accept a reply, then undo it', async () => {
      const thread = await ask(asker.token);
      const answer = await reply(other.token, thread.id);
      const accepted = await app.query<{ acceptAnswer: Record<string, any> }>(
        acceptMutation,
        { replyId: answer.id },
        { token: asker.token },
      );
      expect(accepted.acceptAnswer).toMatchObject({
        status: 'ANSWERED',
        acceptedReply: { id: answer.id, isAccepted: true, author: { username: other.username } },
      });
      const read = await app.query<{ thread: Record<string, any> }>(threadQuery, { id: thread.id });
      expect(read.thread.replies.nodes).toEqual([{ id: answer.id, isAccepted: true }]);

      const undone = await app.query<{ unacceptAnswer: Record<string, any> }>(
        unacceptMutation,
        { threadId: thread.id },
        { token: asker.token },
      );
      expect(undone.unacceptAnswer).toEqual({ id: thread.id, status: 'OPEN', acceptedReply: null });
    });

    it('announces the accepted answer', async () => {
      const seen: ForumEventMap['replyAccepted'][] = [];
      app.nest.get(ForumEvents).on('replyAccepted', (event) => {
        seen.push(event);
      });
      const thread = await ask(asker.token);
      const answer = await reply(other.token, thread.id);
      await app.query(acceptMutation, { replyId: answer.id }, { token: asker.token });
      expect(seen).toContainEqual({
        threadId: Number(thread.id),
        replyId: Number(answer.id),
        acceptedById: Number(asker.id),
        state: { status: 'ANSWERED', locked: false, hidden: false },
        restored: false,
        lists: { lastActivityAt: expect.any(Date), listing: { authorId: Number(asker.id), tags: ['2fa'], answered: true } },
      });
    });

    it("lets staff accept on anyone's thread", async () => {
      const thread = await ask(asker.token);
      const answer = await reply(other.token, thread.id);
      const data = await app.query<{ acceptAnswer: { status: string } }>(acceptMutation, { replyId: answer.id }, { token: staff.token });
      expect(data.acceptAnswer.status).toBe('ANSWERED');
    });

    it("refuses a member accepting or unaccepting on someone else's thread", async () => {
      const thread = await ask(asker.token);
      const answer = await reply(other.token, thread.id);
      const accept = await app.request(acceptMutation, { replyId: answer.id }, { token: other.token });
      expect(accept.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      await app.query(acceptMutation, { replyId: answer.id }, { token: asker.token });
      const unaccept = await app.request(unacceptMutation, { threadId: thread.id }, { token: other.token });
      expect(unaccept.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const read = await app.query<{ thread: Record<string, any> }>(threadQuery, { id: thread.id });
      expect(read.thread).toMatchObject({ status: 'ANSWERED', acceptedReply: { id: answer.id } });
    });

    it("refuses accepting a reply from another person's thread", async () => {
      const mine = await ask(asker.token);
      const theirs = await ask(other.token);
      const elsewhere = await reply(other.token, theirs.id);
      const response = await app.request(acceptMutation, { replyId: elsewhere.id }, { token: asker.token });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const read = await app.query<{ thread: Record<string, any> }>(threadQuery, { id: mine.id });
      expect(read.thread.acceptedReply).toBeNull();
    });

    it('refuses a hidden reply', async () => {
      const thread = await ask(asker.token);
      const answer = await reply(other.token, thread.id);
      await app.nest
        .get(DataSource)
        .getRepository(ReplyEntity)
        .update({ id: Number(answer.id) }, { hidden: true });
      const response = await app.request(acceptMutation, { replyId: answer.id }, { token: asker.token });
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const asStaff = await app.request(acceptMutation, { replyId: answer.id }, { token: staff.token });
      expect(asStaff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('keeps a locked thread LOCKED while staff accept and unaccept (the asker may not)', async () => {
      const thread = await ask(asker.token);
      const answer = await reply(other.token, thread.id);
      await setThread(thread.id, { locked: true, status: ThreadStatus.LOCKED });
      const refused = await app.request(acceptMutation, { replyId: answer.id }, { token: asker.token });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'THREAD_LOCKED' });
      const accepted = await app.query<{ acceptAnswer: Record<string, any> }>(
        acceptMutation,
        { replyId: answer.id },
        { token: staff.token },
      );
      expect(accepted.acceptAnswer).toMatchObject({ status: 'LOCKED', acceptedReply: { id: answer.id } });
      const undone = await app.query<{ unacceptAnswer: Record<string, any> }>(
        unacceptMutation,
        { threadId: thread.id },
        { token: staff.token },
      );
      expect(undone.unacceptAnswer.status).toBe('LOCKED');
    });

    it('refuses anonymous users, bad ids and unknown ids', async () => {
      const thread = await ask(asker.token);
      const answer = await reply(other.token, thread.id);
      expect((await app.request(acceptMutation, { replyId: answer.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await app.request(unacceptMutation, { threadId: thread.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await app.request(acceptMutation, { replyId: 'abc' }, { token: asker.token })).errors?.[0]?.extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
      expect((await app.request(acceptMutation, { replyId: '987654' }, { token: asker.token })).errors?.[0]?.extensions?.code).toBe(
        'NOT_FOUND',
      );
      expect((await app.request(unacceptMutation, { threadId: '-1' }, { token: asker.token })).errors?.[0]?.extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
      expect((await app.request(unacceptMutation, { threadId: '987654' }, { token: asker.token })).errors?.[0]?.extensions?.code).toBe(
        'NOT_FOUND',
      );
    });
  });
});

describe('asking too often', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_ASK_SECONDS: '600' });
  });
  afterAll(async () => {
    await app.stop();
  });

  it('refuses a second question within the cooldown, per member', async () => {
    const first = await createAccount(app, Role.MEMBER);
    const second = await createAccount(app, Role.MEMBER);
    await app.query(askMutation, { input: validQuestion() }, { token: first.token });
    const again = await app.request(askMutation, { input: validQuestion() }, { token: first.token });
    expect(again.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(again.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    await app.query(askMutation, { input: validQuestion() }, { token: second.token });
    expect(await app.nest.get(DataSource).getRepository(ThreadEntity).count()).toBe(2);
  });
});

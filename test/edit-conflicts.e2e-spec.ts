import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KnowledgeBaseChanges } from '../apps/api/src/canonical-answers/knowledge-base-changes.js';
import { Role } from '../apps/api/src/common/role.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { GraphqlResponse, TestApp } from './support/test-app.js';

/** What a test reads back of an edited thing: its text as stored and served, its version and its history. */
interface Stored {
  version: number;
  body: string;
  bodyHtml: string;
  history: string[];
}

/** One of the three edits that take an expected version, driven the same way. */
interface Editable {
  name: string;
  /** A new one, by `author`; returns its id (a slug for a canonical answer). */
  create(author: TestAccount): Promise<string>;
  read(id: string): Promise<Stored>;
  edit(id: string, body: string, expectedVersion: number | undefined, token: string): Promise<GraphqlResponse>;
}

const unique = () => randomBytes(3).toString('hex');

describe('edits made from a version someone else has replaced', () => {
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

  const askQuestion = async (author: TestAccount) =>
    (
      await app.query<{ askQuestion: { id: string } }>(
        'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
        {
          input: {
            title: `Lost my phone with the authenticator app ${unique()}`,
            body: 'The first text of this question about a lost phone.',
          },
        },
        { token: author.token },
      )
    ).askQuestion.id;

  const editables: Editable[] = [
    {
      name: 'editQuestion',
      create: askQuestion,
      async read(id) {
        const { thread } = await app.query<{
          thread: { version: number; body: string; bodyHtml: string; revisions: { nodes: { previousBody: string }[] } };
        }>(
          'query T($id: ID!) { thread(id: $id) { version body bodyHtml revisions { nodes { previousBody } } } }',
          { id },
          { token: staff.token },
        );
        return { ...thread, history: thread.revisions.nodes.map((revision) => revision.previousBody) };
      },
      edit: (id, body, expectedVersion, token) =>
        app.request(
          'mutation E($id: ID!, $input: EditQuestionInput!) { editQuestion(threadId: $id, input: $input) { version body } }',
          { id, input: { body, expectedVersion } },
          { token },
        ),
    },
    {
      name: 'editReply',
      async create(author) {
        const threadId = await askQuestion(author);
        const { replyToThread } = await app.query<{ replyToThread: { id: string } }>(
          'mutation R($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }',
          { threadId, body: 'The first text of this reply about a lost phone.' },
          { token: author.token },
        );
        return replyToThread.id;
      },
      async read(id) {
        const { revisions } = await app.query<{ revisions: { nodes: { previousBody: string }[] } }>(
          'query H($id: ID!) { revisions(postType: REPLY, postId: $id) { nodes { previousBody } } }',
          { id },
          { token: staff.token },
        );
        const { userReplies } = await app.query<{
          userReplies: { nodes: { id: string; version: number; body: string; bodyHtml: string }[] };
        }>(
          'query U($userId: ID!) { userReplies(userId: $userId, first: 50) { nodes { id version body bodyHtml } } }',
          { userId: member.id },
          { token: staff.token },
        );
        const reply = userReplies.nodes.find((node) => node.id === id)!;
        return {
          version: reply.version,
          body: reply.body,
          bodyHtml: reply.bodyHtml,
          history: revisions.nodes.map((revision) => revision.previousBody),
        };
      },
      edit: (id, body, expectedVersion, token) =>
        app.request(
          'mutation E($id: ID!, $input: EditReplyInput!) { editReply(replyId: $id, input: $input) { version body } }',
          { id, input: { body, expectedVersion } },
          { token },
        ),
    },
    {
      name: 'updateCanonicalAnswer',
      async create() {
        const slug = `edit-race-${unique()}`;
        await app.query(
          'mutation C($input: CreateCanonicalAnswerInput!) { createCanonicalAnswer(input: $input) { id } }',
          { input: { slug, title: 'Printing the recovery sheet', body: 'The first text of this answer.', examples: [] } },
          { token: staff.token },
        );
        return slug;
      },
      async read(slug) {
        const { canonicalAnswer } = await app.query<{
          canonicalAnswer: { version: number; body: string; bodyHtml: string; revisions: { nodes: { body: string }[] } };
        }>(
          'query A($slug: String!) { canonicalAnswer(slug: $slug) { version body bodyHtml revisions { nodes { body } } } }',
          { slug },
          {
            token: staff.token,
          },
        );
        return { ...canonicalAnswer, history: canonicalAnswer.revisions.nodes.map((revision) => revision.body) };
      },
      edit: (slug, body, expectedVersion, token) =>
        app.request(
          'mutation U($slug: String!, $input: UpdateCanonicalAnswerInput!) { updateCanonicalAnswer(slug: $slug, input: $input) { version body } }',
          { slug, input: { body, expectedVersion } },
          { token },
        ),
    },
  ];

  describe.each(editables)('$name', (editable) => {
    // Members edit their own posts; canonical answers are staff's.
    const editor = () => (editable.name === 'updateCanonicalAnswer' ? staff : member);
    const edit = (id: string, body: string, expectedVersion?: number) => editable.edit(id, body, expectedVersion, editor().token);

    it('saves an edit made from the current version and adds one to it', async () => {
      const id = await editable.create(editor());
      const before = await editable.read(id);
      const response = await edit(id, 'The second text, made from the current version.', before.version);
      expect(response.errors).toBeUndefined();
      const after = await editable.read(id);
      expect(after).toMatchObject({ version: before.version + 1, body: 'The second text, made from the current version.' });
      expect(after.history[0]).toBe(before.body);
    });

    it('refuses an edit made from a replaced version with CONFLICT EDITED_SINCE, and stores nothing of it', async () => {
      const id = await editable.create(editor());
      const opened = await editable.read(id);
      expect((await edit(id, 'Their edit, saved first with **bold** words.', opened.version)).errors).toBeUndefined();
      const current = await editable.read(id);

      const response = await edit(id, 'My edit, from the version they replaced, with _emphasis_.', opened.version);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EDITED_SINCE' });
      expect(response.data).toBeNull();
      expect(await editable.read(id)).toEqual(current);
    });

    it('of two edits sent at once from the same version, saves exactly one and refuses the other', async () => {
      for (let round = 0; round < 3; round++) {
        const id = await editable.create(editor());
        const opened = await editable.read(id);
        const texts = [`The first of two rival edits (${round}).`, `The second of two rival edits (${round}).`];
        const responses = await Promise.all(texts.map((text) => edit(id, text, opened.version)));

        const refused = responses.filter((response) => response.errors);
        expect(refused).toHaveLength(1);
        expect(refused[0].errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EDITED_SINCE' });
        const winner = texts[responses.findIndex((response) => !response.errors)];
        expect(await editable.read(id)).toMatchObject({ version: opened.version + 1, body: winner, history: [opened.body] });
      }
    });

    it('applies an edit without a version to the current one, as before', async () => {
      const id = await editable.create(editor());
      const opened = await editable.read(id);
      await edit(id, 'An edit by someone else in the meantime.', opened.version);
      const response = await edit(id, 'An edit that names no version.');
      expect(response.errors).toBeUndefined();
      expect(await editable.read(id)).toMatchObject({ version: opened.version + 2, body: 'An edit that names no version.' });
    });

    it('applies both of two edits sent at once without a version, one after the other', async () => {
      for (let round = 0; round < 3; round++) {
        const id = await editable.create(editor());
        const opened = await editable.read(id);
        const texts = [`The first of two edits without a version (${round}).`, `The second of two edits without a version (${round}).`];
        const responses = await Promise.all(texts.map((text) => edit(id, text)));
        expect(responses.map((response) => response.errors)).toEqual([undefined, undefined]);
        const after = await editable.read(id);
        expect(after.version).toBe(opened.version + 2);
        expect(after.history).toHaveLength(2);
        expect(after.history[1]).toBe(opened.body);
      }
    });

    it('refuses a version that is not a positive integer as BAD_USER_INPUT', async () => {
      const id = await editable.create(editor());
      const response = await edit(id, 'An edit with a made-up version.', 0);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  it('leaves the matcher as it was when a canonical answer edit is refused: nothing tells it to rebuild', async () => {
    const slug = await editables[2].create(staff);
    expect((await editables[2].edit(slug, 'A later edit.', 1, staff.token)).errors).toBeUndefined();
    const rebuilds = vi.spyOn(app.nest.get(KnowledgeBaseChanges), 'publish');
    try {
      const response = await editables[2].edit(slug, 'An edit from the version the later one replaced.', 1, staff.token);
      expect(response.errors?.[0]?.extensions?.reason).toBe('EDITED_SINCE');
      expect(rebuilds).not.toHaveBeenCalled();
    } finally {
      rebuilds.mockRestore();
    }
  });
});

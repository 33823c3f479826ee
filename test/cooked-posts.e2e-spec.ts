import { print } from 'graphql';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendererVersion } from '../apps/api/src/markdown/markdown.service.js';
import { Role } from '../apps/api/src/common/role.js';
import { ThreadPageDocument } from '../apps/web/src/gql/graphql.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { until } from './support/live-client.js';
import { TestApp } from './support/test-app.js';

const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id bodyHtml } }';
const replyMutation = 'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id bodyHtml } }';
const editQuestionMutation =
  'mutation Edit($id: ID!, $input: EditQuestionInput!) { editQuestion(threadId: $id, input: $input) { id bodyHtml } }';
const editReplyMutation = 'mutation Edit($id: ID!, $input: EditReplyInput!) { editReply(replyId: $id, input: $input) { id bodyHtml } }';
const readQuery = 'query Read($id: ID!) { thread(id: $id) { bodyHtml replies(first: 50) { nodes { id bodyHtml } } } }';
const revisionsQuery =
  'query Revisions($type: PostType!, $id: ID!) { revisions(postType: $type, postId: $id) { nodes { previousBody previousBodyHtml } } }';
const threadPageQuery = print(ThreadPageDocument);

interface Read {
  thread: { bodyHtml: string; replies: { nodes: { id: string; bodyHtml: string }[] } };
}

describe('cooked posts: HTML stored at write, served on read', () => {
  let app: TestApp;
  let member: TestAccount;

  beforeAll(async () => {
    app = await TestApp.start();
    member = await createAccount(app, Role.MEMBER);
  });
  afterAll(async () => {
    await app.stop();
  });

  const sql = (query: string, parameters: unknown[] = []) => app.nest.get(DataSource).query(query, parameters);
  const placeholder = (index: number) => (app.nest.get(DataSource).options.type === 'postgres' ? `$${index}` : '?');
  const ask = async (body: string) =>
    (
      await app.query<{ askQuestion: { id: string; bodyHtml: string } }>(
        askMutation,
        { input: { title: `How do I change my forum signature ${Math.random().toString(36).slice(2, 8)}?`, body, tags: ['profile'] } },
        { token: member.token },
      )
    ).askQuestion;
  const reply = async (threadId: string, body: string) =>
    (await app.query<{ replyToThread: { id: string; bodyHtml: string } }>(replyMutation, { threadId, body }, { token: member.token }))
      .replyToThread;
  const read = async (id: string) => (await app.query<Read>(readQuery, { id })).thread;
  const history = async (type: 'THREAD' | 'REPLY', id: string) =>
    (
      await app.query<{ revisions: { nodes: { previousBody: string; previousBodyHtml: string | null }[] } }>(revisionsQuery, {
        type,
        id,
      })
    ).revisions.nodes;
  /** A post's revisions as stored, oldest first: id and the renderer version of their HTML. */
  const storedRevisions = async (postType: 'THREAD' | 'REPLY', postId: string): Promise<{ id: number; version: number }[]> =>
    (
      await sql(
        `SELECT id, previous_body_html_version AS version FROM revisions WHERE post_type = ${placeholder(1)} AND post_id = ${placeholder(2)} ORDER BY id`,
        [postType, Number(postId)],
      )
    ).map((row: { id: number | string; version: number | string }) => ({ id: Number(row.id), version: Number(row.version) }));
  const editQuestion = (id: string, input: Record<string, string>) =>
    app.query(editQuestionMutation, { id, input }, { token: member.token });
  const editReply = (id: string, body: string) => app.query(editReplyMutation, { id, input: { body } }, { token: member.token });

  it('answers bodyHtml rendered from the markdown after asking, replying and editing', async () => {
    const thread = await ask('My signature shows **twice** under each post.');
    expect(thread.bodyHtml).toBe('<p>My signature shows <strong>twice</strong> under each post.</p>\n');
    const answer = await reply(thread.id, 'Open *Settings* and clear it.');
    expect(answer.bodyHtml).toBe('<p>Open <em>Settings</em> and clear it.</p>\n');

    const editedThread = await app.query<{ editQuestion: { bodyHtml: string } }>(
      editQuestionMutation,
      { id: thread.id, input: { body: 'My signature shows `twice`.' } },
      { token: member.token },
    );
    expect(editedThread.editQuestion.bodyHtml).toBe('<p>My signature shows <code>twice</code>.</p>\n');
    const editedReply = await app.query<{ editReply: { bodyHtml: string } }>(
      editReplyMutation,
      { id: answer.id, input: { body: 'Open ~~Settings~~ Profile.' } },
      { token: member.token },
    );
    expect(editedReply.editReply.bodyHtml).toBe('<p>Open <del>Settings</del> Profile.</p>\n');

    const page = await read(thread.id);
    expect(page.bodyHtml).toBe('<p>My signature shows <code>twice</code>.</p>\n');
    expect(page.replies.nodes.find((node) => node.id === answer.id)?.bodyHtml).toBe('<p>Open <del>Settings</del> Profile.</p>\n');
  });

  it('links the images of a question and its replies instead of showing them: a reader fetches nothing from their hosts', async () => {
    const thread = await ask('The page looks like this: ![Signature settings](https://img.test/settings.png)');
    const answer = await reply(thread.id, '<img src="http://tracker.test/pixel.gif" width="1" height="1"> Same here.');
    const page = await read(thread.id);
    const replyHtml = page.replies.nodes.find((node) => node.id === answer.id)?.bodyHtml;
    for (const html of [thread.bodyHtml, answer.bodyHtml, page.bodyHtml, replyHtml]) expect(html).not.toMatch(/<img/i);
    expect(page.bodyHtml).toBe(
      '<p>The page looks like this: <a rel="ugc nofollow noopener noreferrer" href="https://img.test/settings.png">Image: Signature settings</a></p>\n',
    );
    expect(replyHtml).toBe(
      '<p><a rel="ugc nofollow noopener noreferrer" href="http://tracker.test/pixel.gif">Image from tracker.test</a> Same here.</p>\n',
    );
  });

  it('serves the stored HTML without rendering on read', async () => {
    const thread = await ask('Where do I set a **signature**?');
    const answer = await reply(thread.id, 'Under *Profile*.');
    // Stored HTML that the markdown could never produce: only a read of the column can answer it.
    await sql(`UPDATE threads SET body_html = ${placeholder(1)} WHERE id = ${placeholder(2)}`, [
      '<p>stored thread html</p>',
      Number(thread.id),
    ]);
    await sql(`UPDATE replies SET body_html = ${placeholder(1)} WHERE id = ${placeholder(2)}`, [
      '<p>stored reply html</p>',
      Number(answer.id),
    ]);
    const page = await read(thread.id);
    expect(page.bodyHtml).toBe('<p>stored thread html</p>');
    expect(page.replies.nodes.find((node) => node.id === answer.id)?.bodyHtml).toBe('<p>stored reply html</p>');
  });

  it('re-cooks in the background, after start-up, the posts an older renderer cooked or none did', async () => {
    const thread = await ask('Can I have a signature **with a link**?');
    const old = await reply(thread.id, 'Yes, with _markdown_.');
    const never = await reply(thread.id, 'Or plain `code`.');
    await sql(`UPDATE threads SET body_html = ${placeholder(1)}, body_html_version = ${placeholder(2)} WHERE id = ${placeholder(3)}`, [
      '<p>old renderer</p>',
      rendererVersion - 1,
      Number(thread.id),
    ]);
    await sql(`UPDATE replies SET body_html = ${placeholder(1)}, body_html_version = ${placeholder(2)} WHERE id = ${placeholder(3)}`, [
      '<p>old renderer</p>',
      rendererVersion - 1,
      Number(old.id),
    ]);
    await sql(`UPDATE replies SET body_html = NULL, body_html_version = 0 WHERE id = ${placeholder(1)}`, [Number(never.id)]);
    // Until the re-cook runs, the old HTML is what readers get.
    expect((await read(thread.id)).bodyHtml).toBe('<p>old renderer</p>');

    await app.restart();
    await until(async () => (await read(thread.id)).bodyHtml !== '<p>old renderer</p>', 'the thread was re-cooked');
    await until(
      async () => (await read(thread.id)).replies.nodes.find((node) => node.id === old.id)?.bodyHtml !== '<p>old renderer</p>',
      'the reply was re-cooked',
    );
    const page = await read(thread.id);
    expect(page.bodyHtml).toBe('<p>Can I have a signature <strong>with a link</strong>?</p>\n');
    expect(page.replies.nodes.find((node) => node.id === old.id)?.bodyHtml).toBe('<p>Yes, with <em>markdown</em>.</p>\n');
    expect(page.replies.nodes.find((node) => node.id === never.id)?.bodyHtml).toBe('<p>Or plain <code>code</code>.</p>\n');
    const stale = await sql(`SELECT COUNT(*) AS count FROM replies WHERE body_html_version < ${placeholder(1)}`, [rendererVersion]);
    expect(Number(stale[0].count)).toBe(0);
  });

  it("keeps in an edit's revision the HTML the post had, as stored: an edit renders only its new text", async () => {
    const thread = await ask('My signature shows **twice**.');
    const answer = await reply(thread.id, 'Open *Settings*.');
    // HTML the markdown could never produce, of an older renderer: only a copy of the stored columns carries both.
    await sql(`UPDATE replies SET body_html = ${placeholder(1)}, body_html_version = ${placeholder(2)} WHERE id = ${placeholder(3)}`, [
      '<p>stored reply html</p>',
      rendererVersion - 1,
      Number(answer.id),
    ]);

    await editQuestion(thread.id, { body: 'My signature shows `twice`.' });
    await editQuestion(thread.id, { title: 'Why does my forum signature show twice?' });
    await editReply(answer.id, 'Open *Profile*.');

    expect(await history('THREAD', thread.id)).toEqual([
      { previousBody: 'My signature shows `twice`.', previousBodyHtml: '<p>My signature shows <code>twice</code>.</p>\n' },
      { previousBody: 'My signature shows **twice**.', previousBodyHtml: '<p>My signature shows <strong>twice</strong>.</p>\n' },
    ]);
    expect(await history('REPLY', answer.id)).toEqual([{ previousBody: 'Open *Settings*.', previousBodyHtml: '<p>stored reply html</p>' }]);
    const versions = [...(await storedRevisions('THREAD', thread.id)), ...(await storedRevisions('REPLY', answer.id))];
    expect(versions.map((revision) => revision.version)).toEqual([rendererVersion, rendererVersion, rendererVersion - 1]);
  });

  it('re-cooks in the background, after start-up, the revisions an older renderer cooked or none did; until then a read renders none', async () => {
    const thread = await ask('Is a signature **required**?');
    const answer = await reply(thread.id, 'No, it is _optional_.');
    await editQuestion(thread.id, { body: 'Is a signature needed?' });
    await editReply(answer.id, 'No.');
    await sql(`UPDATE revisions SET previous_body_html = NULL, previous_body_html_version = 0 WHERE id = ${placeholder(1)}`, [
      (await storedRevisions('THREAD', thread.id))[0].id,
    ]);
    await sql(
      `UPDATE revisions SET previous_body_html = ${placeholder(1)}, previous_body_html_version = ${placeholder(2)} WHERE id = ${placeholder(3)}`,
      ['<p>old renderer</p>', rendererVersion - 1, (await storedRevisions('REPLY', answer.id))[0].id],
    );
    // Until the re-cook runs, readers get null for the one never cooked and the old HTML for the other.
    expect((await history('THREAD', thread.id))[0].previousBodyHtml).toBeNull();
    expect((await history('REPLY', answer.id))[0].previousBodyHtml).toBe('<p>old renderer</p>');

    await app.restart();
    await until(async () => (await history('THREAD', thread.id))[0].previousBodyHtml !== null, "the question's revision was re-cooked");
    await until(
      async () => (await history('REPLY', answer.id))[0].previousBodyHtml !== '<p>old renderer</p>',
      "the reply's revision was re-cooked",
    );
    expect((await history('THREAD', thread.id))[0].previousBodyHtml).toBe('<p>Is a signature <strong>required</strong>?</p>\n');
    expect((await history('REPLY', answer.id))[0].previousBodyHtml).toBe('<p>No, it is <em>optional</em>.</p>\n');
    const stale = await sql(`SELECT COUNT(*) AS count FROM revisions WHERE previous_body_html_version < ${placeholder(1)}`, [
      rendererVersion,
    ]);
    expect(Number(stale[0].count)).toBe(0);
  });

  it('re-cooks after start-up the posts cooked when images were shown, linking their images', async () => {
    const thread = await ask('Where is the signature box? ![](https://img.test/box.png)');
    // What renderer 8, the last to show images, stored for this body.
    await sql(`UPDATE threads SET body_html = ${placeholder(1)}, body_html_version = 8 WHERE id = ${placeholder(2)}`, [
      '<p>Where is the signature box? <img src="https://img.test/box.png" alt=""></p>\n',
      Number(thread.id),
    ]);
    await app.restart();
    await until(async () => !(await read(thread.id)).bodyHtml.includes('<img'), 'the thread was re-cooked');
    expect((await read(thread.id)).bodyHtml).toBe(
      '<p>Where is the signature box? <a rel="ugc nofollow noopener noreferrer" href="https://img.test/box.png">Image from img.test</a></p>\n',
    );
  });

  it("reads a thread page (the web app's own query) in the same 2 statements with 2 replies or 20, from the start or around a linked reply: the thread with its tags, author and whether its jobs are pending, then the replies with their authors", async () => {
    const statementsFor = async (replies: number, linked?: number) => {
      const thread = await ask('Does my signature show in replies?');
      const ids: string[] = [];
      for (let index = 0; index < replies; index++) ids.push((await reply(thread.id, `Reply number ${index}, with **markdown**.`)).id);
      const around = linked === undefined ? {} : { around: ids[linked] };
      const { result: data, statements } = await app.countStatements(() =>
        app.query<{ thread: { replies: { nodes: { id: string }[] } } }>(threadPageQuery, { id: thread.id, first: 5, ...around }),
      );
      expect(data.thread.replies.nodes.map((node) => node.id)).toEqual(
        ids.slice(linked === undefined ? 0 : linked - (linked % 5)).slice(0, 5),
      );
      return statements;
    };
    const two = await statementsFor(2);
    const twenty = await statementsFor(20);
    expect(twenty).toBe(two);
    expect(twenty).toBeLessThanOrEqual(2);
    expect(await statementsFor(20, 17)).toBe(two);
  });
});

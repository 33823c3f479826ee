import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DataSource } from 'typeorm';
import { ReplyEntity } from '../apps/api/src/threads/reply.entity.js';
import { RevisionEntity } from '../apps/api/src/threads/revision.entity.js';
import { ThreadEntity } from '../apps/api/src/threads/thread.entity.js';
import { Role } from '../apps/api/src/common/role.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { TestApp } from './support/test-app.js';

// Made-up secrets in the shapes people paste; none is real.
const setupKey = 'NB2W45DFOIZA4Y3PNVQXE2LTMVZWK4TJ';
const secrets = {
  TOTP_SETUP_KEY: `The app showed this key: ${setupKey} and the codes never match.`,
  OTPAUTH_URI: `My QR decodes to otpauth://totp/Acme:pat@example.test?secret=${setupKey}&issuer=Acme is that right?`,
  ACCOUNT_SECRET_KEY: 'Is this what it wants? A3-Q7WK2M-8HTR4N-P3XZ9-6VBC2-M4KD7-R8TN5 it keeps failing',
  RECOVERY_CODES: 'Which of these still work?\n\n7f3a2-9c1e4\nb82d1-4ae09\n0c6f3-d2b71\n5e9a0-3f7c2',
  RECOVERY_CODE: 'I tried the code 4kq9-x2mp-7fht from my emergency kit and it says invalid.',
  PASSWORD: 'My master password is Tr0ub4dor&3 and it is refused since I turned on two-factor.',
};
// What of each secret must appear nowhere: not in the response, not in anything the process writes.
const secretParts = [setupKey, '8HTR4N', 'b82d1', 'x2mp', 'Tr0ub4dor'];
const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
const replyMutation = 'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }';

describe('secrets are never posted', () => {
  let app: TestApp;
  let member: TestAccount;
  let threadId: string;
  let output: string[];

  beforeAll(async () => {
    app = await TestApp.start();
    member = await createAccount(app, Role.MEMBER);
    const asked = await app.query(
      askMutation,
      { input: { title: 'Codes from my phone are refused', body: 'Every code my authenticator shows is refused at sign-in.' } },
      { token: member.token },
    );
    threadId = asked.askQuestion.id;
    // Everything the process writes while a refused post is handled must be free of the secret.
    output = [];
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream);
      vi.spyOn(stream, 'write').mockImplementation((chunk: any, ...rest: any[]) => {
        output.push(String(chunk));
        return write(chunk, ...rest);
      });
    }
  });
  afterEach(() => {
    for (const part of secretParts) expect(output.join('')).not.toContain(part);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await app.stop();
  });

  const counts = async () => {
    const dataSource = app.nest.get(DataSource);
    return {
      threads: await dataSource.getRepository(ThreadEntity).count(),
      replies: await dataSource.getRepository(ReplyEntity).count(),
      revisions: await dataSource.getRepository(RevisionEntity).count(),
    };
  };

  it.each(Object.entries(secrets))('refuses a question with %s, names it and stores nothing', async (reason, body) => {
    const before = await counts();
    const response = await app.request(askMutation, { input: { title: 'Setup trouble with my new phone', body } }, { token: member.token });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].extensions?.reason).toBe(reason);
    expect(response.errors?.[0].extensions?.fields).toEqual([
      { field: 'body', message: expect.stringMatching(/^Not posted: the body contains /) },
    ]);
    for (const part of secretParts) expect(JSON.stringify(response)).not.toContain(part);
    await expect(counts()).resolves.toEqual(before);
  });

  it('refuses a secret in the title', async () => {
    const response = await app.request(
      askMutation,
      { input: { title: `key ${setupKey}`, body: 'The codes never match what the site expects.' } },
      { token: member.token },
    );
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TOTP_SETUP_KEY',
      fields: [{ field: 'title' }],
    });
  });

  it.each(Object.entries(secrets))('refuses a reply with %s', async (reason, body) => {
    const before = await counts();
    const response = await app.request(replyMutation, { threadId, body }, { token: member.token });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    await expect(counts()).resolves.toEqual(before);
  });

  it('refuses edits of questions and replies, keeping the stored text', async () => {
    const replyId = (
      await app.query(
        replyMutation,
        { threadId, body: 'Check that the clock on your phone is set automatically.' },
        { token: member.token },
      )
    ).replyToThread.id;
    const before = await counts();
    const editQuestion = await app.request(
      'mutation Edit($id: ID!, $input: EditQuestionInput!) { editQuestion(threadId: $id, input: $input) { id } }',
      { id: threadId, input: { body: secrets.OTPAUTH_URI } },
      { token: member.token },
    );
    expect(editQuestion.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OTPAUTH_URI' });
    const editReply = await app.request(
      'mutation Edit($id: ID!, $input: EditReplyInput!) { editReply(replyId: $id, input: $input) { id } }',
      { id: replyId, input: { body: secrets.RECOVERY_CODES } },
      { token: member.token },
    );
    expect(editReply.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RECOVERY_CODES' });
    await expect(counts()).resolves.toEqual(before);
    const thread = await app.query('query T($id: ID!) { thread(id: $id) { body replies { nodes { body } } } }', { id: threadId });
    expect(thread.thread.body).toBe('Every code my authenticator shows is refused at sign-in.');
    expect(thread.thread.replies.nodes.map((node: { body: string }) => node.body)).toEqual([
      'Check that the clock on your phone is set automatically.',
    ]);
  });

  it('refuses a recovery code printed in groups right after whose account it is, and passes an account number there', async () => {
    const before = await counts();
    for (const body of [
      'My backup code for my account 4817 2093 is refused every time, what else can I try?',
      'The recovery code for user 7f3a2-9c1e4 says invalid although it was never used.',
    ]) {
      const response = await app.request(replyMutation, { threadId, body }, { token: member.token });
      expect(response.errors?.[0].extensions, body).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RECOVERY_CODE' });
    }
    await expect(counts()).resolves.toEqual(before);
    await app.query(replyMutation, { threadId, body: 'I have no backup code for account 48213377, what now?' }, { token: member.token });
  });

  it('refuses to preview a secret, and previews look-alikes', async () => {
    const refused = await app.request('query P($body: String!) { previewMarkdown(body: $body) }', { body: secrets.ACCOUNT_SECRET_KEY });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ACCOUNT_SECRET_KEY' });
    const allowed = await app.query('query P($body: String!) { previewMarkdown(body: $body) }', {
      body: 'Ticket INC-0048213: code 482913 refused on version 8.10.44. My password is correct, and my backup code gives error code 0x80070005.',
    });
    expect(allowed.previewMarkdown).toContain('482913');
    expect(allowed.previewMarkdown).toContain('0x80070005');
  });
});

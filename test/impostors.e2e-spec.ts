import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../apps/api/src/common/role.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { TestApp } from './support/test-app.js';

const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
const replyMutation =
  'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id impostorWarning } }';
const flagsQuery = 'query { openFlags(first: 50) { nodes { postType postId reason reporter { username isBot } } } }';
const signUp = 'mutation SignUp($input: SignUpInput!) { signUp(input: $input) { user { username } } }';

describe('impostors', () => {
  let app: TestApp;
  let asker: TestAccount;
  let stranger: TestAccount;
  let staff: TestAccount;
  let threadId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    asker = await createAccount(app, Role.MEMBER);
    stranger = await createAccount(app, Role.MEMBER);
    staff = await createAccount(app, Role.STAFF, 'maria_s');
    const asked = await app.query(
      askMutation,
      { input: { title: 'Locked out after a phone swap', body: 'My new phone has no authenticator and I cannot sign in any more.' } },
      { token: asker.token },
    );
    threadId = asked.askQuestion.id;
  });
  afterAll(async () => {
    await app.stop();
  });

  // The check runs as a job after each reply: read the flags once those have run.
  const openFlags = async () => {
    await app.jobsDone();
    const data = await app.query<{ openFlags: { nodes: { postId: string; reason: string; reporter: { isBot: boolean } }[] } }>(
      flagsQuery,
      {},
      { token: staff.token },
    );
    return data.openFlags.nodes;
  };

  it('flags a member asking for the code, with the triggering phrase, and warns on the reply', async () => {
    const posted = await app.query(
      replyMutation,
      { threadId, body: 'I can sort this out. DM me your code when it arrives.' },
      { token: stranger.token },
    );
    expect(posted.replyToThread.impostorWarning).toBe(true);
    const flag = (await openFlags()).find((node) => node.postId === posted.replyToThread.id);
    expect(flag).toMatchObject({ reporter: { isBot: true } });
    expect(flag?.reason).toBe(
      'Automatic: a member\'s reply asks for codes, passwords or keys ("DM me your code"); asks to continue by e-mail, chat or phone ("DM me")',
    );

    const thread = await app.query(
      'query T($id: ID!) { thread(id: $id) { replies { nodes { id impostorWarning } } } }',
      { id: threadId },
      { token: asker.token },
    );
    expect(thread.thread.replies.nodes).toContainEqual({ id: posted.replyToThread.id, impostorWarning: true });
  });

  it('flags an edit that turns a reply into a request to move to e-mail, once', async () => {
    const posted = await app.query(
      replyMutation,
      { threadId, body: 'Check whether your old phone still has the app.' },
      { token: stranger.token },
    );
    expect(posted.replyToThread.impostorWarning).toBe(false);
    const edit = 'mutation E($id: ID!, $body: String!) { editReply(replyId: $id, input: { body: $body }) { impostorWarning } }';
    const edited = await app.query(
      edit,
      { id: posted.replyToThread.id, body: 'Easier by mail: email me at helper@example.test' },
      { token: stranger.token },
    );
    expect(edited.editReply.impostorWarning).toBe(true);
    await app.query(
      edit,
      { id: posted.replyToThread.id, body: 'Easier by mail: email me at helper@example.test today' },
      { token: stranger.token },
    );
    const flags = (await openFlags()).filter((node) => node.postId === posted.replyToThread.id);
    expect(flags.map((node) => node.reason)).toEqual([
      'Automatic: a member\'s reply asks to continue by e-mail, chat or phone ("email me")',
    ]);
  });

  it("leaves the asker's own request to be e-mailed in their own thread alone, and still flags it in someone else's", async () => {
    const body = 'Still stuck, please email me at asker@example.test so I can send the screenshots.';
    const own = await app.query(replyMutation, { threadId, body }, { token: asker.token });
    expect(own.replyToThread.impostorWarning).toBe(false);
    const edited = await app.query(
      'mutation E($id: ID!, $body: String!) { editReply(replyId: $id, input: { body: $body }) { impostorWarning } }',
      { id: own.replyToThread.id, body: `${body} Or DM me.` },
      { token: asker.token },
    );
    expect(edited.editReply.impostorWarning).toBe(false);
    const elsewhere = await app.query(
      askMutation,
      { input: { title: 'Recovery codes never shown', body: 'Turned on two-factor yesterday and saw no recovery codes at all.' } },
      { token: stranger.token },
    );
    const inOtherThread = await app.query(replyMutation, { threadId: elsewhere.askQuestion.id, body }, { token: asker.token });
    expect(inOtherThread.replyToThread.impostorWarning).toBe(true);
    const flagged = (await openFlags()).map((node) => node.postId);
    expect(flagged).not.toContain(own.replyToThread.id);
    expect(flagged).toContain(inOtherThread.replyToThread.id);
    const thread = await app.query(
      'query T($id: ID!) { thread(id: $id) { replies { nodes { id impostorWarning } } } }',
      { id: threadId },
      { token: stranger.token },
    );
    expect(thread.thread.replies.nodes).toContainEqual({ id: own.replyToThread.id, impostorWarning: false });
  });

  it('warns on a reply while its author is a member, and no longer once they are made staff', async () => {
    const helper = await createAccount(app, Role.MEMBER);
    const admin = await createAccount(app, Role.ADMIN);
    const posted = await app.query(
      replyMutation,
      { threadId, body: 'Send me your recovery code and I will check it.' },
      { token: helper.token },
    );
    const warning = async () => {
      const data = await app.query<{ thread: { replies: { nodes: { id: string; impostorWarning: boolean }[] } } }>(
        'query T($id: ID!) { thread(id: $id) { replies(first: 100) { nodes { id impostorWarning } } } }',
        { id: threadId },
        { token: asker.token },
      );
      return data.thread.replies.nodes.find((node) => node.id === posted.replyToThread.id)?.impostorWarning;
    };
    await expect(warning()).resolves.toBe(true);
    await app.query(
      'mutation R($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { id } }',
      { userId: helper.id, role: Role.STAFF },
      { token: admin.token },
    );
    await expect(warning()).resolves.toBe(false);
  });

  it('leaves warnings and staff replies alone', async () => {
    const warning = await app.query(
      replyMutation,
      { threadId, body: 'Never send your code to anyone; contact support instead.' },
      { token: stranger.token },
    );
    const staffReply = await app.query(
      replyMutation,
      { threadId, body: 'Please email me through the support form if this persists.' },
      { token: staff.token },
    );
    expect([warning.replyToThread.impostorWarning, staffReply.replyToThread.impostorWarning]).toEqual([false, false]);
    const flagged = (await openFlags()).map((node) => node.postId);
    expect(flagged).not.toContain(warning.replyToThread.id);
    expect(flagged).not.toContain(staffReply.replyToThread.id);
  });

  it.each(['support', 'Supp0rt_desk', 'adm1n', 'faq_b0t', 'rnaria_s', 'mar1a.s'])(
    'refuses the username %j at sign-up',
    async (username) => {
      const response = await app.request(signUp, {
        input: { username, email: `${username.replace(/\W/g, '')}@example.test`, password: 'a long password here' },
      });
      expect(response.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'USERNAME_IMITATES_STAFF',
        fields: [{ field: 'username' }],
      });
    },
  );

  it('accepts ordinary usernames', async () => {
    const response = await app.query(signUp, {
      input: { username: 'maria_k', email: 'maria_k@example.test', password: 'a long password here' },
    });
    expect(response.signUp.user.username).toBe('maria_k');
  });
});

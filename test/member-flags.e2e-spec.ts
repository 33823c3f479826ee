import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../apps/api/src/common/role.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { TestApp } from './support/test-app.js';

const askMutation = `mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`;
const replyMutation = `mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }`;
const flagMutation = `mutation Flag($postType: PostType!, $postId: ID!, $reason: String!) {
  flagPost(postType: $postType, postId: $postId, reason: $reason) { id }
}`;
const resolveMutation = `mutation Resolve($flagId: ID!) { resolveFlag(flagId: $flagId) { id } }`;
const hideMutation = `mutation Hide($postType: PostType!, $postId: ID!) { hidePost(postType: $postType, postId: $postId) { id } }`;
const countsFields = `flagCounts { received { open postHidden dismissed } raised { open postHidden dismissed } }`;
const historyQuery = `query History($username: String!, $first: Int, $after: String) {
  user(username: $username) {
    username
    ${countsFields}
    flagsReceived(first: $first, after: $after) {
      nodes { id postType postId threadId threadTitle excerpt reason status resolution reporter { username } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

interface Counts {
  open: number;
  postHidden: number;
  dismissed: number;
}

interface ReceivedFlag {
  id: string;
  postType: string;
  postId: string;
  threadId: string | null;
  threadTitle: string | null;
  excerpt: string;
  reason: string;
  status: string;
  resolution: string | null;
  reporter: { username: string } | null;
}

interface History {
  user: {
    username: string;
    flagCounts: { received: Counts; raised: Counts } | null;
    flagsReceived: { nodes: ReceivedFlag[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null;
  };
}

const counts = (open: number, postHidden: number, dismissed: number): Counts => ({ open, postHidden, dismissed });

describe("a member's flag history on their profile", () => {
  let app: TestApp;
  let staff: TestAccount;

  beforeAll(async () => {
    app = await TestApp.start();
    staff = await createAccount(app, Role.STAFF);
  });
  afterAll(async () => {
    await app.stop();
  });

  async function ask(token: string, title = 'Forum theme looks odd on my tablet'): Promise<string> {
    const data = await app.query<{ askQuestion: { id: string } }>(
      askMutation,
      { input: { title, body: 'The sidebar overlaps the thread list when I rotate the screen.' } },
      { token },
    );
    return data.askQuestion.id;
  }

  async function reply(threadId: string, token: string, body = 'Rotate it back and reload the page.'): Promise<string> {
    return (await app.query<{ replyToThread: { id: string } }>(replyMutation, { threadId, body }, { token })).replyToThread.id;
  }

  async function flag(token: string, postType: string, postId: string, reason = 'Looks like spam'): Promise<string> {
    return (await app.query<{ flagPost: { id: string } }>(flagMutation, { postType, postId, reason }, { token })).flagPost.id;
  }

  const history = (username: string, variables: Record<string, unknown> = {}) =>
    app.query<History>(historyQuery, { username, first: 50, ...variables }, { token: staff.token });

  it('shows staff the flags on the member’s posts and the flags they raised, open, upheld and dismissed, newest first', async () => {
    const member = await createAccount(app, Role.MEMBER);
    const others = await Promise.all([0, 1].map(() => createAccount(app, Role.MEMBER)));
    const [first, second] = others;
    const othersThread = await ask(first.token, 'Where do I change my notification e-mails?');
    const question = await ask(member.token, 'Cheap watches, visit my shop');
    const replyToOthers = await reply(othersThread, member.token, 'Buy my watches instead.');
    const secondReply = await reply(question, member.token, 'Still selling watches.');
    // Flags on someone else's posts are not the member's.
    const unrelated = await reply(othersThread, second.token);
    await flag(first.token, 'REPLY', unrelated);

    const onQuestion = await flag(first.token, 'THREAD', question, 'Advertising');
    const onReply = await flag(second.token, 'REPLY', replyToOthers, 'Off topic');
    const onSecondReply = await flag(first.token, 'REPLY', secondReply, 'Spam again');
    const raisedThenUpheld = await reply(othersThread, second.token, 'Click here for free points.');
    await flag(member.token, 'REPLY', raisedThenUpheld);
    await flag(member.token, 'THREAD', othersThread);

    expect((await history(member.username)).user.flagCounts).toEqual({ received: counts(3, 0, 0), raised: counts(2, 0, 0) });

    await app.query(resolveMutation, { flagId: onQuestion }, { token: staff.token });
    await app.query(hideMutation, { postType: 'REPLY', postId: replyToOthers }, { token: staff.token });
    await app.query(hideMutation, { postType: 'REPLY', postId: raisedThenUpheld }, { token: staff.token });
    const { user } = await history(member.username);
    expect(user.flagCounts).toEqual({ received: counts(1, 1, 1), raised: counts(1, 1, 0) });
    expect(user.flagsReceived).toEqual({
      nodes: [
        {
          id: onSecondReply,
          postType: 'REPLY',
          postId: secondReply,
          threadId: question,
          threadTitle: 'Cheap watches, visit my shop',
          excerpt: 'Still selling watches.',
          reason: 'Spam again',
          status: 'OPEN',
          resolution: null,
          reporter: { username: first.username },
        },
        expect.objectContaining({
          id: onReply,
          postId: replyToOthers,
          threadId: othersThread,
          threadTitle: 'Where do I change my notification e-mails?',
          reason: 'Off topic',
          status: 'RESOLVED',
          resolution: 'POST_HIDDEN',
          reporter: { username: second.username },
        }),
        expect.objectContaining({ id: onQuestion, postType: 'THREAD', postId: question, status: 'RESOLVED', resolution: 'DISMISSED' }),
      ],
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
    });
    // The other side of the same flags.
    expect((await history(first.username)).user.flagCounts).toEqual({ received: counts(1, 0, 0), raised: counts(2, 0, 1) });
    expect((await history(second.username)).user.flagCounts).toEqual({ received: counts(1, 1, 0), raised: counts(0, 1, 0) });
  });

  it('refuses a member (FORBIDDEN) and a visitor (UNAUTHENTICATED) the history, and never answers a visitor from a staff read', async () => {
    const member = await createAccount(app, Role.MEMBER);
    const reporter = await createAccount(app, Role.MEMBER);
    await flag(reporter.token, 'THREAD', await ask(member.token));
    const variables = { username: member.username, first: 50 };

    // Read by staff first, then by a visitor with the very same document: the visitor's answer is not the cached one.
    expect((await history(member.username)).user.flagCounts?.received.open).toBe(1);
    for (const [viewer, code] of [
      [member.token, 'FORBIDDEN'],
      [reporter.token, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const response = await app.request<History>(historyQuery, variables, { token: viewer });
      expect(response.data?.user).toEqual({ username: member.username, flagCounts: null, flagsReceived: null });
      expect(response.errors?.map((error) => [error.path?.join('.'), error.extensions?.code])).toEqual([
        ['user.flagCounts', code],
        ['user.flagsReceived', code],
      ]);
    }
    // And the other way round: staff are not answered from a visitor's read.
    expect((await history(member.username)).user.flagCounts?.received.open).toBe(1);
  });

  it('pages through the flags on a member’s posts newest first, and refuses another list’s cursor', async () => {
    const member = await createAccount(app, Role.MEMBER);
    const threadId = await ask(member.token);
    const reporters = await Promise.all([0, 1, 2, 3, 4].map(() => createAccount(app, Role.MEMBER)));
    const flagIds: string[] = [];
    for (const reporter of reporters) flagIds.push(await flag(reporter.token, 'THREAD', threadId));

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: History = await history(member.username, { first: 2, after });
      seen.push(...page.user.flagsReceived!.nodes.map((node) => node.id));
      expect(page.user.flagsReceived!.nodes.length).toBeLessThanOrEqual(2);
      after = page.user.flagsReceived!.pageInfo.endCursor;
      if (!page.user.flagsReceived!.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual([...flagIds].reverse());
    const past = await history(member.username, { after });
    expect(past.user.flagsReceived).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });

    const openFlags = await app.query<{ openFlags: { pageInfo: { endCursor: string } } }>(
      '{ openFlags(first: 1) { pageInfo { endCursor } } }',
      {},
      { token: staff.token },
    );
    for (const variables of [{ after: openFlags.openFlags.pageInfo.endCursor }, { first: 0 }, { first: 51 }]) {
      const response = await app.request(historyQuery, { username: member.username, ...variables }, { token: staff.token });
      expect(response.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
  });

  it('counts every member’s flags in one statement, however many members a page shows, and reads a page of flags in the same statements, however long', async () => {
    const statementsFor = async (reporterCount: number) => {
      const member = await createAccount(app, Role.MEMBER);
      const threadId = await ask(member.token);
      const reporters = await Promise.all(Array.from({ length: reporterCount }, () => createAccount(app, Role.MEMBER)));
      for (const reporter of reporters) await flag(reporter.token, 'REPLY', await reply(threadId, member.token));
      const read = (fields: string) =>
        app.countStatements(() =>
          app.query<{ user: { flagsReceived?: { nodes: { reporter: { username: string; flagCounts?: { raised: Counts } } }[] } } }>(
            `query Q($username: String!) { user(username: $username) { id ${fields} } }`,
            { username: member.username },
            { token: staff.token },
          ),
        );
      const profile = await read('');
      const withCounts = await read(countsFields);
      const page = await read('flagsReceived(first: 50) { nodes { id excerpt reporter { username } } }');
      const pageWithReportersCounts = await read(`flagsReceived(first: 50) { nodes { id excerpt reporter { username ${countsFields} } } }`);
      expect(page.result.user.flagsReceived!.nodes).toHaveLength(reporterCount);
      expect(pageWithReportersCounts.result.user.flagsReceived!.nodes.map((node) => node.reporter.flagCounts!.raised)).toEqual(
        reporters.map(() => counts(1, 0, 0)),
      );
      return {
        counts: withCounts.statements - profile.statements,
        page: page.statements - profile.statements,
        reportersCounts: pageWithReportersCounts.statements - page.statements,
      };
    };
    const two = await statementsFor(2);
    expect(two.counts).toBe(1);
    expect(two.reportersCounts).toBe(1);
    expect(await statementsFor(8)).toEqual(two);
  });
});

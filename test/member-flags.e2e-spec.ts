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
const flagFields = 'id postType postId threadId threadTitle excerpt reason status resolution reporter { username } postAuthor { username }';
const historyQuery = `query History($username: String!) {
  user(username: $username) {
    username
    ${countsFields}
    flagsReceived(first: 50) { nodes { ${flagFields} } pageInfo { hasNextPage endCursor } }
    flagsRaised(first: 50) { nodes { ${flagFields} } pageInfo { hasNextPage endCursor } }
  }
}`;
type FlagList = 'flagsReceived' | 'flagsRaised';
const pageQuery = (list: FlagList) => `query Page($username: String!, $first: Int, $after: String) {
  user(username: $username) { ${list}(first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }
}`;

interface Counts {
  open: number;
  postHidden: number;
  dismissed: number;
}

interface MemberFlag {
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
  postAuthor: { username: string } | null;
}

interface FlagPage<Node> {
  nodes: Node[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface History {
  user: {
    username: string;
    flagCounts: { received: Counts; raised: Counts } | null;
    flagsReceived: FlagPage<MemberFlag> | null;
    flagsRaised: FlagPage<MemberFlag> | null;
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

  const history = (username: string) => app.query<History>(historyQuery, { username }, { token: staff.token });

  /** Every page of one of the member's lists, `first` at a time: the flags' ids, and the cursor past the last page. */
  async function pageThrough(list: FlagList, username: string, first: number): Promise<{ ids: string[]; after: string | null }> {
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { user: Record<FlagList, FlagPage<{ id: string }>> } = await app.query(
        pageQuery(list),
        { username, first, after },
        { token: staff.token },
      );
      const connection = page.user[list];
      expect(connection.nodes.length).toBeLessThanOrEqual(first);
      ids.push(...connection.nodes.map((node) => node.id));
      after = connection.pageInfo.endCursor;
      if (!connection.pageInfo.hasNextPage) return { ids, after };
    }
  }

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
    const raisedOnReply = await flag(member.token, 'REPLY', raisedThenUpheld, 'Phishing link');
    const raisedOnThread = await flag(member.token, 'THREAD', othersThread, 'Asked before');

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
          postAuthor: { username: member.username },
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
    // The flags the member raised, on others' posts; the upheld one's post is hidden, and staff still see it.
    expect(user.flagsRaised).toEqual({
      nodes: [
        {
          id: raisedOnThread,
          postType: 'THREAD',
          postId: othersThread,
          threadId: othersThread,
          threadTitle: 'Where do I change my notification e-mails?',
          excerpt: 'The sidebar overlaps the thread list when I rotate the screen.',
          reason: 'Asked before',
          status: 'OPEN',
          resolution: null,
          reporter: { username: member.username },
          postAuthor: { username: first.username },
        },
        {
          id: raisedOnReply,
          postType: 'REPLY',
          postId: raisedThenUpheld,
          threadId: othersThread,
          threadTitle: 'Where do I change my notification e-mails?',
          excerpt: 'Click here for free points.',
          reason: 'Phishing link',
          status: 'RESOLVED',
          resolution: 'POST_HIDDEN',
          reporter: { username: member.username },
          postAuthor: { username: second.username },
        },
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
    const variables = { username: member.username };

    // Read by staff first, then by a visitor with the very same document: the visitor's answer is not the cached one.
    const staffRead = await history(member.username);
    expect(staffRead.user.flagCounts?.received.open).toBe(1);
    expect(staffRead.user.flagsReceived?.nodes).toHaveLength(1);
    for (const [viewer, code] of [
      [member.token, 'FORBIDDEN'],
      [reporter.token, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const response = await app.request<History>(historyQuery, variables, { token: viewer });
      expect(response.data?.user).toEqual({ username: member.username, flagCounts: null, flagsReceived: null, flagsRaised: null });
      expect(response.errors?.map((error) => [error.path?.join('.'), error.extensions?.code])).toEqual([
        ['user.flagCounts', code],
        ['user.flagsReceived', code],
        ['user.flagsRaised', code],
      ]);
    }
    // And the other way round: staff are not answered from a visitor's read.
    expect((await history(member.username)).user.flagCounts?.received.open).toBe(1);
    expect((await history(reporter.username)).user.flagsRaised?.nodes).toHaveLength(1);
  });

  it('pages through the flags on a member’s posts and the flags they raised, newest first, and refuses another list’s cursor', async () => {
    const member = await createAccount(app, Role.MEMBER);
    const threadId = await ask(member.token);
    const reporters = await Promise.all([0, 1, 2, 3, 4].map(() => createAccount(app, Role.MEMBER)));
    const received: string[] = [];
    for (const reporter of reporters) received.push(await flag(reporter.token, 'THREAD', threadId));
    const raised: string[] = [];
    for (const author of reporters) raised.push(await flag(member.token, 'THREAD', await ask(author.token)));

    const receivedPages = await pageThrough('flagsReceived', member.username, 2);
    expect(receivedPages.ids).toEqual([...received].reverse());
    const raisedPages = await pageThrough('flagsRaised', member.username, 2);
    expect(raisedPages.ids).toEqual([...raised].reverse());
    for (const [list, after] of [
      ['flagsReceived', receivedPages.after],
      ['flagsRaised', raisedPages.after],
    ] as const) {
      const past = await app.query<{ user: Record<FlagList, FlagPage<{ id: string }>> }>(
        pageQuery(list),
        { username: member.username, after },
        { token: staff.token },
      );
      expect(past.user[list]).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    }

    const openFlags = await app.query<{ openFlags: { pageInfo: { endCursor: string } } }>(
      '{ openFlags(first: 1) { pageInfo { endCursor } } }',
      {},
      { token: staff.token },
    );
    for (const [list, variables] of [
      ['flagsReceived', { after: openFlags.openFlags.pageInfo.endCursor }],
      ['flagsReceived', { after: raisedPages.after }],
      ['flagsRaised', { after: receivedPages.after }],
      ['flagsRaised', { after: openFlags.openFlags.pageInfo.endCursor }],
      ['flagsReceived', { first: 0 }],
      ['flagsRaised', { first: 51 }],
    ] as const) {
      const response = await app.request(pageQuery(list), { username: member.username, ...variables }, { token: staff.token });
      expect(response.errors?.[0]?.extensions?.code, `${list} ${JSON.stringify(variables)}`).toBe('BAD_USER_INPUT');
    }
  });

  it('counts every member’s flags in one statement, however many members a page shows, and reads a page of either list in the same statements, however long', async () => {
    const statementsFor = async (reporterCount: number) => {
      const member = await createAccount(app, Role.MEMBER);
      const threadId = await ask(member.token);
      const reporters = await Promise.all(Array.from({ length: reporterCount }, () => createAccount(app, Role.MEMBER)));
      for (const reporter of reporters) await flag(reporter.token, 'REPLY', await reply(threadId, member.token));
      // And the member flags a question of each, so each raised flag's post has another author.
      for (const reporter of reporters) await flag(member.token, 'THREAD', await ask(reporter.token));
      type Node = { reporter: { username: string; flagCounts?: { raised: Counts } }; postAuthor: { username: string } };
      const read = (fields: string) =>
        app.countStatements(() =>
          app.query<{ user: { flagsReceived?: { nodes: Node[] }; flagsRaised?: { nodes: Node[] } } }>(
            `query Q($username: String!) { user(username: $username) { id ${fields} } }`,
            { username: member.username },
            { token: staff.token },
          ),
        );
      const profile = await read('');
      const withCounts = await read(countsFields);
      const page = await read('flagsReceived(first: 50) { nodes { id excerpt reporter { username } postAuthor { username } } }');
      const raisedPage = await read('flagsRaised(first: 50) { nodes { id excerpt reporter { username } postAuthor { username } } }');
      expect(raisedPage.result.user.flagsRaised!.nodes.map((node) => node.postAuthor.username)).toEqual(
        reporters.map((reporter) => reporter.username).reverse(),
      );
      const pageWithReportersCounts = await read(`flagsReceived(first: 50) { nodes { id excerpt reporter { username ${countsFields} } } }`);
      expect(page.result.user.flagsReceived!.nodes).toHaveLength(reporterCount);
      expect(pageWithReportersCounts.result.user.flagsReceived!.nodes.map((node) => node.reporter.flagCounts!.raised)).toEqual(
        reporters.map(() => counts(1, 0, 0)),
      );
      return {
        counts: withCounts.statements - profile.statements,
        page: page.statements - profile.statements,
        raisedPage: raisedPage.statements - profile.statements,
        reportersCounts: pageWithReportersCounts.statements - page.statements,
      };
    };
    const two = await statementsFor(2);
    expect(two.counts).toBe(1);
    expect(two.reportersCounts).toBe(1);
    expect(await statementsFor(8)).toEqual(two);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForumEvents, ForumEventMap } from '../apps/api/src/events/forum-events.js';
import { print } from 'graphql';
import { Role } from '../apps/api/src/common/role.js';
import { ThreadPageDocument } from '../apps/web/src/gql/graphql.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { TestApp } from './support/test-app.js';

const askMutation = `mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`;
const replyMutation = `mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }`;
const threadQuery = `query Thread($id: ID!) {
  thread(id: $id) { id status locked hidden replyCount hiddenReplyCount replies(first: 50) { nodes { id hidden } } }
}`;
const flagMutation = `mutation Flag($postType: PostType!, $postId: ID!, $reason: String!) {
  flagPost(postType: $postType, postId: $postId, reason: $reason) { id postType postId threadId status reason reporter { username } }
}`;
const hideMutation = `mutation Hide($postType: PostType!, $postId: ID!, $reason: String) {
  hidePost(postType: $postType, postId: $postId, reason: $reason) { id action targetType targetId note actor { username } }
}`;
const restoreMutation = `mutation Restore($postType: PostType!, $postId: ID!, $reason: String) {
  restorePost(postType: $postType, postId: $postId, reason: $reason) { id action targetType targetId }
}`;
const lockMutation = `mutation Lock($threadId: ID!, $reason: String) { lockThread(threadId: $threadId, reason: $reason) { id action targetType targetId } }`;
const unlockMutation = `mutation Unlock($threadId: ID!, $reason: String) { unlockThread(threadId: $threadId, reason: $reason) { id action targetType targetId } }`;
const editQuestionMutation = `mutation EditQuestion($threadId: ID!, $input: EditQuestionInput!) { editQuestion(threadId: $threadId, input: $input) { id } }`;
const editReplyMutation = `mutation EditReply($replyId: ID!, $input: EditReplyInput!) { editReply(replyId: $replyId, input: $input) { id } }`;
const acceptMutation = `mutation Accept($replyId: ID!) { acceptAnswer(replyId: $replyId) { id } }`;
const unacceptMutation = `mutation Unaccept($threadId: ID!) { unacceptAnswer(threadId: $threadId) { id } }`;
const lockedThreadQuery = `query LockedThread($id: ID!) {
  thread(id: $id) {
    title body status viewerCanEdit acceptedReply { id }
    replies(first: 10) { nodes { id body viewerCanEdit } }
  }
}`;
const resolveMutation = `mutation Resolve($flagId: ID!, $note: String) { resolveFlag(flagId: $flagId, note: $note) { id status resolvedAt resolvedBy { username } } }`;
const openFlagsQuery = `query OpenFlags($first: Int, $after: String) {
  openFlags(first: $first, after: $after) {
    nodes { id postType postId threadId threadTitle excerpt reason status createdAt reporter { username } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const logQuery = `query Log($first: Int, $after: String) {
  moderationLog(first: $first, after: $after) {
    nodes { id action targetType targetId note createdAt actor { username } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface ThreadData {
  thread: {
    id: string;
    status: string;
    locked: boolean;
    hidden: boolean;
    replyCount: number;
    hiddenReplyCount: number;
    replies: { nodes: { id: string; hidden: boolean }[] };
  };
}

interface LockedThreadData {
  thread: {
    title: string;
    body: string;
    status: string;
    viewerCanEdit: boolean;
    acceptedReply: { id: string } | null;
    replies: { nodes: { id: string; body: string; viewerCanEdit: boolean }[] };
  };
}

interface LogEntry {
  id: string;
  action: string;
  targetType: string;
  targetId: string;
  note: string | null;
  createdAt: string;
  actor: { username: string };
}

describe('moderation', () => {
  let app: TestApp;
  let author: TestAccount;
  let other: TestAccount;
  let staff: TestAccount;

  beforeAll(async () => {
    app = await TestApp.start();
    author = await createAccount(app, Role.MEMBER);
    other = await createAccount(app, Role.MEMBER);
    staff = await createAccount(app, Role.STAFF);
  });
  afterAll(async () => {
    await app.stop();
  });

  async function ask(token = author.token): Promise<string> {
    const data = await app.query<{ askQuestion: { id: string } }>(
      askMutation,
      { input: { title: 'Forum theme looks odd on my tablet', body: 'The sidebar overlaps the thread list when I rotate the screen.' } },
      { token },
    );
    return data.askQuestion.id;
  }

  async function reply(threadId: string, token = author.token): Promise<string> {
    const data = await app.query<{ replyToThread: { id: string } }>(
      replyMutation,
      { threadId, body: 'Save the QR code when you set up 2FA.' },
      { token },
    );
    return data.replyToThread.id;
  }

  async function logFor(targetType: string, targetId: string): Promise<LogEntry[]> {
    const data = await app.query<{ moderationLog: { nodes: LogEntry[] } }>(logQuery, { first: 50 }, { token: staff.token });
    return data.moderationLog.nodes.filter((entry) => entry.targetType === targetType && entry.targetId === targetId);
  }

  describe('access', () => {
    it('refuses staff operations to members (FORBIDDEN) and anonymous users (UNAUTHENTICATED) without changing anything', async () => {
      const threadId = await ask();
      const replyId = await reply(threadId);
      const { flagPost } = await app.query<{ flagPost: { id: string } }>(
        flagMutation,
        { postType: 'REPLY', postId: replyId, reason: 'This is spam.' },
        { token: other.token },
      );
      const before = await app.query<ThreadData>(threadQuery, { id: threadId }, { token: staff.token });
      const operations: [string, Record<string, unknown>][] = [
        [hideMutation, { postType: 'REPLY', postId: replyId }],
        [hideMutation, { postType: 'THREAD', postId: threadId }],
        [restoreMutation, { postType: 'REPLY', postId: replyId }],
        [lockMutation, { threadId }],
        [unlockMutation, { threadId }],
        [resolveMutation, { flagId: flagPost.id }],
        [openFlagsQuery, {}],
        [logQuery, {}],
      ];
      for (const [query, variables] of operations) {
        const asMember = await app.request(query, variables, { token: author.token });
        expect(asMember.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
        const anonymous = await app.request(query, variables);
        expect(anonymous.errors?.[0]?.extensions?.code, query).toBe('UNAUTHENTICATED');
      }

      const { thread } = await app.query<ThreadData>(threadQuery, { id: threadId }, { token: staff.token });
      expect(thread).toEqual(before.thread);
      expect(thread).toMatchObject({ locked: false, hidden: false, status: 'OPEN' });
      expect(thread.replies.nodes).toContainEqual({ id: replyId, hidden: false });
      expect(await logFor('THREAD', threadId)).toEqual([]);
      expect(await logFor('REPLY', replyId)).toEqual([]);
      const open = await app.query<{ openFlags: { nodes: { id: string }[] } }>(openFlagsQuery, { first: 50 }, { token: staff.token });
      expect(open.openFlags.nodes.map((flag) => flag.id)).toContain(flagPost.id);
    });
  });

  describe('hiding', () => {
    it('hides a reply from other members and anonymous users but not from staff and its author, and keeps replyCount in step', async () => {
      const threadId = await ask();
      const hiddenReply = await reply(threadId, other.token);
      const keptReply = await reply(threadId);
      // Counted rather than assumed: the FAQ bot may have replied too.
      const visibleBefore = (await app.query<ThreadData>(threadQuery, { id: threadId })).thread.replyCount;

      const hide = await app.query<{ hidePost: LogEntry }>(
        hideMutation,
        { postType: 'REPLY', postId: hiddenReply, reason: 'Off topic' },
        { token: staff.token },
      );
      expect(hide.hidePost).toMatchObject({
        action: 'HIDE',
        targetType: 'REPLY',
        targetId: hiddenReply,
        note: 'Off topic',
        actor: { username: staff.username },
      });

      for (const token of [undefined, author.token]) {
        const { thread } = await app.query<ThreadData>(threadQuery, { id: threadId }, { token });
        expect(thread.replyCount).toBe(visibleBefore - 1);
        expect(thread.hiddenReplyCount).toBe(0);
        expect(thread.replies.nodes.map((node) => node.id)).toContain(keptReply);
        expect(thread.replies.nodes.map((node) => node.id)).not.toContain(hiddenReply);
      }
      for (const token of [staff.token, other.token]) {
        const { thread } = await app.query<ThreadData>(threadQuery, { id: threadId }, { token });
        expect(thread.replies.nodes).toContainEqual({ id: hiddenReply, hidden: true });
        // Those who see the hidden reply are told how many of what they see replyCount leaves out.
        expect(thread.hiddenReplyCount).toBe(1);
      }

      await app.query(restoreMutation, { postType: 'REPLY', postId: hiddenReply }, { token: staff.token });
      const { thread } = await app.query<ThreadData>(threadQuery, { id: threadId });
      expect(thread.replyCount).toBe(visibleBefore);
      expect(thread.hiddenReplyCount).toBe(0);
      expect(thread.replies.nodes.map((node) => node.id)).toEqual(expect.arrayContaining([hiddenReply, keptReply]));
    });

    it('hides a thread from other members and anonymous users but not from staff and its author', async () => {
      const threadId = await ask();
      await app.query(hideMutation, { postType: 'THREAD', postId: threadId }, { token: staff.token });

      for (const token of [undefined, other.token]) {
        const response = await app.request(threadQuery, { id: threadId }, { token });
        expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      }
      for (const token of [staff.token, author.token]) {
        const { thread } = await app.query<ThreadData>(threadQuery, { id: threadId }, { token });
        expect(thread.hidden).toBe(true);
      }

      await app.query(restoreMutation, { postType: 'THREAD', postId: threadId }, { token: staff.token });
      const { thread } = await app.query<ThreadData>(threadQuery, { id: threadId });
      expect(thread.hidden).toBe(false);
    });

    it('answers accepting a reply of a hidden thread as an unknown reply, without naming the thread', async () => {
      const threadId = await ask();
      const replyId = await reply(threadId, other.token);
      await app.query(hideMutation, { postType: 'THREAD', postId: threadId }, { token: staff.token });
      const refused = await app.request(acceptMutation, { replyId }, { token: other.token });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'REPLY_NOT_FOUND' });
      expect(refused.errors?.[0]?.message).not.toContain(`Thread ${threadId}`);
    });

    it('resolves the open flags of the post it hides', async () => {
      const threadId = await ask();
      const replyId = await reply(threadId);
      const { flagPost } = await app.query<{ flagPost: { id: string } }>(
        flagMutation,
        { postType: 'REPLY', postId: replyId, reason: 'Rude reply' },
        { token: other.token },
      );
      await app.query(hideMutation, { postType: 'REPLY', postId: replyId }, { token: staff.token });
      const open = await app.query<{ openFlags: { nodes: { id: string }[] } }>(openFlagsQuery, { first: 50 }, { token: staff.token });
      expect(open.openFlags.nodes.map((flag) => flag.id)).not.toContain(flagPost.id);
    });

    it('reports a post already in the requested state as CONFLICT and an unknown one as NOT_FOUND', async () => {
      const threadId = await ask();
      const restore = await app.request(restoreMutation, { postType: 'THREAD', postId: threadId }, { token: staff.token });
      expect(restore.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      await app.query(hideMutation, { postType: 'THREAD', postId: threadId }, { token: staff.token });
      const again = await app.request(hideMutation, { postType: 'THREAD', postId: threadId }, { token: staff.token });
      expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect((await logFor('THREAD', threadId)).map((entry) => entry.action)).toEqual(['HIDE']);

      const unknown = await app.request(hideMutation, { postType: 'REPLY', postId: '999999' }, { token: staff.token });
      expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const malformed = await app.request(hideMutation, { postType: 'REPLY', postId: 'abc' }, { token: staff.token });
      expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('edit history', () => {
    const editQuestion = `mutation EditQuestion($threadId: ID!, $input: EditQuestionInput!) { editQuestion(threadId: $threadId, input: $input) { id } }`;
    const editReply = `mutation EditReply($replyId: ID!, $input: EditReplyInput!) { editReply(replyId: $replyId, input: $input) { id } }`;
    const historyQuery = `query History($postType: PostType!, $postId: ID!) {
      revisions(postType: $postType, postId: $postId) { nodes { previousBody } }
    }`;
    const threadHistoryQuery = `query ThreadHistory($id: ID!) {
      thread(id: $id) {
        revisions { nodes { previousBody } }
        replies(first: 10) { nodes { id revisions(first: 10) { nodes { previousBody } } } }
      }
    }`;
    const original = 'The sidebar overlaps the thread list when I rotate the screen.';
    const personal = 'The sidebar overlaps the thread list. I live at 12 Elm Street, write to me there.';
    const redacted = 'The sidebar overlaps the thread list. [address removed by staff]';
    const reworded = 'The sidebar overlaps the thread list when the tablet is turned.';

    interface ThreadHistory {
      thread: {
        revisions: { nodes: { previousBody: string }[] };
        replies: { nodes: { id: string; revisions: { nodes: { previousBody: string }[] } }[] };
      };
    }

    /** What a viewer reads of a post's history, through the revisions query and the post's own field (newest first). */
    async function historyOf(postType: 'THREAD' | 'REPLY', postId: string, threadId: string, token?: string): Promise<string[]> {
      const listed = await app.query<{ revisions: { nodes: { previousBody: string }[] } }>(historyQuery, { postType, postId }, { token });
      const { thread } = await app.query<ThreadHistory>(threadHistoryQuery, { id: threadId }, { token });
      const field = postType === 'THREAD' ? thread.revisions : thread.replies.nodes.find((node) => node.id === postId)?.revisions;
      const bodies = listed.revisions.nodes.map((revision) => revision.previousBody);
      expect(field?.nodes.map((revision) => revision.previousBody)).toEqual(bodies);
      return bodies;
    }

    it('shows what staff edited out, and everything before it, only to staff and the author', async () => {
      const threadId = await ask();
      await app.query(editQuestion, { threadId, input: { body: personal } }, { token: author.token });
      await app.query(editQuestion, { threadId, input: { body: redacted } }, { token: staff.token });
      await app.query(editQuestion, { threadId, input: { body: reworded } }, { token: author.token });

      for (const token of [author.token, staff.token]) {
        expect(await historyOf('THREAD', threadId, threadId, token)).toEqual([redacted, personal, original]);
      }
      for (const token of [undefined, other.token]) {
        expect(await historyOf('THREAD', threadId, threadId, token)).toEqual([redacted]);
      }
    });

    it("keeps a reply's text from before a staff edit from other members and anonymous users", async () => {
      const threadId = await ask(other.token);
      const replyId = await reply(threadId);
      await app.query(editReply, { replyId, input: { body: personal } }, { token: author.token });
      await app.query(editReply, { replyId, input: { body: redacted } }, { token: staff.token });

      for (const token of [author.token, staff.token]) {
        expect(await historyOf('REPLY', replyId, threadId, token)).toEqual([personal, 'Save the QR code when you set up 2FA.']);
      }
      // `other` asked the question: the asker of the thread is not the reply's author.
      for (const token of [undefined, other.token]) {
        expect(await historyOf('REPLY', replyId, threadId, token)).toEqual([]);
      }
    });

    it('keeps the whole history public when staff edit only their own posts', async () => {
      const threadId = await ask(staff.token);
      await app.query(editQuestion, { threadId, input: { body: reworded } }, { token: staff.token });
      expect(await historyOf('THREAD', threadId, threadId)).toEqual([original]);
    });
  });

  describe('locking', () => {
    it('refuses replies to a locked thread and accepts them again once unlocked', async () => {
      const threadId = await ask();
      const seen: ForumEventMap['threadLocked'][] = [];
      app.nest.get(ForumEvents).on('threadLocked', (event) => {
        if (String(event.threadId) === threadId) seen.push(event);
      });

      const repliesBefore = (await app.query<ThreadData>(threadQuery, { id: threadId })).thread.replyCount;
      await app.query(lockMutation, { threadId, reason: 'Resolved elsewhere' }, { token: staff.token });
      const locked = await app.query<ThreadData>(threadQuery, { id: threadId });
      expect(locked.thread).toMatchObject({ locked: true, status: 'LOCKED' });
      const refused = await app.request(replyMutation, { threadId, body: 'One more thing' }, { token: other.token });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await app.query<ThreadData>(threadQuery, { id: threadId })).thread.replyCount).toBe(repliesBefore);

      await app.query(unlockMutation, { threadId }, { token: staff.token });
      const unlocked = await app.query<ThreadData>(threadQuery, { id: threadId });
      expect(unlocked.thread).toMatchObject({ locked: false, status: 'OPEN' });
      await reply(threadId, other.token);
      expect(seen.map((event) => event.locked)).toEqual([true, false]);
      expect(seen[0].actorId).toBe(Number(staff.id));
    });

    it('returns an answered thread to ANSWERED when unlocked', async () => {
      const threadId = await ask();
      const replyId = await reply(threadId, other.token);
      await app.query(`mutation($replyId: ID!) { acceptAnswer(replyId: $replyId) { id } }`, { replyId }, { token: author.token });
      await app.query(lockMutation, { threadId }, { token: staff.token });
      expect((await app.query<ThreadData>(threadQuery, { id: threadId })).thread.status).toBe('LOCKED');
      await app.query(unlockMutation, { threadId }, { token: staff.token });
      expect((await app.query<ThreadData>(threadQuery, { id: threadId })).thread.status).toBe('ANSWERED');
    });

    it("keeps a locked thread's posts and accepted answer from members' changes, and lets staff still make them", async () => {
      const threadId = await ask();
      const accepted = await reply(threadId, other.token);
      const second = await reply(threadId, other.token);
      await app.query(acceptMutation, { replyId: accepted }, { token: author.token });
      await app.query(lockMutation, { threadId }, { token: staff.token });
      const before = await app.query<LockedThreadData>(lockedThreadQuery, { id: threadId }, { token: staff.token });

      const refused = [
        await app.request(editQuestionMutation, { threadId, input: { title: 'Forum theme is fine after all' } }, { token: author.token }),
        await app.request(editReplyMutation, { replyId: accepted, input: { body: 'Never mind that.' } }, { token: other.token }),
        await app.request(acceptMutation, { replyId: second }, { token: author.token }),
        await app.request(unacceptMutation, { threadId }, { token: author.token }),
      ];
      for (const response of refused) {
        expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'THREAD_LOCKED' });
      }
      expect(await app.query<LockedThreadData>(lockedThreadQuery, { id: threadId }, { token: staff.token })).toEqual(before);
      const asAuthor = await app.query<LockedThreadData>(lockedThreadQuery, { id: threadId }, { token: author.token });
      expect(asAuthor.thread.viewerCanEdit).toBe(false);
      const asReplier = await app.query<LockedThreadData>(lockedThreadQuery, { id: threadId }, { token: other.token });
      expect(asReplier.thread.replies.nodes.map((node) => node.viewerCanEdit)).toEqual([false, false]);

      expect(before.thread.viewerCanEdit).toBe(true);
      expect(before.thread.replies.nodes.map((node) => node.viewerCanEdit)).toEqual([true, true]);
      await app.query(
        editReplyMutation,
        { replyId: accepted, input: { body: 'Edited by staff in a locked thread.' } },
        { token: staff.token },
      );
      await app.query(acceptMutation, { replyId: second }, { token: staff.token });
      const afterStaff = await app.query<LockedThreadData>(lockedThreadQuery, { id: threadId }, { token: staff.token });
      expect(afterStaff.thread.acceptedReply?.id).toBe(second);
      expect(afterStaff.thread.replies.nodes[0]?.body).toBe('Edited by staff in a locked thread.');

      await app.query(unlockMutation, { threadId }, { token: staff.token });
      await app.query(editQuestionMutation, { threadId, input: { title: 'Forum theme is fine after all' } }, { token: author.token });
      expect((await app.query<LockedThreadData>(lockedThreadQuery, { id: threadId }, { token: author.token })).thread).toMatchObject({
        title: 'Forum theme is fine after all',
        viewerCanEdit: true,
      });
    });

    it("keeps a hidden post from its author's changes until it is restored, and lets staff still make them", async () => {
      const threadId = await ask();
      const accepted = await reply(threadId, other.token);
      const second = await reply(threadId, other.token);
      await app.query(acceptMutation, { replyId: accepted }, { token: author.token });
      const hiddenReply = await reply(threadId, other.token);
      await app.query(hideMutation, { postType: 'REPLY', postId: hiddenReply }, { token: staff.token });
      // The replier could not see a hidden question at all: their reply is refused before the question is hidden.
      const refusedReply = await app.request(
        editReplyMutation,
        { replyId: hiddenReply, input: { body: 'Never mind that.' } },
        { token: other.token },
      );
      await app.query(hideMutation, { postType: 'THREAD', postId: threadId }, { token: staff.token });
      const before = await app.query<LockedThreadData>(lockedThreadQuery, { id: threadId }, { token: staff.token });

      const refused = [
        refusedReply,
        await app.request(editQuestionMutation, { threadId, input: { title: 'Forum theme is fine after all' } }, { token: author.token }),
        await app.request(acceptMutation, { replyId: second }, { token: author.token }),
        await app.request(unacceptMutation, { threadId }, { token: author.token }),
      ];
      for (const response of refused) {
        expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'POST_HIDDEN' });
      }
      expect(await app.query<LockedThreadData>(lockedThreadQuery, { id: threadId }, { token: staff.token })).toEqual(before);
      expect((await app.query<LockedThreadData>(lockedThreadQuery, { id: threadId }, { token: author.token })).thread.viewerCanEdit).toBe(
        false,
      );
      await app.query(restoreMutation, { postType: 'THREAD', postId: threadId }, { token: staff.token });
      const asReplier = await app.query<LockedThreadData>(lockedThreadQuery, { id: threadId }, { token: other.token });
      expect(asReplier.thread.replies.nodes.map((node) => [node.id, node.viewerCanEdit])).toEqual([
        [accepted, true],
        [second, true],
        [hiddenReply, false],
      ]);
      expect(before.thread.replies.nodes.map((node) => node.viewerCanEdit)).toEqual([true, true, true]);

      await app.query(
        editReplyMutation,
        { replyId: hiddenReply, input: { body: 'Edited by staff while hidden.' } },
        { token: staff.token },
      );
      await app.query(editQuestionMutation, { threadId, input: { title: 'Forum theme is fine after all' } }, { token: author.token });
      await app.query(restoreMutation, { postType: 'REPLY', postId: hiddenReply }, { token: staff.token });
      await app.query(editReplyMutation, { replyId: hiddenReply, input: { body: 'My own words again.' } }, { token: other.token });
      const after = await app.query<LockedThreadData>(lockedThreadQuery, { id: threadId }, { token: other.token });
      expect(after.thread.title).toBe('Forum theme is fine after all');
      expect(after.thread.replies.nodes[2]).toMatchObject({ body: 'My own words again.', viewerCanEdit: true });
    });

    it('reports locking a locked thread as CONFLICT and an unknown thread as NOT_FOUND', async () => {
      const threadId = await ask();
      await app.query(lockMutation, { threadId }, { token: staff.token });
      const again = await app.request(lockMutation, { threadId }, { token: staff.token });
      expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      const unknown = await app.request(unlockMutation, { threadId: '999999' }, { token: staff.token });
      expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('log', () => {
    it('records every action with who, what, target, note and when, newest first', async () => {
      const threadId = await ask();
      const replyId = await reply(threadId);
      const { flagPost } = await app.query<{ flagPost: { id: string } }>(
        flagMutation,
        { postType: 'THREAD', postId: threadId, reason: 'Duplicate question' },
        { token: other.token },
      );
      const started = Date.now();
      await app.query(hideMutation, { postType: 'REPLY', postId: replyId, reason: 'spam' }, { token: staff.token });
      await app.query(restoreMutation, { postType: 'REPLY', postId: replyId, reason: 'not spam after all' }, { token: staff.token });
      await app.query(lockMutation, { threadId, reason: 'heated' }, { token: staff.token });
      await app.query(unlockMutation, { threadId }, { token: staff.token });
      await app.query(resolveMutation, { flagId: flagPost.id, note: 'not a duplicate' }, { token: staff.token });

      const data = await app.query<{ moderationLog: { nodes: LogEntry[] } }>(logQuery, { first: 5 }, { token: staff.token });
      expect(
        data.moderationLog.nodes.map(({ action, targetType, targetId, note, actor }) => ({
          action,
          targetType,
          targetId,
          note,
          actor: actor.username,
        })),
      ).toEqual([
        { action: 'RESOLVE_FLAG', targetType: 'FLAG', targetId: flagPost.id, note: 'not a duplicate', actor: staff.username },
        { action: 'UNLOCK', targetType: 'THREAD', targetId: threadId, note: null, actor: staff.username },
        { action: 'LOCK', targetType: 'THREAD', targetId: threadId, note: 'heated', actor: staff.username },
        { action: 'RESTORE', targetType: 'REPLY', targetId: replyId, note: 'not spam after all', actor: staff.username },
        { action: 'HIDE', targetType: 'REPLY', targetId: replyId, note: 'spam', actor: staff.username },
      ]);
      for (const entry of data.moderationLog.nodes) expect(new Date(entry.createdAt).getTime()).toBeGreaterThanOrEqual(started - 1000);
    });

    it('pages through the log without repeats', async () => {
      const threadId = await ask();
      for (let index = 0; index < 3; index++) {
        await app.query(lockMutation, { threadId }, { token: staff.token });
        await app.query(unlockMutation, { threadId }, { token: staff.token });
      }
      const first = await app.query<{ moderationLog: { nodes: LogEntry[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
        logQuery,
        { first: 4 },
        { token: staff.token },
      );
      const second = await app.query<{ moderationLog: { nodes: LogEntry[] } }>(
        logQuery,
        { first: 2, after: first.moderationLog.pageInfo.endCursor },
        { token: staff.token },
      );
      expect(first.moderationLog.pageInfo.hasNextPage).toBe(true);
      const ids = [...first.moderationLog.nodes, ...second.moderationLog.nodes].map((entry) => Number(entry.id));
      expect(new Set(ids).size).toBe(6);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      const bad = await app.request(logQuery, { after: 'not-a-cursor' }, { token: staff.token });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('answers an empty page past the oldest entry without an endCursor, as every list does', async () => {
      await app.query(lockMutation, { threadId: await ask() }, { token: staff.token });
      let after: string | null = null;
      for (;;) {
        const page: { moderationLog: { pageInfo: { hasNextPage: boolean; endCursor: string } } } = await app.query(
          logQuery,
          { first: 50, after },
          { token: staff.token },
        );
        after = page.moderationLog.pageInfo.endCursor;
        if (!page.moderationLog.pageInfo.hasNextPage) break;
      }
      const past = await app.query<{ moderationLog: unknown }>(logQuery, { after }, { token: staff.token });
      expect(past.moderationLog).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    });
    it("links each action to its thread (the thread, a reply's thread, a flagged post's thread), a flag's to the flagged post, and role changes to the user", async () => {
      const threadId = await ask();
      const replyId = await reply(threadId);
      const { flagPost } = await app.query<{ flagPost: { id: string } }>(
        flagMutation,
        { postType: 'REPLY', postId: replyId, reason: 'Off topic' },
        { token: other.token },
      );
      await app.query(lockMutation, { threadId }, { token: staff.token });
      await app.query(resolveMutation, { flagId: flagPost.id }, { token: staff.token });
      await app.query(hideMutation, { postType: 'REPLY', postId: replyId }, { token: staff.token });
      await app.query(hideMutation, { postType: 'THREAD', postId: threadId }, { token: staff.token });
      const admin = await createAccount(app, Role.ADMIN);
      const promoted = await createAccount(app, Role.MEMBER);
      await app.query(
        'mutation Role($userId: ID!) { setUserRole(userId: $userId, role: STAFF) { id } }',
        { userId: promoted.id },
        { token: admin.token },
      );

      const { result: data, statements } = await app.countStatements(() =>
        app.query<{
          moderationLog: {
            nodes: {
              action: string;
              targetType: string;
              thread: { id: string; title: string } | null;
              targetUser: { username: string } | null;
              flag: Record<string, string> | null;
            }[];
          };
        }>(
          'query Log { moderationLog(first: 5) { nodes { action targetType thread { id title } targetUser { username } flag { id postType postId threadId threadTitle excerpt reason } } } }',
          {},
          { token: staff.token },
        ),
      );
      const thread = { id: threadId, title: 'Forum theme looks odd on my tablet' };
      const flag = {
        id: flagPost.id,
        postType: 'REPLY',
        postId: replyId,
        threadId,
        threadTitle: thread.title,
        excerpt: 'Save the QR code when you set up 2FA.',
        reason: 'Off topic',
      };
      expect(data.moderationLog.nodes).toEqual([
        { action: 'CHANGE_ROLE', targetType: 'USER', thread: null, targetUser: { username: promoted.username }, flag: null },
        { action: 'HIDE', targetType: 'THREAD', thread, targetUser: null, flag: null },
        { action: 'HIDE', targetType: 'REPLY', thread, targetUser: null, flag: null },
        { action: 'RESOLVE_FLAG', targetType: 'FLAG', thread, targetUser: null, flag },
        { action: 'LOCK', targetType: 'THREAD', thread, targetUser: null, flag: null },
      ]);
      // Session, log page, flags, replies, threads, users, and the flags with their posts: not one query per entry.
      expect(statements).toBeLessThanOrEqual(11);
    });
  });

  describe('flags', () => {
    it('lets a member flag a post and staff see it in the queue with its excerpt, then resolve it', async () => {
      const threadId = await ask();
      const replyId = await reply(threadId);
      const { flagPost } = await app.query<{ flagPost: { id: string; status: string; reporter: { username: string } } }>(
        flagMutation,
        { postType: 'REPLY', postId: replyId, reason: '  Looks like phishing  ' },
        { token: other.token },
      );
      expect(flagPost).toMatchObject({ status: 'OPEN', reporter: { username: other.username } });

      const open = await app.query<{ openFlags: { nodes: Record<string, unknown>[] } }>(
        openFlagsQuery,
        { first: 50 },
        { token: staff.token },
      );
      expect(open.openFlags.nodes.find((flag) => flag.id === flagPost.id)).toMatchObject({
        postType: 'REPLY',
        postId: replyId,
        threadId,
        threadTitle: 'Forum theme looks odd on my tablet',
        excerpt: 'Save the QR code when you set up 2FA.',
        reason: 'Looks like phishing',
        status: 'OPEN',
        reporter: { username: other.username },
      });

      const resolved = await app.query<{ resolveFlag: { status: string; resolvedBy: { username: string } } }>(
        resolveMutation,
        { flagId: flagPost.id },
        { token: staff.token },
      );
      expect(resolved.resolveFlag).toMatchObject({ status: 'RESOLVED', resolvedBy: { username: staff.username } });
      const again = await app.request(resolveMutation, { flagId: flagPost.id }, { token: staff.token });
      expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      const unknown = await app.request(resolveMutation, { flagId: '999999' }, { token: staff.token });
      expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

      // Once resolved, the same member may flag the post again.
      await app.query(flagMutation, { postType: 'REPLY', postId: replyId, reason: 'Still phishing' }, { token: other.token });
    });

    it('shows staff the flagged post as readers see it, without its Markdown', async () => {
      const threadId = await ask();
      const { replyToThread } = await app.query<{ replyToThread: { id: string } }>(
        replyMutation,
        { threadId, body: '## Try this\n\n**Print** the [setup code](https://example.com/qr) and keep it `offline`.' },
        { token: author.token },
      );
      const { flagPost } = await app.query<{ flagPost: { id: string } }>(
        flagMutation,
        { postType: 'REPLY', postId: replyToThread.id, reason: 'Links to another site' },
        { token: other.token },
      );
      const open = await app.query<{ openFlags: { nodes: { id: string; excerpt: string }[] } }>(
        openFlagsQuery,
        { first: 50 },
        { token: staff.token },
      );
      expect(open.openFlags.nodes.find((flag) => flag.id === flagPost.id)?.excerpt).toBe(
        'Try this Print the setup code and keep it offline.',
      );
    });

    it('validates flags: reason length, unknown and invisible posts, duplicates, sign-in', async () => {
      const threadId = await ask();
      const hiddenThread = await ask();
      await app.query(hideMutation, { postType: 'THREAD', postId: hiddenThread }, { token: staff.token });
      const countOpen = async () =>
        (await app.query<{ openFlags: { nodes: unknown[] } }>(openFlagsQuery, { first: 50 }, { token: staff.token })).openFlags.nodes
          .length;
      const before = await countOpen();

      const short = await app.request(flagMutation, { postType: 'THREAD', postId: threadId, reason: ' bad ' }, { token: other.token });
      expect(short.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(short.errors?.[0]?.extensions?.fields?.[0]?.field).toBe('reason');
      const long = await app.request(
        flagMutation,
        { postType: 'THREAD', postId: threadId, reason: 'x'.repeat(501) },
        { token: other.token },
      );
      expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const malformed = await app.request(flagMutation, { postType: 'THREAD', postId: '-1', reason: 'Spam post' }, { token: other.token });
      expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      for (const [postType, postId] of [
        ['THREAD', '999999'],
        ['REPLY', '999999'],
        ['THREAD', hiddenThread],
      ]) {
        const response = await app.request(flagMutation, { postType, postId, reason: 'Spam post' }, { token: other.token });
        expect(response.errors?.[0]?.extensions?.code, `${postType} ${postId}`).toBe('NOT_FOUND');
      }
      const anonymous = await app.request(flagMutation, { postType: 'THREAD', postId: threadId, reason: 'Spam post' });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      // One's own post is edited, not reported: the author's question and reply, even one another member replied under.
      const ownReply = await reply(threadId);
      await reply(threadId, other.token);
      for (const [postType, postId] of [
        ['THREAD', threadId],
        ['REPLY', ownReply],
      ]) {
        const own = await app.request(flagMutation, { postType, postId, reason: 'Please remove this' }, { token: author.token });
        expect(own.errors?.[0]?.extensions, postType).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_POST_FLAGGED' });
      }
      expect(await countOpen()).toBe(before);

      await app.query(flagMutation, { postType: 'THREAD', postId: threadId, reason: 'Spam post' }, { token: other.token });
      const duplicate = await app.request(
        flagMutation,
        { postType: 'THREAD', postId: threadId, reason: 'Spam post again' },
        { token: other.token },
      );
      expect(duplicate.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      // Another member's flag on the same post is not a duplicate.
      await app.query(flagMutation, { postType: 'THREAD', postId: threadId, reason: 'Spam post' }, { token: staff.token });
      expect(await countOpen()).toBe(before + 2);
    });

    it('tells each viewer whether they have an open flag on the question and each reply; a resolved flag no longer counts and the post can be flagged again', async () => {
      const threadId = await ask();
      const replyId = await reply(threadId, other.token);
      const flagger = await createAccount(app, Role.MEMBER);
      const bystander = await createAccount(app, Role.MEMBER);
      const flaggedQuery = `query Flagged($id: ID!) { thread(id: $id) { viewerFlagged replies(first: 10) { nodes { id viewerFlagged } } } }`;
      const flaggedAs = async (token?: string) => {
        const { thread } = await app.query<{
          thread: { viewerFlagged: boolean; replies: { nodes: { id: string; viewerFlagged: boolean }[] } };
        }>(flaggedQuery, { id: threadId }, token ? { token } : {});
        return { question: thread.viewerFlagged, reply: thread.replies.nodes.find((node) => node.id === replyId)?.viewerFlagged };
      };
      const flagAs = (token: string, postType: string, postId: string) =>
        app.request<{ flagPost: { id: string } }>(flagMutation, { postType, postId, reason: 'Looks like spam' }, { token });

      expect(await flaggedAs(flagger.token)).toEqual({ question: false, reply: false });
      const replyFlag = (await flagAs(flagger.token, 'REPLY', replyId)).data!.flagPost.id;
      expect(await flaggedAs(flagger.token)).toEqual({ question: false, reply: true });
      await flagAs(flagger.token, 'THREAD', threadId);
      expect(await flaggedAs(flagger.token)).toEqual({ question: true, reply: true });
      // Someone else's flag is not the viewer's; visitors and the posts' authors have none.
      expect(await flaggedAs(bystander.token)).toEqual({ question: false, reply: false });
      expect(await flaggedAs()).toEqual({ question: false, reply: false });
      expect(await flaggedAs(author.token)).toEqual({ question: false, reply: false });
      expect(await flaggedAs(other.token)).toEqual({ question: false, reply: false });
      // The API refuses another flag while one is open, as the field says.
      expect((await flagAs(flagger.token, 'REPLY', replyId)).errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'ALREADY_FLAGGED',
      });

      await app.query(resolveMutation, { flagId: replyFlag }, { token: staff.token });
      expect(await flaggedAs(flagger.token)).toEqual({ question: true, reply: false });
      expect((await flagAs(flagger.token, 'REPLY', replyId)).errors).toBeUndefined();
      expect(await flaggedAs(flagger.token)).toEqual({ question: true, reply: true });
      // Hiding the question resolves its flags too.
      await app.query(hideMutation, { postType: 'THREAD', postId: threadId }, { token: staff.token });
      const asStaff = await app.query<{ thread: { viewerFlagged: boolean } }>(flaggedQuery, { id: threadId }, { token: staff.token });
      expect(asStaff.thread.viewerFlagged).toBe(false);
    });

    it("reads a member's flags on a thread page (the web app's own query) in one statement, with 2 replies or 20, and a visitor's in none", async () => {
      const threadPage = print(ThreadPageDocument);
      const threadPageWithoutFlags = threadPage.replaceAll(/\bviewerFlagged\b/g, '');
      const flagger = await createAccount(app, Role.MEMBER);
      const statementsFor = async (replies: number) => {
        const threadId = await ask();
        const replyIds: string[] = [];
        for (let index = 0; index < replies; index++) replyIds.push(await reply(threadId, other.token));
        await app.query(flagMutation, { postType: 'THREAD', postId: threadId, reason: 'Looks like spam' }, { token: flagger.token });
        for (const replyId of replyIds.slice(0, 2))
          await app.query(flagMutation, { postType: 'REPLY', postId: replyId, reason: 'Looks like spam' }, { token: flagger.token });
        const read = (token?: string, query = threadPage) =>
          app.countStatements(() =>
            app.query<{ thread: { viewerFlagged: boolean; replies: { nodes: { viewerFlagged: boolean }[] } } }>(
              query,
              { id: threadId, first: 50 },
              token ? { token } : {},
            ),
          );
        const member = await read(flagger.token);
        expect(member.result.thread.viewerFlagged).toBe(true);
        expect(member.result.thread.replies.nodes.map((node) => node.viewerFlagged)).toEqual(replyIds.map((_, index) => index < 2));
        return {
          member: member.statements,
          memberWithoutFlags: (await read(flagger.token, threadPageWithoutFlags)).statements,
          visitor: (await read()).statements,
          visitorWithoutFlags: (await read(undefined, threadPageWithoutFlags)).statements,
        };
      };
      const two = await statementsFor(2);
      const twenty = await statementsFor(20);
      expect(twenty).toEqual(two);
      // One statement for the member's flags on the question and all its replies; none for a visitor.
      expect(two.member).toBe(two.memberWithoutFlags + 1);
      expect(two.visitor).toBe(two.visitorWithoutFlags);
    });

    it('pages through open flags oldest first', async () => {
      const threadId = await ask();
      const reporters = await Promise.all([0, 1, 2].map(() => createAccount(app, Role.MEMBER)));
      for (const reporter of reporters)
        await app.query(flagMutation, { postType: 'THREAD', postId: threadId, reason: 'Needs a look' }, { token: reporter.token });
      const all: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await app.query<{ openFlags: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
          openFlagsQuery,
          { first: 2, after },
          { token: staff.token },
        );
        all.push(...page.openFlags.nodes.map((flag) => flag.id));
        after = page.openFlags.pageInfo.endCursor;
        if (!page.openFlags.pageInfo.hasNextPage) break;
      }
      expect(new Set(all).size).toBe(all.length);
      expect(all.map(Number)).toEqual([...all.map(Number)].sort((a, b) => a - b));
      expect(all.length).toBeGreaterThanOrEqual(3);
      // Past the last flag the page is empty, without an endCursor, as every list's.
      const past = await app.query<{ openFlags: unknown }>(openFlagsQuery, { after }, { token: staff.token });
      expect(past.openFlags).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    });
  });
});

describe('flag rate limit', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_FLAGS_PER_HOUR: '2' });
  });
  afterAll(async () => {
    await app.stop();
  });

  it('refuses a member more flags per hour than the limit', async () => {
    const author = await createAccount(app, Role.MEMBER);
    const reporter = await createAccount(app, Role.MEMBER);
    const threadIds: string[] = [];
    for (let index = 0; index < 3; index++) {
      const data = await app.query<{ askQuestion: { id: string } }>(
        askMutation,
        { input: { title: `Theme question number ${index}`, body: 'The sidebar overlaps the thread list when I rotate the screen.' } },
        { token: author.token },
      );
      threadIds.push(data.askQuestion.id);
    }
    await app.query(flagMutation, { postType: 'THREAD', postId: threadIds[0], reason: 'Spam post' }, { token: reporter.token });
    await app.query(flagMutation, { postType: 'THREAD', postId: threadIds[1], reason: 'Spam post' }, { token: reporter.token });
    const third = await app.request(
      flagMutation,
      { postType: 'THREAD', postId: threadIds[2], reason: 'Spam post' },
      { token: reporter.token },
    );
    expect(third.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // The limit is per member.
    const otherReporter = await createAccount(app, Role.MEMBER);
    await app.query(flagMutation, { postType: 'THREAD', postId: threadIds[2], reason: 'Spam post' }, { token: otherReporter.token });
  });
});

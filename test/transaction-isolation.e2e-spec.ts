import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Role } from '../apps/api/src/common/role.js';
import { PostJobs } from '../apps/api/src/jobs/post-jobs.service.js';
import { createAccount } from './support/accounts.js';
import { TestApp } from './support/test-app.js';

const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id title } }';
const replyMutation = 'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }';
const editQuestionMutation =
  'mutation EditQuestion($threadId: ID!, $input: EditQuestionInput!) { editQuestion(threadId: $threadId, input: $input) { id } }';
const titleQuery = 'query Title($id: ID!) { thread(id: $id) { title } }';
const unreadQuery = '{ unreadNotificationCount }';
const markAllMutation = 'mutation { markAllNotificationsRead }';

/**
 * While one request's transaction is open and waiting between its statements, other requests go on. What they read
 * must be what is committed, and what they write must not go down with that transaction if it rolls back: on SQLite's
 * one connection both would otherwise run inside it.
 */
describe('requests beside an open transaction', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('read what is committed, and keep their writes when that transaction rolls back', async () => {
    const asker = await createAccount(app, Role.MEMBER);
    const replier = await createAccount(app, Role.MEMBER);
    const reader = await createAccount(app, Role.MEMBER);
    // Off-topic, so that the FAQ bot stays out of it.
    const title = `Forum colours on my phone ${randomBytes(3).toString('hex')}`;
    const { askQuestion: thread } = await app.query<{ askQuestion: { id: string } }>(
      askMutation,
      { input: { title, body: 'Can the forum use a darker colour scheme on small screens, please?' } },
      { token: asker.token },
    );
    await app.query(replyMutation, { threadId: thread.id, body: 'Try the appearance setting in your browser.' }, { token: replier.token });
    await app.jobsDone();
    expect(await app.query(unreadQuery, {}, { token: asker.token })).toEqual({ unreadNotificationCount: 1 });

    // The edit's transaction has written the new title when it records the edit's jobs; held there, then it fails.
    let reached!: () => void;
    const atHold = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const recordEdit = vi.spyOn(app.nest.get(PostJobs), 'recordEdit').mockImplementation(async () => {
      reached();
      await released;
      throw new Error('the disk is full');
    });
    try {
      const edit = app.request(
        editQuestionMutation,
        { threadId: thread.id, input: { title: `${title} (edited)`, body: 'Can the forum use a darker colour scheme on phones, please?' } },
        { token: asker.token },
      );
      await atHold;

      expect(await app.query(titleQuery, { id: thread.id }, { token: reader.token })).toEqual({ thread: { title } });
      const markAll = app.query<{ markAllNotificationsRead: number }>(markAllMutation, {}, { token: asker.token });
      release();
      expect((await edit).errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      // It answers with the unread count.
      expect(await markAll).toEqual({ markAllNotificationsRead: 0 });
    } finally {
      release();
      recordEdit.mockRestore();
    }
    expect(await app.query(unreadQuery, {}, { token: asker.token })).toEqual({ unreadNotificationCount: 0 });
    expect(await app.query(titleQuery, { id: thread.id }, { token: reader.token })).toEqual({ thread: { title } });
  });
});

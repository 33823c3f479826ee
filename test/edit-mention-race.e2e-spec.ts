import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Role } from '../apps/api/src/common/role.js';
import { liveChannels, LivePubSub } from '../apps/api/src/live/live-pubsub.js';
import { PostJobs } from '../apps/api/src/jobs/post-jobs.service.js';
import { RevisionsService } from '../apps/api/src/threads/revisions.service.js';
import { createAccount, TestAccount } from './support/accounts.js';
import { TestApp } from './support/test-app.js';

const askMutation = 'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
const replyMutation = 'mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }';
const editReplyMutation =
  'mutation EditReply($replyId: ID!, $input: EditReplyInput!) { editReply(replyId: $replyId, input: $input) { id } }';
const notificationsQuery = '{ notifications(first: 10) { nodes { kind replyId } } }';
const mentionersQuery = '{ notifications(first: 10) { nodes { actor { username } } } }';

const variants = [
  { name: 'in-process jobs', redis: false },
  { name: 'BullMQ jobs on Redis', redis: true },
] as const;

/*
 * The job that notifies whom edits of a post newly mention runs once per post at a time, and the queues take no second
 * run of it while it runs: an edit committed while it runs must still be served, whether the run read the text before
 * that edit (the run's completion must not count) or finished before it (the job must run again), at once, not by the
 * sweep a minute later.
 */
describe.each(variants)('an edit committed while the job of an earlier edit runs: $name', ({ redis }) => {
  let app: TestApp;
  let asker: TestAccount;
  let replier: TestAccount;
  let staff: TestAccount;

  beforeAll(async () => {
    if (redis && !process.env.TEST_REDIS_URL) return;
    const settings: Record<string, string> = redis
      ? { REDIS_URL: process.env.TEST_REDIS_URL ?? '', REDIS_KEY_PREFIX: `twofa:test:${randomBytes(4).toString('hex')}:` }
      : {};
    app = await TestApp.start(settings);
    asker = await createAccount(app, Role.MEMBER);
    replier = await createAccount(app, Role.MEMBER);
    staff = await createAccount(app, Role.STAFF);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** A reply with nobody named, its own jobs done. */
  const newReply = async () => {
    const { askQuestion } = await app.query<{ askQuestion: { id: string } }>(
      askMutation,
      {
        input: { title: `Forum colours on my phone ${randomBytes(3).toString('hex')}`, body: 'Can the forum use a darker colour scheme?' },
      },
      { token: asker.token },
    );
    const { replyToThread } = await app.query<{ replyToThread: { id: string } }>(
      replyMutation,
      { threadId: askQuestion.id, body: 'Try the appearance setting in your browser.' },
      { token: replier.token },
    );
    await app.jobsDone();
    return replyToThread.id;
  };
  const editReply = (replyId: string, body: string, token = replier.token) =>
    app.query(editReplyMutation, { replyId, input: { body } }, { token });
  const mentionersOf = async (account: TestAccount) =>
    (await app.query<{ notifications: { nodes: { actor: { username: string } }[] } }>(mentionersQuery, {}, { token: account.token }))
      .notifications.nodes;
  const mentionsOf = async (account: TestAccount) =>
    (await app.query<{ notifications: { nodes: { kind: string; replyId: string }[] } }>(notificationsQuery, {}, { token: account.token }))
      .notifications.nodes;

  it.skipIf(redis && !process.env.TEST_REDIS_URL)('notifies whom it names when the job read the text before it', async () => {
    const [early, late] = await Promise.all([createAccount(app, Role.MEMBER), createAccount(app, Role.MEMBER)]);
    const replyId = await newReply();
    // The job has read the reply's text and reads its earlier ones: the second edit commits right then.
    const revisions = app.nest.get(RevisionsService);
    const edits = revisions.editsFrom.bind(revisions);
    let interleaved = false;
    vi.spyOn(revisions, 'editsFrom').mockImplementation(async (...read) => {
      const bodies = await edits(...read);
      if (!interleaved && String(read[1]) === replyId) {
        interleaved = true;
        await editReply(replyId, `Ask @${early.username} or @${late.username}.`);
      }
      return bodies;
    });

    await editReply(replyId, `Ask @${early.username}.`);
    await app.jobsDone();
    expect(interleaved).toBe(true);
    expect(await mentionsOf(early)).toEqual([{ kind: 'MENTION', replyId }]);
    expect(await mentionsOf(late)).toEqual([{ kind: 'MENTION', replyId }]);
  });

  it.skipIf(redis && !process.env.TEST_REDIS_URL)('notifies whom it names when the job finished just before it', async () => {
    const [early, late] = await Promise.all([createAccount(app, Role.MEMBER), createAccount(app, Role.MEMBER)]);
    const replyId = await newReply();
    // The job's notifications are committed and being pushed live: the second edit commits before the job returns.
    const live = app.nest.get(LivePubSub);
    const publish = live.publish.bind(live);
    let interleaved = false;
    vi.spyOn(live, 'publish').mockImplementation(async (channel, message) => {
      await publish(channel, message);
      if (!interleaved && channel === liveChannels.notifications(Number(early.id))) {
        interleaved = true;
        await editReply(replyId, `Ask @${early.username} or @${late.username}.`);
      }
    });

    await editReply(replyId, `Ask @${early.username}.`);
    await app.jobsDone();
    expect(interleaved).toBe(true);
    expect(await mentionsOf(early)).toEqual([{ kind: 'MENTION', replyId }]);
    expect(await mentionsOf(late)).toEqual([{ kind: 'MENTION', replyId }]);
  });

  it.skipIf(redis && !process.env.TEST_REDIS_URL)('notifies whom it names when the job returned just before it', async () => {
    const [early, late] = await Promise.all([createAccount(app, Role.MEMBER), createAccount(app, Role.MEMBER)]);
    const replyId = await newReply();
    // The job is done and has nothing left to read, but its queue still holds it: the second edit commits right then.
    const jobs = app.nest.get(PostJobs);
    const run = jobs.run.bind(jobs);
    let interleaved: Promise<unknown> | null = null;
    vi.spyOn(jobs, 'run').mockImplementation(async (job) => {
      await run(job);
      if (!interleaved && job.job === 'notify-reply-edit' && String(job.postId) === replyId) {
        interleaved = editReply(replyId, `Ask @${early.username} or @${late.username}.`);
        await interleaved;
      }
    });

    await editReply(replyId, `Ask @${early.username}.`);
    // No job runs or waits between the first job's end and the second edit's commit: wait for the edit first.
    await vi.waitFor(() => expect(interleaved).not.toBeNull());
    await interleaved;
    // Well within a sweep period.
    await app.jobsDone(5_000);
    expect(await mentionsOf(early)).toEqual([{ kind: 'MENTION', replyId }]);
    expect(await mentionsOf(late)).toEqual([{ kind: 'MENTION', replyId }]);
  });

  it.skipIf(redis && !process.env.TEST_REDIS_URL)('credits each person named to the editor whose edit named them first', async () => {
    const [early, late] = await Promise.all([createAccount(app, Role.MEMBER), createAccount(app, Role.MEMBER)]);
    const replyId = await newReply();
    // The author's edit names one person; staff's, made while its job reads the reply's history, another: one run
    // serves both edits.
    const revisions = app.nest.get(RevisionsService);
    const edits = revisions.editsFrom.bind(revisions);
    let interleaved = false;
    vi.spyOn(revisions, 'editsFrom').mockImplementation(async (...read) => {
      const history = await edits(...read);
      if (!interleaved && String(read[1]) === replyId) {
        interleaved = true;
        await editReply(replyId, `Ask @${early.username} or @${late.username}.`, staff.token);
      }
      return history;
    });

    await editReply(replyId, `Ask @${early.username}.`);
    await app.jobsDone();
    expect(interleaved).toBe(true);
    expect(await mentionersOf(early)).toEqual([{ actor: { username: replier.username } }]);
    expect(await mentionersOf(late)).toEqual([{ actor: { username: staff.username } }]);
  });
});

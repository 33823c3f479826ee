import { describe, expect, it } from 'vitest';
import { PostType } from '../common/post-type.js';
import { LocalJobQueue } from './local-job-queue.js';
import { PostJob } from './post-job.js';

const job = (name: string, postId: number): PostJob => ({ job: name, postType: PostType.THREAD, postId, causedById: null });
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A queue of one worker that records the order jobs start in, each taking `ms`; resolves once `count` have started. */
function recordingQueue(count: number, run: (next: PostJob, started: string[]) => Promise<void>, attempts = 1) {
  const started: string[] = [];
  let allStarted: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allStarted = resolve));
  const queue = new LocalJobQueue(
    async (next) => {
      started.push(`${next.job}.${next.postId}`);
      if (started.length === count) allStarted();
      await run(next, started);
    },
    { concurrency: 1, attempts, backoffMs: 5 },
  );
  return { queue, started, done };
}

describe('LocalJobQueue', () => {
  it('runs an urgent job before the background jobs queued ahead of it; background jobs keep their order', async () => {
    const { queue, started, done } = recordingQueue(5, () => sleep(5));
    for (const postId of [0, 1, 2, 3]) await queue.add(job('notify', postId), false);
    await sleep(1);
    await queue.add(job('decide', 4), true);
    await done;
    await queue.close();
    // notify.0 was already running when the urgent job came.
    expect(started).toEqual(['notify.0', 'decide.4', 'notify.1', 'notify.2', 'notify.3']);
  });

  it('puts a retried urgent job ahead of the background jobs still waiting once its pause is over', async () => {
    let failed = false;
    const { queue, started, done } = recordingQueue(
      5,
      async (next) => {
        if (next.job === 'decide' && !failed) {
          failed = true;
          for (const postId of [2, 3, 4]) void queue.add(job('notify', postId), false);
          throw new Error('database busy');
        }
        await sleep(30);
      },
      2,
    );
    await queue.add(job('decide', 1), true);
    await done;
    await queue.close();
    expect(started).toEqual(['decide.1', 'notify.2', 'decide.1', 'notify.3', 'notify.4']);
  });

  it('keeps a slot free for urgent jobs and starts no background job while an urgent one runs', async () => {
    const events: string[] = [];
    const finish = new Map<string, () => void>();
    const queue = new LocalJobQueue(
      (next) =>
        new Promise<void>((resolve) => {
          events.push(`start ${next.job}.${next.postId}`);
          finish.set(`${next.job}.${next.postId}`, () => {
            events.push(`end ${next.job}.${next.postId}`);
            resolve();
          });
        }),
      { concurrency: 3, attempts: 1, backoffMs: 5 },
    );
    for (const postId of [1, 2, 3, 4]) await queue.add(job('notify', postId), false);
    await sleep(5);
    // Two of three slots: the third waits for an urgent job.
    expect(events).toEqual(['start notify.1', 'start notify.2']);
    await queue.add(job('decide', 5), true);
    await sleep(5);
    expect(events.at(-1)).toBe('start decide.5');
    finish.get('notify.1')!();
    await sleep(5);
    // The urgent job has the database to itself, as far as new jobs go.
    expect(events.at(-1)).toBe('end notify.1');
    finish.get('decide.5')!();
    await sleep(5);
    expect(events.slice(-2)).toEqual(['end decide.5', 'start notify.3']);
    finish.get('notify.2')!();
    await sleep(5);
    expect(events.at(-1)).toBe('start notify.4');
    finish.get('notify.3')!();
    finish.get('notify.4')!();
    await queue.close();
  });

  it('starts a job on the next turn of the event loop, after the code that queued it has run on', async () => {
    const events: string[] = [];
    const queue = new LocalJobQueue(
      async (next) => {
        events.push(`start ${next.job}.${next.postId}`);
      },
      { concurrency: 2, attempts: 1, backoffMs: 5 },
    );
    await queue.add(job('decide', 1), true);
    await Promise.resolve();
    events.push('the request answers');
    await sleep(1);
    expect(events).toEqual(['the request answers', 'start decide.1']);
    await queue.close();
  });
});

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
});

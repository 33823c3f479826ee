import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from './support/test-app.js';

interface DemoThread {
  title: string;
  createdAt: string;
  lastActivityAt: string;
  replies: { nodes: { createdAt: string }[] };
}

const hour = 3_600_000;

describe('the demo forum has a believable history', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ SEED_DEMO: 'true' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('was asked over past days, each reply after its question and the one before, active when last replied to', async () => {
    const { threads } = await app.query<{ threads: { nodes: { id: string }[] } }>(`{ threads(first: 20) { nodes { id } } }`);
    expect(threads.nodes.length).toBeGreaterThanOrEqual(5);
    const demo = await Promise.all(
      threads.nodes.map(
        async ({ id }) =>
          (
            await app.query<{ thread: DemoThread }>(
              `query T($id: ID!) { thread(id: $id) { title createdAt lastActivityAt replies(first: 50) { nodes { createdAt } } } }`,
              { id },
            )
          ).thread,
      ),
    );
    const now = Date.now();
    const days = new Set(demo.map((thread) => new Date(thread.createdAt).toISOString().slice(0, 10)));
    expect(days.size).toBe(demo.length);
    for (const thread of demo) {
      const asked = Date.parse(thread.createdAt);
      expect(now - Date.parse(thread.lastActivityAt), thread.title).toBeGreaterThan(hour);
      let previous = asked;
      for (const reply of thread.replies.nodes) {
        expect(Date.parse(reply.createdAt), thread.title).toBeGreaterThan(previous);
        previous = Date.parse(reply.createdAt);
      }
      expect(Date.parse(thread.lastActivityAt)).toBe(previous);
    }
  });
});

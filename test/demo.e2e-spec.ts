import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../apps/api/src/common/role.js';
import { createAccount } from './support/accounts.js';
import { TestApp } from './support/test-app.js';

interface DemoThread {
  title: string;
  createdAt: string;
  lastActivityAt: string;
  botSuggestion: { createdAt: string } | null;
  replies: { nodes: { createdAt: string; author: { isBot: boolean } }[] };
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
              `query T($id: ID!) { thread(id: $id) { title createdAt lastActivityAt botSuggestion { createdAt } replies(first: 50) { nodes { createdAt author { isBot } } } } }`,
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

  it("dates the bot's records with their threads: its suggestions when it replied, its statistics on the threads' days", async () => {
    const { threads } = await app.query<{ threads: { nodes: { id: string }[] } }>(`{ threads(first: 20) { nodes { id } } }`);
    const demo = await Promise.all(
      threads.nodes.map(
        async ({ id }) =>
          (
            await app.query<{ thread: DemoThread }>(
              `query T($id: ID!) { thread(id: $id) { title createdAt lastActivityAt botSuggestion { createdAt } replies(first: 50) { nodes { createdAt author { isBot } } } } }`,
              { id },
            )
          ).thread,
      ),
    );
    const answered = demo.filter((thread) => thread.botSuggestion !== null);
    expect(answered.length).toBeGreaterThan(0);
    for (const thread of answered) {
      const botReply = thread.replies.nodes.find((reply) => reply.author.isBot);
      expect(thread.botSuggestion!.createdAt, thread.title).toBe(botReply?.createdAt ?? thread.createdAt);
    }

    const staff = await createAccount(app, Role.STAFF);
    const { botStats } = await app.query<{ botStats: { perDay: { day: string; counts: { questionsPosted: number } }[] } }>(
      '{ botStats(days: 30) { perDay { day counts { questionsPosted } } } }',
      {},
      { token: staff.token },
    );
    const askedDays = demo.map((thread) => thread.createdAt.slice(0, 10)).sort();
    const countedDays = botStats.perDay.flatMap((day) => Array(day.counts.questionsPosted).fill(day.day) as string[]).sort();
    expect(countedDays).toEqual(askedDays);
  });
});

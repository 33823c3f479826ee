import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from './support/test-app.js';

const suggestQuery = `query Suggest($title: String, $body: String) {
  suggestAnswers(title: $title, body: $body) { threads { id title score } }
}`;

// Questions written for these tests; the demo forum's five threads are what they are compared with.
const offTopic = [
  { title: 'How do I change the app language?', body: 'The app shows everything in English and I would like Portuguese instead.' },
  { title: 'Dark mode on the desktop app', body: 'Is there a dark theme for the desktop app on Windows?' },
  { title: 'Refund for my yearly plan', body: 'I was charged twice for the yearly plan this month. How do I get a refund?' },
  { title: 'Sharing a folder with my family', body: 'Can I share one folder of passwords with my partner and kids?' },
];
const onTopic = [
  {
    title: 'Where are the backup codes for two-factor?',
    body: 'Turned on two-factor authentication and got no backup codes.',
    expected: 'No backup codes',
  },
  { title: 'Switching phones soon', body: 'How do I move my authenticator codes to the new phone?', expected: 'New phone' },
];

describe('similar questions while typing: only threads above a relevance floor', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ SEED_DEMO: 'true' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  async function similar(input: { title: string; body: string }) {
    return (await app.query<{ suggestAnswers: { threads: { id: string; title: string; score: number }[] } }>(suggestQuery, input))
      .suggestAnswers.threads;
  }

  it.each(offTopic)('shows no thread for an off-topic question ($title)', async (input) => {
    await expect(similar(input)).resolves.toEqual([]);
  });

  it.each(onTopic)('still shows the thread that asks the same ($title)', async ({ expected, ...input }) => {
    const threads = await similar(input);
    expect(threads[0]?.title).toContain(expected);
  });
});

import type { Page } from 'playwright-core';
import { liveChannels } from '../../../apps/api/src/live/live-pubsub.js';
import { listenerCount, until } from '../../support/live-client.js';
import type { TestApp } from '../../support/test-app.js';

/** Questions asked through the API, so a page under test has something to show. */
export async function askQuestion(
  app: TestApp,
  token: string,
  input: { title: string; body: string; tags?: string[] },
): Promise<{ id: string; replyId: string | null }> {
  const data = await app.query<{ askQuestion: { id: string } }>(
    `mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
    { input },
    { token },
  );
  // The bot decides in a job after the question is stored.
  await app.jobsDone();
  const read = await app.query<{ thread: { botSuggestion: { replyId: string | null } | null } }>(
    `query Bot($id: ID!) { thread(id: $id) { botSuggestion { replyId } } }`,
    { id: data.askQuestion.id },
    { token },
  );
  return { id: data.askQuestion.id, replyId: read.thread.botSuggestion?.replyId ?? null };
}

export async function reply(app: TestApp, token: string, threadId: string, body: string): Promise<string> {
  const data = await app.query<{ replyToThread: { id: string } }>(
    `mutation Reply($threadId: ID!, $body: String!) { replyToThread(threadId: $threadId, body: $body) { id } }`,
    { threadId, body },
    { token },
  );
  await app.jobsDone();
  return data.replyToThread.id;
}

/** A canonical answer staff made, with no example questions, for a page under test to show or edit. */
export async function createCanonicalAnswer(
  app: TestApp,
  token: string,
  input: { slug: string; title: string; body: string },
): Promise<void> {
  await app.query(
    'mutation C($input: CreateCanonicalAnswerInput!) { createCanonicalAnswer(input: $input) { id } }',
    { input: { ...input, examples: [] } },
    { token },
  );
}

export async function botStatus(app: TestApp, token: string, threadId: string): Promise<string | null> {
  const data = await app.query<{ thread: { botSuggestion: { status: string } | null } }>(
    `query Bot($id: ID!) { thread(id: $id) { botSuggestion { status } } }`,
    { id: threadId },
    { token },
  );
  return data.thread.botSuggestion?.status ?? null;
}

/** How many live subscriptions to the thread the server holds now (pass it to threadPageIsLive). */
export function threadSubscribers(app: TestApp, threadId: string): number {
  return listenerCount(app, liveChannels.thread(Number(threadId)));
}

/**
 * Resolves once live updates reach the thread page: the page shows its socket is acknowledged (data-live), and
 * the server holds more subscriptions to the thread than `before` (graphql-ws acknowledges no single subscribe).
 * Act on the thread only after it, or the change can happen before the page listens.
 */
export async function threadPageIsLive(page: Page, app: TestApp, threadId: string, before: number): Promise<void> {
  await page.locator('.thread-page[data-live="connected"]').waitFor();
  await until(() => threadSubscribers(app, threadId) > before, `the page subscribes to thread ${threadId}`);
}

/** How many live subscriptions to the forum's activity the server holds now (pass it to threadListIsLive). */
export function forumSubscribers(app: TestApp): number {
  return listenerCount(app, liveChannels.forum());
}

/** Resolves once the thread list listens for the forum's activity: the server holds more subscriptions than `before`. */
export async function threadListIsLive(app: TestApp, before: number): Promise<void> {
  await until(() => forumSubscribers(app) > before, 'the thread list subscribes to forum activity');
}

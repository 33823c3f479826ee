import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { liveChannels, LivePubSub } from '../../apps/api/src/live/live-pubsub.js';
import { createAccount } from '../support/accounts.js';
import { listenerCount, until } from '../support/live-client.js';
import { operationsOf } from './support/browser.js';
import { useBrowserApp } from './support/browser-app.js';
import { askQuestion } from './support/forum.js';

// Off-topic on purpose: the FAQ bot finds nothing for it, so it waits in "Without an answer".
const offTopic = () => ({
  title: `Forum colours on my phone ${randomBytes(3).toString('hex')}`,
  body: 'Can the forum use a darker colour scheme on small screens, please?',
});

/** The count a queue's tab shows, once read. */
async function tabCount(page: Page, label: string): Promise<number> {
  const count = page.getByRole('tab', { name: label }).locator('.queue-tabs__count');
  await count.waitFor();
  return Number(await count.textContent());
}

describe('the staff dashboard, live', () => {
  const forum = useBrowserApp();
  const staffSubscribers = () => listenerCount(forum.app, liveChannels.staffQueues());

  it('shows a question a member asks without a reload, with the counts, and keeps what staff were choosing', async () => {
    const member = await createAccount(forum.app, Role.MEMBER);
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const waiting = await askQuestion(forum.app, member.token, offTopic());

    const context = await forum.open({ token: staffAccount.token });
    const page = await context.newPage();
    const before = staffSubscribers();
    await page.goto('/staff?queue=NO_SUGGESTION');
    const seen = page.locator('.stat', { hasText: 'Questions seen' }).locator('dd');
    await seen.waitFor();
    const seenBefore = Number(await seen.textContent());
    await until(() => staffSubscribers() > before, 'the staff page subscribes to its queues');

    // A staff member is halfway through a correction of the question already waiting.
    const choice = page.getByTestId(`queue-item-${waiting.id}`).getByLabel('The right canonical answer');
    await choice.selectOption({ index: 1 });
    const chosen = await choice.inputValue();
    await choice.focus();

    const asked = await askQuestion(forum.app, member.token, offTopic());

    await page.getByTestId(`queue-item-${asked.id}`).waitFor();
    await expect.poll(async () => Number(await seen.textContent())).toBe(seenBefore + 1);
    await expect.poll(() => page.getByTestId('queue-announcement').textContent()).toBe('1 new question in this queue');
    await expect(choice.inputValue()).resolves.toBe(chosen);
    await expect(choice.evaluate((element) => element === element.ownerDocument.activeElement)).resolves.toBe(true);
  });

  it("shows a second staff member the tabs' counts change as another decides, and tells nothing of a fall", async () => {
    const member = await createAccount(forum.app, Role.MEMBER);
    const waiting = await askQuestion(forum.app, member.token, offTopic());
    const pages: Page[] = [];
    for (let index = 0; index < 2; index++) {
      const staffAccount = await createAccount(forum.app, Role.STAFF);
      const page = await (await forum.open({ token: staffAccount.token })).newPage();
      const before = staffSubscribers();
      await page.goto('/staff?queue=NO_SUGGESTION');
      await until(() => staffSubscribers() > before, 'the staff page subscribes to its queues');
      pages.push(page);
    }
    const [deciding, watching] = pages as [Page, Page];
    const without = await tabCount(watching, 'Without an answer');
    const dismissed = await tabCount(watching, 'Dismissed, unanswered');
    expect(without).toBeGreaterThan(0);

    await deciding.getByTestId(`queue-item-${waiting.id}`).getByRole('button', { name: 'Dismiss' }).click();

    // Each tab's name says its count, as a screen reader reads it.
    await watching.getByRole('tab', { name: `Without an answer, ${without - 1}`, exact: true }).waitFor();
    await watching.getByRole('tab', { name: `Dismissed, unanswered, ${dismissed + 1}`, exact: true }).waitFor();
    await watching.getByTestId(`queue-item-${waiting.id}`).waitFor({ state: 'detached' });
    expect(await watching.getByTestId('queue-announcement').textContent()).toBe('');
  });

  it('takes a flag another staff member dismissed or hid the post of off the open flags, with the count, without a reload', async () => {
    const member = await createAccount(forum.app, Role.MEMBER);
    const reporter = await createAccount(forum.app, Role.MEMBER);
    const reasons = [`Not about two-factor ${randomBytes(3).toString('hex')}`, `Advertising ${randomBytes(3).toString('hex')}`];
    for (const reason of reasons) {
      const { id } = await askQuestion(forum.app, member.token, offTopic());
      await forum.app.query(
        'mutation F($id: ID!, $reason: String!) { flagPost(postType: THREAD, postId: $id, reason: $reason) { id } }',
        { id, reason },
        { token: reporter.token },
      );
    }
    const pages: Page[] = [];
    for (let index = 0; index < 2; index++) {
      const staffAccount = await createAccount(forum.app, Role.STAFF);
      const page = await (await forum.open({ token: staffAccount.token })).newPage();
      const before = staffSubscribers();
      await page.goto('/staff?queue=flags');
      await until(() => staffSubscribers() > before, 'the staff page subscribes to its queues');
      pages.push(page);
    }
    const [deciding, watching] = pages as [Page, Page];
    const [dismissedReason, hiddenReason] = reasons as [string, string];
    const flags = await tabCount(watching, 'Open flags');
    const dismissedRow = watching.locator('li.queue-item', { hasText: dismissedReason });
    const hiddenRow = watching.locator('li.queue-item', { hasText: hiddenReason });
    await dismissedRow.waitFor();
    await hiddenRow.waitFor();

    await deciding.locator('li.queue-item', { hasText: dismissedReason }).getByRole('button', { name: 'Dismiss flag' }).click();
    await dismissedRow.waitFor({ state: 'detached' });
    await watching.getByRole('tab', { name: `Open flags, ${flags - 1}`, exact: true }).waitFor();

    await deciding.locator('li.queue-item', { hasText: hiddenReason }).getByRole('button', { name: 'Hide the post' }).click();
    await deciding.getByRole('dialog', { name: 'Hide this question' }).getByRole('button', { name: 'Hide', exact: true }).click();
    await hiddenRow.waitFor({ state: 'detached' });
    await watching.getByRole('tab', { name: `Open flags, ${flags - 2}`, exact: true }).waitFor();
  });

  it("updates the tabs' counts after the staff member's own decisions, with no live socket", async () => {
    const member = await createAccount(forum.app, Role.MEMBER);
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const waiting = await askQuestion(forum.app, member.token, offTopic());
    const reporter = await createAccount(forum.app, Role.MEMBER);
    await forum.app.query(
      'mutation F($id: ID!) { flagPost(postType: THREAD, postId: $id, reason: "Not about two-factor sign-in.") { id } }',
      { id: waiting.id },
      { token: reporter.token },
    );
    const context = await forum.open({ token: staffAccount.token });
    // The live socket never answers: only the decisions' own reads can change the counts.
    await context.routeWebSocket(/\/graphql$/, () => undefined);
    const page = await context.newPage();
    await page.goto('/staff?queue=NO_SUGGESTION');
    const without = await tabCount(page, 'Without an answer');
    const dismissed = await tabCount(page, 'Dismissed, unanswered');
    const flags = await tabCount(page, 'Open flags');

    await page.getByTestId(`queue-item-${waiting.id}`).getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('tab', { name: `Without an answer, ${without - 1}`, exact: true }).waitFor();
    await page.getByRole('tab', { name: `Dismissed, unanswered, ${dismissed + 1}`, exact: true }).waitFor();

    await page.getByRole('tab', { name: /^Open flags/ }).click();
    await page.locator('li.queue-item', { hasText: 'Not about two-factor sign-in.' }).getByRole('button', { name: 'Dismiss flag' }).click();
    await page.getByRole('tab', { name: `Open flags, ${flags - 1}`, exact: true }).waitFor();
  });

  it('tells of a question that joins the queue past its first page, from the count', async () => {
    const member = await createAccount(forum.app, Role.MEMBER);
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const { botQueueCounts } = await forum.app.query<{ botQueueCounts: { noSuggestion: number } }>(
      '{ botQueueCounts { noSuggestion } }',
      {},
      { token: staffAccount.token },
    );
    // The first page holds the oldest 20: fill it.
    for (let index = botQueueCounts.noSuggestion; index < 20; index++) await askQuestion(forum.app, member.token, offTopic());

    const page = await (await forum.open({ token: staffAccount.token })).newPage();
    const before = staffSubscribers();
    await page.goto('/staff?queue=NO_SUGGESTION');
    const count = await tabCount(page, 'Without an answer');
    expect(count).toBeGreaterThanOrEqual(20);
    await until(() => staffSubscribers() > before, 'the staff page subscribes to its queues');

    const asked = await askQuestion(forum.app, member.token, offTopic());

    await page.getByRole('tab', { name: `Without an answer, ${count + 1}`, exact: true }).waitFor();
    await expect.poll(() => page.getByTestId('queue-announcement').textContent()).toBe('1 new question in this queue');
    expect(await page.getByTestId(`queue-item-${asked.id}`).count()).toBe(0);
  });

  it('reads the queues again once or twice for a burst of changes, not once per change', async () => {
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const context = await forum.open({ token: staffAccount.token });
    const page = await context.newPage();
    const before = staffSubscribers();
    await page.goto('/staff');
    await page.locator('.stat', { hasText: 'Questions seen' }).waitFor();
    await until(() => staffSubscribers() > before, 'the staff page subscribes to its queues');
    const operations = operationsOf(page);

    const pubSub = forum.app.nest.get(LivePubSub);
    for (let index = 0; index < 20; index++) {
      await pubSub.publish(liveChannels.staffQueues(), { area: 'BOT_QUEUES', threadId: index + 1, flagId: null });
    }

    await expect.poll(() => operations.filter((name) => name === 'BotQueue').length).toBeGreaterThan(0);
    await page.waitForTimeout(1500);
    expect(operations.filter((name) => name === 'BotQueue').length).toBeLessThanOrEqual(2);
    expect(operations.filter((name) => name === 'BotStats').length).toBeLessThanOrEqual(2);
    expect(operations.filter((name) => name === 'StaffQueueCounts').length).toBeLessThanOrEqual(2);
  });

  it('does not let a member subscribe to the staff queues', async () => {
    const member = await createAccount(forum.app, Role.MEMBER);
    const context = await forum.open({ token: member.token });
    const page = await context.newPage();
    await page.goto('/staff');
    await page.getByRole('heading', { name: 'This page is for staff' }).waitFor();

    // The member's own session, over the page's socket, as a script on the page could try.
    const origin = new URL(page.url()).origin;
    const refused = await page.evaluate(
      (pageOrigin) =>
        new Promise<unknown>((resolve) => {
          const socket = new WebSocket(`${pageOrigin.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
          socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init' }));
          socket.onmessage = (event) => {
            type GraphqlError = { extensions?: { code?: string } };
            const message = JSON.parse(String(event.data)) as {
              type: string;
              payload?: GraphqlError[] | { data?: unknown; errors?: GraphqlError[] };
            };
            if (message.type === 'connection_ack') {
              socket.send(
                JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { staffQueueChanged { area threadId } }' } }),
              );
            } else if (message.type === 'error' || message.type === 'next') {
              socket.close();
              const errors = Array.isArray(message.payload) ? message.payload : message.payload?.errors;
              resolve({
                data: Array.isArray(message.payload) ? null : (message.payload?.data ?? null),
                code: errors?.[0]?.extensions?.code,
              });
            }
          };
          socket.onclose = (event) => resolve({ closed: event.code });
        }),
      origin,
    );
    expect(refused).toEqual({ data: null, code: 'FORBIDDEN' });
    expect(staffSubscribers()).toBe(0);
  });
});

import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount } from '../support/accounts.js';
import { TestApp } from '../support/test-app.js';
import { launchBrowser, newContext, screenshotBoth } from './support/browser.js';
import { askQuestion, botStatus, reply, threadPageIsLive, threadSubscribers } from './support/forum.js';

describe('bot messages follow the thread', () => {
  let app: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = await TestApp.start({ WEB_DIST_PATH: 'dist/web' });
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('marks a bot answer awaiting the asker in the list, keeps staff-answered threads out of Unanswered, and updates the footers', async () => {
    const asker = await createAccount(app, Role.MEMBER, 'sana');
    const staff = await createAccount(app, Role.STAFF, 'grey');
    await askQuestion(app, asker.token, {
      title: 'Never saw backup codes when turning on 2FA',
      body: 'I turned on two-factor authentication for my account and no backup codes were shown. Where are they?',
    });
    const staffAnswered = await askQuestion(app, asker.token, {
      title: 'Where are my 2FA backup codes?',
      body: 'I just enabled two-factor authentication and cannot find any backup or recovery codes anywhere.',
    });
    const clarifying = await askQuestion(app, asker.token, {
      title: 'Lost my phone with the authenticator app',
      body: 'My phone was stolen and the authenticator app was on it. What should I do about two-factor authentication now?',
    });
    await expect(botStatus(app, asker.token, clarifying.id)).resolves.toBe('CLARIFYING');
    await reply(app, staff.token, staffAnswered.id, 'There are no backup codes for your account: save the QR code at setup instead.');
    await reply(app, staff.token, clarifying.id, 'Are you still signed in anywhere? If not, contact support and we will reset 2FA.');

    const context = await newContext(browser, app);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/');
    const item = (title: string) => page.locator('li.thread-item', { hasText: title });
    await item('Never saw backup codes').getByText('Automated answer · awaiting the asker').waitFor();
    await expect(item('Where are my 2FA backup codes?').getByText('Automated answer · awaiting the asker').count()).resolves.toBe(0);
    await screenshotBoth(page, 'thread-list-bot-awaiting');

    await page.getByRole('link', { name: 'Unanswered' }).click();
    await item('Never saw backup codes').waitFor();
    await expect(item('Where are my 2FA backup codes?').count()).resolves.toBe(0);
    await expect(item('Lost my phone').count()).resolves.toBe(0);

    // Readers no longer read that the bot waits, or that staff will look, once staff replied.
    await page.goto(`/t/${clarifying.id}`);
    await page.getByText('A staff member has replied below. The bot no longer waits for a choice.').waitFor();
    await expect(page.getByText('The bot is waiting for the person who asked').count()).resolves.toBe(0);
    await page.goto(`/t/${staffAnswered.id}`);
    await page.locator('li.post--bot').getByText('A staff member has replied below.').waitFor();

    // The asker: still asked about the bot's answer after a staff reply, no longer once the thread is locked.
    const askerContext = await newContext(browser, app, { token: asker.token });
    contexts.push(askerContext);
    const askerPage = await askerContext.newPage();
    const subscribers = threadSubscribers(app, staffAnswered.id);
    await askerPage.goto(`/t/${staffAnswered.id}`);
    await askerPage.locator('li.post--bot').getByText('Did this solve it?').waitFor();
    await threadPageIsLive(askerPage, app, staffAnswered.id, subscribers);
    await app.query(`mutation L($id: ID!) { lockThread(threadId: $id) { id } }`, { id: staffAnswered.id }, { token: staff.token });
    await askerPage.locator('li.post--bot').getByText('This thread is locked.').waitFor();
    await expect(askerPage.locator('li.post--bot').getByText('Did this solve it?').count()).resolves.toBe(0);
    await screenshotBoth(askerPage, 'thread-bot-footer-locked');
  });
});

import { describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount } from '../support/accounts.js';
import { phone, screenshotBoth, sidewaysScroll } from './support/browser.js';
import { askQuestion, botStatus, reply, threadPageIsLive, threadSubscribers } from './support/forum.js';
import { useBrowserApp } from './support/browser-app.js';

describe('bot messages follow the thread', () => {
  const forum = useBrowserApp();

  it('marks a bot answer awaiting the asker in the list, keeps staff-answered threads out of Unanswered, and updates the footers', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER, 'sana');
    const staff = await createAccount(forum.app, Role.STAFF, 'grey');
    await askQuestion(forum.app, asker.token, {
      title: 'Never saw backup codes when turning on 2FA',
      body: 'Two-factor is on for my account now, but setup showed me no backup codes. Where would I find them?',
    });
    const staffAnswered = await askQuestion(forum.app, asker.token, {
      title: 'Where are my 2FA backup codes?',
      body: 'I just enabled two-factor authentication and cannot find any backup or recovery codes anywhere.',
    });
    const clarifying = await askQuestion(forum.app, asker.token, {
      title: 'Lost my phone with the authenticator app',
      body: 'My phone was stolen and the authenticator app was on it. What should I do about two-factor authentication now?',
    });
    await expect(botStatus(forum.app, asker.token, clarifying.id)).resolves.toBe('CLARIFYING');
    await reply(forum.app, staff.token, staffAnswered.id, 'There are no backup codes for your account: save the QR code at setup instead.');
    await reply(forum.app, staff.token, clarifying.id, 'Are you still signed in anywhere? If not, contact support and we will reset 2FA.');

    const context = await forum.open();
    const page = await context.newPage();
    await page.goto('/');
    const item = (title: string) => page.locator('li.thread-item', { hasText: title });
    await item('Never saw backup codes').getByText('Automated answer · awaiting the asker').waitFor();
    await expect(item('Where are my 2FA backup codes?').getByText('Automated answer · awaiting the asker').count()).resolves.toBe(0);
    await screenshotBoth(page, 'thread-list-bot-awaiting');

    await page.getByRole('link', { name: 'Unanswered' }).click();
    // Listed on All too: the list has left All once the staff-answered question is gone.
    await item('Where are my 2FA backup codes?').waitFor({ state: 'detached' });
    await item('Never saw backup codes').waitFor();
    await expect(item('Lost my phone').count()).resolves.toBe(0);

    // Readers no longer read that the bot waits, or that staff will look, once staff replied.
    await page.goto(`/t/${clarifying.id}`);
    await page.getByText('A staff member has replied below. The bot no longer waits for a choice.').waitFor();
    await expect(page.getByText('The bot is waiting for the person who asked').count()).resolves.toBe(0);
    await page.goto(`/t/${staffAnswered.id}`);
    await page.locator('li.post--bot').getByText('A staff member has replied below.').waitFor();

    // The asker: still asked about the bot's answer after a staff reply, no longer once the thread is locked.
    const askerContext = await forum.open({ token: asker.token });
    const askerPage = await askerContext.newPage();
    const subscribers = threadSubscribers(forum.app, staffAnswered.id);
    await askerPage.goto(`/t/${staffAnswered.id}`);
    await askerPage.locator('li.post--bot').getByText('Did this solve it?').waitFor();
    await threadPageIsLive(askerPage, forum.app, staffAnswered.id, subscribers);
    await forum.app.query(`mutation L($id: ID!) { lockThread(threadId: $id) { id } }`, { id: staffAnswered.id }, { token: staff.token });
    await askerPage.locator('li.post--bot').getByText('This thread is locked.').waitFor();
    await expect(askerPage.locator('li.post--bot').getByText('Did this solve it?').count()).resolves.toBe(0);
    await screenshotBoth(askerPage, 'thread-bot-footer-locked');
  });

  it('keeps the tag chips scrolling inside their row on a phone: the page itself does not scroll sideways', async () => {
    const member = await createAccount(forum.app);
    await askQuestion(forum.app, member.token, {
      title: 'Which authenticator apps work with the account?',
      body: 'I use one on my phone and would like another on my tablet. Which apps are known to work?',
      tags: ['authenticator', 'backup-codes', 'new-phone', 'recovery', 'qr-code'],
    });
    const context = await forum.open({ token: member.token, viewport: phone });
    const page = await context.newPage();
    await page.goto('/');
    // The chips' counts carry hidden words for screen readers; they must not stretch the page past the row's scroller.
    await page
      .getByRole('navigation', { name: 'Filter by tag' })
      .getByRole('link', { name: /^qr-code/ })
      .waitFor();
    await page.waitForLoadState('networkidle');
    await expect(sidewaysScroll(page)).resolves.toBe(0);
  });

  it('wraps the longest status badge of the list on the narrowest phone: the page does not scroll sideways', async () => {
    const member = await createAccount(forum.app);
    await askQuestion(forum.app, member.token, {
      title: 'No backup codes after I turned on 2FA',
      body: 'Two-factor is on for my account now, but setup showed me no backup codes. Where would I find them?',
    });
    const page = await (await forum.open({ viewport: { width: 320, height: 640 } })).newPage();
    await page.goto('/');
    await page.getByText('Automated answer · awaiting the asker').first().waitFor();
    await expect(sidewaysScroll(page)).resolves.toBe(0);
  });

  it('answers an id that cannot be a thread’s as a thread not found, and listens for nothing', async () => {
    const context = await forum.open();
    const page = await context.newPage();
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    for (const id of ['999999', 'abc']) {
      sockets.splice(0);
      await page.goto(`/t/${id}`);
      await page.getByRole('heading', { name: 'Question not found' }).waitFor();
      // The tab and a screen reader's first words say so too, as the page-not-found page's do.
      await expect.poll(() => page.title()).toBe('Question not found · 2FA Help Forum');
      await expect(page.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(0);
    }
    await page.waitForLoadState('networkidle');
    // A visitor's thread page opens the socket only to listen to its thread.
    expect(sockets).toEqual([]);
  });
});

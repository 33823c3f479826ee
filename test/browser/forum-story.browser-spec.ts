import { describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount } from '../support/accounts.js';
import { desktop, phone, screenshotBoth, sidewaysScroll } from './support/browser.js';
import { askQuestion, botStatus, reply, threadPageIsLive } from './support/forum.js';
import { useBrowserApp } from './support/browser-app.js';

describe('a newcomer with lost backup codes, the FAQ bot and staff', () => {
  const forum = useBrowserApp();

  it('gets a suggestion while typing, the bot answer, a confirmed resolution, and a staff reply live', async () => {
    // Some history, so the list is not empty.
    const regular = await createAccount(forum.app, Role.MEMBER, 'tomasz');
    const earlier = await askQuestion(forum.app, regular.token, {
      title: 'New phone: how do I move my authenticator codes?',
      body: 'I am switching phones next week. How do I move the authenticator app codes without locking myself out?',
      tags: ['new-phone', '2fa'],
    });
    await reply(forum.app, regular.token, earlier.id, 'Scan the QR code into the new phone before you wipe the old one.');

    const member = await forum.open();
    const page = await member.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'New phone: how do I move my authenticator codes?' }).waitFor();
    // The count is visible text, its words hidden: Chromium's name puts a space before the hidden comma.
    await page
      .getByRole('navigation', { name: 'Filter by tag' })
      .getByRole('link', { name: /^new-phone ?, 1 question$/ })
      .waitFor();
    await screenshotBoth(page, 'thread-list');
    // A tag chip filters the list through the URL; "All tags" clears it.
    await page
      .getByRole('navigation', { name: 'Filter by tag' })
      .getByRole('link', { name: /^2fa ?, / })
      .click();
    await page.waitForURL(/\?tag=2fa$/);
    // The chip is marked once the list has re-rendered for the new URL.
    await expect.poll(() => page.getByRole('link', { name: /^2fa ?, / }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('link', { name: 'New phone: how do I move my authenticator codes?' }).waitFor();
    await page.getByRole('link', { name: 'All tags' }).click();
    await page.waitForURL((url) => !url.search.includes('tag='));

    // Sign up.
    await page.getByRole('link', { name: 'Sign up' }).click();
    await page.getByLabel('Username').fill('newcomer');
    await page.getByLabel('Email').fill('newcomer@example.test');
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('link', { name: 'newcomer' }).waitFor();

    // Ask: the canonical answer appears while typing.
    await page.getByRole('link', { name: 'Ask', exact: true }).click();
    await page.getByLabel('Title').fill('I lost my backup codes');
    await page
      .getByRole('textbox', { name: 'Details' })
      .fill('I turned on two-factor authentication yesterday and never got any backup codes. Where can I find them?');
    const suggestion = page.getByRole('complementary', { name: 'Possible answers' }).getByText('Why there are no backup codes');
    await suggestion.waitFor();
    await expect(suggestion.isVisible()).resolves.toBe(true);
    await screenshotBoth(page, 'ask-with-suggestions');

    // Post it anyway: the bot answers, visibly automated.
    await page.getByRole('button', { name: 'Post your question' }).click();
    await page.waitForURL(/\/t\/\d+$/);
    const threadId = new URL(page.url()).pathname.split('/').pop() as string;
    const botReply = page.locator('li.post--bot');
    await botReply.getByText('Automated answer', { exact: true }).waitFor();
    await botReply.getByText('Did this solve it?').waitFor();
    await screenshotBoth(page, 'thread-bot-answer');

    await botReply.getByRole('button', { name: 'Yes, this solved it' }).click();
    await page.getByText('You said this solved it').waitFor();
    await page.locator('li.post--accepted.post--bot').waitFor();
    await page.getByRole('link', { name: /See the accepted answer/ }).waitFor();
    await expect(botStatus(forum.app, regular.token, threadId)).resolves.toBe('CONFIRMED_BY_ASKER');

    // Another member's bot answer did not help: it waits in the staff queue.
    const other = await createAccount(forum.app, Role.MEMBER, 'olu');
    const otherThread = await askQuestion(forum.app, other.token, {
      title: 'Where are my recovery codes for 2FA?',
      body: 'I enabled two-factor authentication but I cannot find any recovery codes to print. Where are they?',
    });
    await forum.app.query(
      `mutation No($threadId: ID!) { markBotAnswerUnhelpful(threadId: $threadId) { id } }`,
      { threadId: otherThread.id },
      { token: other.token },
    );

    // Staff: the resolution shows in the dashboard; correct the other thread.
    const staffAccount = await createAccount(forum.app, Role.STAFF, 'grey');
    const staff = await forum.open({ token: staffAccount.token });
    const staffPage = await staff.newPage();
    await staffPage.goto('/staff');
    await staffPage.getByTestId('stat-confirmed-by-asker').getByText('1', { exact: true }).waitFor();
    await staffPage.getByRole('tab', { name: 'Unhelpful bot answers' }).click();
    const queueItem = staffPage.getByTestId(`queue-item-${otherThread.id}`);
    await queueItem.waitFor();
    await screenshotBoth(staffPage, 'staff-dashboard');
    // Nothing pre-selected; the bot's ranking, with confidence, is beside the menu.
    const correction = queueItem.getByLabel('The right canonical answer');
    await expect(correction.inputValue()).resolves.toBe('');
    await expect(correction.locator('option:checked').textContent()).resolves.toBe('Choose…');
    await expect(correction.locator('optgroup[label="Ranked by the bot"] option').first().textContent()).resolves.toMatch(
      /\(\d+%, its pick\)$/,
    );
    await queueItem.getByText(/^Bot’s ranking: .+ \d+%/).waitFor();
    await correction.selectOption('save-qr-code');
    await queueItem.getByRole('button', { name: 'Correct', exact: true }).click();
    await staffPage.getByTestId('queue-decisions').getByText('Corrected:').waitFor();
    await expect(botStatus(forum.app, staffAccount.token, otherThread.id)).resolves.toBe('CORRECTED');

    // Staff reply on the newcomer's thread, which is still open in the newcomer's browser.
    await threadPageIsLive(page, forum.app, threadId, 0);
    await staffPage.goto(`/t/${threadId}`);
    const staffText = 'Hi there @newcomer, glad the answer helped. You can also save the QR code when you set up 2FA.';
    await staffPage.getByRole('textbox', { name: 'Reply' }).fill(staffText);
    await staffPage.getByRole('button', { name: 'Post reply' }).click();
    await staffPage.locator('li.post--staff', { hasText: 'glad the answer helped' }).waitFor();

    const liveReply = page.locator('li.post--staff', { hasText: 'glad the answer helped' });
    await liveReply.waitFor();
    await expect(liveReply.getByText('Staff', { exact: true }).isVisible()).resolves.toBe(true);
    await screenshotBoth(page, 'thread-staff-reply');

    // The newcomer was notified, and saw it arrive on the thread they had open: the list shows it read.
    await page.getByRole('link', { name: /^Notifications, / }).click();
    await page.getByRole('link', { name: /^grey replied to your question/ }).waitFor();
    await screenshotBoth(page, 'notifications');

    await staffPage.goto('/staff/stats');
    await staffPage.getByRole('img', { name: /per day/ }).waitFor();
    await screenshotBoth(staffPage, 'staff-stats');
    // On a phone: no sideways scrolling, and the chart's labels as big as the page's small print.
    await staffPage.setViewportSize(phone);
    await expect.poll(() => sidewaysScroll(staffPage)).toBe(0);
    const labelHeights = await staffPage
      .locator('.chart__label')
      .evaluateAll((labels) => labels.map((label) => label.getBoundingClientRect().height));
    expect(Math.min(...labelHeights)).toBeGreaterThanOrEqual(11);
    await staffPage.setViewportSize(desktop);
    await staffPage.goto('/staff/answers/no-backup-codes');
    await staffPage.getByRole('heading', { name: /Example questions/ }).waitFor();
    await screenshotBoth(staffPage, 'staff-answer-editor');
    // The examples come a page (50) at a time, the rest on request.
    await expect.poll(() => staffPage.locator('.examples .example').count()).toBe(50);
    await staffPage.getByRole('button', { name: 'Show more examples' }).click();
    await expect.poll(() => staffPage.locator('.examples .example').count()).toBeGreaterThan(50);

    await staff.close();
    await member.close();
  });
});

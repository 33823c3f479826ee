import { describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { liveChannels } from '../../apps/api/src/live/live-pubsub.js';
import { createAccount } from '../support/accounts.js';
import { listenerCount, until } from '../support/live-client.js';
import { holdAnswers, screenshotBoth } from './support/browser.js';
import { askQuestion, reply, threadPageIsLive, threadSubscribers } from './support/forum.js';
import { useBrowserApp } from './support/browser-app.js';

describe('notifications page', () => {
  const forum = useBrowserApp();

  it('groups by thread, shows what is unread without marking it read, and says nothing of the bot answer to one’s own question', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER, 'ada');
    const tomasz = await createAccount(forum.app, Role.MEMBER, 'tomasz');
    const grey = await createAccount(forum.app, Role.STAFF, 'grey');
    const answered = await askQuestion(forum.app, asker.token, {
      title: 'No backup codes after turning on two-factor',
      body: 'Since enabling two-factor sign-in on my account I have not seen a single backup code. Where do they live?',
    });
    expect(answered.replyId).not.toBeNull();
    const other = await askQuestion(forum.app, asker.token, {
      title: 'Can the forum have a darker theme?',
      body: 'The forum is very bright on my phone at night. Is a dark theme planned?',
    });
    await reply(forum.app, tomasz.token, answered.id, 'Same thing happened to me; the QR code is the backup.');
    await reply(forum.app, grey.token, answered.id, 'Right: there are no backup codes. Save the QR code at setup.');
    await reply(forum.app, tomasz.token, other.id, 'Your phone’s dark mode works on the forum too.');

    const context = await forum.open({ token: asker.token });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Notifications, 3 unread' }).click();
    const rows = page.locator('li.notification');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(2);
    const grouped = page.getByRole('link', { name: /^New: grey replied to your question, and 1 more No backup codes/ });
    await grouped.waitFor();
    await page.getByRole('link', { name: /^New: tomasz replied to your question Can the forum/ }).waitFor();
    // A link to the newest reply, as on any forum: it opens in a new tab, and shows where it leads.
    await expect(grouped.getAttribute('href')).resolves.toMatch(new RegExp(`^/t/${answered.id}#reply-\\d+$`));
    await expect(page.getByText(/FAQ bot answered/).count()).resolves.toBe(0);
    await screenshotBoth(page, 'notifications-grouped');

    // Looking marks nothing read: still new when the page is read again, the bell still counts them, and the page
    // says how many are new.
    await page.reload();
    await rows.first().waitFor();
    await expect(page.getByText('New:').count()).resolves.toBe(2);
    await page.getByRole('status').filter({ hasText: '3 unread' }).waitFor();
    await expect(page.getByRole('link', { name: 'Notifications, 3 unread' }).count()).resolves.toBe(1);
    await context.close();
  });

  it('keeps the unread filter in the URL, marks read the row opened, and all at once on request', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER, 'maren');
    const helper = await createAccount(forum.app, Role.MEMBER, 'piotr');
    // Off-topic, so the FAQ bot stays out.
    const first = await askQuestion(forum.app, asker.token, {
      title: 'Can I pin a thread to my profile?',
      body: 'I would like my favourite thread at the top of my profile page. Is there a way to pin it?',
    });
    const second = await askQuestion(forum.app, asker.token, {
      title: 'Is there a keyboard shortcut for replying?',
      body: 'Typing long replies is nicer without reaching for the mouse. Does the reply box have a shortcut?',
    });
    await reply(forum.app, helper.token, first.id, 'Not yet; a link in your profile text does the same job for now.');
    await reply(forum.app, helper.token, second.id, 'Tab from the thread reaches the reply box; there is no shortcut besides.');
    await forum.app.jobsDone();

    const context = await forum.open({ token: asker.token });
    const page = await context.newPage();
    await page.goto('/notifications');
    const rows = page.locator('li.notification');
    const unreadRows = page.locator('li.notification--unread');
    await page.getByRole('link', { name: /^New: piotr replied to your question Is there a keyboard shortcut/ }).waitFor();
    await page.getByRole('link', { name: /^New: piotr replied to your question Can I pin a thread/ }).waitFor();

    // The unread list's first page is held back: meanwhile the rows shown stay, marked busy, and nothing says "Loading".
    const unreadOnlyAnswer = await holdAnswers(
      page,
      (request) => request.operationName === 'Notifications' && request.variables?.unreadOnly === true,
    );
    // The box shows the click at once: read in the click's own task, before the page renders the new address.
    const unreadOnly = page.getByRole('checkbox', { name: 'Unread only' });
    const clicked = page.evaluate(`(() => {
      const box = document.querySelector('.notification-toolbar input[type=checkbox]');
      box.click();
      return box.checked;
    })()`);
    await expect(clicked).resolves.toBe(true);
    await page.waitForURL(/\/notifications\?unread=1$/);
    await expect.poll(() => unreadOnly.isChecked()).toBe(true);
    const busyRows = page.locator('ul.notification-list[aria-busy="true"] li.notification');
    await expect.poll(() => busyRows.filter({ visible: true }).count()).toBe(2);
    await expect(page.getByText('Loading notifications…').filter({ visible: true }).count()).resolves.toBe(0);
    unreadOnlyAnswer.release();
    await busyRows.first().waitFor({ state: 'detached' });
    await page.unroute('**/graphql');
    await page.getByRole('link', { name: /^New: piotr replied to your question Can I pin a thread/ }).waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    await page.reload();
    await page.getByRole('link', { name: /^New: piotr replied to your question Can I pin a thread/ }).waitFor();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Unread only' }).isChecked()).toBe(true);
    await expect.poll(() => unreadRows.count()).toBe(2);

    // Opening one marks it read; back on the filtered list only the other is left.
    await page.getByRole('link', { name: /^New: piotr replied to your question Can I pin a thread/ }).click();
    await page.waitForURL(new RegExp(`/t/${first.id}`));
    await page.getByRole('link', { name: 'Notifications, 1 unread' }).waitFor();
    await page.goBack();
    await page.waitForURL(/\/notifications\?unread=1$/);
    await page.getByRole('status').filter({ hasText: '1 unread' }).waitFor();
    await page.getByRole('link', { name: /^New: piotr replied to your question Is there a keyboard shortcut/ }).waitFor();
    await expect.poll(() => rows.count()).toBe(1);

    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByRole('link', { name: 'Notifications, none unread' }).waitFor();
    await page.getByText('Nothing unread.').waitFor();
    await page.getByRole('checkbox', { name: 'Unread only' }).click();
    await page.waitForURL(/\/notifications$/);
    await expect.poll(() => page.getByRole('checkbox', { name: 'Unread only' }).isChecked()).toBe(false);
    await page.getByRole('link', { name: /^piotr replied to your question Can I pin a thread/ }).waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => unreadRows.count()).toBe(0);
    await context.close();
  });

  it('offers "Mark all as read" only while something is unread, again as soon as a notification arrives live', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER, 'linnea');
    const helper = await createAccount(forum.app, Role.MEMBER, 'bruno');
    // Off-topic, so the FAQ bot stays out.
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Can I change the size of the text?',
      body: 'The text on the forum is small on my laptop. Is there a setting for a larger font?',
    });

    const context = await forum.open({ token: asker.token });
    const page = await context.newPage();
    const markAllSent: string[] = [];
    page.on('request', (request) => {
      const body = request.postDataJSON() as { operationName?: string } | null;
      if (request.url().endsWith('/graphql') && body?.operationName === 'MarkAllNotificationsRead') markAllSent.push(body.operationName);
    });
    await page.goto('/notifications');
    await page.getByRole('status').filter({ hasText: 'All read' }).waitFor();
    const markAll = page.getByRole('button', { name: 'Mark all as read' });
    await expect.poll(() => markAll.getAttribute('aria-disabled')).toBe('true');
    // Still reachable from the keyboard (Playwright will not click it), and pressing it does nothing.
    await markAll.focus();
    await page.keyboard.press('Enter');
    await expect(markAll.evaluate((button) => button === button.ownerDocument.activeElement)).resolves.toBe(true);
    expect(markAllSent).toEqual([]);

    await until(() => listenerCount(forum.app, liveChannels.notifications(Number(asker.id))) >= 1, "the asker's bell listening");
    await reply(forum.app, helper.token, thread.id, 'Your browser zoom (Ctrl and +) makes everything larger, and the forum follows.');
    await forum.app.jobsDone();
    await page.getByRole('status').filter({ hasText: '1 unread' }).waitFor();
    await expect.poll(() => markAll.getAttribute('aria-disabled')).toBeNull();

    // Pressed from the keyboard, it marks all read and keeps the focus, unavailable again.
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'All read' }).waitFor();
    await expect.poll(() => markAll.getAttribute('aria-disabled')).toBe('true');
    await expect(markAll.evaluate((button) => button === button.ownerDocument.activeElement)).resolves.toBe(true);
    expect(markAllSent).toEqual(['MarkAllNotificationsRead']);
    await context.close();
  });

  it('marks read what is about a thread opened from anywhere, and what arrives about it while it is open', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER, 'selma');
    const helper = await createAccount(forum.app, Role.MEMBER, 'oren');
    // Off-topic, so the FAQ bot stays out.
    const opened = await askQuestion(forum.app, asker.token, {
      title: 'Can I follow a tag instead of single threads?',
      body: 'I would like to hear about every new question with a tag I care about, not thread by thread. Possible?',
    });
    const elsewhere = await askQuestion(forum.app, asker.token, {
      title: 'Does the forum keep my drafts between devices?',
      body: 'I started a reply on my laptop and wanted to finish it on my phone, but the text was not there.',
    });
    await reply(forum.app, helper.token, opened.id, 'Not yet; the tag page lists the newest ones meanwhile.');
    await reply(forum.app, helper.token, elsewhere.id, 'Drafts stay in the browser they were written in.');
    await forum.app.jobsDone();

    const context = await forum.open({ token: asker.token });
    const page = await context.newPage();
    const subscribers = threadSubscribers(forum.app, opened.id);
    // Straight to the thread, as from a link in a mail or a bookmark: not through the notifications list.
    await page.goto(`/t/${opened.id}`);
    await page.getByRole('link', { name: 'Notifications, 1 unread' }).waitFor();
    await threadPageIsLive(page, forum.app, opened.id, subscribers);

    await reply(forum.app, helper.token, opened.id, 'A tag feed is on the list for next month.');
    await page.getByText('A tag feed is on the list for next month.').waitFor();
    // Its notification was made, reached the open page, and was marked read from there.
    await forum.app.jobsDone();
    const unread = async () =>
      (await forum.app.query<{ unreadNotificationCount: number }>('{ unreadNotificationCount }', {}, { token: asker.token }))
        .unreadNotificationCount;
    await expect.poll(unread, { timeout: 5000 }).toBe(1);
    await page.getByRole('link', { name: 'Notifications, 1 unread' }).waitFor();

    await page.goto('/notifications');
    await page.getByRole('link', { name: /^New: oren replied to your question Does the forum keep my drafts/ }).waitFor();
    await page.getByRole('link', { name: /^oren replied to your question, and 1 more Can I follow a tag/ }).waitFor();
    await context.close();
  });

  it('tells the author of an accepted answer it was theirs, and the asker only that an answer was accepted', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER, 'ines');
    const helper = await createAccount(forum.app, Role.MEMBER, 'oskar');
    const staff = await createAccount(forum.app, Role.STAFF, 'hale');
    // Off-topic, so the FAQ bot stays out.
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Does the forum have an RSS feed?',
      body: 'I would like to follow new questions in my feed reader. Is there a feed address?',
    });
    const replyId = await reply(forum.app, helper.token, thread.id, 'Not yet, but the Latest activity tab shows what is new.');
    await forum.app.query('mutation A($id: ID!) { acceptAnswer(replyId: $id) { id } }', { id: replyId }, { token: staff.token });
    await forum.app.jobsDone();

    const helperContext = await forum.open({ token: helper.token });
    const helperPage = await helperContext.newPage();
    await helperPage.goto('/notifications');
    await helperPage.getByRole('link', { name: /^New: hale accepted your answer Does the forum have an RSS feed\?/ }).waitFor();

    const askerContext = await forum.open({ token: asker.token });
    const askerPage = await askerContext.newPage();
    await askerPage.goto('/notifications');
    await askerPage.getByRole('link', { name: /^New: hale accepted an answer, and 1 more Does the forum have an RSS feed\?/ }).waitFor();
  });
});

import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount, type TestAccount } from '../support/accounts.js';
import { useBrowserApp } from './support/browser-app.js';
import { askQuestion, reply } from './support/forum.js';

/** Resolves once the list shows `count` rows (as long as the browser may take to show a page). */
function shows(rows: Locator, count: number): Promise<void> {
  return expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(count);
}

/** Whether keyboard focus is on the list item that holds `row` (or inside it). */
function focusedOn(row: Locator): Promise<boolean> {
  return row.evaluate((element) => {
    const active = element.ownerDocument.activeElement;
    return active !== null && active !== element.ownerDocument.body && active.closest('li') === element.closest('li');
  });
}

/**
 * The list shows `before` rows; the button shows the next page, whose first row takes the focus the button had (else
 * it would fall to the page's top), and is gone with the last.
 */
async function loadsMore(page: Page, rows: Locator, button: string, before: number, after: number): Promise<void> {
  await shows(rows, before);
  await page.getByRole('button', { name: button }).click();
  await shows(rows, after);
  await expect.poll(() => focusedOn(rows.nth(before)), { timeout: 15_000 }).toBe(true);
  await expect(page.getByRole('button', { name: button }).count()).resolves.toBe(0);
}

describe('a paged list shows its next page on request, and no button after the last', () => {
  const forum = useBrowserApp();
  let calendarAsker: TestAccount;
  let helpedAsker: TestAccount;
  let helper: TestAccount;
  let staff: TestAccount;

  beforeAll(async () => {
    calendarAsker = await createAccount(forum.app, Role.MEMBER, 'ottilie');
    helpedAsker = await createAccount(forum.app, Role.MEMBER, 'bruno');
    helper = await createAccount(forum.app, Role.MEMBER, 'wanda');
    staff = await createAccount(forum.app, Role.STAFF, 'hale');
    // Off-topic, so the FAQ bot stays out: these, and the last below, wait in the staff queue of questions without an answer.
    for (let number = 1; number <= 21; number++) {
      await askQuestion(forum.app, calendarAsker.token, {
        title: `Calendar export for meetup ${number}?`,
        body: `Could the forum put meetup number ${number} into the calendar on my laptop with one click?`,
      });
    }
    // Each answered once, so the asker hears of 21 threads and the helper has 21 replies.
    for (let number = 1; number <= 21; number++) {
      const thread = await askQuestion(forum.app, helpedAsker.token, {
        title: `Wallpaper for the forum, idea ${number}`,
        body: `Could the forum offer wallpaper number ${number} as a background for the pages I read?`,
      });
      await reply(forum.app, helper.token, thread.id, `Not yet; wallpaper ${number} is on the list of ideas.`);
    }
    // 26 moderation actions: one past the log's first page.
    const hidden = (
      await askQuestion(forum.app, helpedAsker.token, {
        title: 'Wallpaper for the forum, the last idea',
        body: 'Could the forum offer a plain grey background as well as the pictures?',
      })
    ).id;
    for (let number = 1; number <= 13; number++) {
      for (const action of ['hidePost', 'restorePost']) {
        await forum.app.query(
          `mutation M($id: ID!) { ${action}(postType: THREAD, postId: $id) { id } }`,
          { id: hidden },
          { token: staff.token },
        );
      }
    }
  });

  it('on the home page: 20 questions, then 20 more, then the last 3', async () => {
    const page = await (await forum.open()).newPage();
    await page.goto('/');
    const rows = page.getByRole('list', { name: 'Questions' }).locator('.thread-item');
    await shows(rows, 20);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => focusedOn(rows.nth(20)), { timeout: 15_000 }).toBe(true);
    await loadsMore(page, rows, 'Load more', 40, 43);
  });

  it('on a profile: the member’s questions, and the member’s replies', async () => {
    const page = await (await forum.open()).newPage();
    await page.goto(`/u/${calendarAsker.username}`);
    await loadsMore(page, page.getByRole('list', { name: 'Questions' }).locator('.thread-item'), 'Load more', 20, 21);
    await page.goto(`/u/${helper.username}?tab=replies`);
    await loadsMore(page, page.getByRole('list', { name: `Replies by ${helper.username}` }).locator('.thread-item'), 'Load more', 20, 21);
  });

  it('in search results', async () => {
    const page = await (await forum.open()).newPage();
    await page.goto('/?q=calendar');
    await loadsMore(page, page.locator('.search-result'), 'More results', 20, 21);
  });

  it('in notifications', async () => {
    const page = await (await forum.open({ token: helpedAsker.token })).newPage();
    await page.goto('/notifications');
    await loadsMore(page, page.locator('.notification'), 'Older notifications', 20, 21);
  });

  it('in the moderation log and the staff queue of questions without an answer', async () => {
    const page = await (await forum.open({ token: staff.token })).newPage();
    await page.goto('/staff/log');
    await loadsMore(page, page.getByRole('list', { name: 'Moderation log' }).locator('.moderation-log__entry'), 'Load more', 25, 26);
    await page.goto('/staff?queue=NO_SUGGESTION');
    await loadsMore(page, page.getByRole('list', { name: 'Queue' }).locator('.queue-item'), 'Load more', 20, 22);
  });

  it('on a member’s profile, for staff: the flags on the member’s posts, and the flags the member raised', async () => {
    // wanda flags ottilie's 21 questions: 21 flags on one member's posts, 21 raised by another.
    const questions = await forum.app.query<{ threads: { nodes: { id: string }[] } }>(
      'query Q($username: String!) { threads(first: 50, filter: { authorUsername: $username }) { nodes { id } } }',
      { username: calendarAsker.username },
    );
    expect(questions.threads.nodes).toHaveLength(21);
    for (const { id } of questions.threads.nodes) {
      await forum.app.query(
        'mutation F($id: ID!) { flagPost(postType: THREAD, postId: $id, reason: "Asked before") { id } }',
        { id },
        { token: helper.token },
      );
    }
    const page = await (await forum.open({ token: staff.token })).newPage();
    await page.goto(`/u/${helper.username}`);
    const raised = page.getByRole('list', { name: `Flags raised by ${helper.username}, newest first` }).locator('.queue-item');
    await loadsMore(page, raised, `Load more flags raised by ${helper.username}`, 20, 21);
    await page.goto(`/u/${calendarAsker.username}`);
    const received = page.getByRole('list', { name: `Flags on ${calendarAsker.username}’s posts, newest first` }).locator('.queue-item');
    await loadsMore(page, received, `Load more flags on ${calendarAsker.username}’s posts`, 20, 21);
  });
});

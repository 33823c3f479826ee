import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount } from '../support/accounts.js';
import { useBrowserApp } from './support/browser-app.js';
import { operationsOf } from './support/browser.js';
import { askQuestion, reply } from './support/forum.js';

/** Resolves once the reply is in the window, marked as the one linked to, and holds keyboard focus. */
async function landedOn(reply: Locator): Promise<void> {
  await reply.waitFor();
  await expect.poll(() => reply.evaluate((node) => node === node.ownerDocument.activeElement)).toBe(true);
  await expect(reply.getAttribute('class')).resolves.toContain('post--target');
  const box = await reply.boundingBox();
  const height = reply.page().viewportSize()?.height ?? 0;
  expect(box !== null && box.y >= 0 && box.y < height).toBe(true);
}

/** Goes to `path` within the app, as a link there would: the router keeps the app, the page it showed leaves. */
async function goWithinApp(page: Page, path: string): Promise<void> {
  await page.evaluate(`history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'))`);
}

/**
 * Leaves the thread for the list of questions, and waits until the list has its questions: its loading state, seen
 * after the thread is asked for, would be taken for the thread's. (`networkidle` does not wait for it: the page reached
 * that state once, at its first load.)
 */
async function showTheQuestionList(page: Page): Promise<void> {
  await goWithinApp(page, '/');
  await page.locator('.thread-page').waitFor({ state: 'detached' });
  await page.getByRole('list', { name: 'Questions' }).getByRole('link', { name: 'Can I get the forum digest on Mondays?' }).waitFor();
  await expect(page.locator('.loading').count()).resolves.toBe(0);
}

/**
 * Records from now on each loading state a thread page shows (a spinner, however briefly: each change to the page is
 * looked at as it happens), and how many replies it shows, each time that changes.
 */
async function watchThreadPage(page: Page): Promise<() => Promise<{ loading: string[]; replyCounts: number[] }>> {
  await page.evaluate(`{
    const seen = (window.threadPageSeen = { loading: [], replyCounts: [] });
    const look = () => {
      // The thread page's own: the page left may still be there a moment, with its own.
      if (!location.pathname.startsWith('/t/')) return;
      document.querySelectorAll('.loading').forEach((node) => seen.loading.push(node.textContent));
      if (!document.querySelector('.thread-page')) return;
      const count = document.querySelectorAll('.post--reply').length;
      if (seen.replyCounts.at(-1) !== count) seen.replyCounts.push(count);
    };
    new MutationObserver(look).observe(document.body, { childList: true, subtree: true, characterData: true });
  }`);
  return () => page.evaluate('window.threadPageSeen') as Promise<{ loading: string[]; replyCounts: number[] }>;
}

/** The requests the page made for the thread and its pages of replies. */
const threadReads = (operations: string[]) => operations.filter((name) => name === 'ThreadPage' || name === 'ThreadReplies');

describe('a link to a reply opens its thread at the reply, wherever it is', () => {
  const forum = useBrowserApp();
  // 120 replies, the last one hidden: the thread page shows 50 at a time, 119 to readers.
  const replies: string[] = [];
  let threadId = '';
  let otherThreadId = '';
  let foreignReply = '';
  let helperToken = '';

  beforeAll(async () => {
    const asker = await createAccount(forum.app, Role.MEMBER, 'noor');
    const helper = await createAccount(forum.app, Role.MEMBER, 'basil');
    helperToken = helper.token;
    const staff = await createAccount(forum.app, Role.STAFF, 'wren');
    // Off-topic, so the FAQ bot stays out.
    threadId = (
      await askQuestion(forum.app, asker.token, {
        title: 'Can the forum show times in my own time zone?',
        body: 'Every post says when it was written, but in a time zone that is not mine. Can I pick my own?',
      })
    ).id;
    for (let number = 1; number <= 120; number++) {
      replies.push(await reply(forum.app, number % 2 ? helper.token : asker.token, threadId, `Time zone reply number ${number}.`));
    }
    // The last one hidden, so that the pages before it stay as they are for readers.
    await forum.app.query(
      'mutation H($id: ID!) { hidePost(postType: REPLY, postId: $id) { id } }',
      { id: replies[119] },
      { token: staff.token },
    );
    await forum.app.query('mutation A($id: ID!) { acceptAnswer(replyId: $id) { id } }', { id: replies[54] }, { token: asker.token });
    const other = await askQuestion(forum.app, asker.token, {
      title: 'Can I get the forum digest on Mondays?',
      body: 'The weekly summary arrives on Fridays; Monday mornings would suit me better.',
    });
    otherThreadId = other.id;
    foreignReply = await reply(forum.app, helper.token, other.id, 'Not yet, it goes out on Fridays for everyone.');
  });

  it('opens the thread at the 110th reply in one request, marked and focused; earlier replies load above it', async () => {
    const page = await (await forum.open()).newPage();
    const operations = operationsOf(page);
    await page.goto(`/t/${threadId}#reply-${replies[109]}`);
    await landedOn(page.locator(`#reply-${replies[109]}`));
    await page.waitForLoadState('networkidle');
    expect(threadReads(operations)).toEqual(['ThreadPage']);
    // Its page: the 101st to the 119th.
    await expect(page.locator('.post--reply').count()).resolves.toBe(19);
    await expect(page.locator('.post--target').count()).resolves.toBe(1);
    await expect(page.locator('.post--reply').first().getAttribute('id')).resolves.toBe(`reply-${replies[100]}`);
    await expect(page.getByRole('button', { name: 'Show more replies' }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Show earlier replies' }).click();
    await page.locator(`#reply-${replies[50]}`).getByText('Time zone reply number 51.').waitFor();
    // The button left with its row: focus went on to the last reply of the page above, where the reader was.
    await expect.poll(() => page.evaluate('document.activeElement?.id'), { timeout: 15_000 }).toBe(`reply-${replies[99]}`);
    await page.getByRole('button', { name: 'Show earlier replies' }).click();
    await page.locator(`#reply-${replies[0]}`).getByText('Time zone reply number 1.').waitFor();
    await expect(page.getByRole('button', { name: 'Show earlier replies' }).count()).resolves.toBe(0);
    await expect(page.locator('.post--reply').count()).resolves.toBe(119);
    const shown = await page.locator('.post--reply').evaluateAll((items) => items.map((item) => item.id));
    expect(shown).toEqual(replies.slice(0, 119).map((id) => `reply-${id}`));
  });

  it('opens the thread at the 55th reply in one request; later replies load below it as usual', async () => {
    const page = await (await forum.open()).newPage();
    const operations = operationsOf(page);
    await page.goto(`/t/${threadId}#reply-${replies[54]}`);
    await landedOn(page.locator(`#reply-${replies[54]}`));
    expect(threadReads(operations)).toEqual(['ThreadPage']);
    await expect(page.locator('.post--reply').count()).resolves.toBe(50);

    await page.getByRole('button', { name: 'Show more replies' }).click();
    await page.locator(`#reply-${replies[118]}`).getByText('Time zone reply number 119.').waitFor();
    await expect(page.getByRole('button', { name: 'Show more replies' }).count()).resolves.toBe(0);
    // The button left with its page: focus went on to the first reply of the next, not to the top of the page.
    await expect.poll(() => page.evaluate('document.activeElement?.id'), { timeout: 15_000 }).toBe(`reply-${replies[100]}`);
    await page.getByRole('button', { name: 'Show earlier replies' }).waitFor();
  });

  it('lands on a reply of the first page as before, with no earlier replies to show', async () => {
    const page = await (await forum.open()).newPage();
    const operations = operationsOf(page);
    await page.goto(`/t/${threadId}#reply-${replies[29]}`);
    await landedOn(page.locator(`#reply-${replies[29]}`));
    expect(threadReads(operations)).toEqual(['ThreadPage']);
    await expect(page.getByRole('button', { name: 'Show earlier replies' }).count()).resolves.toBe(0);
  });

  it('leads from the question to its accepted answer on a later page, the thread staying in view while its page loads', async () => {
    const page = await (await forum.open()).newPage();
    const operations = operationsOf(page);
    await page.goto(`/t/${threadId}`);
    await page.locator(`#reply-${replies[49]}`).waitFor();
    const seen = await watchThreadPage(page);
    await page.getByRole('link', { name: 'See the accepted answer by basil' }).click();
    await landedOn(page.locator(`#reply-${replies[54]}`));
    // The first page stayed until the page of the answer replaced it: 50 replies from the 51st, 69 to readers.
    expect(await seen()).toEqual({ loading: [], replyCounts: [50] });
    await page.waitForLoadState('networkidle');
    // The first page, then the page of the answer, read once.
    expect(threadReads(operations)).toEqual(['ThreadPage', 'ThreadPage']);
    await expect(page.locator('.post--target').count()).resolves.toBe(1);
    await expect(
      page
        .getByRole('list')
        .filter({ has: page.locator('.post--reply') })
        .getAttribute('aria-busy'),
    ).resolves.toBe('false');
  });

  it('opens the thread again at another reply at once from what it showed, then at its page, with no loading state', async () => {
    const page = await (await forum.open()).newPage();
    await page.goto(`/t/${threadId}#reply-${replies[109]}`);
    await landedOn(page.locator(`#reply-${replies[109]}`));
    await page.getByRole('button', { name: 'Show earlier replies' }).click();
    await page.locator(`#reply-${replies[50]}`).waitFor();
    // Elsewhere in the app, then back to the thread at a reply on another page, as a second notification of it leads.
    await showTheQuestionList(page);
    let seen = await watchThreadPage(page);
    await goWithinApp(page, `/t/${threadId}#reply-${replies[29]}`);
    await landedOn(page.locator(`#reply-${replies[29]}`));
    // The question with the replies shown before (the 51st to the 119th) at once, then the page of the linked reply.
    expect(await seen()).toEqual({ loading: [], replyCounts: [69, 50] });
    await expect(page.locator('.post--target').count()).resolves.toBe(1);
    await expect(page.locator('.post--reply').first().getAttribute('id')).resolves.toBe(`reply-${replies[0]}`);

    // A reply among those it showed: the thread opens at once with it marked and focused.
    await showTheQuestionList(page);
    seen = await watchThreadPage(page);
    await goWithinApp(page, `/t/${threadId}#reply-${replies[40]}`);
    await landedOn(page.locator(`#reply-${replies[40]}`));
    expect(await seen()).toEqual({ loading: [], replyCounts: [50] });

    // Within the page, at a reply on a later page: later and earlier replies load around it as before.
    await goWithinApp(page, `/t/${threadId}#reply-${replies[79]}`);
    await landedOn(page.locator(`#reply-${replies[79]}`));
    await expect(page.locator('.post--reply').first().getAttribute('id')).resolves.toBe(`reply-${replies[50]}`);
    await page.getByRole('button', { name: 'Show more replies' }).click();
    await page.locator(`#reply-${replies[118]}`).waitFor();
    await expect.poll(() => page.evaluate('document.activeElement?.id'), { timeout: 15_000 }).toBe(`reply-${replies[100]}`);
    await page.getByRole('button', { name: 'Show earlier replies' }).click();
    await page.locator(`#reply-${replies[0]}`).waitFor();
    await expect.poll(() => page.evaluate('document.activeElement?.id'), { timeout: 15_000 }).toBe(`reply-${replies[49]}`);
    await expect(page.locator('.post--reply').count()).resolves.toBe(119);
    expect(await seen()).toMatchObject({ replyCounts: [50, 69, 119] });
  });

  it('opens the thread at its start for a reply hidden from the reader, or of another thread, and says it is not available', async () => {
    for (const replyId of [replies[119], foreignReply]) {
      const page = await (await forum.open()).newPage();
      const operations = operationsOf(page);
      await page.goto(`/t/${threadId}#reply-${replyId}`);
      await page.getByText('That reply is not available').waitFor();
      expect(threadReads(operations)).toEqual(['ThreadPage']);
      await expect(page.locator('.post--reply').count()).resolves.toBe(50);
      await expect(page.locator('.post--reply').first().getAttribute('id')).resolves.toBe(`reply-${replies[0]}`);
      await expect(page.locator('.post--target').count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: 'Show earlier replies' }).count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'Show more replies' }).waitFor();
    }
  });

  it('opens another thread within the app afresh: its own replies, not the pages loaded of the thread before', async () => {
    const page = await (await forum.open()).newPage();
    await page.goto(`/t/${threadId}`);
    await page.getByRole('button', { name: 'Show more replies' }).click();
    await page.locator(`#reply-${replies[99]}`).waitFor();
    // No link on a thread page leads to another thread yet: the browser's history goes there as a link would, the
    // router keeping the page (only the :threadId changes).
    await page.evaluate(`history.pushState(null, '', '/t/${otherThreadId}'); dispatchEvent(new PopStateEvent('popstate'))`);
    await page.getByRole('heading', { name: 'Can I get the forum digest on Mondays?' }).waitFor();
    await page.locator(`#reply-${foreignReply}`).waitFor();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('.post--reply').count()).resolves.toBe(1);
  });

  // Last: it adds a reply to the thread.
  it('adds a reply posted while the thread is open at a linked reply to its page, with no thread request', async () => {
    const page = await (await forum.open()).newPage();
    const operations = operationsOf(page);
    await page.goto(`/t/${threadId}#reply-${replies[109]}`);
    await landedOn(page.locator(`#reply-${replies[109]}`));
    await page.locator('.thread-page[data-live="connected"]').waitFor();
    const posted = await reply(forum.app, helperToken, threadId, 'Time zone reply posted while it was being read.');
    await page.locator(`#reply-${posted}`).waitFor();
    await expect(page.locator('.post--reply').count()).resolves.toBe(20);
    expect(threadReads(operations)).toEqual(['ThreadPage']);
  });
});

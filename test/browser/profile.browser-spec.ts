import { describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount } from '../support/accounts.js';
import { phone, screenshotBoth, sidewaysScroll } from './support/browser.js';
import { askQuestion, reply } from './support/forum.js';
import { useBrowserApp } from './support/browser-app.js';

describe('a profile lists the member’s questions and replies', () => {
  const forum = useBrowserApp();

  it('switches to the replies, keeps the choice in the URL, and leads from a reply to the reply in its thread', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER, 'priya');
    const helper = await createAccount(forum.app, Role.MEMBER, 'lena');
    // Off-topic, so the FAQ bot stays out.
    const signature = await askQuestion(forum.app, asker.token, {
      title: 'Can I add a signature under my forum posts?',
      body: 'I would like a short line with my name under every post I write here. Is there a setting?',
    });
    const digest = await askQuestion(forum.app, asker.token, {
      title: 'Can the forum send one e-mail a week instead of one per reply?',
      body: 'I get an e-mail for each reply and would rather have a weekly summary of what happened.',
    });
    await askQuestion(forum.app, helper.token, {
      title: 'Can I change my username after signing up?',
      body: 'I picked a name I no longer like. Is there a way to change it without a new account?',
    });
    const accepted = await reply(
      forum.app,
      helper.token,
      signature.id,
      'Not yet: write it at the end of each post for now. See https://example.com/a-very-long-address-that-keeps-going-without-any-break-at-all-to-wrap-on',
    );
    await forum.app.query('mutation A($id: ID!) { acceptAnswer(replyId: $id) { id } }', { id: accepted }, { token: asker.token });
    const latest = await reply(forum.app, helper.token, digest.id, 'The notifications page can **group** them by thread meanwhile.');

    const page = await (await forum.open()).newPage();
    await page.goto('/u/lena');
    const questionsTab = page.getByRole('tab', { name: 'Questions' });
    const repliesTab = page.getByRole('tab', { name: 'Replies' });
    await page.getByRole('link', { name: 'Can I change my username after signing up?' }).waitFor();
    await expect(questionsTab.getAttribute('aria-selected')).resolves.toBe('true');

    await repliesTab.click();
    const replies = page.getByRole('list', { name: 'Replies by lena' });
    const rows = replies.getByRole('listitem');
    await rows.first().waitFor();
    expect(new URL(page.url()).search).toBe('?tab=replies');
    await expect(repliesTab.getAttribute('aria-selected')).resolves.toBe('true');
    // Newest first, each with its question's title, the start of the reply, and the accepted answer marked.
    await expect(replies.getByRole('heading').allTextContents()).resolves.toEqual([
      'Can the forum send one e-mail a week instead of one per reply?',
      'Can I add a signature under my forum posts?',
    ]);
    await expect(rows.nth(0).textContent()).resolves.toContain('The notifications page can group them by thread meanwhile.');
    await expect(rows.nth(0).getByText('Accepted answer').count()).resolves.toBe(0);
    await rows.nth(1).getByText('✓ Accepted answer').waitFor();
    await screenshotBoth(page, 'profile-replies');
    await page.setViewportSize(phone);
    await expect(sidewaysScroll(page)).resolves.toBe(0);

    // A reload keeps the replies; Back shows the questions again, Forward the replies.
    await page.reload();
    await rows.first().waitFor();
    await expect(repliesTab.getAttribute('aria-selected')).resolves.toBe('true');
    await page.goBack();
    await expect.poll(() => questionsTab.getAttribute('aria-selected')).toBe('true');
    await page.getByRole('link', { name: 'Can I change my username after signing up?' }).waitFor();
    await page.goForward();
    await rows.first().waitFor();
    // The arrow keys move between the tabs, as in any tab list.
    await repliesTab.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => questionsTab.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => repliesTab.getAttribute('aria-selected')).toBe('true');

    await replies.getByRole('link', { name: 'Can the forum send one e-mail a week instead of one per reply?' }).click();
    await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).hash).toBe(`/t/${digest.id}#reply-${latest}`);
    const target = page.locator(`#reply-${latest}`);
    await target.getByText('group them by thread meanwhile').waitFor();
    // Scrolled to the reply, as a notification's link is.
    const box = await target.boundingBox();
    const inView = box !== null && box.y >= 0 && box.y < (page.viewportSize()?.height ?? 0);
    expect(inView).toBe(true);
    await page.goBack();
    await rows.first().waitFor();
    await expect.poll(() => repliesTab.getAttribute('aria-selected')).toBe('true');
  });

  it('says so in words when the member has not replied or asked', async () => {
    await createAccount(forum.app, Role.MEMBER, 'quiet_kim');
    const page = await (await forum.open()).newPage();
    await page.goto('/u/quiet_kim?tab=replies');
    await page.getByText('quiet_kim has not replied yet.').waitFor();
    await page.getByRole('tab', { name: 'Questions' }).click();
    await page.getByText('quiet_kim has not asked a question yet.').waitFor();
    // The home page's invitation is not the profile's to make.
    await expect(page.getByRole('tabpanel').getByRole('link', { name: 'Ask a question' }).count()).resolves.toBe(0);
  });

  it('wraps the longest username a member can pick at phone width', async () => {
    const longest = 'a_member_with_a_32_letter_name_x';
    await createAccount(forum.app, Role.MEMBER, longest);
    const page = await (await forum.open({ viewport: phone })).newPage();
    await page.goto(`/u/${longest}`);
    await page.getByRole('heading', { name: longest }).waitFor();
    await expect(sidewaysScroll(page)).resolves.toBe(0);
  });
});

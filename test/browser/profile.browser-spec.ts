import { describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount } from '../support/accounts.js';
import { axeViolations } from './support/axe.js';
import { operationsOf, phone, screenshotBoth, sidewaysScroll } from './support/browser.js';
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

  it('shows staff the member’s flag history, counted and linking to the flagged posts; members see nothing of it', async () => {
    const author = await createAccount(forum.app, Role.MEMBER, 'marco');
    const reporter = await createAccount(forum.app, Role.MEMBER, 'ines');
    const staff = await createAccount(forum.app, Role.STAFF, 'mod_ana');
    const flag = async (postType: string, postId: string, reason: string, token = reporter.token) =>
      (
        await forum.app.query<{ flagPost: { id: string } }>(
          'mutation F($postType: PostType!, $postId: ID!, $reason: String!) { flagPost(postType: $postType, postId: $postId, reason: $reason) { id } }',
          { postType, postId, reason },
          { token },
        )
      ).flagPost.id;
    const question = await askQuestion(forum.app, author.token, {
      title: 'Can I pin my favourite threads to the top?',
      body: 'I follow a few threads closely and would like them above the rest of the list. Is that possible?',
    });
    const advert = await reply(forum.app, author.token, question.id, 'Pin this: cheap watches at my shop, two for one this week.');
    const dismissed = await flag('THREAD', question.id, 'Asked twice already');
    await forum.app.query('mutation R($id: ID!) { resolveFlag(flagId: $id) { id } }', { id: dismissed }, { token: staff.token });
    await flag('REPLY', advert, 'Advertising a shop');
    // And marco flags ines: a reply that staff then hide, and a question.
    const retort = await reply(forum.app, reporter.token, question.id, 'Nobody wants your watches here, go away.');
    await flag('REPLY', retort, 'Rude to me', author.token);
    await forum.app.query('mutation H($id: ID!) { hidePost(postType: REPLY, postId: $id) { id } }', { id: retort }, { token: staff.token });
    const inesQuestion = await askQuestion(forum.app, reporter.token, {
      title: 'Can I choose the colour of my forum badge?',
      body: 'The badge next to my name is grey. Is there a way to pick a colour I like better?',
    });
    await flag('THREAD', inesQuestion.id, 'Asked for the third time', author.token);

    const page = await (await forum.open({ token: staff.token })).newPage();
    await page.goto('/u/marco');
    const section = page.getByRole('region', { name: 'Moderation' });
    const received = section.getByRole('list', { name: 'Flags on marco’s posts, newest first' });
    await received.getByRole('listitem').nth(1).waitFor();
    await section.getByRole('heading', { level: 3, name: 'Flags on marco’s posts' }).waitFor();
    // Open, upheld, dismissed: on marco's posts, then raised by marco.
    await expect.poll(() => section.getByRole('definition').allTextContents()).toEqual(['1', '0', '1', '1', '1', '0']);
    const rows = received.getByRole('listitem');
    await expect(rows.nth(0).textContent()).resolves.toContain('Advertising a shop');
    await expect(rows.nth(0).textContent()).resolves.toContain('Open');
    await expect(rows.nth(1).textContent()).resolves.toContain('Dismissed');
    // The flags marco raised, newest first, each naming the post's author; the hidden reply is still listed for staff.
    await section.getByRole('heading', { level: 3, name: 'Flags raised by marco' }).waitFor();
    const raised = section.getByRole('list', { name: 'Flags raised by marco, newest first' }).getByRole('listitem');
    await raised.nth(1).waitFor();
    await expect(raised.count()).resolves.toBe(2);
    await expect(raised.nth(0).textContent()).resolves.toMatch(
      /^Open\s*Question by ines, flagged .*Can I choose the colour of my forum badge\?/,
    );
    await expect(raised.nth(0).textContent()).resolves.toContain('Asked for the third time');
    await expect(raised.nth(1).textContent()).resolves.toMatch(/^Upheld: post hidden\s*Reply by ines, flagged /);
    await expect(raised.nth(1).textContent()).resolves.toContain('Nobody wants your watches here, go away.');
    await raised.nth(0).getByRole('link', { name: 'ines' }).waitFor();
    await expect(
      raised.nth(1).getByRole('link', { name: 'Can I pin my favourite threads to the top?' }).getAttribute('href'),
    ).resolves.toBe(`/t/${question.id}#reply-${retort}`);
    // Each section under its own heading: the list's question titles sit below its heading, not beside Moderation.
    await page.getByRole('tabpanel').getByRole('link', { name: 'Can I pin my favourite threads to the top?' }).waitFor();
    const outline = await page
      .locator('main')
      .locator('h1, h2, h3, h4, h5, h6')
      .evaluateAll((headings) => headings.map((heading) => `${heading.tagName} ${heading.textContent?.trim()}`));
    expect(outline).toEqual([
      'H1 marco',
      'H2 Moderation',
      'H3 Flags on marco’s posts',
      'H3 Flags raised by marco',
      'H2 marco’s questions',
      'H3 Can I pin my favourite threads to the top?',
    ]);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await screenshotBoth(page, 'profile-moderation');

    await rows.nth(0).getByRole('link', { name: 'Can I pin my favourite threads to the top?' }).click();
    await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).hash).toBe(`/t/${question.id}#reply-${advert}`);

    for (const viewer of [reporter.token, author.token, undefined]) {
      const other = await (await forum.open({ token: viewer })).newPage();
      const operations = operationsOf(other);
      await other.goto('/u/marco');
      await other.getByRole('link', { name: 'Can I pin my favourite threads to the top?' }).waitFor();
      await expect(other.getByRole('region', { name: 'Moderation' }).count()).resolves.toBe(0);
      await expect(other.getByText('Flags on marco’s posts').count()).resolves.toBe(0);
      await expect(other.getByText('Flags raised by marco').count()).resolves.toBe(0);
      expect(operations.filter((name) => name.startsWith('MemberFlags'))).toEqual([]);
    }
  });

  it('wraps the longest username a member can pick at phone width', async () => {
    const longest = 'a_member_with_a_32_letter_name_x';
    await createAccount(forum.app, Role.MEMBER, longest);
    const page = await (await forum.open({ viewport: phone })).newPage();
    await page.goto(`/u/${longest}`);
    await page.getByRole('heading', { name: longest, level: 1 }).waitFor();
    await expect(sidewaysScroll(page)).resolves.toBe(0);
  });
});

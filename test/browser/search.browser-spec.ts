import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount } from '../support/accounts.js';
import { phone, sidewaysScroll } from './support/browser.js';
import { useBrowserApp } from './support/browser-app.js';
import { askQuestion, reply } from './support/forum.js';

describe('searching', () => {
  const forum = useBrowserApp();

  it('wraps the longest query one can search for, a pasted word without spaces, at phone width', async () => {
    const pasted = 'x'.repeat(200);
    const page = await (await forum.open({ viewport: phone })).newPage();
    await page.goto(`/?q=${pasted}`);
    await page.getByText(`Nothing matches “${pasted}”.`).waitFor();
    await expect(sidewaysScroll(page)).resolves.toBe(0);
  });

  it('says a search from a link is too long instead of showing the API error and a retry that fails again', async () => {
    const page = await (await forum.open()).newPage();
    const graphqlRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.postData()?.includes('query Search')) graphqlRequests.push(request.url());
    });
    await page.goto(`/?q=${'long words '.repeat(25)}`);
    await page.getByText('That search is too long.').waitFor();
    await expect(page.getByText(/this one has 274/).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(0);
    expect(graphqlRequests).toEqual([]);
  });

  it('marks the matched words in the title of a result as in its snippet, and shows the rest of the title as the text it is', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const title = 'Printing <b>recovery</b> codes & keeping them safe';
    const thread = await askQuestion(forum.app, asker.token, {
      title,
      body: 'Is it safe to print my recovery codes and keep them at home?',
    });
    const page = await (await forum.open()).newPage();
    await page.goto('/?q=recovery+print');
    const result = page.locator('.search-result').filter({ has: page.locator(`a[href="/t/${thread.id}"]`) });
    const heading = result.getByRole('heading', { name: title });
    await heading.waitFor();
    await expect(heading.locator('mark').allTextContents()).resolves.toEqual(['Printing', 'recovery']);
    await expect(heading.locator('b').count()).resolves.toBe(0);
    await expect(result.locator('.search-result__snippet mark').allTextContents()).resolves.toEqual(['print', 'recovery']);
  });

  it('reads the reply count of a result and of a listed thread as one phrase, "1 reply"', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const helper = await createAccount(forum.app, Role.MEMBER);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Changing the forum digest from weekly to monthly',
      body: 'Where do I set how often the forum digest email arrives? Weekly is too often for me.',
    });
    await reply(forum.app, helper.token, thread.id, 'Your profile page has the digest setting at the bottom.');
    const page = await (await forum.open()).newPage();
    await page.goto('/?q=digest+monthly');
    const result = page.locator('.search-result').filter({ has: page.locator(`a[href="/t/${thread.id}"]`) });
    await expect(result.locator('.thread-item__count').ariaSnapshot()).resolves.toBe('- text: 1 reply');

    await page.goto('/');
    const listed = page.locator('li.thread-item').filter({ has: page.locator(`a[href="/t/${thread.id}"]`) });
    await expect(listed.locator('.thread-item__count').ariaSnapshot()).resolves.toBe('- text: 1 reply');
  });

  it('marks an unanswered result "Open", as the list of questions does', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Moving my authenticator to a tablet',
      body: 'I want the codes on my tablet as well as my phone. Can one account have both?',
    });
    const page = await (await forum.open()).newPage();
    await page.goto('/?q=tablet+authenticator');
    const result = page.locator('.search-result').filter({ has: page.locator(`a[href="/t/${thread.id}"]`) });
    await result.getByRole('heading').waitFor();
    await expect(result.locator('.badge').allTextContents()).resolves.toEqual(['Open']);

    await page.goto('/');
    const listed = page.locator('li.thread-item').filter({ has: page.locator(`a[href="/t/${thread.id}"]`) });
    await listed.getByRole('heading').waitFor();
    await expect(listed.locator('.badge--open').allTextContents()).resolves.toEqual(['Open']);
  });

  it('shows the badges and tags of a result as the list of questions does: a bot answer awaiting the asker, hidden for staff', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const staff = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Where are my 2FA backup codes?',
      body: 'I just enabled two-factor authentication and cannot find any backup or recovery codes anywhere.',
      tags: ['backup-codes', 'two-factor'],
    });
    await forum.app.query(
      'mutation H($id: ID!) { hidePost(postType: THREAD, postId: $id) { id } }',
      { id: thread.id },
      { token: staff.token },
    );
    const page = await (await forum.open({ token: staff.token })).newPage();
    const expected = { badges: ['Open', 'Automated answer · awaiting the asker', 'Hidden'], tags: ['backup-codes', 'two-factor'] };
    const shown = async (item: Locator) => {
      await item.getByRole('heading').waitFor();
      return {
        badges: await item.locator('.badge').allTextContents(),
        tags: await item.getByRole('list', { name: 'Tags' }).getByRole('link').allTextContents(),
      };
    };

    await page.goto('/');
    await expect(shown(page.locator('li.thread-item').filter({ has: page.locator(`a[href="/t/${thread.id}"]`) }))).resolves.toEqual(
      expected,
    );
    await page.goto('/?q=backup+codes');
    await expect(shown(page.locator('.search-result').filter({ has: page.locator(`a[href="/t/${thread.id}"]`) }))).resolves.toEqual(
      expected,
    );
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount } from '../support/accounts.js';
import { graphqlTrafficOf, operationsOf, screenshotBoth } from './support/browser.js';
import { useBrowserApp } from './support/browser-app.js';
import { askQuestion } from './support/forum.js';
import { signInThroughForm } from './support/sign-in.js';

describe('sign-in and form errors', () => {
  const forum = useBrowserApp();

  beforeAll(async () => {
    await forum.app.query(
      `mutation { signUp(input: { username: "mira_k", email: "mira@example.test", password: "the right password" }) { token } }`,
    );
  });

  it('says so when the password is wrong, and signs in with the right one', async () => {
    const context = await forum.open();
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Username or email').fill('mira_k');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const error = page.getByRole('alert').getByText('That username or password is not right');
    await error.waitFor();
    await screenshotBoth(page, 'sign-in-error');

    await page.getByLabel('Password').fill('the right password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'mira_k' }).waitFor();
    await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
  });

  for (const path of ['/notifications', '/ask', '/staff']) {
    it(`signs out from ${path}: home, as a visitor, without asking the member's queries again`, async () => {
      const account = await createAccount(forum.app, Role.STAFF);
      const context = await forum.open({ token: account.token });
      const page = await context.newPage();
      const asked = operationsOf(page);
      const traffic = graphqlTrafficOf(page);
      await page.goto(path);
      await page.getByRole('link', { name: account.username }).waitFor();
      await traffic.settled();
      const signedIn = asked.splice(0);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('link', { name: 'Sign in' }).waitFor();
      await traffic.settled();
      expect(new URL(page.url()).pathname).toBe('/');
      await page.getByRole('heading', { name: 'Questions' }).waitFor();
      // Who is signed in is asked again; what only a member may see (the page's, the bell's) is not.
      expect(asked.filter((operation) => operation !== 'Viewer' && signedIn.includes(operation))).toEqual([]);
    });
  }

  it('signs out from home: the list is read again and shows what a visitor sees', async () => {
    const account = await createAccount(forum.app, Role.MEMBER);
    const staff = await createAccount(forum.app, Role.STAFF);
    const { id } = await askQuestion(forum.app, account.token, {
      title: 'Can the forum send me a weekly digest?',
      body: 'I would like one e-mail a week with the new questions instead of checking the forum every day.',
    });
    await forum.app.query('mutation H($id: ID!) { hidePost(postType: THREAD, postId: $id) { id } }', { id }, { token: staff.token });

    const context = await forum.open({ token: account.token });
    const page = await context.newPage();
    await page.goto('/');
    // Its author still sees the hidden question, marked hidden; a visitor does not see it.
    const own = page.locator('li.thread-item', { hasText: 'Can the forum send me a weekly digest?' });
    await own.getByText('Hidden').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await own.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('does not take a member for a visitor when the question of who is signed in fails: it asks again', async () => {
    const account = await createAccount(forum.app);
    const { id } = await askQuestion(forum.app, account.token, {
      title: 'Can I use two authenticator apps?',
      body: 'I would like a second app on my tablet, in case my phone breaks.',
    });
    const context = await forum.open({ token: account.token });
    const page = await context.newPage();
    // The network drops the first Viewer request (a blip, or the server restarting as the page loads).
    let dropped = false;
    await page.route('**/graphql', async (route) => {
      const operation = (route.request().postDataJSON() as { operationName?: string } | null)?.operationName;
      if (operation === 'Viewer' && !dropped) {
        dropped = true;
        return route.abort('connectionreset');
      }
      return route.fallback();
    });
    await page.goto(`/t/${id}`);
    await page.getByRole('heading', { name: 'Can I use two authenticator apps?' }).waitFor();
    await page.getByRole('link', { name: account.username }).waitFor();
    await page.getByRole('textbox', { name: 'Reply' }).waitFor();
    expect(dropped).toBe(true);
    await expect(page.getByRole('link', { name: 'Sign in' }).count()).resolves.toBe(0);
  });

  it('goes between sign-in and sign-up without losing where the person was going', async () => {
    const context = await forum.open();
    const page = await context.newPage();
    await page.goto('/sign-up?next=%2Fnotifications');
    const header = page.getByRole('banner');
    await expect(header.getByRole('link', { name: 'Sign in' }).getAttribute('href')).resolves.toBe('/sign-in?next=%2Fnotifications');
    await header.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL('**/sign-in?next=%2Fnotifications');
    await expect(header.getByRole('link', { name: 'Sign up' }).getAttribute('href')).resolves.toBe('/sign-up?next=%2Fnotifications');
    await signInThroughForm(page, 'mira_k', { password: 'the right password' });
    await page.waitForURL('**/notifications');
  });

  it('shows sign-up validation errors at the fields they concern', async () => {
    const context = await forum.open();
    const page = await context.newPage();
    await page.goto('/sign-up');
    await page.getByLabel('Username').fill('x');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Password must be 10–200 characters long', { exact: true }).waitFor();
    await expect(page.getByLabel('Password').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('Username').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('Email').getAttribute('aria-invalid')).resolves.toBe('true');
  });

  it('says a taken username or email as a sentence under both fields', async () => {
    const page = await (await forum.open()).newPage();
    await page.goto('/sign-up');
    await page.getByLabel('Username').fill('Mira_K');
    await page.getByLabel('Email').fill('someone-else@example.test');
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    // A refused sign-up still hashes the password (about a second on a busy machine): longer than expect.poll's default.
    await expect
      .poll(() => page.locator('.field__error').allTextContents(), { timeout: 10_000 })
      .toEqual(['Username or email address is already in use', 'Username or email address is already in use']);
  });

  it('names the fields of a question being edited as labelled when the API refuses the edit', async () => {
    const account = await createAccount(forum.app, Role.MEMBER);
    const thread = await askQuestion(forum.app, account.token, {
      title: 'Can I choose which e-mails the forum sends me?',
      body: 'I get an e-mail for every reply and would like fewer of them, or only some kinds.',
    });
    const page = await (await forum.open({ token: account.token })).newPage();
    await page.goto(`/t/${thread.id}`);
    const question = page.locator('.post--question');
    await question.getByRole('button', { name: 'Edit', exact: true }).click();
    await question.getByRole('textbox', { name: 'Question' }).fill('Fewer e-mails?');
    await question.getByRole('button', { name: 'Save changes' }).click();
    await question.getByText('Question must be 20 to 20000 characters', { exact: true }).waitFor();
  });

  it('names the fields of a flag and of a canonical answer as labelled when the API refuses them', async () => {
    const member = await createAccount(forum.app, Role.MEMBER);
    const staff = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, staff.token, {
      title: 'Is there a forum app for phones?',
      body: 'I would like to read the forum on my phone without the browser, is there an app?',
    });
    const asMember = await (await forum.open({ token: member.token })).newPage();
    await asMember.goto(`/t/${thread.id}`);
    await asMember.locator('.post--question').getByRole('button', { name: 'Flag' }).click();
    const flag = asMember.getByRole('dialog');
    await flag.getByLabel('Reason').fill('Spam');
    await flag.getByRole('button', { name: 'Send flag' }).click();
    await flag.getByText('Reason must be 5 to 500 characters', { exact: true }).waitFor();

    const asStaff = await (await forum.open({ token: staff.token })).newPage();
    await asStaff.goto('/staff/answers/save-qr-code');
    await asStaff.getByRole('textbox', { name: 'Title' }).fill('QR');
    await asStaff.getByRole('button', { name: 'Save a new version' }).click();
    await asStaff.getByText('Title must be 3 to 200 characters', { exact: true }).waitFor();
    await asStaff.getByRole('textbox', { name: 'Add an example question' }).fill('QR');
    await asStaff.getByRole('button', { name: 'Add example' }).click();
    await asStaff.getByText('Example must be 3 to 2000 characters', { exact: true }).waitFor();

    await asStaff.goto('/staff/answers');
    await asStaff.getByRole('button', { name: 'New answer' }).click();
    await asStaff.getByRole('textbox', { name: 'Title' }).fill('Can I use the forum without an app?');
    await asStaff.getByRole('textbox', { name: 'Address' }).fill('forum-without-app');
    await asStaff.getByRole('textbox', { name: 'Answer' }).fill('Yes: the forum works in any browser.');
    await asStaff.getByRole('textbox', { name: 'Example questions' }).fill('Is there a forum app?\nQR');
    await asStaff.getByRole('button', { name: 'Create answer' }).click();
    await asStaff.getByText('Each example must be 3 to 2000 characters', { exact: true }).waitFor();
  });

  it('opens the flag, hide and retire dialogs again without the error of an attempt that failed', async () => {
    const member = await createAccount(forum.app, Role.MEMBER);
    const staff = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, staff.token, {
      title: 'Can the forum send me a digest instead of every reply?',
      body: 'I would rather get one e-mail a day with the new replies than one e-mail per reply.',
    });
    const asMember = await (await forum.open({ token: member.token })).newPage();
    await asMember.goto(`/t/${thread.id}`);
    const flagButton = asMember.locator('.post--question').getByRole('button', { name: 'Flag' });
    await flagButton.click();
    const flag = asMember.getByRole('dialog');
    await flag.getByLabel('Reason').fill('Spam');
    await flag.getByRole('button', { name: 'Send flag' }).click();
    await flag.getByText('Reason must be 5 to 500 characters', { exact: true }).waitFor();
    await flag.getByLabel('Reason').fill('Spam for a mailing tool');
    await flag.getByRole('button', { name: 'Cancel' }).click();
    await flagButton.click();
    await expect(flag.getByLabel('Reason').inputValue()).resolves.toBe('Spam for a mailing tool');
    await expect(flag.getByRole('alert').count()).resolves.toBe(0);

    // Staff on a network that drops the first hide and the first retire.
    const asStaff = await (await forum.open({ token: staff.token })).newPage();
    const dropped = new Set<string>();
    await asStaff.route('**/graphql', async (route) => {
      const operation = (route.request().postDataJSON() as { operationName?: string } | null)?.operationName ?? '';
      if (['HidePost', 'RetireCanonicalAnswer'].includes(operation) && !dropped.has(operation)) {
        dropped.add(operation);
        return route.abort('connectionreset');
      }
      return route.fallback();
    });
    await asStaff.goto(`/t/${thread.id}`);
    const hideButton = asStaff.locator('.post--question').getByRole('button', { name: 'Hide', exact: true });
    await hideButton.click();
    const hide = asStaff.getByRole('dialog');
    await hide.getByRole('button', { name: 'Hide', exact: true }).click();
    await hide.getByRole('alert').waitFor();
    await hide.getByRole('button', { name: 'Cancel' }).click();
    await hideButton.click();
    await hide.getByRole('button', { name: 'Hide', exact: true }).waitFor();
    await expect(hide.getByRole('alert').count()).resolves.toBe(0);
    await hide.getByRole('button', { name: 'Cancel' }).click();

    await asStaff.goto('/staff/answers/save-qr-code');
    const retireButton = asStaff.getByRole('button', { name: 'Retire', exact: true });
    await retireButton.click();
    const retire = asStaff.getByRole('dialog');
    await retire.getByRole('button', { name: 'Retire', exact: true }).click();
    await retire.getByRole('alert').waitFor();
    await retire.getByRole('button', { name: 'Cancel' }).click();
    await retireButton.click();
    await retire.getByRole('button', { name: 'Retire', exact: true }).waitFor();
    await expect(retire.getByRole('alert').count()).resolves.toBe(0);
  });

  it('checks a question against the API limits in the form: fields named as labelled, focus on the first wrong one', async () => {
    const account = await createAccount(forum.app, Role.MEMBER);
    const context = await forum.open({ token: account.token });
    const page = await context.newPage();
    let asked = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.postData()?.includes('askQuestion')) asked += 1;
    });
    await page.goto('/ask');
    await page.getByLabel('Title').fill('2FA?');
    await page.getByRole('textbox', { name: 'Details' }).fill('help');
    // The minimum, and why details help, show while typing.
    await page.getByText('4 of at least 20 characters').waitFor();
    await page.getByText(/which devices are still signed in/).waitFor();
    await page.getByRole('button', { name: 'Post your question' }).click();
    await page.getByText('Title needs at least 10 characters (4 so far).').waitFor();
    await page.getByText('Details needs at least 20 characters (4 so far).').waitFor();
    await expect(page.getByLabel('Title').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByRole('textbox', { name: 'Details' }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('Title').evaluate((field) => field === field.ownerDocument.activeElement)).resolves.toBe(true);
    await expect(page.url()).toMatch(/\/ask$/);
    await screenshotBoth(page, 'ask-validation');

    // A paste over the limit stays whole and is refused, not cut.
    await page.getByLabel('Title').fill('My authenticator codes stopped working');
    const long = 'I tried everything. '.repeat(1_001);
    await page.getByRole('textbox', { name: 'Details' }).fill(long);
    await expect(page.getByRole('textbox', { name: 'Details' }).inputValue()).resolves.toHaveLength(long.length);
    await page.getByText(/^20,\d{3} \/ 20,000 characters: \d+ too many$/).waitFor();
    await page.getByRole('button', { name: 'Post your question' }).click();
    await page.getByText(/^Details can have at most 20,000 characters/).waitFor();
    await expect(
      page.getByRole('textbox', { name: 'Details' }).evaluate((field) => field === field.ownerDocument.activeElement),
    ).resolves.toBe(true);
    await expect(Promise.resolve(asked)).resolves.toBe(0);
  });

  it('asks a member to share what worked and staff to answer for the forum, both never to post codes', async () => {
    const member = await createAccount(forum.app, Role.MEMBER);
    const staff = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, member.token, {
      title: 'My authenticator app shows the wrong codes',
      body: 'Every code it shows is refused at sign-in, on both of my phones. What can I check?',
    });
    const replyBox = async (token: string) => {
      const context = await forum.open({ token });
      const page = await context.newPage();
      await page.goto(`/t/${thread.id}`);
      return page.getByRole('textbox', { name: 'Reply' });
    };
    const memberBox = await replyBox(member.token);
    await expect(memberBox.getAttribute('placeholder')).resolves.toBe(
      'Share what worked for you. Never post codes, QR codes or passwords.',
    );
    const staffBox = await replyBox(staff.token);
    await expect
      .poll(() => staffBox.getAttribute('placeholder'))
      .toBe(
        'Hi there @name! Answer for the forum: what to do, step by step, and an invitation to ask more. Never ask for or post codes, QR codes or passwords.',
      );
  });

  it('previews the details as the server renders them, without running what it strips', async () => {
    const account = await createAccount(forum.app, Role.MEMBER);
    const context = await forum.open({ token: account.token });
    const page = await context.newPage();
    await page.goto('/ask');
    await page
      .getByRole('textbox', { name: 'Details' })
      .fill(
        'Steps I tried:\n\n1. **Saved** the `backup codes`\n2. [Help page](javascript:alert(1))\n\n<img src="https://img.test/x.png" onerror="window.previewRan = true">',
      );
    await page.getByRole('tab', { name: 'Preview' }).click();
    const preview = page.getByLabel('Details preview');
    await preview.locator('strong', { hasText: 'Saved' }).waitFor();
    await preview.locator('code', { hasText: 'backup codes' }).waitFor();
    await expect(preview.locator('ol > li').count()).resolves.toBe(2);
    await expect(preview.locator('[onerror], a[href^="javascript"]').count()).resolves.toBe(0);
    // As the post will show it: the image is a link to open, not fetched while typing.
    await preview.getByRole('link', { name: 'Image from img.test' }).waitFor();
    await expect(preview.locator('img').count()).resolves.toBe(0);
    await expect(page.evaluate('window.previewRan === true')).resolves.toBe(false);
    await screenshotBoth(page, 'ask-preview');
    await page.getByRole('tab', { name: 'Write' }).click();
    await expect(page.getByRole('textbox', { name: 'Details' }).inputValue()).resolves.toContain('**Saved**');
  });
});

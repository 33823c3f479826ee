import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount, enrolTwoFactor, testPassword, TestAccount, totpCode } from '../support/accounts.js';
import { askQuestion, createCanonicalAnswer, reply, threadPageIsLive, threadSubscribers } from './support/forum.js';
import { useBrowserApp } from './support/browser-app.js';
import { holdAnswers } from './support/browser.js';

/** Resolves once keyboard focus is on the element, else fails saying where it is. */
async function focusIsOn(target: Locator): Promise<void> {
  try {
    await expect.poll(() => target.evaluate((node) => node === node.ownerDocument.activeElement), { timeout: 3_000 }).toBe(true);
  } catch {
    const actual = await target.page().evaluate("document.activeElement?.outerHTML.slice(0, 80) ?? 'nothing'");
    throw new Error(`focus is not on ${target.toString()} but on ${String(actual)}`);
  }
}

describe('keyboard focus after actions', () => {
  const forum = useBrowserApp();

  /** A question about backup codes whose bot answer the asker marked unhelpful: it waits in staff's Unhelpful queue. */
  async function unhelpfulBotAnswer(asker: TestAccount, title: string): Promise<{ id: string }> {
    const thread = await askQuestion(forum.app, asker.token, {
      title,
      body: 'I just enabled two-factor authentication and cannot find any backup or recovery codes anywhere.',
    });
    await forum.app.query(
      `mutation N($id: ID!) { markBotAnswerUnhelpful(threadId: $id) { id } }`,
      { id: thread.id },
      { token: asker.token },
    );
    return thread;
  }

  it('moves focus to a posted reply, keeps it on a busy button, and to and from an editor', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const staff = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Can the forum send me a weekly digest?',
      body: 'I would like one e-mail a week with the new questions instead of checking the forum every day.',
    });
    const context = await forum.open({ token: asker.token });
    const page = await context.newPage();
    await page.goto(`/t/${thread.id}`);

    await page
      .locator('#reply')
      .getByRole('textbox', { name: 'Reply' })
      .fill('Answering myself: the profile page has no digest option yet.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    const posted = page.locator('li.post--reply', { hasText: 'Answering myself' });
    await posted.waitFor();
    await focusIsOn(posted);

    // Opening an editor starts on its first field; Cancel and Save give focus back to Edit.
    const question = page.locator('.post--question');
    await question.getByRole('button', { name: 'Edit', exact: true }).click();
    await focusIsOn(question.getByLabel('Title'));
    await question.getByRole('button', { name: 'Cancel' }).click();
    await focusIsOn(question.getByRole('button', { name: 'Edit', exact: true }));

    await posted.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = posted.getByRole('textbox', { name: 'Reply' });
    await focusIsOn(editor);
    await editor.fill('Answering myself: the profile page has no digest option, as of today.');
    await posted.getByRole('button', { name: 'Save changes' }).click();
    await posted.locator('.prose').getByText('as of today').waitFor();
    await focusIsOn(posted.getByRole('button', { name: 'Edit', exact: true }));

    // The lock dialog opens on its Reason field. The server's answer is held back: meanwhile the thread is locked (its
    // live event came), and the dialog still says Lock, its pressed button busy and focused. Once answered, focus is
    // back on the button that opened the dialog, now Unlock.
    const staffContext = await forum.open({ token: staff.token });
    const staffPage = await staffContext.newPage();
    const subscribers = threadSubscribers(forum.app, thread.id);
    await staffPage.goto(`/t/${thread.id}`);
    await threadPageIsLive(staffPage, forum.app, thread.id, subscribers);
    await staffPage.getByRole('button', { name: 'Lock', exact: true }).click();
    const dialog = staffPage.getByRole('dialog', { name: 'Lock this thread', exact: true });
    await focusIsOn(dialog.getByLabel('Reason for the moderation log (optional)'));
    const lockAnswer = await holdAnswers(staffPage, 'LockThread');
    const confirm = dialog.getByRole('button', { name: 'Lock', exact: true });
    await confirm.click();
    await staffPage.locator('.post--question .post__header').getByText('Locked', { exact: true }).waitFor();
    await expect(confirm.getAttribute('aria-busy')).resolves.toBe('true');
    await focusIsOn(confirm);
    lockAnswer.release();
    const unlock = staffPage.getByRole('button', { name: 'Unlock', exact: true });
    await unlock.waitFor();
    await focusIsOn(unlock);
  });

  it('closes an editor of a question or a reply on Escape as Cancel does, the changed text dropped, focus back on Edit', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Does the forum keep my drafts across devices?',
      body: 'I started a question on my laptop and wanted to finish it on my phone, but the text was not there.',
    });
    await reply(forum.app, asker.token, thread.id, 'Answering myself: drafts stay in the browser tab they were written in.');
    const page = await (await forum.open({ token: asker.token })).newPage();
    await page.goto(`/t/${thread.id}`);

    const question = page.locator('.post--question');
    await question.getByRole('button', { name: 'Edit', exact: true }).click();
    await question.getByLabel('Title').fill('Changed and then thought better of it');
    await question.getByRole('textbox', { name: 'Question' }).press('Escape');
    await focusIsOn(question.getByRole('button', { name: 'Edit', exact: true }));
    await expect(question.locator('.edit-form').count()).resolves.toBe(0);
    // As after Cancel, the changed text is not kept: the editor opens on the question as it is.
    await question.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect(question.getByLabel('Title').inputValue()).resolves.toBe('Does the forum keep my drafts across devices?');
    await question.getByLabel('Tags').press('Escape');
    await focusIsOn(question.getByRole('button', { name: 'Edit', exact: true }));

    const posted = page.locator('li.post--reply', { hasText: 'Answering myself' });
    await posted.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = posted.getByRole('textbox', { name: 'Reply' });
    await editor.fill('Answering myself: something I will not keep.');
    await editor.press('Escape');
    await focusIsOn(posted.getByRole('button', { name: 'Edit', exact: true }));
    await expect(posted.getByText('something I will not keep').count()).resolves.toBe(0);
    // Nor kept for the tab: a page that finds an edit's draft opens its editor again.
    await page.reload();
    await posted.getByRole('button', { name: 'Edit', exact: true }).waitFor();
    await expect(page.locator('.edit-form').count()).resolves.toBe(0);
  });

  it('keeps the Hide dialog on Hide while the hide arrives live, and gives focus back to its toggle, now Restore', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const spammer = await createAccount(forum.app, Role.MEMBER);
    const staff = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Can the forum remember my sort order?',
      body: 'Every time I come back the questions are sorted by newest again. Could the forum remember what I chose?',
    });
    await reply(forum.app, spammer.token, thread.id, 'Cheap followers for your profile at followers-for-sale.example!');
    const context = await forum.open({ token: staff.token });
    const page = await context.newPage();
    const subscribers = threadSubscribers(forum.app, thread.id);
    await page.goto(`/t/${thread.id}`);
    await threadPageIsLive(page, forum.app, thread.id, subscribers);

    // As for the lock above: the server's answer is held back until the reply shows hidden, its event having come.
    const spam = page.locator('li.post--reply', { hasText: 'followers-for-sale' });
    await spam.getByRole('button', { name: 'Hide', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Hide this reply', exact: true });
    await focusIsOn(dialog.getByLabel('Reason for the moderation log (optional)'));
    const hideAnswer = await holdAnswers(page, 'HidePost');
    const confirm = dialog.getByRole('button', { name: 'Hide', exact: true });
    await confirm.click();
    await spam.getByText('Hidden by a moderator').waitFor();
    await dialog.getByText('Only staff and its author will see it.').waitFor();
    await expect(confirm.getAttribute('aria-busy')).resolves.toBe('true');
    await focusIsOn(confirm);
    hideAnswer.release();
    const restore = spam.getByRole('button', { name: 'Restore', exact: true });
    await restore.waitFor();
    await focusIsOn(restore);
  });

  it('moves between tabs with the arrow keys, Home and End, and keeps only the selected tab in the Tab order', async () => {
    const member = await createAccount(forum.app);
    const memberContext = await forum.open({ token: member.token });
    const askPage = await memberContext.newPage();
    await askPage.goto('/ask');
    const title = askPage.getByRole('textbox', { name: 'Title' });
    await focusIsOn(title);
    const write = askPage.getByRole('tab', { name: 'Write' });
    const preview = askPage.getByRole('tab', { name: 'Preview' });
    await askPage.keyboard.press('Tab');
    await focusIsOn(write);
    await askPage.keyboard.press('ArrowRight');
    await focusIsOn(preview);
    await expect.poll(() => preview.getAttribute('aria-selected')).toBe('true');
    await askPage.getByRole('tabpanel', { name: 'Details preview' }).waitFor();
    await askPage.keyboard.press('ArrowLeft');
    await focusIsOn(write);
    // Tab goes from the selected tab to its panel, not to the other tab.
    await askPage.keyboard.press('Tab');
    await focusIsOn(askPage.getByRole('textbox', { name: 'Details' }));

    const staff = await createAccount(forum.app, Role.STAFF);
    const staffContext = await forum.open({ token: staff.token });
    const staffPage = await staffContext.newPage();
    await staffPage.goto('/staff');
    const pending = staffPage.getByRole('tab', { name: 'Pending suggestions' });
    await pending.focus();
    await staffPage.keyboard.press('ArrowRight');
    const unhelpful = staffPage.getByRole('tab', { name: 'Unhelpful bot answers' });
    await focusIsOn(unhelpful);
    await expect.poll(() => unhelpful.getAttribute('aria-selected')).toBe('true');
    await staffPage.keyboard.press('End');
    await focusIsOn(staffPage.getByRole('tab', { name: 'Open flags' }));
    await staffPage.getByText('Posts members reported.').waitFor();
    await staffPage.keyboard.press('Home');
    await focusIsOn(pending);
    await expect.poll(() => pending.getAttribute('aria-selected')).toBe('true');
  });

  it('keeps focus on the button that accepts an answer as it turns into Unaccept, and back', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const helper = await createAccount(forum.app, Role.MEMBER);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Can I pick a dark theme for the forum?',
      body: 'The forum is very bright at night. Is there a dark theme somewhere in the settings?',
    });
    const first = await reply(forum.app, helper.token, thread.id, 'Not yet: your browser’s dark reader extension works meanwhile.');
    await reply(forum.app, helper.token, thread.id, 'There is a request for it on the feedback board too.');
    const page = await (await forum.open({ token: asker.token })).newPage();
    await page.goto(`/t/${thread.id}`);
    const post = page.locator(`#reply-${first}`);

    await post.getByRole('button', { name: '✓ Accept this answer' }).press('Enter');
    await post.getByText('Accepted answer').waitFor();
    await focusIsOn(post.getByRole('button', { name: 'Unaccept' }));
    await page.keyboard.press('Enter');
    await focusIsOn(post.getByRole('button', { name: '✓ Accept this answer' }));
  });

  it('opens the flag dialog on its Reason field and gives focus back to the Flag button', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const reporter = await createAccount(forum.app, Role.MEMBER);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Selling cheap accounts with 2FA already set up',
      body: 'Message me for accounts that already have two-factor authentication turned on, cheap prices.',
    });
    const context = await forum.open({ token: reporter.token });
    const page = await context.newPage();
    await page.goto(`/t/${thread.id}`);
    const flag = page.locator('.post--question').getByRole('button', { name: 'Flag' });
    const dialog = page.getByRole('dialog', { name: 'Flag this question' });

    await flag.click();
    await focusIsOn(dialog.getByLabel('Reason'));
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await focusIsOn(flag);

    await flag.press('Enter');
    await focusIsOn(dialog.getByLabel('Reason'));
    await page.keyboard.press('Escape');
    await focusIsOn(flag);

    await flag.click();
    await dialog.getByLabel('Reason').fill('Selling accounts, spam.');
    // Sent by keyboard: the thanks takes the form's place, and focus its Close button, not <body>.
    await dialog.getByRole('button', { name: 'Send flag' }).press('Enter');
    await dialog.getByText('Thanks — a moderator will look at it.').waitFor();
    const close = dialog.locator('.dialog__body').getByRole('button', { name: 'Close' });
    await focusIsOn(close);
    await page.keyboard.press('Enter');
    await focusIsOn(page.locator('.post--question').getByRole('button', { name: 'Flagged' }));
  });

  it('moves focus from the button pressed to the field the API refused: flag reason, two-factor code, answer title', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const member = await createAccount(forum.app, Role.MEMBER);
    const staff = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Free premium accounts for everyone who messages me',
      body: 'Send me a message and I will hand out premium accounts with two-factor already turned on.',
    });
    const page = await (await forum.open({ token: member.token })).newPage();
    await page.goto(`/t/${thread.id}`);
    await page.locator('.post--question').getByRole('button', { name: 'Flag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Flag this question' });
    await dialog.getByLabel('Reason').fill('Spam');
    await dialog.getByRole('button', { name: 'Send flag' }).press('Enter');
    await dialog.locator('.field__error').waitFor();
    await focusIsOn(dialog.getByLabel('Reason'));

    // A wrong code with the right password: the code is refused.
    await page.goto('/account/security');
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).press('Enter');
    await page.getByLabel('Code from the app').fill('000000');
    await page.getByLabel('Your password').fill(testPassword);
    await page.getByRole('button', { name: 'Confirm and turn on' }).press('Enter');
    await page.getByText('That code is not right').waitFor();
    await focusIsOn(page.getByLabel('Code from the app'));

    const slug = 'focus-on-refused-title';
    await createCanonicalAnswer(forum.app, staff.token, {
      slug,
      title: 'Moving codes to a new phone',
      body: 'Export the accounts from the old app first.',
    });
    const staffPage = await (await forum.open({ token: staff.token })).newPage();
    await staffPage.goto(`/staff/answers/${slug}`);
    await staffPage.getByRole('textbox', { name: 'Title' }).fill('');
    await staffPage.getByRole('button', { name: 'Save a new version' }).press('Enter');
    await staffPage.locator('.field__error').first().waitFor();
    await focusIsOn(staffPage.getByRole('textbox', { name: 'Title' }));
  });

  it('moves focus from the button pressed to the field the API refused: moderation reason, codes, new answer, password', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const staff = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Can I get a text message instead of using an app?',
      body: 'I do not have a smartphone. Can the forum send my two-factor codes by text message instead?',
    });
    const staffPage = await (await forum.open({ token: staff.token })).newPage();
    await staffPage.goto(`/t/${thread.id}`);
    await staffPage.getByRole('button', { name: 'Lock', exact: true }).click();
    const dialog = staffPage.getByRole('dialog', { name: 'Lock this thread', exact: true });
    const reason = dialog.getByLabel('Reason for the moderation log (optional)');
    // The field stops at the API's limit: without that stop, the API refuses what goes beyond it.
    await reason.evaluate((input) => input.removeAttribute('maxlength'));
    await reason.fill('x'.repeat(501));
    await dialog.getByRole('button', { name: 'Lock', exact: true }).press('Enter');
    await dialog.getByText('Reason must be at most 500 characters').waitFor();
    await focusIsOn(reason);

    await staffPage.goto('/staff/answers');
    await staffPage.getByRole('button', { name: 'New answer' }).press('Enter');
    await staffPage.getByRole('textbox', { name: 'Title' }).fill('Two-factor codes by text message');
    await staffPage.getByRole('textbox', { name: 'Address' }).fill('sm');
    await staffPage.getByRole('textbox', { name: 'Answer' }).fill('The forum does not send codes by text message.');
    await staffPage.getByRole('button', { name: 'Create answer' }).press('Enter');
    await staffPage.getByText('Address must be 3 to 64 lower-case letters').waitFor();
    await focusIsOn(staffPage.getByRole('textbox', { name: 'Address' }));

    const member = await createAccount(forum.app, Role.MEMBER);
    await enrolTwoFactor(forum.app, member.token);
    const page = await (await forum.open({ token: member.token })).newPage();
    await page.goto('/account/security');
    const proof = page.getByLabel('Code from the app, or a recovery code');
    await proof.fill('000000');
    await page.getByRole('button', { name: 'Make new recovery codes' }).press('Enter');
    await page.getByText('That code is not right').waitFor();
    await focusIsOn(proof);

    const code = page.getByLabel('Code from the app', { exact: true });
    await code.fill('000000');
    await page.getByRole('button', { name: 'Turn off' }).press('Enter');
    await page.getByText('or use your password and a recovery code instead').waitFor();
    await focusIsOn(code);
    await page.getByRole('button', { name: 'Lost your phone? Use your password and a recovery code' }).click();
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(testPassword);
    await page.getByLabel('Recovery code', { exact: true }).fill('aaaa-bbbb-cccc');
    await page.getByRole('button', { name: 'Turn off' }).press('Enter');
    await page.getByText('That password and recovery code do not match this account').waitFor();
    await focusIsOn(page.getByLabel('Recovery code', { exact: true }));

    await page.getByLabel('Current password').fill(testPassword);
    await page.getByLabel('New password').fill('too short');
    await page.getByRole('button', { name: 'Change password' }).press('Enter');
    await page.getByText(/^New password must/).waitFor();
    await focusIsOn(page.getByLabel('New password'));
  });

  it('moves focus from the button pressed to the field the API refused: sign-in, reply, edits, example question', async () => {
    const visitor = await (await forum.open()).newPage();
    await visitor.goto('/sign-in');
    await visitor.getByLabel('Username or email').fill('someone');
    await visitor.getByRole('button', { name: 'Sign in' }).press('Enter');
    await visitor.getByText('Password must be 1–200 characters long').waitFor();
    await focusIsOn(visitor.getByLabel('Password', { exact: true }));

    const asker = await createAccount(forum.app, Role.MEMBER);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Can I export my questions and replies?',
      body: 'I would like a copy of everything I wrote on the forum, as a file I can keep on my computer.',
    });
    const answered = await reply(forum.app, asker.token, thread.id, 'Answering myself: there is no export yet.');
    const page = await (await forum.open({ token: asker.token })).newPage();
    await page.goto(`/t/${thread.id}`);
    // The reply box stops at the API's limit: the request is sent over it, for the API to refuse.
    await page.route('**/graphql', async (route) => {
      const request = route.request().postDataJSON() as { operationName?: string; variables: Record<string, unknown> } | null;
      if (request?.operationName !== 'ReplyToThread') return route.continue();
      return route.continue({ postData: { ...request, variables: { ...request.variables, body: 'x'.repeat(20_001) } } });
    });
    const replyField = page.locator('#reply').getByRole('textbox', { name: 'Reply' });
    await replyField.fill('A reply the page makes too long.');
    // Sent from the preview: the refused text is shown again to take the focus.
    await page.locator('#reply').getByRole('tab', { name: 'Preview' }).click();
    await page.locator('#reply .markdown-editor__preview .prose').waitFor();
    await page.getByRole('button', { name: 'Post reply' }).press('Enter');
    await page.locator('#reply').getByText('Reply must be 1 to 20000 characters').waitFor();
    await focusIsOn(replyField);

    const question = page.locator('.post--question');
    await question.getByRole('button', { name: 'Edit', exact: true }).click();
    await question.getByLabel('Tags').fill('one, two, three, four, five, six');
    await question.getByRole('button', { name: 'Save changes' }).press('Enter');
    await question.getByText('At most 5 tags').waitFor();
    await focusIsOn(question.getByLabel('Tags'));
    await question.getByRole('button', { name: 'Cancel' }).click();

    const posted = page.locator(`#reply-${answered}`);
    await posted.getByRole('button', { name: 'Edit', exact: true }).click();
    await posted.getByRole('textbox', { name: 'Reply' }).fill('');
    await posted.getByRole('button', { name: 'Save changes' }).press('Enter');
    await posted.getByText('Reply must be 1 to 20000 characters').waitFor();
    await focusIsOn(posted.getByRole('textbox', { name: 'Reply' }));

    const staff = await createAccount(forum.app, Role.STAFF);
    const slug = 'focus-on-refused-example';
    await createCanonicalAnswer(forum.app, staff.token, { slug, title: 'Exporting what you wrote', body: 'There is no export yet.' });
    const staffPage = await (await forum.open({ token: staff.token })).newPage();
    await staffPage.goto(`/staff/answers/${slug}`);
    const example = staffPage.getByLabel('Add an example question');
    await example.fill('ab');
    await staffPage.getByRole('button', { name: 'Add example' }).press('Enter');
    await staffPage.getByText('Example must be 3 to 2000 characters').waitFor();
    await focusIsOn(example);
  });

  it('moves focus to the next row of a staff queue when one is decided, and to the queue when it is empty', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const staff = await createAccount(forum.app, Role.STAFF);
    const titles = ['Where are my 2FA backup codes?', 'No backup codes after turning on two-factor'];
    for (const title of titles) await unhelpfulBotAnswer(asker, title);
    const context = await forum.open({ token: staff.token });
    const page = await context.newPage();
    await page.goto('/staff?queue=UNHELPFUL');
    const rows = page.locator('li.queue-item');
    await rows.nth(1).waitFor();
    const second = rows.nth(1).locator('.queue-item__title');
    const secondTitle = await second.textContent();

    await rows.first().getByRole('button', { name: 'Dismiss' }).click();
    await page.getByTestId('queue-decisions').getByText('Dismissed').waitFor();
    const next = page.locator('li.queue-item .queue-item__title', { hasText: secondTitle ?? '' });
    await focusIsOn(next);

    await page.locator('li.queue-item').getByRole('button', { name: 'Dismiss' }).click();
    await page.getByText('No bot answers marked unhelpful.').waitFor();
    await focusIsOn(page.getByRole('list', { name: 'Queue' }));
  });

  it('moves focus to the next open flag when one is decided, and to the flags queue when it is empty', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const reporter = await createAccount(forum.app, Role.MEMBER);
    const staff = await createAccount(forum.app, Role.STAFF);
    // Flags other tests left open would keep the queue from emptying.
    const open = await forum.app.query<{ openFlags: { nodes: { id: string }[] } }>(
      '{ openFlags(first: 50) { nodes { id } } }',
      {},
      { token: staff.token },
    );
    for (const { id } of open.openFlags.nodes) {
      await forum.app.query('mutation R($id: ID!) { resolveFlag(flagId: $id) { id } }', { id }, { token: staff.token });
    }
    const reasons = ['Looks like an advert for a phone shop.', 'Asks people to send their codes by e-mail.'];
    for (const [index, reason] of reasons.entries()) {
      const thread = await askQuestion(forum.app, asker.token, {
        title: `Flagged question number ${index + 1} about 2FA`,
        body: 'A question that a member reports to the moderators, to be decided from the flags queue.',
      });
      await forum.app.query(
        'mutation F($id: ID!, $reason: String!) { flagPost(postType: THREAD, postId: $id, reason: $reason) { id } }',
        { id: thread.id, reason },
        { token: reporter.token },
      );
    }
    const context = await forum.open({ token: staff.token });
    const page = await context.newPage();
    await page.goto('/staff?queue=flags');
    const rows = page.locator('li.queue-item');
    await rows.nth(1).waitFor();

    await rows.filter({ hasText: reasons[0] }).getByRole('button', { name: 'Dismiss flag' }).click();
    await rows.filter({ hasText: reasons[0] }).waitFor({ state: 'detached' });
    await focusIsOn(rows.filter({ hasText: reasons[1] }).locator('.queue-item__title'));

    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await focusIsOn(rows.getByRole('button', { name: 'Dismiss flag' }));
    await page.keyboard.press('Enter');
    await page.getByText('No open flags.').waitFor();
    await focusIsOn(page.getByRole('list', { name: 'Open flags' }));
  });

  it('keeps focus in the canonical answer editor when a save or a new example disables the button pressed', async () => {
    const staff = await createAccount(forum.app, Role.STAFF);
    const slug = 'focus-after-save';
    await createCanonicalAnswer(forum.app, staff.token, {
      slug,
      title: 'Keeping a spare authenticator',
      body: 'Scan the QR code into a second app.',
    });
    const context = await forum.open({ token: staff.token });
    const page = await context.newPage();
    await page.goto(`/staff/answers/${slug}`);

    await page.getByRole('textbox', { name: 'Answer' }).fill('Scan the QR code into a second authenticator app, on another device.');
    await page.getByRole('button', { name: 'Save a new version' }).press('Enter');
    await page.getByText('Saved as version 2.').waitFor();
    await focusIsOn(page.locator('div:has(> .notice)', { hasText: 'Saved as version 2.' }));

    const example = page.getByLabel('Add an example question');
    await example.fill('should I put the two-factor code on a second phone too');
    await page.getByRole('button', { name: 'Add example' }).press('Enter');
    await page.getByText('Added “should I put the two-factor code on a second phone too”').waitFor();
    await focusIsOn(example);
  });

  it('opens “Reply with it” on the prefilled reply box, in view and focused, and leaves the draft out of the address', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const staff = await createAccount(forum.app, Role.STAFF);
    const thread = await unhelpfulBotAnswer(asker, 'Setup never showed backup codes for 2FA');
    const context = await forum.open({ token: staff.token });
    const page = await context.newPage();
    await page.goto('/staff?queue=UNHELPFUL');
    await page.getByTestId(`queue-item-${thread.id}`).getByRole('button', { name: 'Reply with it' }).click();

    const box = page.locator('#reply').getByRole('textbox', { name: 'Reply' });
    await expect.poll(() => box.inputValue()).not.toBe('');
    await focusIsOn(box);
    const shown = await box.boundingBox();
    const viewport = page.viewportSize();
    expect(shown && viewport && shown.y >= 0 && shown.y + shown.height <= viewport.height).toBe(true);
    await page.waitForURL((url) => !url.searchParams.has('draft'));
    expect(new URL(page.url()).pathname).toBe(`/t/${thread.id}`);

    await page.getByRole('button', { name: 'Post reply' }).click();
    await page.locator('li.post--staff').waitFor();
    await page.reload();
    await page.locator('li.post--staff').waitFor();
    await expect(box.inputValue()).resolves.toBe('');
  });
});

// Apart: the unhelpful answer waits in staff's Unhelpful queue, which a test above expects to hold only its own.
describe('keyboard focus after the asker answers the bot', () => {
  const forum = useBrowserApp();

  it('moves focus to the bot’s reply once the asker chose a clarification or said whether it solved it', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const clarifying = await askQuestion(forum.app, asker.token, {
      title: 'Lost my phone with the authenticator app',
      body: 'My phone was stolen and the authenticator app was on it. What should I do about two-factor authentication now?',
    });
    const page = await (await forum.open({ token: asker.token })).newPage();
    await page.goto(`/t/${clarifying.id}`);
    const botReply = page.locator('li.post--bot');
    await page.getByRole('button', { name: 'Yes, I am still signed in on a device' }).press('Enter');
    await botReply.getByText('Did this solve it?').waitFor();
    await focusIsOn(botReply);

    await page.getByRole('button', { name: 'Yes, this solved it' }).press('Enter');
    await botReply.getByText('You said this solved it.').waitFor();
    await focusIsOn(botReply);

    const unhelpful = await askQuestion(forum.app, asker.token, {
      title: 'Where are the backup codes for two-factor?',
      body: 'I just enabled two-factor authentication and cannot find any backup or recovery codes anywhere.',
    });
    await page.goto(`/t/${unhelpful.id}`);
    await page.getByRole('button', { name: 'No, I still need help' }).press('Enter');
    await botReply.getByText('Thanks for telling us.').waitFor();
    await focusIsOn(botReply);
  });

  it('keeps focus in the two-factor settings as each step gives way to the next: on, codes saved, off', async () => {
    const member = await createAccount(forum.app, Role.MEMBER);
    const page = await (await forum.open({ token: member.token })).newPage();
    await page.goto('/account/security');

    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).press('Enter');
    await focusIsOn(page.getByRole('list', { name: 'Steps to turn it on' }));
    const setupKey = (await page.getByLabel('Setup key').textContent())!.replace(/\s/g, '');
    await page.getByLabel('Code from the app').fill(await totpCode(setupKey));
    await page.getByLabel('Your password').fill(testPassword);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'I have saved them' }).press('Enter');
    await focusIsOn(page.getByRole('heading', { name: 'Two-factor sign-in is on' }));

    await page.getByRole('textbox', { name: 'Code from the app', exact: true }).fill(await totpCode(setupKey, 1));
    await page.getByRole('button', { name: 'Turn off' }).press('Enter');
    await focusIsOn(page.getByRole('heading', { name: 'Two-factor sign-in is off' }));
  });

  it('moves focus to the heading of the page signing up leads to', async () => {
    const page = await (await forum.open()).newPage();
    await page.goto('/sign-up?next=%2Fnotifications');
    await page.getByLabel('Username').fill('focus_newcomer');
    await page.getByLabel('Email').fill('focus_newcomer@example.test');
    await page.getByLabel('Password').fill(testPassword);
    await page.keyboard.press('Enter');
    await focusIsOn(page.getByRole('heading', { name: 'Notifications', level: 1 }));
  });

  it('moves focus to the first field signing up refused, from the Create account button below the errors', async () => {
    const page = await (await forum.open()).newPage();
    await page.goto('/sign-up');
    await page.getByLabel('Username').fill('focus_refused');
    await page.getByLabel('Email').fill('not an address');
    await page.getByLabel('Password').fill('short');
    const create = page.getByRole('button', { name: 'Create account' });
    await create.click();
    await focusIsOn(page.getByLabel('Email'));

    await page.getByLabel('Email').fill('focus_refused@example.test');
    await create.press('Enter');
    await page.getByText('Password must be 10–200 characters long', { exact: true }).waitFor();
    await focusIsOn(page.getByLabel('Password'));
  });

  it('moves focus to the heading of the page signing in leads to, with a password and with a two-factor code', async () => {
    const member = await createAccount(forum.app);
    const page = await (await forum.open()).newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Username or email').fill(member.username);
    await page.getByLabel('Password').fill(testPassword);
    await page.keyboard.press('Enter');
    await focusIsOn(page.getByRole('heading', { name: 'Questions', level: 1 }));

    const guarded = await createAccount(forum.app);
    const { secret } = await enrolTwoFactor(forum.app, guarded.token);
    const codePage = await (await forum.open()).newPage();
    await codePage.goto(`/sign-in?next=${encodeURIComponent(`/u/${guarded.username}`)}`);
    await codePage.getByLabel('Username or email').fill(guarded.username);
    await codePage.getByLabel('Password').fill(testPassword);
    await codePage.keyboard.press('Enter');
    await codePage.getByLabel('Code').fill(await totpCode(secret, 1));
    await codePage.keyboard.press('Enter');
    await focusIsOn(codePage.getByRole('heading', { name: guarded.username, level: 1 }));
  });

  it('puts focus in the Title field when signing in to ask brings the member back to Ask', async () => {
    const member = await createAccount(forum.app);
    const page = await (await forum.open()).newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Ask', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in to ask' }).waitFor();
    await page.getByLabel('Username or email').fill(member.username);
    await page.getByLabel('Password').fill(testPassword);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ask$/);
    await focusIsOn(page.getByRole('textbox', { name: 'Title' }));
  });

  it('moves focus to the heading of the error page, which replaced the link pressed with everything else', async () => {
    const page = await (await forum.open()).newPage();
    await page.goto('/sign-in');
    // The question list comes back in a shape the page cannot render, as a bug would make it.
    await page.route('**/graphql', async (route) => {
      if ((route.request().postDataJSON() as { operationName?: string } | null)?.operationName !== 'ThreadList') return route.continue();
      const response = await route.fetch();
      const body = (await response.json()) as { data: { threads: { nodes: unknown } } };
      body.data.threads.nodes = null;
      await route.fulfill({ response, json: body });
    });
    await page.getByRole('link', { name: 'Questions', exact: true }).click();
    await focusIsOn(page.getByRole('heading', { name: 'Something went wrong', level: 1 }));
  });

  it('moves focus to the heading of the thread a posted question opens', async () => {
    const member = await createAccount(forum.app);
    const page = await (await forum.open({ token: member.token })).newPage();
    await page.goto('/ask');
    await page.getByRole('textbox', { name: 'Title' }).fill('Can I choose how dates are shown on the forum?');
    await page
      .getByRole('textbox', { name: 'Details' })
      .fill('Dates show as month and day, and I would rather read them as day and month. Is there a setting?');
    await page.getByRole('button', { name: 'Post your question' }).press('Enter');
    await focusIsOn(page.getByRole('heading', { name: 'Can I choose how dates are shown on the forum?', level: 1 }));
  });

  it('moves focus to the heading of a thread opened from the questions or the search results, not of one opened by its address', async () => {
    const asker = await createAccount(forum.app);
    const title = 'Can the forum show times in my own time zone?';
    const thread = await askQuestion(forum.app, asker.token, {
      title,
      body: 'Every time on the forum is shown in UTC, and I keep getting the hours wrong when I read the replies.',
    });
    const page = await (await forum.open()).newPage();
    const heading = page.getByRole('heading', { name: title, level: 1 });
    await page.goto(`/t/${thread.id}`);
    await heading.waitFor();
    await page.evaluate('new Promise(requestAnimationFrame)');
    await expect(page.evaluate('document.activeElement === document.body')).resolves.toBe(true);

    await page.goto('/');
    await page.getByRole('link', { name: title }).press('Enter');
    await focusIsOn(heading);

    await page.goto('/?q=time+zone');
    await page.getByRole('link', { name: title }).press('Enter');
    await focusIsOn(heading);
  });

  it('moves focus to the heading of a thread opened from the notifications, a profile or a staff queue, to the reply a link names', async () => {
    const asker = await createAccount(forum.app);
    const reader = await createAccount(forum.app);
    const staff = await createAccount(forum.app, Role.STAFF);
    // Off-topic, so the FAQ bot stays out: the unanswered one waits in the queue of questions without an answer.
    const title = 'Could the forum offer a darker theme for reading at night?';
    const thread = await askQuestion(forum.app, asker.token, {
      title,
      body: `@${reader.username} said the forum is too bright on a phone at night. Is a darker theme planned?`,
    });
    const replyId = await reply(forum.app, reader.token, thread.id, 'The forum could follow the phone’s own dark mode.');
    const unanswered = 'Could the forum show the local time beside every post?';
    await askQuestion(forum.app, asker.token, { title: unanswered, body: 'Every post shows UTC and I keep converting the hours by hand.' });
    let page = await (await forum.open({ token: reader.token })).newPage();
    const heading = (name: string) => page.getByRole('heading', { name, level: 1 });
    const linkedReply = () => page.locator(`#reply-${replyId}`);

    await page.goto('/notifications');
    await page.getByRole('link', { name: /mentioned you/ }).press('Enter');
    await focusIsOn(heading(title));
    await page.goto(`/u/${asker.username}`);
    await page.getByRole('link', { name: title }).press('Enter');
    await focusIsOn(heading(title));
    await page.goto(`/u/${reader.username}?tab=replies`);
    await page.getByRole('link', { name: title }).press('Enter');
    await focusIsOn(linkedReply());

    page = await (await forum.open({ token: asker.token })).newPage();
    await page.goto('/notifications');
    await page.getByRole('link', { name: /replied to your question/ }).press('Enter');
    await focusIsOn(linkedReply());

    const flag = await forum.app.query<{ flagPost: { id: string } }>(
      'mutation F($id: ID!) { flagPost(postType: THREAD, postId: $id, reason: "Not about two-factor sign-in at all.") { id } }',
      { id: thread.id },
      { token: reader.token },
    );
    page = await (await forum.open({ token: staff.token })).newPage();
    await page.goto('/staff?queue=flags');
    await page.getByRole('link', { name: title }).press('Enter');
    await focusIsOn(heading(title));
    await page.goto('/staff?queue=NO_SUGGESTION');
    await page.getByRole('link', { name: unanswered }).press('Enter');
    await focusIsOn(heading(unanswered));
    await forum.app.query('mutation R($id: ID!) { resolveFlag(flagId: $id) { id } }', { id: flag.flagPost.id }, { token: staff.token });
    await page.goto('/staff/log');
    await page.getByRole('link', { name: title }).first().press('Enter');
    await focusIsOn(heading(title));
  });

  it('opens the new canonical answer form on its Title field, and Cancel gives the focus back to New answer', async () => {
    const staff = await createAccount(forum.app, Role.STAFF);
    const page = await (await forum.open({ token: staff.token })).newPage();
    await page.goto('/staff/answers');
    await page.getByRole('button', { name: 'New answer' }).press('Enter');
    await focusIsOn(page.getByRole('textbox', { name: 'Title' }));
    await page.getByRole('button', { name: 'Cancel' }).press('Enter');
    await focusIsOn(page.getByRole('button', { name: 'New answer' }));
  });
});

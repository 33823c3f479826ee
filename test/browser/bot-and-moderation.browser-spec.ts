import { describe, expect, it, onTestFinished } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount, totpCode } from '../support/accounts.js';
import { screenshotBoth } from './support/browser.js';
import { askQuestion, botStatus, createCanonicalAnswer, reply, threadPageIsLive, threadSubscribers } from './support/forum.js';
import { useBrowserApp } from './support/browser-app.js';
import { signInThroughForm } from './support/sign-in.js';

describe('the clarifying question and moderation', () => {
  const forum = useBrowserApp();

  it('asks the asker a clarifying question as two buttons and answers after the choice', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER, 'lost_phone');
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Lost my phone with the authenticator app',
      body: 'My phone was stolen and the authenticator app was on it. What should I do about two-factor authentication now?',
    });
    await expect(botStatus(forum.app, asker.token, thread.id)).resolves.toBe('CLARIFYING');

    // A reader sees the question but no buttons.
    const reader = await forum.open();
    const readerPage = await reader.newPage();
    await readerPage.goto(`/t/${thread.id}`);
    await readerPage.locator('li.post--bot').getByText('The bot is waiting for the person who asked').waitFor();
    await expect(readerPage.getByRole('button', { name: 'Yes, I am still signed in on a device' }).count()).resolves.toBe(0);

    const context = await forum.open({ token: asker.token });
    const page = await context.newPage();
    await page.goto(`/t/${thread.id}`);
    const choices = page.getByRole('group', { name: /Are you still signed in/ });
    await choices.waitFor();
    await expect(choices.getByRole('button').count()).resolves.toBe(2);
    await screenshotBoth(page, 'thread-clarifying-question');

    await choices.getByRole('button', { name: 'Yes, I am still signed in on a device' }).click();
    const botReply = page.locator('li.post--bot');
    await botReply.getByText('Did this solve it?').waitFor();
    await expect(botReply.getByText('Automated answer', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('group', { name: /Are you still signed in/ }).count()).resolves.toBe(0);
    await expect(botStatus(forum.app, asker.token, thread.id)).resolves.toBe('ANSWERED');

    // Staff see the answer picked without a confidence of its own: the bot's was that one of the two cases fits.
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const staffPage = await (await forum.open({ token: staffAccount.token })).newPage();
    await staffPage.goto(`/t/${thread.id}`);
    const staffNote = staffPage.locator('p', { hasText: 'FAQ bot (staff view):' });
    await staffNote.getByText('answered publicly').waitFor();
    await expect(staffNote.textContent()).resolves.toMatch(
      /^FAQ bot \(staff view\): answered publicly; waiting for the asker’s verdict — [^()]+\. The asker picked it of the two cases the bot asked about; the bot was \d+% sure that one of them fits\.$/,
    );
  });

  it('shows the asker who said the bot did not help the answer staff corrected it to, live', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Where are my 2FA backup codes?',
      body: 'I just enabled two-factor authentication and cannot find any backup or recovery codes anywhere.',
    });
    await forum.app.query(
      'mutation N($id: ID!) { markBotAnswerUnhelpful(threadId: $id) { id } }',
      { id: thread.id },
      { token: asker.token },
    );

    const context = await forum.open({ token: asker.token });
    const page = await context.newPage();
    const before = threadSubscribers(forum.app, thread.id);
    await page.goto(`/t/${thread.id}`);
    const botReply = page.locator('li.post--bot');
    await botReply.getByText('Thanks for telling us.').waitFor();
    await threadPageIsLive(page, forum.app, thread.id, before);

    await forum.app.query(
      'mutation C($id: ID!) { correctSuggestion(threadId: $id, slug: "save-qr-code") { status } }',
      { id: thread.id },
      { token: staffAccount.token },
    );
    await botReply.getByText('The best backup for two-factor authentication is a second copy of your authenticator').waitFor();
    await botReply.getByText('Did this solve it?').waitFor();
    await expect(botReply.getByText('Thanks for telling us.').count()).resolves.toBe(0);

    // Staff see the answer chosen for the bot without a confidence: the bot's was in its own pick.
    const staffPage = await (await forum.open({ token: staffAccount.token })).newPage();
    await staffPage.goto(`/t/${thread.id}`);
    const staffNote = staffPage.locator('p', { hasText: 'FAQ bot (staff view):' });
    await staffNote.getByText('was corrected by a staff member').waitFor();
    await expect(staffNote.textContent()).resolves.toMatch(
      /^FAQ bot \(staff view\): was corrected by a staff member — [^()]+\. The bot was \d+% sure of its own best guess\.$/,
    );
  });

  it('lets staff hide a reply: readers no longer see it or count it, its author and staff do, marked hidden', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const spammer = await createAccount(forum.app, Role.MEMBER, 'spammer');
    const helper = await createAccount(forum.app, Role.MEMBER);
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Can I use a hardware key instead of an app?',
      body: 'I would rather use a security key than an authenticator app for two-factor authentication. Is that possible?',
    });
    const answer = await reply(forum.app, helper.token, thread.id, 'Not yet: the account takes codes from an authenticator app only.');
    await forum.app.query('mutation A($id: ID!) { acceptAnswer(replyId: $id) { id } }', { id: answer }, { token: asker.token });
    await reply(forum.app, spammer.token, thread.id, 'Buy cheap keys at totally-legit-keys.example!!!');

    const staff = await forum.open({ token: staffAccount.token });
    const staffPage = await staff.newPage();
    await staffPage.goto(`/t/${thread.id}`);
    const dialog = staffPage.getByRole('dialog', { name: 'Hide this reply' });
    const acceptanceWarning = dialog.getByText('This is the accepted answer. Hiding it withdraws the acceptance');
    // Before hiding the accepted answer, staff are told what it costs the asker.
    await staffPage.locator('li.post--accepted').getByRole('button', { name: 'Hide' }).click();
    await acceptanceWarning.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    // Hidden, the answer is accepted no more; restored, it is again, as nobody accepted another meanwhile.
    const acceptedLink = staffPage.getByRole('link', { name: `See the accepted answer by ${helper.username}` });
    const accepted = staffPage.locator('li.post--reply', { hasText: 'Not yet: the account takes codes' });
    await accepted.getByRole('button', { name: 'Hide' }).click();
    await dialog.getByRole('button', { name: 'Hide' }).click();
    await accepted.getByText('Hidden by a moderator').waitFor();
    expect(await acceptedLink.count()).toBe(0);
    await accepted.getByRole('button', { name: 'Restore' }).click();
    await staffPage.getByRole('dialog', { name: 'Restore this reply' }).getByRole('button', { name: 'Restore' }).click();
    await acceptedLink.waitFor();
    await staffPage.locator('li.post--accepted', { hasText: 'Not yet: the account takes codes' }).waitFor();
    const spam = staffPage.locator('li.post--reply', { hasText: 'totally-legit-keys' });
    await spam.getByRole('button', { name: 'Hide' }).click();
    await dialog.getByLabel('Reason for the moderation log (optional)').waitFor();
    expect(await acceptanceWarning.count()).toBe(0);
    await dialog.getByLabel('Reason for the moderation log (optional)').fill('Spam');
    await dialog.getByRole('button', { name: 'Hide' }).click();
    await spam.getByText('Hidden by a moderator').waitFor();
    await spam.getByRole('button', { name: 'Restore' }).waitFor();
    // Staff see both replies, so the heading counts both and says how many are hidden.
    await staffPage.getByRole('heading', { name: '2 replies (1 hidden)' }).waitFor();

    const reader = await forum.open();
    const readerPage = await reader.newPage();
    await readerPage.goto(`/t/${thread.id}`);
    await readerPage.getByRole('heading', { name: 'Can I use a hardware key instead of an app?' }).waitFor();
    await readerPage.getByRole('heading', { name: '1 reply', exact: true }).waitFor();
    await expect(readerPage.getByText('totally-legit-keys').count()).resolves.toBe(0);

    const author = await forum.open({ token: spammer.token });
    const authorPage = await author.newPage();
    await authorPage.goto(`/t/${thread.id}`);
    const own = authorPage.locator('li.post--hidden', { hasText: 'totally-legit-keys' });
    await own.getByText('Hidden by a moderator').waitFor();
    await own.getByText('You can edit it again once a moderator restores it.').waitFor();
    await expect(own.getByRole('button', { name: 'Edit' }).count()).resolves.toBe(0);
    await authorPage.getByRole('heading', { name: '2 replies (1 hidden)' }).waitFor();
    await screenshotBoth(authorPage, 'thread-hidden-reply');

    // The staff dashboard's log shows the action: who, what, where (linked), the note.
    await staffPage.goto('/staff');
    await staffPage.getByRole('navigation', { name: 'Staff sections' }).getByRole('link', { name: 'Moderation log' }).click();
    const entry = staffPage.getByRole('list', { name: 'Moderation log' }).getByRole('listitem').first();
    await entry.getByText('Hidden', { exact: true }).waitFor();
    await entry.getByText(staffAccount.username).waitFor();
    await entry.getByText('Spam').waitFor();
    // Before it, the restore that gave the acceptance back says so, as the hide that withdrew it does.
    const entries = staffPage.getByRole('list', { name: 'Moderation log' }).getByRole('listitem');
    await entries.nth(1).getByText('Restored', { exact: true }).waitFor();
    await entries.nth(1).getByText('Acceptance given back: the reply was the accepted answer when it was hidden').waitFor();
    await entries.nth(2).getByText('Acceptance withdrawn: the reply was the accepted answer').waitFor();
    expect(await entry.getByText(/^Acceptance/).count()).toBe(0);
    const threadLink = entry.getByRole('link', { name: 'Can I use a hardware key instead of an app?' });
    await expect(threadLink.getAttribute('href')).resolves.toMatch(new RegExp(`^/t/${thread.id}#reply-\\d+$`));
    await screenshotBoth(staffPage, 'staff-moderation-log');
    await threadLink.click();
    await staffPage.locator('li.post--reply', { hasText: 'totally-legit-keys' }).getByText('Hidden by a moderator').waitFor();
  });

  it('asks staff before locking a thread and says what it does to the asker: cancelled, the asker still replies; confirmed, locked', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    // Off-topic, so the FAQ bot stays out.
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Can the forum e-mail me when someone replies?',
      body: 'I keep forgetting to come back to my questions. Could the forum send me an e-mail when there is a new reply?',
    });
    const askerContext = await forum.open({ token: asker.token });
    const askerPage = await askerContext.newPage();
    const subscribers = threadSubscribers(forum.app, thread.id);
    await askerPage.goto(`/t/${thread.id}`);
    await threadPageIsLive(askerPage, forum.app, thread.id, subscribers);

    const staff = await forum.open({ token: staffAccount.token });
    const staffPage = await staff.newPage();
    await staffPage.goto(`/t/${thread.id}`);
    const lock = staffPage.locator('.post--question').getByRole('button', { name: 'Lock', exact: true });
    const dialog = staffPage.getByRole('dialog', { name: 'Lock this thread' });
    await lock.click();
    await dialog.getByText('Nobody can reply until it is unlocked, not even its asker').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await lock.click();
    await dialog.getByLabel('Reason for the moderation log (optional)').waitFor();
    await staffPage.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // Cancelled twice: the thread is still open, and its asker replies.
    await askerPage.getByRole('textbox', { name: 'Reply' }).fill('Still hoping for e-mail notifications, any news?');
    await askerPage.getByRole('button', { name: 'Post reply' }).click();
    await staffPage.locator('li.post--reply', { hasText: 'Still hoping for e-mail notifications' }).waitFor();
    await expect(askerPage.getByText('This thread is locked').count()).resolves.toBe(0);

    await lock.click();
    await dialog.getByLabel('Reason for the moderation log (optional)').fill('Answered in the announcements');
    await dialog.getByRole('button', { name: 'Lock', exact: true }).click();
    await staffPage.locator('.post--question').getByRole('button', { name: 'Unlock' }).waitFor();
    await askerPage.getByText('This thread is locked: it takes no new replies.').waitFor();
    await expect(askerPage.getByRole('textbox', { name: 'Reply' }).count()).resolves.toBe(0);
  });

  it('lets a member flag a post and staff see it in the open flags queue', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const reporter = await createAccount(forum.app, Role.MEMBER);
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, asker.token, {
      // The server refuses a pasted setup key itself; this one only describes it, which is still worth a moderator's look.
      title: 'Here is my QR code, is it right?',
      body: 'I will paste the secret from my QR page in a reply so someone can check it for me.',
    });

    const context = await forum.open({ token: reporter.token });
    const page = await context.newPage();
    await page.goto(`/t/${thread.id}`);
    await page.locator('.post--question').getByRole('button', { name: 'Flag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Flag this question' });
    await dialog.getByLabel('Reason').fill('They want to post their 2FA secret in public.');
    await dialog.getByRole('button', { name: 'Send flag' }).click();
    await dialog.getByText('a moderator will look at it').waitFor();

    const replyId = await reply(forum.app, asker.token, thread.id, 'Anyone? I can post the secret here if that helps.');
    await forum.app.query(
      `mutation F($id: ID!) { flagPost(postType: REPLY, postId: $id, reason: "About to share a secret.") { id } }`,
      { id: replyId },
      { token: reporter.token },
    );

    const staff = await forum.open({ token: staffAccount.token });
    const staffPage = await staff.newPage();
    await staffPage.goto('/staff?queue=flags');
    const flags = staffPage.locator('li.queue-item');
    await flags
      .filter({ hasText: 'They want to post their 2FA secret in public.' })
      .getByText(/^Question flagged by/)
      .waitFor();
    await flags
      .filter({ hasText: 'About to share a secret.' })
      .getByText(/^Reply flagged by/)
      .waitFor();
    for (const [reason, subject] of [
      ['About to share a secret.', 'reply'],
      ['They want to post their 2FA secret in public.', 'question'],
    ]) {
      const row = flags.filter({ hasText: reason });
      // As on the thread page, hiding asks first: cancelling hides nothing.
      await row.getByRole('button', { name: 'Hide the post' }).click();
      const confirm = staffPage.getByRole('dialog', { name: `Hide this ${subject}` });
      await expect(confirm.getByLabel('Reason for the moderation log (optional)').inputValue()).resolves.toBe(reason);
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await confirm.waitFor({ state: 'hidden' });
      await expect(row.count()).resolves.toBe(1);
      await row.getByRole('button', { name: 'Hide the post' }).click();
      await confirm.getByRole('button', { name: 'Hide', exact: true }).click();
      await row.waitFor({ state: 'detached' });
    }
    await staffPage.getByText('No open flags.').waitFor();
  });

  it("keeps a member's flag shown after a reload, says when it was flagged already, and offers Flag again once a moderator resolved it", async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const helper = await createAccount(forum.app, Role.MEMBER);
    const reporter = await createAccount(forum.app, Role.MEMBER);
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Does the forum remember my flags?',
      body: 'I reported a reply about two-factor codes yesterday and want to know whether the report went through.',
    });
    const replyId = await reply(forum.app, helper.token, thread.id, 'Buy cheap followers for your forum profile at my shop.');
    const flagAsReporter = () =>
      forum.app.query<{ flagPost: { id: string } }>(
        'mutation F($id: ID!) { flagPost(postType: REPLY, postId: $id, reason: "Advertising a shop.") { id } }',
        { id: replyId },
        { token: reporter.token },
      );

    const context = await forum.open({ token: reporter.token });
    const page = await context.newPage();
    await page.goto(`/t/${thread.id}`);
    const replyPost = page.locator(`#reply-${replyId}`);
    const question = page.locator('.post--question');
    await question.getByRole('button', { name: 'Flag', exact: true }).click();
    const questionDialog = page.getByRole('dialog', { name: 'Flag this question' });
    await questionDialog.getByLabel('Reason').fill('Not a question about the forum.');
    await questionDialog.getByRole('button', { name: 'Send flag' }).click();
    await questionDialog.getByText('Thanks — a moderator will look at it.').waitFor();
    await questionDialog.getByLabel('Close').click();

    // Flagged in another tab meanwhile: this page still offers Flag, and the API refuses the second flag.
    await flagAsReporter();
    await replyPost.getByRole('button', { name: 'Flag', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Flag this reply' });
    await dialog.getByLabel('Reason').fill('Advertising, not an answer.');
    await dialog.getByRole('button', { name: 'Send flag' }).click();
    await dialog.getByText('You have already flagged this reply. A moderator will look at it.').waitFor();
    await expect(dialog.getByText(/Thanks/).count()).resolves.toBe(0);
    await dialog.getByLabel('Close').click();
    await replyPost.getByRole('button', { name: 'Flagged', exact: true }).waitFor();

    await page.reload();
    await question.getByRole('button', { name: 'Flagged', exact: true }).waitFor();
    await replyPost.getByRole('button', { name: 'Flagged', exact: true }).click();
    await dialog.getByText('You have already flagged this reply.', { exact: false }).waitFor();
    await expect(dialog.getByRole('button', { name: 'Send flag' }).count()).resolves.toBe(0);
    await dialog.getByLabel('Close').click();

    // A resolved flag no longer stands: the API takes a new one, and the page offers it again.
    const { openFlags } = await forum.app.query<{ openFlags: { nodes: { id: string; postType: string; postId: string }[] } }>(
      '{ openFlags(first: 50) { nodes { id postType postId } } }',
      {},
      { token: staffAccount.token },
    );
    const flagId = openFlags.nodes.find((flag) => flag.postType === 'REPLY' && flag.postId === replyId)!.id;
    await forum.app.query('mutation R($id: ID!) { resolveFlag(flagId: $id) { id } }', { id: flagId }, { token: staffAccount.token });
    await page.reload();
    await replyPost.getByRole('button', { name: 'Flag', exact: true }).click();
    await dialog.getByLabel('Reason').fill('Still advertising a shop.');
    await dialog.getByRole('button', { name: 'Send flag' }).click();
    await dialog.getByText('Thanks — a moderator will look at it.').waitFor();
    await question.getByRole('button', { name: 'Flagged', exact: true }).waitFor();
  });

  it('shows in the moderation log which post a dismissed flag was about, as the open flags did', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const helper = await createAccount(forum.app, Role.MEMBER);
    const reporter = await createAccount(forum.app, Role.MEMBER);
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Can the forum e-mail me when someone replies?',
      body: 'I keep forgetting to come back to my questions. Could the forum send me an e-mail when there is a new reply?',
    });
    const replyId = await reply(forum.app, helper.token, thread.id, 'Turn on **notifications** in your profile, they come by e-mail.');
    await forum.app.query(
      'mutation F($id: ID!) { flagPost(postType: REPLY, postId: $id, reason: "Sounds made up to me.") { id } }',
      { id: replyId },
      { token: reporter.token },
    );

    const staff = await forum.open({ token: staffAccount.token });
    const page = await staff.newPage();
    await page.goto('/staff?queue=flags');
    const flagged = page.locator('li.queue-item', { hasText: 'Sounds made up to me.' });
    await flagged.getByRole('button', { name: 'Dismiss flag' }).click();
    await flagged.waitFor({ state: 'detached' });

    await page.goto('/staff/log');
    const entry = page.getByRole('list', { name: 'Moderation log' }).getByRole('listitem').first();
    await entry.getByText('Flag dismissed', { exact: true }).waitFor();
    await entry.getByText(/^Flag on a reply in/).waitFor();
    const link = entry.getByRole('link', { name: 'Can the forum e-mail me when someone replies?' });
    await expect(link.getAttribute('href')).resolves.toBe(`/t/${thread.id}#reply-${replyId}`);
    await entry.getByText('Sounds made up to me.').waitFor();
    // The post as readers see it, not its Markdown.
    await entry.getByText('Turn on notifications in your profile, they come by e-mail.').waitFor();
    await expect(entry.getByText(/Flag #\d+/).count()).resolves.toBe(0);
  });

  it('names the answer a staff decision taught the bot by its title on the Learned page', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Keep a paper copy of the 2FA barcode',
      body: 'Can I print the QR code shown while turning on two-factor and store the sheet in my safe?',
    });
    await forum.app.query(
      'mutation C($id: ID!) { confirmSuggestion(threadId: $id) { status } }',
      { id: thread.id },
      { token: staffAccount.token },
    );

    const staff = await forum.open({ token: staffAccount.token });
    const page = await staff.newPage();
    await page.goto('/staff/learned');
    const example = page.locator('li', { hasText: 'Keep a paper copy of the 2FA barcode' });
    const answer = example.getByRole('link', { name: 'Keep a copy of your authenticator: save the QR code or use more than one app' });
    await expect(answer.getAttribute('href')).resolves.toBe('/staff/answers/save-qr-code');
  });
});

describe('the “Without an answer” queue before the bot has looked', () => {
  // No job workers: questions wait without a bot decision, as they do behind a backlog.
  const forum = useBrowserApp({ JOB_WORKERS: 'false' });

  it('lets staff dismiss a question the bot has not looked at: it moves to the dismissed queue and stays there after a reload', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const { askQuestion: thread } = await forum.app.query<{ askQuestion: { id: string } }>(
      'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
      {
        input: {
          title: 'Garden hose drips at the outdoor tap',
          body: "Which washer size fits it, and should I wrap the thread with plumber's tape first?",
        },
      },
      { token: asker.token },
    );
    await expect(botStatus(forum.app, staffAccount.token, thread.id)).resolves.toBeNull();

    const staff = await forum.open({ token: staffAccount.token });
    const page = await staff.newPage();
    await page.goto('/staff?queue=NO_SUGGESTION');
    const item = page.getByTestId(`queue-item-${thread.id}`);
    await item.getByText('No suggestion').waitFor();
    const decisions = page.getByTestId('queue-decisions');
    // In the page before the first decision, so that one is announced too.
    await expect(decisions.getAttribute('aria-live')).resolves.toBe('polite');
    await item.getByRole('button', { name: 'Dismiss' }).click();
    // Each decision is read out as it comes, and stays an item of a list.
    await decisions.getByRole('list').getByRole('listitem').getByText('Dismissed: no canonical answer fits.').waitFor();
    await item.waitFor({ state: 'detached' });
    await expect(botStatus(forum.app, staffAccount.token, thread.id)).resolves.toBe('DISMISSED');

    await page.reload();
    await page.getByText('Every open question has a reply or a suggestion.').waitFor();
    await expect(item.count()).resolves.toBe(0);

    // It waits for a person's answer in the queue of dismissed questions, with nothing left to dismiss.
    await page.getByRole('tab', { name: 'Dismissed, unanswered' }).click();
    await item.getByText('Dismissed', { exact: true }).waitFor();
    await expect(item.getByRole('button', { name: 'Dismiss' }).count()).resolves.toBe(0);
    // Whoever decides next replaces that decision, and is told so.
    await item.getByTestId('earlier-decision').getByText(`${staffAccount.username} dismissed it`).waitFor();
    await item.getByTestId('earlier-decision').getByText('A decision here replaces theirs').waitFor();
  });

  it('shows the start of a question in the queue as its text, without its Markdown', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const { askQuestion: thread } = await forum.app.query<{ askQuestion: { id: string } }>(
      'mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
      {
        input: {
          title: 'My new phone shows no codes after the move',
          body: '## What I did\n\nI moved **everything** to the new phone, as [the guide](https://example.com) says:\n\n```\nSettings > Transfer\n```',
        },
      },
      { token: asker.token },
    );
    const staff = await forum.open({ token: staffAccount.token });
    const page = await staff.newPage();
    await page.goto('/staff?queue=NO_SUGGESTION');
    await expect(page.getByTestId(`queue-item-${thread.id}`).locator('.queue-item__excerpt').textContent()).resolves.toBe(
      'What I did I moved everything to the new phone, as the guide says: Settings > Transfer',
    );
  });
});

describe('staff pages', () => {
  // The bot never answers publicly: its every suggestion waits for staff.
  const forum = useBrowserApp({ BOT_ANSWER_THRESHOLD: '1', BOT_REVIEW_THRESHOLD: '0.1' });

  it('offers no Confirm for a suggestion whose answer was retired since, and says why', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Where are my 2FA backup codes?',
      body: 'I turned on two-factor authentication but never saw any backup codes to write down.',
    });
    await expect(botStatus(forum.app, staffAccount.token, thread.id)).resolves.toBe('PENDING_REVIEW');
    await forum.app.query('mutation { retireCanonicalAnswer(slug: "no-backup-codes") { slug } }', {}, { token: staffAccount.token });

    const staff = await forum.open({ token: staffAccount.token });
    const page = await staff.newPage();
    await page.goto('/staff');
    const item = page.getByTestId(`queue-item-${thread.id}`);
    await item.getByText('since retired: pick another answer or dismiss').waitFor();
    await expect(item.getByRole('button', { name: 'Confirm' }).count()).resolves.toBe(0);
    await expect(item.getByRole('button', { name: 'Reply with it' }).isDisabled()).resolves.toBe(true);
  });

  it('says in a sentence why Confirm was refused for an answer retired while staff read the queue', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Keep a printout of the 2FA QR code?',
      body: 'Should I print the QR code shown at two-factor setup and keep the paper somewhere safe as a spare?',
    });
    await expect(botStatus(forum.app, staffAccount.token, thread.id)).resolves.toBe('PENDING_REVIEW');

    const staff = await forum.open({ token: staffAccount.token });
    const page = await staff.newPage();
    await page.goto('/staff');
    const item = page.getByTestId(`queue-item-${thread.id}`);
    await item.getByRole('button', { name: 'Confirm' }).waitFor();
    const suggested = await forum.app.query<{ thread: { botSuggestion: { answer: { slug: string } } } }>(
      'query S($id: ID!) { thread(id: $id) { botSuggestion { answer { slug } } } }',
      { id: thread.id },
      { token: staffAccount.token },
    );
    const slugs = { slug: suggested.thread.botSuggestion.answer.slug };
    await forum.app.query('mutation R($slug: String!) { retireCanonicalAnswer(slug: $slug) { slug } }', slugs, {
      token: staffAccount.token,
    });
    onTestFinished(async () => {
      await forum.app.query('mutation R($slug: String!) { restoreCanonicalAnswer(slug: $slug) { slug } }', slugs, {
        token: staffAccount.token,
      });
    });

    await item.getByRole('button', { name: 'Confirm' }).click();
    // The API's "threadId: the suggested answer is retired…", said without its field name.
    await expect(item.getByRole('alert').textContent()).resolves.toBe(
      'The suggested answer is retired: choose the right one with Correct (correctSuggestion)',
    );
  });

  it('sends staff from a question the bot found nothing for to the queue it waits in', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Garden hose drips at the outdoor tap',
      body: "Which washer size fits it, and should I wrap the thread with plumber's tape first?",
    });
    await expect(botStatus(forum.app, staffAccount.token, thread.id)).resolves.toBe('NO_MATCH');

    const staff = await forum.open({ token: staffAccount.token });
    const page = await staff.newPage();
    await page.goto(`/t/${thread.id}`);
    await page.getByRole('link', { name: 'Open the review queue' }).click();
    await page.getByTestId(`queue-item-${thread.id}`).waitFor();
  });

  it('stops sending staff to a queue from a question that was answered while they read it', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const helper = await createAccount(forum.app, Role.MEMBER);
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Print the two-factor setup barcode?',
      body: 'Is it a good idea to print the QR code from the 2FA setup and keep it in a drawer as a spare?',
    });
    await expect(botStatus(forum.app, staffAccount.token, thread.id)).resolves.toBe('PENDING_REVIEW');

    const staff = await forum.open({ token: staffAccount.token });
    const page = await staff.newPage();
    const before = threadSubscribers(forum.app, thread.id);
    await page.goto(`/t/${thread.id}`);
    await page.getByRole('link', { name: 'Open the review queue' }).waitFor();
    await threadPageIsLive(page, forum.app, thread.id, before);

    const replyId = await reply(forum.app, helper.token, thread.id, 'Keep the backup codes offline instead: they are made for this.');
    await forum.app.query('mutation A($id: ID!) { acceptAnswer(replyId: $id) { id } }', { id: replyId }, { token: asker.token });
    await page.getByText('An answer has been accepted. It no longer waits in a staff queue.').waitFor();
    await expect(page.getByRole('link', { name: 'Open the review queue' }).count()).resolves.toBe(0);
    // As after a reload.
    await page.reload();
    await page.getByText('An answer has been accepted. It no longer waits in a staff queue.').waitFor();
    await expect(page.getByRole('link', { name: 'Open the review queue' }).count()).resolves.toBe(0);
  });

  it('tells staff an example question was added, though it is listed pages down', async () => {
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const staff = await forum.open({ token: staffAccount.token });
    const page = await staff.newPage();
    await page.goto('/staff/answers/save-qr-code');
    await page.getByRole('button', { name: 'Show more examples' }).waitFor();
    await page.getByLabel('Add an example question').fill('can I keep a printout of the two-factor barcode in a drawer');
    await page.getByRole('button', { name: 'Add example' }).click();
    await page.getByRole('status').getByText('Added “can I keep a printout of the two-factor barcode in a drawer”').waitFor();
    await expect(page.getByLabel('Add an example question').inputValue()).resolves.toBe('');
  });

  it('asks staff to confirm before retiring a canonical answer, and restores it with one click', async () => {
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const slug = 'retire-asks-first';
    await createCanonicalAnswer(forum.app, staffAccount.token, {
      slug,
      title: 'Printing the setup page',
      body: 'Print the page with the QR code and keep it safe.',
    });
    const retired = async () =>
      (await forum.app.query(`query { canonicalAnswer(slug: "${slug}") { retired } }`, {}, { token: staffAccount.token })).canonicalAnswer
        .retired as boolean;
    const page = await (await forum.open({ token: staffAccount.token })).newPage();
    await page.goto(`/staff/answers/${slug}`);
    const header = page.locator('.page-header');
    const dialog = page.getByRole('dialog', { name: 'Retire this answer' });

    await header.getByRole('button', { name: 'Retire' }).click();
    await dialog.getByText('The bot stops suggesting it at once.').waitFor();
    await expect(retired()).resolves.toBe(false);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(retired()).resolves.toBe(false);

    await header.getByRole('button', { name: 'Retire' }).click();
    await dialog.getByRole('button', { name: 'Retire' }).click();
    await header.getByText('Retired').waitFor();
    await expect(retired()).resolves.toBe(true);
    await dialog.waitFor({ state: 'hidden' });

    await header.getByRole('button', { name: 'Restore' }).click();
    await header.getByRole('button', { name: 'Retire' }).waitFor();
    await expect(retired()).resolves.toBe(false);
  });

  it('tells a member a staff page is for staff, with a way home, and sends a visitor to sign in whatever the page', async () => {
    const member = await createAccount(forum.app, Role.MEMBER);
    const memberContext = await forum.open({ token: member.token });
    const page = await memberContext.newPage();
    for (const path of ['/staff?queue=UNHELPFUL', '/staff/answers/save-qr-code', '/staff/log']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await page.getByRole('heading', { name: 'This page is for staff' }).waitFor();
      const url = new URL(page.url());
      expect(url.pathname + url.search, path).toBe(path);
    }
    await page.getByRole('link', { name: 'Back to the questions' }).click();
    await page.getByRole('heading', { name: 'Questions' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    const visitor = await (await forum.open()).newPage();
    for (const path of ['/staff/log', '/staff/answers/no-such-answer']) {
      const response = await visitor.goto(path);
      expect(response?.status(), path).toBe(200);
      await visitor.getByRole('button', { name: 'Sign in' }).waitFor();
      const url = new URL(visitor.url());
      expect([url.pathname, url.searchParams.get('next')], path).toEqual(['/sign-in', path]);
    }
  });

  it('brings staff signed out on a staff page back to that page once signed in', async () => {
    const staffAccount = await createAccount(forum.app, Role.STAFF);
    const context = await forum.open();
    const page = await context.newPage();
    await page.goto('/staff/answers/save-qr-code');
    await signInThroughForm(page, staffAccount.username, { code: await totpCode(staffAccount.totpSecret!, 1) });
    await page.getByRole('heading', { name: 'Keep a copy of your authenticator: save the QR code or use more than one app' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff/answers/save-qr-code');
  });
});

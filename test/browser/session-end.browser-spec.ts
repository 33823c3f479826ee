import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount, testPassword, totpCode, type TestAccount } from '../support/accounts.js';
import { announcementsOf, graphqlTrafficOf, screenshotBoth } from './support/browser.js';
import { useBrowserApp } from './support/browser-app.js';
import { signInThroughForm } from './support/sign-in.js';
import { liveChannels } from '../../apps/api/src/live/live-pubsub.js';
import { listenerCount, until } from '../support/live-client.js';
import { askQuestion, forumSubscribers, reply, threadListIsLive, threadPageIsLive, threadSubscribers } from './support/forum.js';

describe('a session that ends elsewhere while the page is open', () => {
  const forum = useBrowserApp();

  const anotherSession = async (member: TestAccount) =>
    (
      await forum.app.query<{ signIn: { token: string } }>('mutation SignIn($input: SignInInput!) { signIn(input: $input) { token } }', {
        input: { login: member.username, password: testPassword },
      })
    ).signIn.token;

  /** The account link in the banner: the member's own posts on the page link to their profile too. */
  const signedInAs = (page: Page, member: TestAccount) => page.getByRole('banner').getByRole('link', { name: member.username });

  const signedOutNotice = (page: Page) => page.getByRole('status').filter({ hasText: 'You were signed out' });

  /** A member on a question of someone else's, with half a reply typed; `live` waits for the page's live updates. */
  async function writingAReply(member: TestAccount, page: Page, { live }: { live: boolean }): Promise<string> {
    const asker = await createAccount(forum.app);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Backup codes gone after a phone reset',
      body: 'I reset my phone and the authenticator app lost every account. Where do I find my backup codes now?',
    });
    const before = threadSubscribers(forum.app, thread.id);
    await page.goto(`/t/${thread.id}`);
    await signedInAs(page, member).waitFor();
    if (live) await threadPageIsLive(page, forum.app, thread.id, before);
    await page.getByLabel('Reply', { exact: true }).fill(halfAReply);
    return thread.id;
  }

  const halfAReply = 'Your recovery codes were shown once, when you turned two-factor on; if you printed';

  /** Signs in again through the notice's link, and comes back to the page it was on. */
  async function signInAgain(page: Page, member: TestAccount, path: string, password = testPassword): Promise<void> {
    await signedOutNotice(page).getByRole('link', { name: 'Sign in again' }).click();
    // Staff enrolled with the code of this time step: the next one is theirs to use.
    const code = member.totpSecret ? await totpCode(member.totpSecret, 1) : undefined;
    await signInThroughForm(page, member.username, { password, code });
    await signedInAs(page, member).waitFor();
    // The banner shows the member before the way back, applied in a transition, has left the sign-in page.
    await expect.poll(() => new URL(page.url()).pathname).toBe(path);
    expect(await signedOutNotice(page).count()).toBe(0);
  }

  it('shows the page as a visitor sees it as soon as the socket is closed, says so once, and keeps the reply', async () => {
    const member = await createAccount(forum.app);
    const page = await (await forum.open({ token: member.token })).newPage();
    const threadId = await writingAReply(member, page, { live: true });
    // Screen readers announce what comes into a live region they know of, not a region that arrives with its text.
    const said = await announcementsOf(page, '[data-testid="signed-out-notice-region"]');

    // "Sign out everywhere else" on another device: nothing is clicked here, the server closes the socket (4401).
    await forum.app.query('mutation { signOutOtherSessions }', {}, { token: await anotherSession(member) });

    await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    await signedOutNotice(page).waitFor();
    expect(await signedOutNotice(page).count()).toBe(1);
    await expect.poll(() => said).toEqual([expect.stringContaining('You were signed out.')]);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await page.getByText('to reply.').waitFor();
    await screenshotBoth(page, 'signed-out-elsewhere');

    await signInAgain(page, member, `/t/${threadId}`);
    expect(await page.getByLabel('Reply', { exact: true }).inputValue()).toBe(halfAReply);
  });

  it('keeps the open thread live after the session ends elsewhere, as a visitor, and as the member once signed in again', async () => {
    const reader = await createAccount(forum.app);
    const other = await createAccount(forum.app);
    const page = await (await forum.open({ token: reader.token })).newPage();
    const threadId = await writingAReply(reader, page, { live: true });

    await forum.app.query('mutation { signOutOtherSessions }', {}, { token: await anotherSession(reader) });
    await signedOutNotice(page).waitFor();
    // The page mounted anew as a visitor's listens again: the answer that said nobody is signed in cleared the ended
    // session's cookie, so its socket offers none and is not refused.
    await threadPageIsLive(page, forum.app, threadId, 0);
    const later = 'Check the printout in the folder with your other account papers before anything else.';
    await reply(forum.app, other.token, threadId, later);
    await page.getByText(later).waitFor();
    expect(await signedOutNotice(page).count()).toBe(1);

    // Signed in again in this tab, its socket is the member's, with the new session's cookie: the bell listens.
    await signInAgain(page, reader, `/t/${threadId}`);
    await until(
      () => listenerCount(forum.app, liveChannels.notifications(Number(reader.id))) === 1,
      "the reader's bell listening on the new session's socket",
    );
  });

  it('notices from a refused request when no socket tells it, e.g. posting after a new password elsewhere', async () => {
    const member = await createAccount(forum.app);
    const context = await forum.open({ token: member.token });
    // The live socket never answers: only the refused request can say the session ended.
    await context.routeWebSocket(/\/graphql$/, () => undefined);
    const page = await context.newPage();
    const threadId = await writingAReply(member, page, { live: false });

    const newPassword = 'a new passphrase from the other device';
    await forum.app.query(
      'mutation Change($input: ChangePasswordInput!) { changePassword(input: $input) }',
      { input: { currentPassword: testPassword, newPassword } },
      { token: await anotherSession(member) },
    );
    await page.getByRole('button', { name: 'Post reply' }).click();

    await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    await signedOutNotice(page).waitFor();
    await signInAgain(page, member, `/t/${threadId}`, newPassword);
    expect(await page.getByLabel('Reply', { exact: true }).inputValue()).toBe(halfAReply);
  });

  it('a wrong password on the sign-in page is its own message, not a notice of being signed out, where a session had ended', async () => {
    const member = await createAccount(forum.app);
    // The browser still holds the cookie of a session that has ended since. The first answer from the API clears it,
    // but the live socket can offer it before any answer arrives, and is refused (4403): a sign the app hears as a
    // possible session end, though this page was never a member's. The answers are held here until then.
    const context = await forum.open({ token: member.token });
    await forum.app.query('mutation { signOut }', {}, { token: member.token });
    const page = await context.newPage();
    const socketRefused = page.waitForEvent('websocket').then((socket) => socket.waitForEvent('close'));
    await page.route('**/graphql', async (route) => {
      await socketRefused;
      await route.continue();
    });
    const listening = forumSubscribers(forum.app);
    const traffic = graphqlTrafficOf(page);
    await page.goto('/');
    await socketRefused;
    // The cookie cleared, the socket's next try offers none: the visitor's list follows the forum live.
    await threadListIsLive(forum.app, listening);
    await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).click();
    await signInThroughForm(page, member.username, { password: 'not the password at all' });
    await page.getByRole('alert').getByText('That username or password is not right').waitFor();
    await traffic.settled();
    expect(await page.getByText('You were signed out').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('signing out here forgets the unsent reply and question: the next person at this browser does not find them', async () => {
    const member = await createAccount(forum.app);
    const next = await createAccount(forum.app);
    const page = await (await forum.open({ token: member.token })).newPage();
    const threadId = await writingAReply(member, page, { live: false });
    await page.goto('/ask');
    await page.getByLabel('Title').fill('My authenticator app is gone after a reset');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).click();
    await signInThroughForm(page, next.username);
    await page.getByRole('link', { name: next.username }).waitFor();

    await page.goto(`/t/${threadId}`);
    await page.getByLabel('Reply', { exact: true }).waitFor();
    expect(await page.getByLabel('Reply', { exact: true }).inputValue()).toBe('');
    await page.goto('/ask');
    await page.getByLabel('Title').waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('');
  });

  const question = {
    title: 'Authenticator codes rejected after travelling',
    body: 'Since I flew to another time zone every code from my authenticator app is refused at sign-in.',
  };
  const ownReplyBody = 'Answering myself: the phone clock was set by hand, not from the network.';
  const edited = {
    title: 'Authenticator codes rejected after changing time zone',
    body: 'Since I flew to another time zone every code from my authenticator app is refused at sign-in, also on the web.',
    tags: 'totp, time',
    reply: 'Answering myself: the phone clock was set by hand; setting it from the network fixed the codes',
  };

  /** A member's own question with their own reply, the thread page open on it (live updates reaching it). */
  async function ownPosts(member: TestAccount, page: Page): Promise<{ threadId: string; replyId: string }> {
    const thread = await askQuestion(forum.app, member.token, question);
    const replyId = await reply(forum.app, member.token, thread.id, ownReplyBody);
    const before = threadSubscribers(forum.app, thread.id);
    await page.goto(`/t/${thread.id}`);
    await signedInAs(page, member).waitFor();
    await threadPageIsLive(page, forum.app, thread.id, before);
    return { threadId: thread.id, replyId };
  }

  const questionPost = (page: Page) => page.locator('.post--question');
  const replyPost = (page: Page, replyId: string) => page.locator(`#reply-${replyId}`);
  const replyEditor = (page: Page, replyId: string) => replyPost(page, replyId).getByRole('textbox', { name: 'Reply' });
  const newReply = (page: Page) => page.locator('#reply').getByRole('textbox', { name: 'Reply' });

  async function startEditingQuestion(page: Page): Promise<void> {
    await questionPost(page).getByRole('button', { name: 'Edit', exact: true }).click();
    await questionPost(page).getByLabel('Title').fill(edited.title);
    await questionPost(page).getByRole('textbox', { name: 'Question' }).fill(edited.body);
    await questionPost(page).getByLabel('Tags').fill(edited.tags);
  }

  async function startEditingReply(page: Page, replyId: string): Promise<void> {
    await replyPost(page, replyId).getByRole('button', { name: 'Edit', exact: true }).click();
    await replyEditor(page, replyId).fill(edited.reply);
  }

  /** The page shows the posts as they are, no editor open: after the thread has loaded, waits for the reply's body. */
  async function noEditorOpen(page: Page, replyId: string, replyText: string): Promise<void> {
    await replyPost(page, replyId).getByText(replyText).waitFor();
    expect(await page.locator('.edit-form').count()).toBe(0);
  }

  it('an edit of the question and of a reply is back in its form after signing in again; Save and Cancel forget it', async () => {
    const member = await createAccount(forum.app);
    const page = await (await forum.open({ token: member.token })).newPage();
    const { threadId, replyId } = await ownPosts(member, page);
    await startEditingQuestion(page);
    await startEditingReply(page, replyId);

    await forum.app.query('mutation { signOutOtherSessions }', {}, { token: await anotherSession(member) });
    await signedOutNotice(page).waitFor();
    await noEditorOpen(page, replyId, ownReplyBody);

    await signInAgain(page, member, `/t/${threadId}`);
    await questionPost(page).getByLabel('Title').waitFor();
    expect(await questionPost(page).getByLabel('Title').inputValue()).toBe(edited.title);
    expect(await questionPost(page).getByRole('textbox', { name: 'Question' }).inputValue()).toBe(edited.body);
    expect(await questionPost(page).getByLabel('Tags').inputValue()).toBe(edited.tags);
    expect(await replyEditor(page, replyId).inputValue()).toBe(edited.reply);
    // The rest of the page is as before: a new reply can be written.
    expect(await newReply(page).inputValue()).toBe('');

    await questionPost(page).getByRole('button', { name: 'Save changes' }).click();
    await questionPost(page).getByRole('heading', { name: edited.title }).waitFor();
    await replyPost(page, replyId).getByRole('button', { name: 'Cancel' }).click();
    await replyPost(page, replyId).getByRole('button', { name: 'Edit', exact: true }).waitFor();

    await page.reload();
    await questionPost(page).getByRole('heading', { name: edited.title }).waitFor();
    await noEditorOpen(page, replyId, ownReplyBody);
  });

  /** "Sign out everywhere else" in the member's session on another device: the page open here says it ended. */
  async function sessionEndsElsewhere(page: Page, otherDevice: string): Promise<void> {
    await forum.app.query('mutation { signOutOtherSessions }', {}, { token: otherDevice });
    await signedOutNotice(page).waitFor();
  }

  /** None of the drafts left in the tab shows: once the reply is on the page, no editor is open, the reply box empty. */
  async function noDraftsShown(page: Page, replyId: string): Promise<void> {
    await replyPost(page, replyId).waitFor();
    expect(await page.locator('.edit-form').count()).toBe(0);
    expect(await newReply(page).inputValue()).toBe('');
  }

  it.each([
    ['another member', Role.MEMBER],
    ['a staff member (who may edit any post)', Role.STAFF],
  ])(
    'after a session ended elsewhere, %s signing in at this browser finds none of its drafts, nor does their owner after',
    async (_, role) => {
      const member = await createAccount(forum.app);
      const next = await createAccount(forum.app, role);
      const page = await (await forum.open({ token: member.token })).newPage();
      const { threadId, replyId } = await ownPosts(member, page);
      await startEditingQuestion(page);
      await startEditingReply(page, replyId);
      await newReply(page).fill(halfAReply);

      await sessionEndsElsewhere(page, await anotherSession(member));
      await signInAgain(page, next, `/t/${threadId}`);
      await noDraftsShown(page, replyId);
      // Staff may edit the member's posts: the editors would have opened, with the member's text.
      if (role === Role.STAFF) await questionPost(page).getByRole('button', { name: 'Edit', exact: true }).waitFor();

      // Forgotten when someone else signed in, not kept for their owner's return.
      await sessionEndsElsewhere(page, next.token);
      await signInAgain(page, member, `/t/${threadId}`);
      await noDraftsShown(page, replyId);
    },
  );

  it('a reload in the middle of an edit keeps it; signing out forgets it', async () => {
    const member = await createAccount(forum.app);
    const page = await (await forum.open({ token: member.token })).newPage();
    const { threadId, replyId } = await ownPosts(member, page);
    // An editor opened and left as it was keeps nothing: only text that differs from the post is a draft.
    await questionPost(page).getByRole('button', { name: 'Edit', exact: true }).click();
    await startEditingReply(page, replyId);

    await page.reload();
    await replyEditor(page, replyId).waitFor();
    expect(await replyEditor(page, replyId).inputValue()).toBe(edited.reply);
    expect(await questionPost(page).getByLabel('Title').count()).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).click();
    await signInThroughForm(page, member.username);
    await signedInAs(page, member).waitFor();
    await page.goto(`/t/${threadId}`);
    await replyPost(page, replyId).getByRole('button', { name: 'Edit', exact: true }).waitFor();
    await noEditorOpen(page, replyId, ownReplyBody);
  });

  it('an edit kept across a reload while staff changed the post is refused on save: their version shown, the text kept', async () => {
    const member = await createAccount(forum.app);
    const staff = await createAccount(forum.app, Role.STAFF);
    const page = await (await forum.open({ token: member.token })).newPage();
    const { replyId } = await ownPosts(member, page);
    await startEditingReply(page, replyId);

    const staffVersion = 'Answering myself: the phone clock was set by hand. [Staff: removed a screenshot of a code]';
    await forum.app.query(
      'mutation Edit($replyId: ID!, $input: EditReplyInput!) { editReply(replyId: $replyId, input: $input) { id } }',
      { replyId, input: { body: staffVersion } },
      { token: staff.token },
    );
    // The draft keeps the version it started from across the reload: the save names it, and is refused.
    await page.reload();
    await replyEditor(page, replyId).waitFor();
    expect(await replyEditor(page, replyId).inputValue()).toBe(edited.reply);
    await replyPost(page, replyId).getByRole('button', { name: 'Save changes' }).click();
    await replyPost(page, replyId).getByRole('alert').getByText('Someone else saved a new version while you were editing').waitFor();
    await replyPost(page, replyId).locator('.notice .prose').getByText('[Staff: removed a screenshot of a code]').waitFor();
    expect(await replyEditor(page, replyId).inputValue()).toBe(edited.reply);

    await replyPost(page, replyId).getByRole('button', { name: 'Save changes' }).click();
    // The editor's textarea holds the same text until the save closes it.
    await page.locator('.edit-form').waitFor({ state: 'detached' });
    await noEditorOpen(page, replyId, edited.reply);
  });
});

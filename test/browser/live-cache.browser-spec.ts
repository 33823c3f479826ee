import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount } from '../support/accounts.js';
import { until } from '../support/live-client.js';
import { useBrowserApp } from './support/browser-app.js';
import { announcementsOf, holdAnswers, operationsOf } from './support/browser.js';
import { askQuestion, forumSubscribers, reply, threadListIsLive, threadPageIsLive, threadSubscribers } from './support/forum.js';

describe('the thread page takes live changes from the event, not by reading the thread again', () => {
  const forum = useBrowserApp();

  it('shows replies, edits, the accepted answer and the lock as they happen, with no thread query; moderation reads it again', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER, 'mira');
    const other = await createAccount(forum.app, Role.MEMBER, 'tomas');
    const reader = await createAccount(forum.app, Role.MEMBER, 'ines');
    const staff = await createAccount(forum.app, Role.STAFF, 'hale');
    // Off-topic, so the FAQ bot stays out and the page has nothing to catch up on.
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Can the forum show a darker theme?',
      body: 'The white background is bright at night. Could the forum follow the dark setting of my phone?',
    });

    const context = await forum.open({ token: reader.token });
    const page = await context.newPage();
    const subscribers = threadSubscribers(forum.app, thread.id);
    await page.goto(`/t/${thread.id}`);
    await page.getByRole('heading', { name: 'No replies yet' }).waitFor();
    await threadPageIsLive(page, forum.app, thread.id, subscribers);
    const operations = operationsOf(page);

    const replyId = await reply(forum.app, other.token, thread.id, 'Your browser follows the phone: turn on its **dark** setting.');
    const replyItem = page.locator(`#reply-${replyId}`);
    await replyItem.locator('strong', { hasText: 'dark' }).waitFor();
    await replyItem.getByText('tomas').first().waitFor();
    await page.getByRole('heading', { name: '1 reply' }).waitFor();

    await forum.app.query(
      'mutation E($id: ID!) { editReply(replyId: $id, input: { body: "Edited: turn on the dark setting of your browser." }) { id } }',
      { id: replyId },
      { token: other.token },
    );
    await replyItem.getByText('Edited: turn on the dark setting of your browser.').waitFor();

    await forum.app.query(
      'mutation Q($id: ID!) { editQuestion(threadId: $id, input: { title: "Can the forum follow my dark theme?", tags: ["display"] }) { id } }',
      { id: thread.id },
      { token: asker.token },
    );
    await page.getByRole('heading', { name: 'Can the forum follow my dark theme?' }).waitFor();
    await page.locator('.post--question').getByText('display').waitFor();

    await forum.app.query('mutation A($id: ID!) { acceptAnswer(replyId: $id) { id } }', { id: replyId }, { token: asker.token });
    await replyItem.getByText('Accepted answer').waitFor();
    await page.getByText('See the accepted answer by tomas').waitFor();

    await page.getByRole('textbox', { name: 'Reply' }).fill('Thanks, that worked for me too.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    const ownReply = page.locator('li.post--reply', { hasText: 'Thanks, that worked for me too.' });
    await ownReply.getByRole('button', { name: 'Edit' }).waitFor();
    await page.getByRole('heading', { name: '2 replies' }).waitFor();

    await forum.app.query('mutation L($id: ID!) { lockThread(threadId: $id) { id } }', { id: thread.id }, { token: staff.token });
    await page.getByText('This thread is locked: it takes no new replies.').waitFor();
    // A locked thread's posts change only by staff: the reader's own reply loses its Edit button.
    await ownReply.getByRole('button', { name: 'Edit' }).waitFor({ state: 'detached' });

    // Every change above came with its event (or the viewer's own mutation): the page read nothing.
    expect(operations).toEqual(['ReplyToThread']);
    // The own reply arrived twice (mutation, then event) and is shown and counted once.
    await expect(page.locator('li.post--reply', { hasText: 'Thanks, that worked for me too.' }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: '2 replies' }).count()).resolves.toBe(1);

    // Hiding a reply changes who may see it: the event carries nothing for members, and the page reads the thread again.
    await forum.app.query(
      'mutation H($id: ID!) { hidePost(postType: REPLY, postId: $id) { id } }',
      { id: replyId },
      { token: staff.token },
    );
    await replyItem.waitFor({ state: 'detached' });
    expect(operations).toContain('ThreadPage');
  });
});

/** The thread page's live region. */
const threadRegion = '.thread-page [aria-live]';

describe('the thread page announces live replies', () => {
  const forum = useBrowserApp();

  it('announces another member’s reply as new, and one’s own reply as posted, not as a new reply', async () => {
    const first = await createAccount(forum.app, Role.MEMBER, 'oskar');
    const second = await createAccount(forum.app, Role.MEMBER, 'lena');
    // Off-topic, so the FAQ bot stays out and says nothing.
    const thread = await askQuestion(forum.app, first.token, {
      title: 'Can the forum show times in my own time zone?',
      body: 'Every post says when it was written, but the times look a few hours off for me. Can I set my time zone?',
    });
    const openThread = async (token: string) => {
      const context = await forum.open({ token });
      const page = await context.newPage();
      const subscribers = threadSubscribers(forum.app, thread.id);
      await page.goto(`/t/${thread.id}`);
      await threadPageIsLive(page, forum.app, thread.id, subscribers);
      return page;
    };
    const firstPage = await openThread(first.token);
    const secondPage = await openThread(second.token);
    const toFirst = await announcementsOf(firstPage, threadRegion);
    const postReply = async (page: Page, body: string) => {
      await page.getByRole('textbox', { name: 'Reply' }).fill(body);
      await page.getByRole('button', { name: 'Post reply' }).click();
    };

    // The answer to the member's own reply is held back until its live event has shown it: the page must tell the
    // reply is theirs from its author, not from which of the two came first.
    const ownReplyAnswer = await holdAnswers(firstPage, 'ReplyToThread');
    await postReply(firstPage, 'Answering myself: the times follow the clock of the device.');
    await firstPage.locator('li.post--reply', { hasText: 'Answering myself' }).waitFor();
    await expect(firstPage.locator(threadRegion).textContent()).resolves.toBe('');
    ownReplyAnswer.release();
    await expect.poll(() => toFirst).toEqual(['Your reply was posted.']);

    await secondPage.locator('li.post--reply', { hasText: 'Answering myself' }).waitFor();
    await postReply(secondPage, 'Mine are right: check the time zone of your computer.');
    await firstPage.locator('li.post--reply', { hasText: 'Mine are right' }).waitFor();
    await expect.poll(() => toFirst).toEqual(['Your reply was posted.', 'A new reply was posted.']);
  });

  it('says an announcement again when it repeats the last: two own replies in a row, then two from another member', async () => {
    const member = await createAccount(forum.app, Role.MEMBER);
    const other = await createAccount(forum.app, Role.MEMBER);
    // Off-topic, so the FAQ bot stays out and says nothing.
    const thread = await askQuestion(forum.app, member.token, {
      title: 'Can I follow a question without replying to it?',
      body: 'I found a question like mine and would like to know when it gets an answer, without adding a reply myself.',
    });
    const context = await forum.open({ token: member.token });
    const page = await context.newPage();
    const subscribers = threadSubscribers(forum.app, thread.id);
    await page.goto(`/t/${thread.id}`);
    await threadPageIsLive(page, forum.app, thread.id, subscribers);
    const said = await announcementsOf(page, threadRegion);

    // Each reply comes once the last one was announced: the region then holds the text the next announcement repeats.
    const postOwnReply = async (body: string) => {
      await page.getByRole('textbox', { name: 'Reply' }).fill(body);
      await page.getByRole('button', { name: 'Post reply' }).click();
    };
    await postOwnReply('Adding a detail: I mean questions asked by others.');
    await expect.poll(() => said).toEqual(['Your reply was posted.']);
    await postOwnReply('And a second one: on the phone too.');
    await expect.poll(() => said).toEqual(['Your reply was posted.', 'Your reply was posted.']);
    await reply(forum.app, other.token, thread.id, 'Not yet, as far as I know.');
    await expect.poll(() => said).toEqual(['Your reply was posted.', 'Your reply was posted.', 'A new reply was posted.']);
    await reply(forum.app, other.token, thread.id, 'Bookmarking the page works in the meantime.');
    await expect
      .poll(() => said)
      .toEqual(['Your reply was posted.', 'Your reply was posted.', 'A new reply was posted.', 'A new reply was posted.']);
  });
  it('tells the asker their own accept and withdrawal as theirs, and a reader as what happened', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const helper = await createAccount(forum.app, Role.MEMBER);
    const reader = await createAccount(forum.app, Role.MEMBER);
    // Off-topic, so the FAQ bot stays out and says nothing.
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Can I change the language of the forum?',
      body: 'The forum shows everything in English, but my browser asks for German. Is there a setting for it?',
    });
    const answer = await reply(forum.app, helper.token, thread.id, 'Not yet: the forum has English pages only for now.');
    const openThread = async (token: string) => {
      const page = await (await forum.open({ token })).newPage();
      const subscribers = threadSubscribers(forum.app, thread.id);
      await page.goto(`/t/${thread.id}`);
      await threadPageIsLive(page, forum.app, thread.id, subscribers);
      return page;
    };
    const askerPage = await openThread(asker.token);
    const readerPage = await openThread(reader.token);
    const toAsker = await announcementsOf(askerPage, threadRegion);
    const toReader = await announcementsOf(readerPage, threadRegion);

    const post = askerPage.locator(`#reply-${answer}`);
    await post.getByRole('button', { name: '✓ Accept this answer' }).click();
    await expect.poll(() => toReader).toEqual(['An answer was accepted.']);
    await post.getByRole('button', { name: 'Unaccept' }).click();
    await expect.poll(() => toReader).toEqual(['An answer was accepted.', 'The accepted answer was withdrawn.']);
    await expect.poll(() => toAsker).toEqual(['You accepted an answer.', 'You withdrew the accepted answer.']);
  });
});

describe('the thread page follows the question being hidden live', () => {
  const forum = useBrowserApp();

  it('shows a member that the question is gone, and staff that it is hidden, without a reload; and brings it back', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const reader = await createAccount(forum.app, Role.MEMBER);
    const staff = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Selling verified accounts, write to me',
      body: 'Accounts with two-factor already set up, cheap. Message me for the price list.',
    });
    const openThread = async (token: string) => {
      const context = await forum.open({ token });
      const page = await context.newPage();
      const subscribers = threadSubscribers(forum.app, thread.id);
      await page.goto(`/t/${thread.id}`);
      await page.getByRole('heading', { name: 'Selling verified accounts, write to me' }).waitFor();
      await threadPageIsLive(page, forum.app, thread.id, subscribers);
      return page;
    };
    const readerPage = await openThread(reader.token);
    const staffPage = await openThread(staff.token);
    const moderate = (action: string) =>
      forum.app.query(
        `mutation M($id: ID!) { ${action}(postType: THREAD, postId: $id) { id } }`,
        { id: thread.id },
        { token: staff.token },
      );

    await moderate('hidePost');
    await readerPage.getByRole('heading', { name: 'Question not found' }).waitFor();
    await staffPage.locator('.post--question').getByText('Hidden', { exact: true }).waitFor();

    await moderate('restorePost');
    await readerPage.getByRole('heading', { name: 'Selling verified accounts, write to me' }).waitFor();
    await staffPage.locator('.post--question').getByText('Hidden', { exact: true }).waitFor({ state: 'detached' });
  });
});

describe('the thread list follows moderation live', () => {
  const forum = useBrowserApp();

  it('drops a question staff hid from a member’s list, and marks it hidden in a staff list, without a reload', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const reader = await createAccount(forum.app, Role.MEMBER);
    const staff = await createAccount(forum.app, Role.STAFF);
    const kept = await askQuestion(forum.app, asker.token, {
      title: 'Can the forum show times in my time zone?',
      body: 'Every post says UTC. Could it follow the time zone of my browser instead?',
    });
    const hidden = await askQuestion(forum.app, asker.token, {
      title: 'Cheap accounts for sale, message me',
      body: 'I sell accounts with two-factor already turned on. Write to me for a price list.',
    });
    expect(kept.id).not.toBe(hidden.id);

    const item = (page: Page, title: string) => page.locator('li.thread-item', { hasText: title });
    const openList = async (token: string) => {
      const context = await forum.open({ token });
      const page = await context.newPage();
      const subscribers = forumSubscribers(forum.app);
      await page.goto('/');
      await item(page, 'Cheap accounts for sale').waitFor();
      await threadListIsLive(forum.app, subscribers);
      return page;
    };
    const readerPage = await openList(reader.token);
    const staffPage = await openList(staff.token);

    await forum.app.query(
      'mutation H($id: ID!) { hidePost(postType: THREAD, postId: $id) { id } }',
      { id: hidden.id },
      { token: staff.token },
    );
    await item(readerPage, 'Cheap accounts for sale').waitFor({ state: 'detached' });
    await item(readerPage, 'Can the forum show times in my time zone?').waitFor();
    await item(staffPage, 'Cheap accounts for sale').getByText('Hidden').waitFor();
  });

  it('counts a reply staff hid or restored in the open lists, without a reload', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const replier = await createAccount(forum.app, Role.MEMBER);
    const reader = await createAccount(forum.app, Role.MEMBER);
    const staff = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Can the forum send me a weekly digest?',
      body: 'I would like one e-mail a week with the questions I follow, instead of checking the site.',
    });
    const replyId = await reply(forum.app, replier.token, thread.id, 'Buy followers for your posts at my site, cheap.');
    await reply(forum.app, replier.token, thread.id, 'Not yet; the notifications page lists what you follow.');

    const count = (page: Page) => page.locator('li.thread-item', { hasText: 'weekly digest' }).locator('.thread-item__count');
    const openList = async (token: string) => {
      const context = await forum.open({ token });
      const page = await context.newPage();
      const subscribers = forumSubscribers(forum.app);
      await page.goto('/');
      await count(page).getByText('2', { exact: true }).waitFor();
      await threadListIsLive(forum.app, subscribers);
      return page;
    };
    const pages = [await openList(reader.token), await openList(staff.token)];
    const moderate = (action: string) =>
      forum.app.query(`mutation M($id: ID!) { ${action}(postType: REPLY, postId: $id) { id } }`, { id: replyId }, { token: staff.token });

    await moderate('hidePost');
    for (const page of pages) await count(page).getByText('1', { exact: true }).waitFor();
    await moderate('restorePost');
    for (const page of pages) await count(page).getByText('2', { exact: true }).waitFor();
  });
});

describe('a thread list on any page follows the forum live', () => {
  const forum = useBrowserApp();

  it('drops a question staff hid from the asker’s profile list, and offers new activity there, without a reload', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const replier = await createAccount(forum.app, Role.MEMBER);
    const reader = await createAccount(forum.app, Role.MEMBER);
    const staff = await createAccount(forum.app, Role.STAFF);
    const kept = await askQuestion(forum.app, asker.token, {
      title: 'Can the forum remember my draft replies?',
      body: 'I lost a long reply when the tab closed. Could the forum keep a draft in my browser?',
    });
    const spam = await askQuestion(forum.app, asker.token, {
      title: 'Free gift cards for every new account',
      body: 'Sign up on my site and I send you a gift card. Message me for the link.',
    });

    const context = await forum.open({ token: reader.token });
    const page = await context.newPage();
    const subscribers = forumSubscribers(forum.app);
    await page.goto(`/u/${encodeURIComponent(asker.username)}`);
    const item = (title: string) => page.locator('li.thread-item', { hasText: title });
    await item('Free gift cards').waitFor();
    await threadListIsLive(forum.app, subscribers);

    await forum.app.query(
      'mutation H($id: ID!) { hidePost(postType: THREAD, postId: $id) { id } }',
      { id: spam.id },
      { token: staff.token },
    );
    await item('Free gift cards').waitFor({ state: 'detached' });

    await reply(forum.app, replier.token, kept.id, 'Not yet; copy long replies somewhere before you post them.');
    await page.getByRole('status').getByText('1 question has new activity.').waitFor();
    await page.getByRole('button', { name: 'Show' }).click();
    await item('remember my draft replies').getByText('New activity').waitFor();
    await item('remember my draft replies').locator('.thread-item__count').getByText('1', { exact: true }).waitFor();
  });
});

describe('a filtered thread list offers only activity on the threads it shows', () => {
  const forum = useBrowserApp();

  /**
   * Opens `path` as a new member once `title` is listed and the list listens; `other` then gets activity, then `shown`,
   * and the banner must offer `shown` alone. Both events come over one socket in that order, so when the banner offers
   * one question and Show marks `shown`, the list has seen and left out `other`.
   */
  async function offersOnly(path: string, title: string, activity: { other: () => Promise<unknown>; shown: () => Promise<unknown> }) {
    const reader = await createAccount(forum.app, Role.MEMBER);
    const page = await (await forum.open({ token: reader.token })).newPage();
    const subscribers = forumSubscribers(forum.app);
    await page.goto(path);
    const item = page.locator('li.thread-item', { hasText: title });
    await item.waitFor();
    await threadListIsLive(forum.app, subscribers);

    await activity.other();
    await activity.shown();
    await page.getByRole('status').getByText('1 question has new activity.').waitFor();
    await page.getByRole('button', { name: 'Show' }).click();
    await item.getByText('New activity').waitFor();
    return page;
  }

  it('on a profile page, offers activity on that member’s questions and not on anyone else’s', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const someoneElse = await createAccount(forum.app, Role.MEMBER);
    const replier = await createAccount(forum.app, Role.MEMBER);
    const own = await askQuestion(forum.app, asker.token, {
      title: 'Can I choose which e-mails the forum sends me?',
      body: 'I get an e-mail for every reply. Could I get only the ones to my own questions?',
    });
    const theirs = await askQuestion(forum.app, someoneElse.token, {
      title: 'Can the forum keep my place in long threads?',
      body: 'When I come back to a long thread it starts at the top. Could it open where I stopped reading?',
    });

    await offersOnly(`/u/${encodeURIComponent(asker.username)}`, 'which e-mails the forum sends', {
      other: () => reply(forum.app, replier.token, theirs.id, 'Not yet; the browser’s back button keeps the place.'),
      shown: () => reply(forum.app, replier.token, own.id, 'The notifications page has a setting for that.'),
    });
  });

  it('with a tag, offers activity on questions with the tag; on Unanswered, not on a question staff had answered', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const replier = await createAccount(forum.app, Role.MEMBER);
    const staff = await createAccount(forum.app, Role.STAFF);
    const tagged = await askQuestion(forum.app, asker.token, {
      title: 'Can the forum show code in a monospace font?',
      body: 'Commands I paste into a question come out in the normal font. Could they look like code?',
      tags: ['formatting'],
    });
    const untagged = await askQuestion(forum.app, asker.token, {
      title: 'Can the forum show how many people read my question?',
      body: 'I would like to know whether anyone saw my question before it gets a reply.',
    });

    await offersOnly('/?tag=formatting', 'monospace font', {
      other: () => reply(forum.app, replier.token, untagged.id, 'Not yet; replies are the only sign for now.'),
      shown: () => reply(forum.app, replier.token, tagged.id, 'Put the command between backticks.'),
    });
    await reply(forum.app, staff.token, untagged.id, 'Staff here: we do not count readers, on purpose.');
    await offersOnly('/?tab=unanswered', 'monospace font', {
      other: () => reply(forum.app, replier.token, untagged.id, 'Thanks, that makes sense.'),
      shown: () => reply(forum.app, replier.token, tagged.id, 'Indent it by four spaces for a block.'),
    });
  });

  it('offers a question it shows that activity took out of it, and Show takes it out: answered on Unanswered, unaccepted on Answered', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const replier = await createAccount(forum.app, Role.MEMBER);
    const staff = await createAccount(forum.app, Role.STAFF);
    const reader = await createAccount(forum.app, Role.MEMBER);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Can the forum number the lines of code blocks?',
      body: 'When I point someone at a line of a long command it would help to have line numbers.',
    });
    const answer = await reply(forum.app, replier.token, thread.id, 'Not yet; quote the line you mean instead.');

    const context = await forum.open({ token: reader.token });
    const leaves = async (tab: string, change: () => Promise<unknown>) => {
      const page = await context.newPage();
      const item = page.locator('li.thread-item', { hasText: 'number the lines' });
      const subscribers = forumSubscribers(forum.app);
      await page.goto(`/?tab=${tab}`);
      await item.waitFor();
      await threadListIsLive(forum.app, subscribers);
      await change();
      await page.getByRole('status').getByText('1 question has new activity.').waitFor();
      expect(await item.count()).toBe(1);
      await page.getByRole('button', { name: 'Show' }).click();
      await item.waitFor({ state: 'detached' });
      await page.close();
      // Its subscription gone too: the next page, counted from here, must add one of its own.
      await until(() => forumSubscribers(forum.app) <= subscribers, 'the closed page stops listening to forum activity');
    };

    await leaves('unanswered', () =>
      forum.app.query('mutation A($replyId: ID!) { acceptAnswer(replyId: $replyId) { id } }', { replyId: answer }, { token: asker.token }),
    );
    await leaves('answered', () =>
      forum.app.query(
        'mutation U($threadId: ID!) { unacceptAnswer(threadId: $threadId) { id } }',
        { threadId: thread.id },
        { token: staff.token },
      ),
    );
  });
});

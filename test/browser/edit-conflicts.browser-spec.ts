import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount } from '../support/accounts.js';
import { screenshotBoth } from './support/browser.js';
import { useBrowserApp } from './support/browser-app.js';
import { askQuestion, createCanonicalAnswer } from './support/forum.js';

describe('two people editing the same text', () => {
  const forum = useBrowserApp();

  const conflictAlert = (page: Page) => page.getByRole('alert').getByText('Someone else saved a new version while you were editing');

  it('refuses the later save of a question, shows the version saved first and keeps the typed text; saving again stores it', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const staff = await createAccount(forum.app, Role.STAFF);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Backup codes stopped working after a reset',
      body: 'I reset my password and now none of my printed backup codes are accepted at sign-in.',
      tags: ['backup-codes'],
    });
    const askerPage = await (await forum.open({ token: asker.token })).newPage();
    const staffPage = await (await forum.open({ token: staff.token })).newPage();
    for (const page of [askerPage, staffPage]) {
      await page.goto(`/t/${thread.id}`);
      await page.locator('.post--question').getByRole('button', { name: 'Edit', exact: true }).click();
    }

    const askerText = 'I reset my password and now none of my printed backup codes are accepted, not even the unused ones.';
    const askerQuestion = askerPage.locator('.post--question');
    await askerQuestion.getByRole('textbox', { name: 'Question' }).fill(askerText);

    const staffText = 'I reset my password and now none of my printed backup codes are accepted. [Staff: removed the codes]';
    const staffQuestion = staffPage.locator('.post--question');
    await staffQuestion.getByRole('textbox', { name: 'Question' }).fill(staffText);
    await staffQuestion.getByRole('button', { name: 'Save changes' }).click();
    await staffQuestion.locator('.prose').getByText('[Staff: removed the codes]').waitFor();

    await askerQuestion.getByRole('button', { name: 'Save changes' }).click();
    await conflictAlert(askerPage).waitFor();
    await askerQuestion.locator('.notice .prose').getByText('[Staff: removed the codes]').waitFor();
    expect(await askerQuestion.getByRole('textbox', { name: 'Question' }).inputValue()).toBe(askerText);
    await screenshotBoth(askerPage, 'edit-conflict');

    // Merged by hand; the second save names the version it was shown.
    const merged = `${askerText} [Staff: removed the codes]`;
    await askerQuestion.getByRole('textbox', { name: 'Question' }).fill(merged);
    await askerQuestion.getByRole('button', { name: 'Save changes' }).click();
    await askerQuestion.locator('.prose').getByText(merged).waitFor();
    expect(await askerPage.locator('.edit-form').count()).toBe(0);

    const { thread: stored } = await forum.app.query<{
      thread: { body: string; version: number; revisions: { nodes: { previousBody: string }[] } };
    }>(
      'query T($id: ID!) { thread(id: $id) { body version revisions { nodes { previousBody } } } }',
      { id: thread.id },
      { token: staff.token },
    );
    expect(stored).toMatchObject({ body: merged, version: 3 });
    expect(stored.revisions.nodes.map((revision) => revision.previousBody)).toEqual([
      staffText,
      expect.stringContaining('printed backup codes'),
    ]);
  });

  it('refuses the later save of a canonical answer in the staff editor, shows the other version and keeps the typed text', async () => {
    const [first, second] = [await createAccount(forum.app, Role.STAFF), await createAccount(forum.app, Role.STAFF)];
    const slug = 'printed-codes-after-reset';
    await createCanonicalAnswer(forum.app, first.token, {
      slug,
      title: 'Printed backup codes after a password reset',
      body: 'Print a new sheet after a reset.',
    });
    const firstPage = await (await forum.open({ token: first.token })).newPage();
    const secondPage = await (await forum.open({ token: second.token })).newPage();
    for (const page of [firstPage, secondPage]) {
      await page.goto(`/staff/answers/${slug}`);
      await page.getByRole('textbox', { name: 'Answer' }).waitFor();
    }

    await firstPage.getByRole('textbox', { name: 'Answer' }).fill('Print a new sheet of codes after every password reset.');
    await firstPage.getByRole('button', { name: 'Save a new version' }).click();
    await firstPage.getByText('Saved as version 2.').waitFor();

    const typed = 'Resetting the password keeps the codes; print a new sheet only if you lost it.';
    await secondPage.getByRole('textbox', { name: 'Answer' }).fill(typed);
    await secondPage.getByRole('button', { name: 'Save a new version' }).click();
    await conflictAlert(secondPage).waitFor();
    await secondPage.locator('.notice .prose').getByText('Print a new sheet of codes after every password reset.').waitFor();
    expect(await secondPage.getByRole('textbox', { name: 'Answer' }).inputValue()).toBe(typed);

    await secondPage.getByRole('button', { name: 'Save a new version' }).click();
    await secondPage.getByText('Saved as version 3.').waitFor();
    expect(await conflictAlert(secondPage).count()).toBe(0);
  });
});

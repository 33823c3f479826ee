import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount } from '../support/accounts.js';
import { screenshotBoth } from './support/browser.js';
import { useBrowserApp } from './support/browser-app.js';
import { askQuestion } from './support/forum.js';

describe('the edit history of a post', () => {
  const forum = useBrowserApp();

  it('shows each earlier version rendered as the post was shown, and the markdown as written of one not cooked yet', async () => {
    const asker = await createAccount(forum.app, Role.MEMBER);
    const thread = await askQuestion(forum.app, asker.token, {
      title: 'Signature shows up twice under my replies',
      body: 'Since this morning my signature appears _twice_ below every reply I write.',
      tags: ['profile'],
    });
    const edit = (body: string) =>
      forum.app.query(
        'mutation Edit($id: ID!, $input: EditQuestionInput!) { editQuestion(threadId: $id, input: $input) { id } }',
        { id: thread.id, input: { body } },
        { token: asker.token },
      );
    await edit('Since this morning my signature appears **twice** below every reply I write.');
    await edit('Since this morning my signature appears twice below every reply. Clearing the cache did not help.');
    // The oldest revision as one stored before revisions kept their HTML, until the re-cook after start-up reaches it.
    const dataSource = forum.app.nest.get(DataSource);
    const postgres = dataSource.options.type === 'postgres';
    await dataSource.query(
      `UPDATE revisions SET previous_body_html = NULL, previous_body_html_version = 0
        WHERE id = (SELECT MIN(id) FROM revisions WHERE post_type = 'THREAD' AND post_id = ${postgres ? '$1' : '?'})`,
      [Number(thread.id)],
    );

    const page = await (await forum.open()).newPage();
    await page.goto(`/t/${thread.id}`);
    await page
      .locator('.post--question')
      .getByRole('button', { name: /show history/ })
      .click();
    const history = page.getByRole('dialog', { name: 'Edit history' });
    const [newer, older] = [history.locator('.revision').nth(0), history.locator('.revision').nth(1)];
    await newer.locator('.prose strong').getByText('twice', { exact: true }).waitFor();
    expect(await newer.textContent()).not.toContain('**');
    await older.getByText('Since this morning my signature appears _twice_ below every reply I write.').waitFor();
    expect(await older.locator('.prose').count()).toBe(0);
    await screenshotBoth(page, 'edit-history');
  });
});

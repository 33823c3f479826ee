import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../apps/api/src/common/role.js';
import { createAccount, type TestAccount } from '../support/accounts.js';
import { TestApp } from '../support/test-app.js';
import { axeViolations, type AxeViolation } from './support/axe.js';
import { desktop, launchBrowser, newContext, phone } from './support/browser.js';

type Visitor = 'anonymous' | 'member' | 'staff';

interface MainPage {
  name: string;
  path: () => string;
  visitor: Visitor;
  /** Text that shows once the page has loaded its data. */
  ready: string | RegExp;
  /** The status the navigation answers: 200 for the app's pages, 404 where it shows "not found" (crawlers read it). */
  status?: 404;
}

describe('accessibility of every main page (axe-core, WCAG 2 A/AA) at desktop and phone width', () => {
  let app: TestApp;
  let browser: Browser;
  let member: TestAccount;
  let staff: TestAccount;
  let threadId = '';
  const contexts = new Map<Visitor, BrowserContext>();
  const figures: Record<string, { count: number; rules: string[] }> = {};

  const pages: MainPage[] = [
    { name: 'thread list', path: () => '/', visitor: 'anonymous', ready: 'No backup codes after turning on two-factor authentication' },
    { name: 'search', path: () => '/?q=qr+code', visitor: 'anonymous', ready: 'Clear search' },
    { name: 'thread', path: () => `/t/${threadId}`, visitor: 'member', ready: 'Did this solve it?' },
    { name: 'ask', path: () => '/ask', visitor: 'member', ready: 'Post your question' },
    { name: 'canonical answer', path: () => '/answers/save-qr-code', visitor: 'anonymous', ready: 'Save the QR code' },
    { name: 'profile', path: () => '/u/mira_k', visitor: 'anonymous', ready: 'mira_k' },
    { name: 'profile replies', path: () => '/u/grey?tab=replies', visitor: 'anonymous', ready: 'Staff answer' },
    { name: 'notifications', path: () => '/notifications', visitor: 'member', ready: 'Notifications' },
    { name: 'sign in', path: () => '/sign-in?next=%2Fask', visitor: 'anonymous', ready: 'Username or email' },
    { name: 'sign up', path: () => '/sign-up', visitor: 'anonymous', ready: 'Create account' },
    { name: 'staff queues', path: () => '/staff', visitor: 'staff', ready: 'Pending' },
    { name: 'staff unhelpful queue', path: () => '/staff?queue=UNHELPFUL', visitor: 'staff', ready: 'Asker: did not help' },
    {
      name: 'staff no-answer queue',
      path: () => '/staff?queue=NO_SUGGESTION',
      visitor: 'staff',
      ready: 'Changing the forum display language',
    },
    { name: 'staff open flags', path: () => '/staff?queue=flags', visitor: 'staff', ready: 'spam advertising' },
    { name: 'thread as staff', path: () => `/t/${threadId}`, visitor: 'staff', ready: 'Hidden' },
    { name: 'staff answers', path: () => '/staff/answers', visitor: 'staff', ready: 'no-backup-codes' },
    { name: 'staff answer editor', path: () => '/staff/answers/no-backup-codes', visitor: 'staff', ready: 'Example questions' },
    { name: 'staff statistics', path: () => '/staff/stats', visitor: 'staff', ready: 'per day' },
    { name: 'moderation log', path: () => '/staff/log', visitor: 'staff', ready: 'Moderation log' },
    { name: 'not found', path: () => '/no-such-page', visitor: 'anonymous', ready: 'not found', status: 404 },
    { name: 'missing thread', path: () => '/t/999999', visitor: 'anonymous', ready: 'Question not found', status: 404 },
  ];

  beforeAll(async () => {
    app = await TestApp.start({ WEB_DIST_PATH: 'dist/web', SEED_DEMO: 'true' });
    browser = await launchBrowser();
    member = await createAccount(app, Role.MEMBER, 'a11y_member');
    staff = await createAccount(app, Role.STAFF, 'a11y_staff');
    const asked = await app.query<{ askQuestion: { id: string } }>(
      `mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
      {
        input: {
          title: 'Turned on two-factor and got no backup codes',
          body: 'Enabled two-factor on my account this morning; setup gave me no backup codes at all. Where do I get them?',
        },
      },
      { token: member.token },
    );
    threadId = asked.askQuestion.id;
    // Staff pages with something in them: an unhelpful bot answer, an unanswered question, a flag, a hidden reply.
    const ask = (input: { title: string; body: string }) =>
      app.query<{ askQuestion: { id: string } }>(
        `mutation Ask($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
        { input },
        { token: member.token },
      );
    const unhelpful = await ask({
      title: 'Recovery codes missing after enabling 2FA',
      body: 'I enabled two-factor authentication but I cannot find any recovery codes to print. Where are they?',
    });
    await app.query(
      `mutation N($id: ID!) { markBotAnswerUnhelpful(threadId: $id) { id } }`,
      { id: unhelpful.askQuestion.id },
      { token: member.token },
    );
    await ask({ title: 'Changing the forum display language', body: 'Can the forum be shown in Portuguese instead of English?' });
    const other = await createAccount(app, Role.MEMBER, 'a11y_other');
    const replied = await app.query<{ replyToThread: { id: string } }>(
      `mutation R($id: ID!) { replyToThread(threadId: $id, body: "Buy cheap codes at my shop, best prices!") { id } }`,
      { id: threadId },
      { token: other.token },
    );
    await app.query(
      `mutation F($id: ID!) { flagPost(postType: REPLY, postId: $id, reason: "spam advertising") { id } }`,
      { id: replied.replyToThread.id },
      { token: member.token },
    );
    const hiddenReply = await app.query<{ replyToThread: { id: string } }>(
      `mutation R($id: ID!) { replyToThread(threadId: $id, body: "Off-topic advertising for a shop.") { id } }`,
      { id: threadId },
      { token: other.token },
    );
    await app.query(
      `mutation H($id: ID!) { hidePost(postType: REPLY, postId: $id) { id } }`,
      { id: hiddenReply.replyToThread.id },
      { token: staff.token },
    );
    contexts.set('anonymous', await newContext(browser, app));
    contexts.set('member', await newContext(browser, app, { token: member.token }));
    contexts.set('staff', await newContext(browser, app, { token: staff.token }));
  });

  afterAll(async () => {
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/accessibility.json', `${JSON.stringify(figures, null, 2)}\n`);
    for (const context of contexts.values()) await context.close();
    await browser?.close();
    await app?.stop();
  });

  async function open(target: MainPage, viewport: { width: number; height: number }): Promise<Page> {
    const page = await (contexts.get(target.visitor) as BrowserContext).newPage();
    await page.setViewportSize(viewport);
    const response = await page.goto(target.path());
    expect(response?.status(), target.name).toBe(target.status ?? 200);
    await page.getByText(target.ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    return page;
  }

  function describeViolations(violations: AxeViolation[]): string {
    return violations
      .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.targets.join(', ')}`)
      .join('\n');
  }

  for (const viewport of [desktop, phone]) {
    for (const target of pages) {
      it(`${target.name} at ${viewport.width} px has no violations`, async () => {
        const page = await open(target, viewport);
        const violations = await axeViolations(page);
        figures[`${target.name} @${viewport.width}`] = {
          count: violations.reduce((sum, violation) => sum + violation.targets.length, 0),
          rules: violations.map((violation) => `${violation.id}: ${violation.targets.join(' | ')}`),
        };
        await page.close();
        expect(describeViolations(violations)).toBe('');
      });
    }
  }
});

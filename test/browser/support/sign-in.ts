import type { Page } from 'playwright-core';
import { testPassword } from '../../support/accounts.js';

/**
 * Signs in through the web app's form the page shows: the login and password, then Sign in, and with `code` the code
 * step too (for an account with two-factor sign-in on). Resolves once the form is sent, not once signed in: wait for
 * what the sign-in leads to, as the app goes there in a transition.
 */
export async function signInThroughForm(
  page: Page,
  login: string,
  { password = testPassword, code }: { password?: string; code?: string } = {},
): Promise<void> {
  await page.getByLabel('Username or email').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (code === undefined) return;
  const codeField = page.getByLabel('Code');
  await codeField.fill(code);
  await codeField.press('Enter');
}

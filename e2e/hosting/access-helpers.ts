/** Signing in through the real /login form, for the access, secrets and hardening tests. */
import { expect, type BrowserContext, type Page } from '@playwright/test';

export async function signInThroughForm(page: Page, baseUrl: string, passcode: string, path = '/'): Promise<void> {
  await page.goto(baseUrl + path);
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel('Passcode').fill(passcode);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** The Cookie header a signed-in browser sends. */
export async function sessionCookie(context: BrowserContext): Promise<string> {
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'playground_session');
  if (!session) throw new Error('no session cookie after signing in');
  return `${session.name}=${session.value}`;
}

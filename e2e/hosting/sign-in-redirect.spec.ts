/**
 * After signing in, the form goes back only to a page of this playground: a `next` that a browser would read
 * as another site once it drops a tab or a line break (`/%09/evil.example` → `//evil.example`) leads home.
 */
import { expect, test } from '@playwright/test';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer({ PLAYGROUND_PASSCODE: 'redirect-test-pass' });
});
test.afterAll(async () => server?.stop());

test('signing in from a link whose next hides another site stays on the playground', async ({ page }) => {
  const evil: string[] = [];
  // The other site is never reached: any request to it is recorded and refused.
  await page.route((url) => url.hostname === 'evil.example', (route) => {
    evil.push(route.request().url());
    return route.abort();
  });
  for (const next of ['%2F%09%2Fevil.example', '%2F%0A%2Fevil.example']) {
    await page.context().clearCookies();
    await page.goto(`${server.url}/login?next=${next}`);
    await page.getByLabel('Passcode').fill('redirect-test-pass');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByLabel('Prompt')).toBeVisible();
    expect(new URL(page.url()).origin).toBe(server.url);
    // Signed in already, the page's own "Open the playground" link is just as safe.
    await page.goto(`${server.url}/login?next=${next}`);
    expect(await page.getByRole('link', { name: 'Open the playground' }).getAttribute('href')).toBe('/');
  }
  expect(evil).toEqual([]);
});

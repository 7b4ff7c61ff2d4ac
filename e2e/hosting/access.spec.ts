/**
 * The door: a passcode or a named invite on /login gives a signed, HTTP-only session cookie; wrong codes are
 * refused, repeated ones slow down and then lock the client out (even the right code) until the lock ends.
 */
import { expect, test } from '@playwright/test';
import { startServer, type TestServer } from '../helpers/server';
import { callAction } from '../helpers/actions';
import { sessionCookie, signInThroughForm } from './access-helpers';

test.describe.configure({ mode: 'serial' });

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer({
    PLAYGROUND_PASSCODE: 'correct horse battery',
    PLAYGROUND_INVITES: 'alice:alice-invite-42,bob:bob-invite-7',
    SESSION_MAX_AGE_HOURS: '2',
    LOGIN_LOCKOUT_MS: '4000',
    LOGIN_BACKOFF_MS: '50',
  });
});
test.afterAll(async () => server?.stop());

test('a visitor without a session is sent to the sign-in form, and a wrong passcode is refused', async ({ page }) => {
  await page.goto(server.url + '/chat');
  await expect(page).toHaveURL(/\/login\?next=%2Fchat$/);
  await page.getByLabel('Passcode').fill('not it');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(/Wrong passcode/);
  await expect(page).toHaveURL(/\/login/);
  expect((await page.context().cookies()).some((c) => c.name === 'playground_session')).toBe(false);
});

test('the passcode opens the page asked for with a signed, HTTP-only, SameSite=Lax, expiring cookie; Sign out closes it', async ({ page }) => {
  const before = Date.now() / 1000;
  await signInThroughForm(page, server.url, 'correct horse battery', '/chat');
  await expect(page).toHaveURL(server.url + '/chat');
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
  const cookie = (await page.context().cookies()).find((c) => c.name === 'playground_session')!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
  expect(cookie.expires).toBeGreaterThan(before + 2 * 3600 - 60);
  expect(cookie.expires).toBeLessThan(before + 2 * 3600 + 60);
  expect(await page.evaluate(() => document.cookie)).not.toContain('playground_session');

  await page.goto(server.url + '/login');
  await expect(page.getByText('Signed in as team')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Passcode')).toBeVisible();
  await page.goto(server.url + '/');
  await expect(page).toHaveURL(/\/login\?next=%2F$/);
});

test('an invite code signs in as that person, so spend is attributed to them', async ({ page }) => {
  await signInThroughForm(page, server.url, 'alice-invite-42');
  await page.goto(server.url + '/login');
  await expect(page.getByText('Signed in as alice')).toBeVisible();
});

test('a forged or tampered cookie is no session', async ({ request }) => {
  const forged = Buffer.from(JSON.stringify({ sub: 'team', name: 'team', exp: Date.now() + 3600_000 })).toString('base64url');
  for (const cookie of [`playground_session=v1.${forged}.AAAA`, 'playground_session=garbage']) {
    const page = await request.get(server.url + '/', { headers: { cookie }, maxRedirects: 0 });
    expect(page.status()).toBe(303);
    const api = await request.get(server.url + '/api/offline/v1/models', { headers: { cookie } });
    expect(api.status()).toBe(401);
    const action = await callAction(server.url, 'generate', [{ provider: 'offline', fields: { prompt: 'x' } }], { cookie });
    expect(action.text).toContain('unauthorized');
  }
});

test('repeated wrong passcodes slow down, then lock the client out — even the right passcode — until the lock ends', async ({ browser }) => {
  // A fresh server: the lockout is per client, and every test here comes from 127.0.0.1.
  const locked = await startServer({ PLAYGROUND_PASSCODE: 'the-right-one', LOGIN_LOCKOUT_MS: '4000', LOGIN_BACKOFF_MS: '50' });
  try {
    const page = await browser.newPage();
    await page.goto(locked.url + '/login');
    const alert = page.getByRole('main').getByRole('alert');
    let lockedMessage = '';
    const signIn = page.getByRole('button', { name: 'Sign in' });
    for (let attempt = 1; attempt <= 40 && !lockedMessage; attempt++) {
      // React resets the form when the previous attempt's action settles: fill only after that, or the reset
      // can empty the field between fill and click (a required field then submits nothing).
      await expect(signIn).toBeEnabled();
      await page.getByLabel('Passcode').fill(`wrong-${attempt}`);
      await expect(page.getByLabel('Passcode')).toHaveValue(`wrong-${attempt}`);
      const answered = page.waitForResponse((r) => r.request().method() === 'POST');
      await signIn.click();
      await answered;
      await expect(alert).toHaveText(/Wrong passcode|Too many/);
      const text = await alert.textContent();
      if (/locked/.test(text!)) lockedMessage = text!;
      else if (/Wait/.test(text!)) await page.waitForTimeout(500);
    }
    expect(lockedMessage).toMatch(/sign-in is locked for this device\. Try again in \d+ seconds \(at \d\d:\d\d:\d\d UTC\)/);

    await expect(signIn).toBeEnabled();
    await page.getByLabel('Passcode').fill('the-right-one');
    const refused = page.waitForResponse((r) => r.request().method() === 'POST');
    await signIn.click();
    await refused;
    await expect(alert).toHaveText(/locked for this device/);
    expect((await page.context().cookies()).some((c) => c.name === 'playground_session')).toBe(false);

    await page.waitForTimeout(4100);
    await expect(signIn).toBeEnabled();
    await page.getByLabel('Passcode').fill('the-right-one');
    await signIn.click();
    await expect(page).toHaveURL(locked.url + '/');
    await sessionCookie(page.context());
    await page.close();
  } finally {
    await locked.stop();
  }
});

test('with no passcode the playground stays open to everyone (user anonymous)', async ({ request }) => {
  const open = await request.get('/', { maxRedirects: 0 });
  expect(open.status()).toBe(200);
  const login = await request.get('/login', { maxRedirects: 0 });
  expect(login.status()).toBe(307);
  expect(login.headers().location).toBe('/');
});

/**
 * Images reach the server through POST /api/uploads, which checks the session before it reads a byte, so the
 * server actions keep a 1 MB body limit. With a passcode set, a caller without a session cannot make the
 * server hold a large body at either door (measured as the serving process's resident memory while 300 MB are
 * sent); a signed-in edit with two references and a mask still works through the UI; an upload id is only its
 * owner's.
 */
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { startServer, type TestServer } from '../helpers/server';
import { pour as pourInto } from '../helpers/pour';
import { callAction, findAction } from '../helpers/actions';
import { sessionCookie, signInThroughForm } from './access-helpers';

const PASSCODE = 'uploads-test-passcode';
const MB = 1024 * 1024;

let server: TestServer;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await startServer({ PLAYGROUND_PASSCODE: PASSCODE, PLAYGROUND_INVITES: 'alice:alice-code-1,bob:bob-code-2' });
});
test.afterAll(async () => server?.stop());

const pour = (path: string, mb: number, headers: Record<string, string>, head?: Buffer, tail?: Buffer) => pourInto(server, path, mb, headers, head, tail);

const png = (w: number, h: number, colour: string) => sharp({ create: { width: w, height: h, channels: 3, background: colour } }).png().toBuffer();

async function upload(cookie: string, bytes: Buffer, name = 'ref.png'): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(server.url + '/api/uploads', { method: 'POST', body: new Uint8Array(bytes), headers: { cookie, 'content-type': 'image/png', 'x-filename': encodeURIComponent(name) } });
  return { status: res.status, json: await res.json() };
}

async function signIn(page: Page, code: string): Promise<string> {
  await signInThroughForm(page, server.url, code);
  return sessionCookie(page.context());
}

test.describe('a caller without a session cannot make the server hold a large body', () => {
  for (const chunked of [false, true]) {
    test(`300 MB to /api/uploads ${chunked ? 'chunked, without a length' : 'with its Content-Length'}: refused at once, memory stays flat`, async () => {
      const headers: Record<string, string> = { 'content-type': 'image/png', ...(chunked ? {} : { 'content-length': String(300 * MB) }) };
      const r = await pour('/api/uploads', 300, headers);
      console.log(`uploads without a session (${chunked ? 'chunked' : 'content-length'}): ${JSON.stringify({ ...r, body: undefined })}`);
      expect(r.status).toBe(401);
      expect(JSON.parse(r.body).error).toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/Sign in first/) });
      expect(r.answeredMs!).toBeLessThan(2000);
      // The server stopped reading long before the 300 MB were sent, and held a few MB at most.
      expect(r.sentMB).toBeLessThan(100);
      expect(r.rssPeakMB - r.rssBeforeMB).toBeLessThan(40);
    });
  }

  test('300 MB to the generate action (multipart, as a browser would send Files): refused at the 1 MB limit, memory stays flat', async () => {
    const action = findAction('generate');
    const boundary = 'uploadsSpecBoundary';
    const head = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--${boundary}\r\ncontent-disposition: form-data; name="1_image"; filename="a.png"\r\ncontent-type: image/png\r\n\r\n`);
    const r = await pour(action.page, 300, { 'next-action': action.id, 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'text/x-component', origin: server.url }, head, Buffer.from(`\r\n--${boundary}--\r\n`));
    console.log(`generate action without a session: ${JSON.stringify({ ...r, body: r.body.slice(0, 120) })}`);
    expect(r.status).not.toBe(200);
    expect(r.body).not.toContain('"ok":true');
    expect(r.answeredMs!).toBeLessThan(2000);
    expect(r.sentMB).toBeLessThan(100);
    expect(r.rssPeakMB - r.rssBeforeMB).toBeLessThan(40);
  });
});

test.describe('signed in', () => {
  test('an upload over the file limit is refused by its Content-Length before the body is read; a chunked one at the limit', async ({ browser }) => {
    const page = await browser.newPage();
    const cookie = await signIn(page, PASSCODE);
    await page.close();
    const declared = await pour('/api/uploads', 300, { cookie, 'content-type': 'image/png', 'content-length': String(300 * MB) });
    console.log(`signed-in 300 MB upload with its length: ${JSON.stringify({ ...declared, body: undefined })}`);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error).toMatchObject({ code: 'file_too_large', type: 'invalid_request_error', message: expect.stringMatching(/300 MB; more than the limit for one file, 50 MB/) });
    expect(declared.answeredMs!).toBeLessThan(2000);
    expect(declared.rssPeakMB - declared.rssBeforeMB).toBeLessThan(40);

    const chunked = await pour('/api/uploads', 300, { cookie, 'content-type': 'image/png' });
    console.log(`signed-in chunked 300 MB upload: ${JSON.stringify({ ...chunked, body: undefined })}`);
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.code).toBe('file_too_large');
    // At most the 50 MB it read before refusing (and garbage the collector has not returned yet).
    expect(chunked.rssPeakMB - chunked.rssBeforeMB).toBeLessThan(150);

    // Bytes that are not an image are refused by their bytes, whatever the declared type.
    const junk = await upload(cookie, Buffer.from('not an image at all'), 'photo.png');
    expect(junk.status).toBe(400);
    expect(junk.json.error).toMatchObject({ code: 'invalid_image_format', param: 'file' });
    const ok = await upload(cookie, await png(40, 30, '#223344'), 'tiny.png');
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ id: expect.stringMatching(/^upload-[\w-]{24}$/), mime: 'image/png', width: 40, height: 30 });
  });

  test('an edit with two references and a painted mask works end to end through the UI, its images sent as uploads', async ({ browser }) => {
    const page = await browser.newPage();
    await signIn(page, PASSCODE);
    const uploads: Promise<{ bytes: number; width: number }>[] = [];
    const actionBodies: number[] = [];
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/uploads') uploads.push(r.json());
    });
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.headers()['next-action']) actionBodies.push(r.postDataBuffer()?.length ?? 0);
    });
    await page.goto(server.url + '/');
    await page.getByRole('tab', { name: 'Edit' }).click();
    await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-2.6-sunburst');
    await page.getByLabel('Reference images').setInputFiles([
      { name: 'room.png', mimeType: 'image/png', buffer: await png(512, 512, '#4a90d9') },
      { name: 'lamp.png', mimeType: 'image/png', buffer: await png(512, 512, '#f4a261') },
    ]);
    await expect(page.getByRole('list', { name: 'Reference list' }).getByRole('listitem')).toHaveCount(2);
    const painter = page.getByRole('region', { name: 'Mask painter' });
    await expect(page.getByTestId('mask-stage')).toHaveAttribute('data-ready', 'true');
    const box = (await painter.locator('canvas').first().boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.5, { steps: 8 });
    await page.mouse.up();
    await expect(painter.getByRole('button', { name: 'Undo' })).toBeEnabled();
    await page.getByRole('textbox', { name: 'Prompt' }).fill('Put the lamp in the room');
    await page.getByRole('combobox', { name: 'Size' }).selectOption('1024x1024');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const result = page.getByRole('region', { name: 'Gallery' }).getByRole('img', { name: 'Put the lamp in the room', exact: true });
    await expect(result).toBeVisible({ timeout: 30_000 });
    expect(await result.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([1024, 1024]);
    // Two references and the mask went to the upload route; the action carried ids and fields only.
    const sent = await Promise.all(uploads);
    expect(sent.map((u) => u.width).sort()).toEqual([512, 512, 512]);
    expect(Math.min(...sent.map((u) => u.bytes))).toBeGreaterThan(100);
    expect(actionBodies.length).toBeGreaterThan(0);
    expect(Math.max(...actionBodies)).toBeLessThan(16 * 1024);
    await page.close();
  });

  test('Cancel while the references are still uploading stops the uploads, and the action is never called', async ({ browser }) => {
    const page = await browser.newPage();
    await signIn(page, PASSCODE);
    await page.goto(server.url + '/');
    await page.getByRole('tab', { name: 'Edit' }).click();
    await page.getByLabel('Reference images').setInputFiles([{ name: 'slow.png', mimeType: 'image/png', buffer: await png(256, 256, '#aa3355') }]);
    await page.getByRole('textbox', { name: 'Prompt' }).fill('never sent');
    // A slow network: each upload waits 3 s before it leaves the browser.
    await page.route('**/api/uploads', async (route) => {
      await new Promise((r) => setTimeout(r, 3000));
      await route.continue().catch(() => {});
    });
    const actions: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.headers()['next-action']) actions.push(r.url());
    });
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
    await page.waitForTimeout(4000);
    expect(actions).toEqual([]);
    await page.close();
  });

  test("another user's upload id is refused by the action, like a missing one; its owner can still use it", async ({ browser }) => {
    const alicePage = await browser.newPage();
    const alice = await signIn(alicePage, 'alice-code-1');
    const bobPage = await browser.newPage();
    const bob = await signIn(bobPage, 'bob-code-2');
    await Promise.all([alicePage.close(), bobPage.close()]);

    const ref = await upload(alice, await png(256, 256, '#2a9d8f'), 'alice.png');
    expect(ref.status).toBe(201);
    const id = String(ref.json.id);
    const edit = (imageIds: string[]) => [{ provider: 'offline', endpoint: 'edit', fields: { model: 'gpt-image-2.5-flare', prompt: 'a hat', size: '1024x1024', quality: 'low', n: 1 }, imageIds }];

    const stolen = await callAction(server.url, 'generate', edit([id]), { cookie: bob });
    expect(stolen.text).not.toContain('"ok":true');
    expect(stolen.text).toContain('"code":"upload_not_found"');
    expect(stolen.text).toContain('"param":"imageIds[0]"');
    const missing = await callAction(server.url, 'generate', edit(['upload-AAAAAAAAAAAAAAAAAAAAAAAA']), { cookie: bob });
    const message = (text: string) => /"message":"((?:[^"\\]|\\.)*)"/.exec(text)![1].replace(/upload-[\w-]{24}/, 'ID');
    expect(message(stolen.text)).toBe(message(missing.text));
    // Nor through the chat.
    const chat = await callAction(server.url, 'chat', [{ provider: 'offline', mainModel: 'gpt-6-luna', text: 'a hat', tool: { model: 'gpt-image-2.5-sunburst' }, imageIds: [id] }], { cookie: bob });
    expect(chat.text).toContain('"code":"upload_not_found"');

    const own = await callAction(server.url, 'generate', edit([id]), { cookie: alice });
    expect(own.text).toContain('"ok":true');
    expect(own.text).toContain('"type":"completed"');
    // Used once: the same id again is gone.
    const again = await callAction(server.url, 'generate', edit([id]), { cookie: alice });
    expect(again.text).toContain('"code":"upload_not_found"');
  });

  test('a chat message too large for an action is refused in the UI with the limit, not left hanging', async ({ browser }) => {
    const page = await browser.newPage();
    await signIn(page, PASSCODE);
    await page.goto(server.url + '/chat');
    await expect(page.getByRole('combobox', { name: 'Main model' })).toBeVisible();
    const huge = 'a long message '.repeat(80_000);
    await page.getByRole('textbox', { name: 'Message' }).fill(huge);
    await page.getByRole('button', { name: 'Send' }).click();
    const alert = page.getByRole('article', { name: 'Turn 1' }).getByRole('alert');
    await expect(alert).toContainText('request_too_large', { timeout: 10_000 });
    await expect(alert).toContainText(/the server takes at most 1008 kB/);
    await page.close();
  });
});

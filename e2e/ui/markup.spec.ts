/**
 * Markup-guided edits (gpt-image-2.6, api-2026-12 §2.4, §7.4) in Chromium against the offline API: marks drawn
 * on a reference go up as their own upload, a transparent PNG of exactly the reference's size, and no mask goes
 * with them; other models are not offered Markup.
 */
import { expect, test, type Locator, type Page, type Request } from '@playwright/test';
import sharp from 'sharp';
import { gallery, openStudio, shots } from './helpers';
import { onStage, stage, toScreen } from './stage';

const W = 640;
const H = 480;

test.use({ viewport: { width: 1400, height: 1000 } });

const painter = (page: Page) => page.getByRole('region', { name: 'Mask painter' });
const marks = (page: Page) => painter(page).getByRole('list', { name: 'Marks' }).getByRole('listitem');


async function reference(): Promise<Buffer> {
  return sharp({ create: { width: W, height: H, channels: 3, background: '#4a90d9' } })
    .composite([{ input: Buffer.from(`<svg width="${W}" height="${H}"><rect x="380" y="260" width="160" height="120" fill="#f4a261"/></svg>`) }])
    .png()
    .toBuffer();
}

async function openEdit(page: Page, model: string) {
  await openStudio(page);
  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.getByRole('combobox', { name: 'Model' }).selectOption(model);
  await page.getByLabel('Reference images').setInputFiles([{ name: 'room.png', mimeType: 'image/png', buffer: await reference() }]);
  await expect(stage(page)).toHaveAttribute('data-ready', 'true');
}

async function drag(page: Page, from: [number, number], to: [number, number], steps = 12) {
  const a = await toScreen(page, ...from);
  const b = await toScreen(page, ...to);
  await page.mouse.move(...a);
  await page.mouse.down();
  await page.mouse.move(...b, { steps });
  await page.mouse.up();
}

async function tool(page: Page, name: string) {
  await painter(page).getByRole('toolbar', { name: 'Markup tools' }).getByRole('button', { name, exact: true }).click();
}

async function decode(png: Buffer) {
  const meta = await sharp(png).metadata();
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  let clear = 0;
  let opaque = 0;
  for (let i = 3; i < data.length; i += 4) {
    if (data[i] === 0) clear++;
    else if (data[i] === 255) opaque++;
  }
  const total = info.width * info.height;
  return { meta, clear: clear / total, opaque, alphaAt: (x: number, y: number) => data[(y * info.width + x) * 4 + 3] };
}

/**
 * Chromium may not hand a Blob body to the request event (postDataBuffer() null): the page also keeps a copy of
 * each body it posts to /api/uploads, read back when needed.
 */
async function keepUploadBodies(page: Page) {
  await page.addInitScript(() => {
    const kept: Record<string, number[]> = {};
    (window as unknown as { __uploads: typeof kept }).__uploads = kept;
    const original = window.fetch;
    window.fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.endsWith('/api/uploads') && init?.body instanceof Blob) {
        const name = decodeURIComponent(new Headers(init.headers).get('x-filename') ?? '');
        kept[name] = [...new Uint8Array(await init.body.arrayBuffer())];
      }
      return original(input, init);
    };
  });
}

async function uploadedBody(page: Page, request: Request, name: string): Promise<Buffer> {
  const body = request.postDataBuffer();
  if (body?.length) return body;
  return Buffer.from(await page.evaluate((n) => (window as unknown as { __uploads: Record<string, number[]> }).__uploads[n], name));
}

test('Markup on 2.6: two marks and an arrow go up as a transparent PNG of the reference size, no mask with them; the edit completes', async ({ page }) => {
  await keepUploadBodies(page);
  await openEdit(page, 'gpt-image-2.6-sunburst');
  // A mask painted first stays on the page but is not sent once Markup is chosen.
  await expect(painter(page).getByRole('button', { name: 'Brush' })).toHaveAttribute('aria-pressed', 'true');
  await drag(page, [100, 100], [200, 120]);
  await expect(painter(page).getByRole('link', { name: 'Download mask' })).toBeVisible();

  const modes = painter(page).getByRole('radiogroup', { name: 'What the edit sends' });
  await modes.getByRole('radio', { name: 'Markup' }).check();
  await expect(painter(page).getByRole('note')).toContainText('Markup and a mask cannot be combined: the service takes one or the other');
  await expect(painter(page).getByRole('note')).toContainText('The painted mask is kept here but not sent');
  await expect(stage(page)).toHaveAttribute('data-mode', 'markup');
  await expect(painter(page).getByTestId('markup-hint')).toContainText('Say in the prompt what each mark means');

  await tool(page, 'Ellipse');
  await drag(page, [380, 250], [550, 390]);
  await tool(page, 'Rectangle');
  await drag(page, [60, 60], [220, 180]);
  await tool(page, 'Arrow');
  await painter(page).getByRole('button', { name: 'Colour yellow' }).click();
  await drag(page, [240, 130], [370, 300]);
  await tool(page, 'Text note');
  // A locator click: Playwright waits for the stage to stop moving and checks the point is on it (a raw mouse
  // click at coordinates measured earlier once missed in CI).
  await stage(page).click({ position: await onStage(page, 60, 200) });
  await page.getByRole('textbox', { name: 'Note text' }).fill('a lamp here');
  await page.keyboard.press('Enter');
  await expect(marks(page)).toHaveText(['red ellipse', 'red rectangle', 'yellow arrow', 'yellow note "a lamp here"']);

  // The preview's download is the PNG an edit sends.
  await expect(painter(page).getByTestId('markup-facts')).toContainText(`${W}×${H} px`);
  const [download] = await Promise.all([page.waitForEvent('download'), painter(page).getByRole('link', { name: 'Download markup' }).click()]);
  expect(download.suggestedFilename()).toBe('markup.png');

  await shots(page, 'markup', painter(page));

  const uploads: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/uploads') uploads.push(r);
  });
  const prompt = 'The red ellipse: replace the box with a lamp; the yellow arrow: a cat walks there';
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(gallery(page).getByRole('img', { name: prompt, exact: true })).toBeVisible({ timeout: 30_000 });

  const names = uploads.map((r) => decodeURIComponent(r.headers()['x-filename'] ?? ''));
  expect(names.sort()).toEqual(['markup.png', 'room.png']);
  const sent = await uploadedBody(page, uploads.find((r) => r.headers()['x-filename'] === 'markup.png')!, 'markup.png');
  expect([...sent.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  const m = await decode(sent);
  expect(m.meta.format).toBe('png');
  expect([m.meta.width, m.meta.height]).toEqual([W, H]);
  expect(m.meta.hasAlpha).toBe(true);
  expect(m.clear).toBeGreaterThan(0.8);
  expect(m.opaque).toBeGreaterThan(1000);
  // On the marks: the ellipse's left edge, the rectangle's top edge; off them: the middle of the rectangle.
  expect(m.alphaAt(380, 320)).toBe(255);
  expect(m.alphaAt(140, 60)).toBe(255);
  expect(m.alphaAt(140, 120)).toBe(0);
  const downloaded = await decode(await sharp(await download.path()).toBuffer());
  expect(downloaded.opaque).toBe(m.opaque);
});

test('Markup tools: pen, undo and redo by keyboard, Clear marks (undoable); back in Mask mode the marks are not sent', async ({ page }) => {
  await openEdit(page, 'gpt-image-2.6-sunburst');
  await painter(page).getByRole('radio', { name: 'Markup' }).check();
  await tool(page, 'Pen');
  await expect(painter(page).getByRole('button', { name: 'Pen', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await drag(page, [100, 300], [500, 320], 30);
  await tool(page, 'Rectangle');
  await drag(page, [300, 100], [400, 200]);
  await expect(marks(page)).toHaveText(['red pen stroke', 'red rectangle']);

  await stage(page).focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(marks(page)).toHaveText(['red pen stroke']);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(marks(page)).toHaveCount(2);
  await page.keyboard.press('p');
  await expect(painter(page).getByRole('button', { name: 'Pen', exact: true })).toHaveAttribute('aria-pressed', 'true');

  await painter(page).getByRole('button', { name: 'Clear marks' }).click();
  await expect(painter(page).getByText('No marks yet')).toBeVisible();
  await painter(page).getByRole('button', { name: 'Undo' }).click();
  await expect(marks(page)).toHaveCount(2);

  const [download] = await Promise.all([page.waitForEvent('download'), painter(page).getByRole('link', { name: 'Download markup' }).click()]);
  const m = await decode(await sharp(await download.path()).toBuffer());
  expect([m.meta.width, m.meta.height]).toEqual([W, H]);
  expect(m.alphaAt(300, 310)).toBe(255);

  // Zoom works as for the mask: the wheel changes the view.
  const scale0 = Number((await stage(page).getAttribute('data-view'))!.split(',')[0]);
  await page.mouse.move(...(await toScreen(page, 320, 240)));
  await page.mouse.wheel(0, -400);
  await expect.poll(async () => Number((await stage(page).getAttribute('data-view'))!.split(',')[0])).toBeGreaterThan(scale0 * 1.5);

  await painter(page).getByRole('radio', { name: 'Mask' }).check();
  await expect(painter(page).getByRole('note')).toContainText('The marks are kept here but not sent while Mask is chosen');
  await expect(painter(page).getByRole('button', { name: 'Brush' })).toBeVisible();
  const uploads: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/uploads') uploads.push(decodeURIComponent(r.headers()['x-filename'] ?? ''));
  });
  await page.getByRole('textbox', { name: 'Prompt' }).fill('Brighter');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(gallery(page).getByRole('img', { name: 'Brighter', exact: true })).toBeVisible({ timeout: 30_000 });
  expect(uploads).toEqual(['room.png']);
});

test('gpt-image-2.5 is not offered Markup: the painter paints a mask only', async ({ page }) => {
  await openEdit(page, 'gpt-image-2.5-flare');
  await expect(painter(page).getByRole('button', { name: 'Brush' })).toBeVisible();
  await expect(painter(page).getByRole('radio', { name: 'Markup' })).toHaveCount(0);
  await expect(painter(page).getByRole('toolbar', { name: 'Markup tools' })).toHaveCount(0);
  await expect(stage(page)).toHaveAttribute('data-mode', 'mask');
});

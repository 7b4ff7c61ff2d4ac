/**
 * The mask painter in Chromium, through its test page (/dev/mask-painter: a generated 1024×768 image) until the
 * studio's Edit mode can be driven. The downloaded mask is decoded with sharp: its size must be the image's,
 * not the screen's, and its alpha 0 where painted.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { stableView, stage, toScreen } from './stage';

const W = 1024;
const H = 768;

test.use({ viewport: { width: 1400, height: 1000 } });

const painter = (page: Page) => page.getByRole('region', { name: 'Mask painter' });

async function open(page: Page) {
  await page.goto('/dev/mask-painter');
  await expect(painter(page)).toBeVisible();
  await expect(stage(page)).toHaveAttribute('data-ready', 'true');
}

/** A mouse stroke between two image points. */
async function stroke(page: Page, from: [number, number], to: [number, number], steps = 20) {
  const [x0, y0] = await toScreen(page, ...from);
  const [x1, y1] = await toScreen(page, ...to);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x1, y1, { steps });
  await page.mouse.up();
}

async function setSlider(page: Page, name: string, value: number) {
  await painter(page).getByRole('slider', { name }).fill(String(value));
}

interface Mask {
  width: number;
  height: number;
  channels: number;
  alpha(x: number, y: number): number;
}

async function downloadMask(page: Page): Promise<Mask> {
  const link = painter(page).getByRole('link', { name: 'Download mask' });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('mask.png');
  const png = await readFile((await download.path())!);
  expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: info.channels, alpha: (x, y) => data[(y * info.width + x) * info.channels + 3] };
}

const noMask = (page: Page) => expect(painter(page).getByText('No mask: nothing is painted')).toBeVisible();

test('a painted stroke downloads as an RGBA PNG of the image size: alpha 0 under it, 255 far away; Undo and Redo', async ({ page }) => {
  await open(page);
  await expect(painter(page).getByRole('button', { name: 'Brush' })).toHaveAttribute('aria-pressed', 'true');
  await noMask(page);
  await setSlider(page, 'Brush size', 40);
  await stroke(page, [200, 300], [600, 300]);

  const mask = await downloadMask(page);
  expect([mask.width, mask.height, mask.channels]).toEqual([W, H, 4]);
  expect(mask.alpha(400, 300)).toBe(0);
  expect(mask.alpha(210, 300)).toBe(0);
  expect(mask.alpha(400, 300 + 16)).toBe(0);
  expect(mask.alpha(400, 300 + 26)).toBe(255);
  expect(mask.alpha(900, 700)).toBe(255);
  expect(mask.alpha(0, 0)).toBe(255);
  await expect(painter(page).getByTestId('mask-facts')).toContainText(`${W}×${H} px`);

  await painter(page).getByRole('button', { name: 'Undo' }).click();
  await noMask(page);
  await expect(painter(page).getByRole('link', { name: 'Download mask' })).toHaveCount(0);

  await painter(page).getByRole('button', { name: 'Redo' }).click();
  expect((await downloadMask(page)).alpha(400, 300)).toBe(0);
});

test('a feathered stroke has soft alpha at its edge; the eraser takes paint away', async ({ page }) => {
  await open(page);
  await setSlider(page, 'Brush size', 60);
  await setSlider(page, 'Feather', 12);
  await stroke(page, [100, 400], [900, 400]);
  let mask = await downloadMask(page);
  expect(mask.alpha(500, 400)).toBe(0);
  expect(mask.alpha(500, 470)).toBe(255);
  const column = Array.from({ length: 80 }, (_, i) => mask.alpha(500, 400 - 60 + i));
  const soft = column.filter((a) => a > 0 && a < 255);
  // A hard edge has one or two anti-aliased pixels a side; a 12 px feather has many, rising monotonically.
  expect(soft.length).toBeGreaterThanOrEqual(12);
  const rising = column.slice(0, 30);
  expect(rising).toEqual([...rising].sort((a, b) => b - a));

  await painter(page).getByRole('button', { name: 'Eraser' }).click();
  await expect(painter(page).getByRole('button', { name: 'Eraser' })).toHaveAttribute('aria-pressed', 'true');
  await setSlider(page, 'Feather', 0);
  await stroke(page, [500, 300], [500, 500], 10);
  mask = await downloadMask(page);
  expect(mask.alpha(500, 400)).toBe(255);
  expect(mask.alpha(300, 400)).toBe(0);
});

test('Invert mask flips what is edited and Clear mask empties it, both undoable', async ({ page }) => {
  await open(page);
  await setSlider(page, 'Brush size', 40);
  await stroke(page, [200, 200], [500, 200]);
  await painter(page).getByRole('button', { name: 'Invert mask' }).click();
  let mask = await downloadMask(page);
  expect(mask.alpha(350, 200)).toBe(255);
  expect(mask.alpha(900, 700)).toBe(0);

  await painter(page).getByRole('button', { name: 'Clear mask' }).click();
  await noMask(page);
  await expect(painter(page).getByRole('button', { name: 'Clear mask' })).toBeDisabled();
  await painter(page).getByRole('button', { name: 'Undo' }).click();
  mask = await downloadMask(page);
  expect(mask.alpha(900, 700)).toBe(0);
});

test('keyboard: B and E pick the tool, ] and [ size the brush, Ctrl+Z undoes, Shift+Ctrl+Z redoes, I inverts', async ({ page }) => {
  await open(page);
  await stage(page).focus();
  await page.keyboard.press('e');
  await expect(painter(page).getByRole('button', { name: 'Eraser' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('b');
  await expect(painter(page).getByRole('button', { name: 'Brush' })).toHaveAttribute('aria-pressed', 'true');
  await setSlider(page, 'Brush size', 40);
  await stage(page).focus();
  await page.keyboard.press(']');
  await expect(painter(page).getByRole('slider', { name: 'Brush size' })).toHaveValue('50');
  await page.keyboard.press('[');
  await expect(painter(page).getByRole('slider', { name: 'Brush size' })).toHaveValue('40');
  await expect(painter(page).getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Ctrl\+Z|Cmd\+Z/);

  await stroke(page, [200, 200], [500, 200]);
  await page.keyboard.press('Control+z');
  await noMask(page);
  await page.keyboard.press('Control+Shift+z');
  expect((await downloadMask(page)).alpha(350, 200)).toBe(0);
  await stage(page).focus();
  await page.keyboard.press('i');
  expect((await downloadMask(page)).alpha(350, 200)).toBe(255);
});

test('wheel zoom keeps the point under the cursor, strokes land on the right image pixels and stay crisp; Fit restores', async ({ page }) => {
  await open(page);
  const before = (await stage(page).getAttribute('data-view'))!;
  const [sx, sy] = await toScreen(page, 512, 384);
  await page.mouse.move(sx, sy);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -200);
  await expect.poll(async () => Number((await stage(page).getAttribute('data-view'))!.split(',')[0])).toBeGreaterThan(3);
  const [sx2, sy2] = await toScreen(page, 512, 384);
  expect(Math.abs(sx2 - sx)).toBeLessThan(1);
  expect(Math.abs(sy2 - sy)).toBeLessThan(1);

  await setSlider(page, 'Brush size', 20);
  await stroke(page, [480, 384], [540, 384], 10);
  // Crisp: on the zoomed layer canvas the stroke's edge goes from painted to clear within about a pixel.
  const edge = await page.evaluate(([x, y]) => {
    const canvases = document.querySelectorAll<HTMLCanvasElement>('[data-testid=mask-stage] canvas');
    const c = canvases[1];
    const r = c.getBoundingClientRect();
    const k = c.width / r.width;
    const data = c.getContext('2d')!.getImageData(Math.round((x - r.left) * k), 0, 1, c.height).data;
    const a = Array.from({ length: c.height }, (_, i) => data[i * 4 + 3]);
    return { soft: a.filter((v) => v > 0 && v < 255).length, painted: a.filter((v) => v === 255).length };
  }, await toScreen(page, 510, 384));
  expect(edge.painted).toBeGreaterThan(40);
  expect(edge.soft).toBeLessThanOrEqual(4);

  const mask = await downloadMask(page);
  expect([mask.width, mask.height]).toEqual([W, H]);
  expect(mask.alpha(510, 384)).toBe(0);
  expect(mask.alpha(510, 384 + 14)).toBe(255);

  await painter(page).getByRole('button', { name: 'Fit' }).click();
  await expect(stage(page)).toHaveAttribute('data-view', before);
});

test('space+drag pans the view without painting', async ({ page }) => {
  await open(page);
  const before = (await stage(page).getAttribute('data-view'))!.split(',').map(Number);
  await stage(page).focus();
  await page.keyboard.down('Space');
  const [x, y] = await toScreen(page, 300, 300);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 100, y + 50, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Space');
  const after = await stableView(page);
  expect(after[1] - before[1]).toBeCloseTo(100, 0);
  expect(after[2] - before[2]).toBeCloseTo(50, 0);
  await noMask(page);
});

async function png(width: number, height: number, channels: 3 | 4, pixel: (x: number, y: number) => number[]): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(pixel(x, y), (y * width + x) * channels);
  return sharp(raw, { raw: { width, height, channels } }).png().toBuffer();
}

test('a mask of another size is refused with both sizes and resized on request; an alpha PNG is used as is', async ({ page }) => {
  await open(page);
  // 512×384, transparent (edit) in a centred square.
  const small = await png(512, 384, 4, (x, y) => [0, 0, 0, x >= 192 && x < 320 && y >= 128 && y < 256 ? 0 : 255]);
  await painter(page).getByLabel('Upload mask').setInputFiles({ name: 'small.png', mimeType: 'image/png', buffer: small });
  const alert = painter(page).getByRole('alert');
  await expect(alert).toContainText('512×384');
  await expect(alert).toContainText(`${W}×${H}`);
  await alert.getByRole('button', { name: `Resize mask to ${W}×${H}` }).click();
  await expect(painter(page).getByText("Mask loaded from 'small.png'")).toBeVisible();
  const mask = await downloadMask(page);
  expect([mask.width, mask.height]).toEqual([W, H]);
  expect(mask.alpha(512, 384)).toBe(0);
  expect(mask.alpha(100, 100)).toBe(255);

  await painter(page).getByRole('button', { name: 'Undo' }).click();
  await noMask(page);
});

test('a black-and-white mask asks whether white means edit, then converts it', async ({ page }) => {
  await open(page);
  const bw = await png(W, H, 3, (x, y) => (x >= 100 && x < 300 && y >= 100 && y < 300 ? [255, 255, 255] : [0, 0, 0]));
  await painter(page).getByLabel('Upload mask').setInputFiles({ name: 'bw.png', mimeType: 'image/png', buffer: bw });
  await expect(painter(page).getByText('White means edit — use it?')).toBeVisible();
  await noMask(page);
  await painter(page).getByRole('button', { name: 'Use it' }).click();
  let mask = await downloadMask(page);
  expect(mask.alpha(200, 200)).toBe(0);
  expect(mask.alpha(600, 600)).toBe(255);

  await painter(page).getByLabel('Upload mask').setInputFiles({ name: 'bw.png', mimeType: 'image/png', buffer: bw });
  await painter(page).getByRole('button', { name: 'No, black means edit' }).click();
  mask = await downloadMask(page);
  expect(mask.alpha(200, 200)).toBe(255);
  expect(mask.alpha(600, 600)).toBe(0);
});

test('a colour photo is not taken for a mask', async ({ page }) => {
  await open(page);
  const photo = await png(W, H, 3, (x) => [x % 256, 80, 200]);
  await painter(page).getByLabel('Upload mask').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: photo });
  await expect(painter(page).getByRole('alert')).toContainText("'photo.png' is not a mask");
  await noMask(page);
});

test.describe('touch and pen', () => {
  test.use({ hasTouch: true });

  test('one finger paints, two fingers pinch-zoom without painting; a pen paints', async ({ page }) => {
    await open(page);
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: [number, number][]) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });

    await setSlider(page, 'Brush size', 40);
    const a = await toScreen(page, 200, 200);
    const b = await toScreen(page, 500, 200);
    await touch('touchStart', [a]);
    for (let i = 1; i <= 10; i++) await touch('touchMove', [[a[0] + ((b[0] - a[0]) * i) / 10, a[1]]]);
    await touch('touchEnd', []);
    expect((await downloadMask(page)).alpha(350, 200)).toBe(0);

    const scale0 = Number((await stage(page).getAttribute('data-view'))!.split(',')[0]);
    const c = await toScreen(page, 512, 500);
    await touch('touchStart', [[c[0] - 50, c[1]], [c[0] + 50, c[1]]]);
    for (let i = 1; i <= 10; i++) await touch('touchMove', [[c[0] - 50 - i * 10, c[1]], [c[0] + 50 + i * 10, c[1]]]);
    await touch('touchEnd', []);
    const scale1 = (await stableView(page))[0];
    expect(scale1 / scale0).toBeCloseTo(3, 1);
    const undo = painter(page).getByRole('button', { name: 'Undo' });
    await undo.click();
    await noMask(page);
    await expect(undo).toBeDisabled();

    await painter(page).getByRole('button', { name: 'Fit' }).click();
    await expect.poll(async () => (await stableView(page))[0]).toBeCloseTo(scale0, 5);
    const p0 = await toScreen(page, 300, 600);
    const p1 = await toScreen(page, 700, 600);
    const pen = (type: 'mousePressed' | 'mouseMoved' | 'mouseReleased', [x, y]: number[]) => cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: 1, pointerType: 'pen', force: 0.5 });
    await pen('mousePressed', p0);
    for (let i = 1; i <= 10; i++) await pen('mouseMoved', [p0[0] + ((p1[0] - p0[0]) * i) / 10, p0[1]]);
    await pen('mouseReleased', p1);
    const mask = await downloadMask(page);
    expect(mask.alpha(500, 600)).toBe(0);
    expect(mask.alpha(350, 200)).toBe(255);
  });
});

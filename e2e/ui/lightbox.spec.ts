/**
 * The lightbox in Chromium against the offline API: opened from a result, from a history card and from a chat
 * image; the arrow keys go through the list, Esc closes with focus back on the opener; Fit / 100 % / wheel zoom;
 * Download gives the original bytes; Copy image puts a PNG on the clipboard; the details panel has the prompt
 * and what came back; it fits a phone without sideways scrolling. And the cards' Delete with Undo.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import sharp from 'sharp';
import { gallery, openStudio } from './helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const FIRST = 'A red kite over green hills';
const SECOND = 'A blue boat on a calm lake';

async function generate(page: Page, prompt: string) {
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(gallery(page).getByRole('img', { name: prompt, exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Generate' })).toBeEnabled();
}

async function twoResults(page: Page) {
  await openStudio(page);
  await page.getByRole('checkbox', { name: /Stream/ }).uncheck();
  await page.getByRole('combobox', { name: 'Size' }).selectOption('1024x1024');
  await generate(page, FIRST);
  await generate(page, SECOND);
}

const stageScale = async (page: Page) => Number(await page.getByTestId('lightbox-stage').getAttribute('data-scale'));

test('a result opens in the lightbox: the arrow keys go through the results, Esc closes and focus returns; zoom', async ({ page }) => {
  // The dialog's code loads on first use and draws with inline styles: the page's CSP lets all of it through.
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });
  await twoResults(page);
  // Newest first: the second result, then the first.
  const opener = gallery(page).getByRole('button', { name: `Open ${SECOND}` });
  await opener.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toHaveAccessibleName(SECOND);
  const big = dialog.getByRole('img', { name: SECOND, exact: true });
  await expect(big).toBeVisible();
  expect(await big.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([1024, 1024]);
  await expect(dialog.getByRole('button', { name: 'Previous image' })).toBeDisabled();

  // No accessibility violations in the dialog (names, roles, contrast on its dark surround).
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await page.keyboard.press('ArrowRight');
  await expect(dialog).toHaveAccessibleName(FIRST);
  await expect(dialog.getByRole('img', { name: FIRST, exact: true })).toBeVisible();
  await expect(dialog.getByRole('img', { name: SECOND, exact: true })).toHaveCount(0);
  await page.keyboard.press('ArrowLeft');
  await expect(dialog).toHaveAccessibleName(SECOND);
  await dialog.getByRole('button', { name: 'Next image' }).click();
  await expect(dialog).toHaveAccessibleName(FIRST);

  // Fit is the start; 100 % is one image pixel per CSS pixel; the wheel zooms about the pointer.
  const fit = await stageScale(page);
  expect(fit).toBeGreaterThan(0);
  await expect(dialog.getByRole('button', { name: 'Fit', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await dialog.getByRole('button', { name: '100 %' }).click();
  await expect.poll(() => stageScale(page)).toBe(1);
  await dialog.getByRole('button', { name: 'Fit', exact: true }).click();
  await expect.poll(() => stageScale(page)).toBeCloseTo(fit, 3);
  const stage = (await page.getByTestId('lightbox-stage').boundingBox())!;
  const img = dialog.getByRole('img', { name: FIRST, exact: true });
  const before = (await img.boundingBox())!;
  // A point right of the centre: the image pixel under the pointer stays under it.
  const at = { x: before.x + before.width * 0.75, y: before.y + before.height * 0.5 };
  await page.mouse.move(at.x, at.y);
  await page.mouse.wheel(0, -300);
  await expect.poll(() => stageScale(page)).toBeGreaterThan(fit * 1.5);
  const after = (await img.boundingBox())!;
  expect((at.x - after.x) / after.width).toBeCloseTo(0.75, 1);
  expect(after.width).toBeGreaterThan(stage.width * 0.5);
  // Dragging pans, as far as the image still covers the stage.
  const room = after.x + after.width - (stage.x + stage.width);
  expect(room).toBeGreaterThan(10);
  await page.mouse.down();
  await page.mouse.move(at.x - 100, at.y, { steps: 5 });
  await page.mouse.up();
  expect(Math.abs((await img.boundingBox())!.x - (after.x - Math.min(100, room)))).toBeLessThan(2);

  // Esc closes (focus is on the dialog after the keys) and focus goes back to the image that opened it.
  await dialog.focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(opener).toBeFocused();
  expect(refused).toEqual([]);
});

test('Download gives the original file; Copy image puts a PNG on the clipboard; the details panel says what came back', async ({ page }) => {
  await twoResults(page);
  await gallery(page).getByRole('button', { name: `Open ${FIRST}` }).click();
  const dialog = page.getByRole('dialog', { name: FIRST });
  await expect(dialog.getByRole('img', { name: FIRST, exact: true })).toBeVisible();

  const details = dialog.getByRole('region', { name: 'Details' });
  await expect(details).toContainText(FIRST);
  await expect(details).toContainText('What came back');
  await expect(details).toContainText('1024×1024 (decoded)');
  await expect(details).toContainText('latency');
  await expect(details).toContainText(/usage\s*\d+ in/);

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe('a-red-kite-over-green-hills.png');
  const file = await readFile((await download.path())!);
  // The same bytes as the result on the page.
  const shown = await dialog.getByRole('img', { name: FIRST, exact: true }).evaluate(async (img: HTMLImageElement) => Array.from(new Uint8Array(await (await fetch(img.src)).arrayBuffer())));
  expect(Buffer.compare(file, Buffer.from(shown))).toBe(0);

  await dialog.getByRole('button', { name: 'Copy image' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Image copied to the clipboard');
  const clip = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const blob = await item.getType('image/png');
    return { types: item.types, bytes: Array.from(new Uint8Array(await blob.arrayBuffer())) };
  });
  expect(clip.types).toContain('image/png');
  const meta = await sharp(Buffer.from(clip.bytes)).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['png', 1024, 1024]);
});

test('a JPEG result is copied as PNG, converted in the browser', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('checkbox', { name: /Stream/ }).uncheck();
  await page.getByRole('combobox', { name: 'Size' }).selectOption('1024x1024');
  await page.getByRole('combobox', { name: 'Output format' }).selectOption('jpeg');
  await generate(page, FIRST);
  await gallery(page).getByRole('button', { name: `Open ${FIRST}` }).click();
  const dialog = page.getByRole('dialog', { name: FIRST });
  await dialog.getByRole('button', { name: 'Copy image' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Image copied to the clipboard as PNG (converted from JPEG)');
  const bytes = await page.evaluate(async () => Array.from(new Uint8Array(await (await (await navigator.clipboard.read())[0].getType('image/png')).arrayBuffer())));
  const meta = await sharp(Buffer.from(bytes)).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['png', 1024, 1024]);
  // Download stays the original JPEG.
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe('a-red-kite-over-green-hills.jpg');
  expect((await sharp(await readFile((await download.path())!)).metadata()).format).toBe('jpeg');
});

test('a history card opens the lightbox with the full image; Delete takes the card away and Undo brings it back', async ({ page }) => {
  await twoResults(page);
  // Both kept in history before the reload.
  await expect(page.getByLabel('Storage used')).toContainText('2 images');
  await page.reload();
  const card = gallery(page).getByRole('button', { name: `Open ${FIRST}` });
  await card.click();
  const dialog = page.getByRole('dialog', { name: FIRST });
  const big = dialog.getByRole('img', { name: FIRST, exact: true });
  // The full image from IndexedDB, not the thumbnail.
  await expect.poll(() => big.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1024);
  await expect(dialog.getByRole('region', { name: 'Details' })).toContainText('What came back');
  // History goes on in the gallery's order: the first result is the last image.
  await expect(dialog.getByRole('button', { name: 'Next image' })).toBeDisabled();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('dialog')).toHaveAccessibleName(SECOND);
  await page.keyboard.press('Escape');
  await expect(card).toBeFocused();

  // Delete (last in the card's menu): gone at once, back with Undo.
  const firstCard = gallery(page).getByRole('figure').filter({ has: page.getByRole('img', { name: FIRST, exact: true }) });
  await firstCard.getByRole('button', { name: 'More actions' }).click();
  const items = page.getByRole('menuitem');
  await expect(items.last()).toHaveText('Delete');
  await items.last().click();
  await expect(gallery(page).getByRole('img', { name: FIRST, exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Storage used')).toContainText('1 image');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(gallery(page).getByRole('img', { name: FIRST, exact: true })).toBeVisible();
  await expect(page.getByLabel('Storage used')).toContainText('2 images');
  // Nothing was deleted: a reload still has it.
  await page.reload();
  await expect(gallery(page).getByRole('img', { name: FIRST, exact: true })).toBeVisible();

  // Delete again and let the toast go: now it is deleted for good.
  await firstCard.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(gallery(page).getByRole('img', { name: FIRST, exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Close toast' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Storage used')).toContainText('1 image');
  await expect(gallery(page).getByRole('img', { name: FIRST, exact: true })).toHaveCount(0);
  await expect(gallery(page).getByRole('img', { name: SECOND, exact: true })).toBeVisible();
});

test('at 390×844 the lightbox fits without sideways scrolling; the details fold open under the image', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await twoResults(page);
  await gallery(page).getByRole('button', { name: `Open ${FIRST}` }).click();
  const dialog = page.getByRole('dialog', { name: FIRST });
  await expect(dialog.getByRole('img', { name: FIRST, exact: true })).toBeVisible();
  const fits = () =>
    page.evaluate(() => {
      const d = document.querySelector('[role="dialog"]')!;
      return document.documentElement.scrollWidth <= window.innerWidth && d.scrollWidth <= d.clientWidth && d.getBoundingClientRect().right <= window.innerWidth;
    });
  expect(await fits()).toBe(true);
  // Folded away on a phone; one tap shows it, still without sideways scrolling.
  await expect(dialog.getByRole('region', { name: 'Details' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Show details' }).click();
  await expect(dialog.getByRole('region', { name: 'Details' })).toContainText('What came back');
  expect(await fits()).toBe(true);
  // The image stays inside the viewport, fitted.
  const box = (await dialog.getByRole('img', { name: FIRST, exact: true }).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390.5);
  for (const name of ['Download', 'Copy image', 'Close', 'Fit', '100 %']) {
    const b = (await dialog.getByRole('button', { name, exact: true }).boundingBox())!;
    expect(b.x + b.width, name).toBeLessThanOrEqual(390);
  }
});

test('a chat image opens in the lightbox, and the arrow keys go through the thread', async ({ page }) => {
  await page.goto('/chat');
  await expect(page.getByRole('combobox', { name: 'Main model' })).toHaveValue('gpt-6-luna');
  for (const [n, text] of [[1, 'a lantern on the quay'], [2, 'a drawbridge']] as const) {
    await page.getByRole('textbox', { name: 'Message' }).fill(text);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('article', { name: `Turn ${n}` })).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  }
  const opener = page.getByRole('article', { name: 'Turn 2' }).getByRole('button', { name: 'Open a drawbridge' });
  await opener.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toHaveAccessibleName('a drawbridge');
  await expect(dialog.getByRole('region', { name: 'Details' })).toContainText(/image call\s*ig_/);
  await page.keyboard.press('ArrowLeft');
  await expect(dialog).toHaveAccessibleName('a lantern on the quay');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test("an edit's result opens in the lightbox beside its original", async ({ page }) => {
  await page.goto('/dev/edit-result');
  const open = page.getByRole('button', { name: 'View the result larger' });
  await open.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toHaveAccessibleName('Result (after the edit)');
  await expect(dialog.getByRole('img', { name: 'Result (after the edit)' })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(dialog).toHaveAccessibleName('Original (before the edit)');
  await page.keyboard.press('Escape');
  await expect(open).toBeFocused();
});

test('Run again sends the same request through the studio once more', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('checkbox', { name: /Stream/ }).uncheck();
  await generate(page, FIRST);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('something else');
  await gallery(page).getByRole('button', { name: 'Run again' }).click();
  await expect(gallery(page).getByRole('img', { name: FIRST, exact: true })).toHaveCount(2, { timeout: 15_000 });
  // Its settings became the form's, as with Reuse settings.
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue(FIRST);
});

test.describe('touch', () => {
  test.use({ hasTouch: true, viewport: { width: 390, height: 844 } });

  test('two fingers pinch-zoom the image about their midpoint; one finger pans it', async ({ page }) => {
    await openStudio(page);
    await page.getByRole('checkbox', { name: /Stream/ }).uncheck();
    await page.getByRole('combobox', { name: 'Size' }).selectOption('1024x1024');
    await generate(page, FIRST);
    await gallery(page).getByRole('button', { name: `Open ${FIRST}` }).click();
    const img = page.getByRole('dialog', { name: FIRST }).getByRole('img', { name: FIRST, exact: true });
    await expect(img).toBeVisible();
    const fit = await stageScale(page);
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: [number, number][]) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
    const box = (await img.boundingBox())!;
    const c: [number, number] = [box.x + box.width / 2, box.y + box.height / 2];
    await touch('touchStart', [[c[0] - 50, c[1]], [c[0] + 50, c[1]]]);
    for (let i = 1; i <= 10; i++) await touch('touchMove', [[c[0] - 50 - i * 10, c[1]], [c[0] + 50 + i * 10, c[1]]]);
    await touch('touchEnd', []);
    await expect.poll(async () => (await stageScale(page)) / fit).toBeCloseTo(3, 1);
    // The image point under the fingers' midpoint stayed there.
    const zoomed = (await img.boundingBox())!;
    expect((c[0] - zoomed.x) / zoomed.width).toBeCloseTo(0.5, 1);
    // One finger pans.
    await touch('touchStart', [[c[0], c[1]]]);
    for (let i = 1; i <= 5; i++) await touch('touchMove', [[c[0] + i * 10, c[1]]]);
    await touch('touchEnd', []);
    await expect.poll(async () => (await img.boundingBox())!.x - zoomed.x).toBeCloseTo(50, 0);
  });
});

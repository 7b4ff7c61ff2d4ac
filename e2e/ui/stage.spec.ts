import { expect, test, type Locator, type Page } from '@playwright/test';
import sharp from 'sharp';
import { gallery, openDeveloper, openStudio, setLatency } from './helpers';

const VIEWPORTS = [
  ['desktop', { width: 1440, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const;

/** The whole box of `target` is inside the viewport and below the sticky header, as it is now (the test scrolls nothing). */
async function inViewport(page: Page, target: Locator) {
  await expect
    .poll(async () => {
      const box = await target.boundingBox();
      const { w, h, top } = await page.evaluate(() => ({ w: window.innerWidth, h: window.innerHeight, top: document.querySelector('header')?.getBoundingClientRect().bottom ?? 0 }));
      return !!box && box.y >= top - 0.5 && box.x >= 0 && box.y + box.height <= h + 0.5 && box.x + box.width <= w + 0.5;
    }, { timeout: 5_000 })
    .toBe(true);
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

/** The streaming tile: its frame, holding the partial image (the frame is what the stage sizes). */
const streamingFrame = (page: Page) => gallery(page).getByTestId('tile-frame').filter({ has: page.getByRole('img', { name: /^Partial image/ }) });

async function reference(page: Page) {
  await page.getByRole('tab', { name: 'Edit' }).click();
  const png = await sharp({ create: { width: 1024, height: 1024, channels: 3, background: '#4a90d9' } }).png().toBuffer();
  await page.getByLabel('Reference images').setInputFiles([{ name: 'pool.png', mimeType: 'image/png', buffer: png }]);
  await expect(page.getByRole('region', { name: 'Mask painter' })).toBeVisible();
}

for (const [device, viewport] of VIEWPORTS) {
  for (const mode of ['Generate', 'Edit'] as const) {
    test(`${device}, ${mode}: after Generate the streaming tile is in the viewport without scrolling, and nothing scrolls sideways`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await openStudio(page);
      if (mode === 'Edit') await reference(page);
      await page.getByRole('textbox', { name: 'Prompt' }).fill(`Stage test ${device} ${mode}`);
      await page.getByRole('spinbutton', { name: 'Partial images' }).fill('3');
      await setLatency(page, 6000);
      await noSidewaysScroll(page);
      await page.getByRole('button', { name: mode, exact: true }).click();
      await expect(streamingFrame(page)).toBeVisible({ timeout: 10_000 });
      await inViewport(page, streamingFrame(page));
      await expect(gallery(page).getByText(/^Partial [1-3] of 3$/)).toBeVisible();
      await expect(gallery(page).getByRole('progressbar', { name: 'Estimated progress' })).toBeVisible();
      await noSidewaysScroll(page);
      await page.getByRole('button', { name: 'Cancel' }).click();
    });
  }
}

test('the tile takes the asked 16:9 and shows no checkerboard behind an opaque image; a transparent one has it', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('A wide opaque valley');
  await page.getByRole('combobox', { name: 'Size' }).selectOption('custom');
  await page.getByRole('spinbutton', { name: 'Width' }).fill('1536');
  await page.getByRole('spinbutton', { name: 'Height' }).fill('864');
  await page.getByRole('combobox', { name: 'Background' }).selectOption('opaque');
  await page.getByRole('button', { name: 'Generate' }).click();
  const opaque = gallery(page).getByTestId('tile-frame').filter({ has: page.getByRole('img', { name: 'A wide opaque valley', exact: true }) });
  await expect(opaque).toBeVisible({ timeout: 15_000 });
  const box = (await opaque.boundingBox())!;
  expect(box.width / box.height).toBeCloseTo(16 / 9, 1);
  await expect(opaque).not.toHaveAttribute('data-checkerboard');
  expect(await opaque.evaluate((el) => getComputedStyle(el).backgroundImage)).toBe('none');

  await page.getByRole('textbox', { name: 'Prompt' }).fill('A transparent sticker');
  await page.getByRole('combobox', { name: 'Background' }).selectOption('transparent');
  await page.getByRole('button', { name: 'Generate' }).click();
  const clear = gallery(page).getByTestId('tile-frame').filter({ has: page.getByRole('img', { name: 'A transparent sticker', exact: true }) });
  await expect(clear).toBeVisible({ timeout: 15_000 });
  await expect(clear).toHaveAttribute('data-checkerboard', 'true');
  expect(await clear.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain('conic-gradient');
});

test('a stream cut after a partial says so, keeps the partial, toasts, and Retry runs the request again', async ({ page }) => {
  await openStudio(page);
  const prompt = 'A kite over the dunes';
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('spinbutton', { name: 'Partial images' }).fill('3');
  await setLatency(page, 1500);
  await openDeveloper(page);
  await page.getByRole('combobox', { name: 'Simulate' }).selectOption('stream_cut');
  await page.getByRole('button', { name: 'Generate' }).click();
  const alert = gallery(page).getByRole('alert').filter({ hasText: 'stream_incomplete' });
  await expect(alert).toContainText('The stream ended after partial 1 of 3; the partial is kept.');
  await expect(alert).not.toContainText('Could not reach');
  await expect(gallery(page).getByRole('img', { name: /^Partial image 1 of “A kite over the dunes”/ })).toBeVisible();
  await expect(page.locator('[data-sonner-toast]').filter({ hasText: 'The stream ended early' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Simulate' }).selectOption('none');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(gallery(page).getByRole('img', { name: prompt, exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(alert).toHaveCount(0);
});

test('a 429 counts down its Retry-After before Retry is offered, and Dismiss takes the error away', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('Rate limited');
  await openDeveloper(page);
  await page.getByRole('combobox', { name: 'Simulate' }).selectOption('rate_limit');
  await page.getByRole('button', { name: 'Generate' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'rate_limit_exceeded' });
  await expect(alert.getByRole('timer', { name: 'Retry countdown' })).toHaveText('Retry in 1 s');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeDisabled();
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeEnabled({ timeout: 3_000 });
  await expect(alert.getByRole('timer')).toHaveCount(0);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
});

test('an edit result is one viewer: Painter, Result, Compare and Changes outside the mask, the heatmap in the viewport', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openStudio(page);
  await reference(page);
  const painter = page.getByRole('region', { name: 'Mask painter' });
  const box = (await painter.locator('canvas').first().boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.45);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.55, { steps: 10 });
  await page.mouse.up();
  await page.getByRole('textbox', { name: 'Prompt' }).fill('A flamingo in the pool');
  await page.getByRole('combobox', { name: 'Size' }).selectOption('1024x1024');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const viewer = gallery(page).getByRole('tablist', { name: 'Edit viewer' });
  await expect(viewer.getByRole('tab')).toHaveText(['Painter', 'Result', 'Compare', 'Changes outside the mask']);
  await expect(viewer.getByRole('tab', { name: 'Result' })).toHaveAttribute('aria-selected', 'true');
  await expect(gallery(page).getByRole('img', { name: 'A flamingo in the pool', exact: true })).toBeVisible({ timeout: 20_000 });
  // One view at a time: the painter is not on the page beside the result.
  await expect(painter).toBeHidden();
  await viewer.getByRole('tab', { name: 'Compare' }).click();
  await expect(gallery(page).getByRole('slider', { name: 'Compare' })).toBeVisible();
  await viewer.getByRole('tab', { name: 'Changes outside the mask' }).click();
  const heatmap = gallery(page).getByRole('img', { name: /^Heatmap of pixel differences outside the mask/ });
  await expect(heatmap).toBeVisible();
  await inViewport(page, heatmap);
  await viewer.getByRole('tab', { name: 'Painter' }).click();
  await expect(painter).toBeVisible();
});

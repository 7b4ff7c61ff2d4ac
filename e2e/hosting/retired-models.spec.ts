/**
 * The offline API's documented switch for demos of gateways (OFFLINE_SERVE_RETIRED=1): it keeps serving the
 * retired models and lists them in GET /models, so the playground offers them — labelled with their shutdown
 * date — because the provider's own list decides. dall-e-2 variations live here now: on OpenAI they are gone.
 */
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
const png = (w: number, h: number, colour: string) => sharp({ create: { width: w, height: h, channels: 3, background: colour } }).png().toBuffer();

test.beforeAll(async () => {
  server = await startServer({ OFFLINE_SERVE_RETIRED: '1' });
});
test.afterAll(async () => {
  await server?.stop();
});

test('with the switch on, the shut-down models are offered, each labelled with its date', async ({ page }) => {
  await page.goto(`${server.url}/`);
  const model = page.getByRole('combobox', { name: 'Model' });
  await expect(model).toBeVisible();
  await expect(model.locator('option[value="gpt-image-1.5"]')).toHaveText(/shut down 2026-12-01/);
  await expect(model.locator('option[value="dall-e-3"]')).toHaveText(/shut down 2026-05-12/);
  await expect(model.locator('option[value="gpt-image-2.6-sunburst"]')).toHaveText('gpt-image-2.6-sunburst');
  await model.selectOption('gpt-image-1.5');
  await expect(page.getByText('Shut down 2026-12-01; its replacement is gpt-image-2.6-sunburst (this provider still lists it).')).toBeVisible();
});

test('a variation of a square PNG works with dall-e-2', async ({ page }) => {
  await page.goto(`${server.url}/`);
  await page.getByRole('tab', { name: 'Variations' }).click();
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('dall-e-2');
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveCount(0);
  await page.getByLabel('Reference images').setInputFiles([{ name: 'square.png', mimeType: 'image/png', buffer: await png(300, 300, '#2a9d8f') }]);
  await page.getByRole('combobox', { name: 'Size' }).selectOption('512x512');
  await page.getByRole('button', { name: 'Create variations' }).click();
  const result = page.getByRole('region', { name: 'Gallery' }).getByRole('img', { name: 'Variation of square.png', exact: true });
  await expect(result).toBeVisible();
  expect(await result.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([512, 512]);
});

test('dall-e-2 variations refuse a non-square image with a message', async ({ page }) => {
  await page.goto(`${server.url}/`);
  await page.getByRole('tab', { name: 'Variations' }).click();
  await page.getByLabel('Reference images').setInputFiles([{ name: 'wide.png', mimeType: 'image/png', buffer: await png(300, 200, '#e76f51') }]);
  await expect(page.getByRole('alert').filter({ hasText: 'wide.png' })).toContainText('needs a square image');
});

test('opening Variations leaves Generate’s and Edit’s model and quality as they were, and its button says Create variations', async ({ page }) => {
  await page.goto(`${server.url}/`);
  const model = page.getByRole('combobox', { name: 'Model' });
  const quality = page.getByRole('combobox', { name: 'Quality' });
  await model.selectOption('gpt-image-2.5-sunburst');
  await quality.selectOption('high');
  await page.getByRole('tab', { name: 'Edit' }).click();
  await model.selectOption('gpt-image-2');
  await quality.selectOption('low');
  await page.getByRole('tab', { name: 'Variations' }).click();
  await expect(model).toHaveValue('dall-e-2');
  await expect(page.getByRole('button', { name: 'Create variations' })).toBeVisible();
  await page.getByRole('tab', { name: 'Generate' }).click();
  await expect(model).toHaveValue('gpt-image-2.5-sunburst');
  await expect(quality).toHaveValue('high');
  await expect(page.getByRole('button', { name: 'Generate', exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Edit' }).click();
  await expect(model).toHaveValue('gpt-image-2');
  await expect(quality).toHaveValue('low');
});

test('a fixed-size model offers only the shapes it has: dall-e-3’s 1:1, 16:9 and 9:16', async ({ page }) => {
  await page.goto(`${server.url}/`);
  await page.getByRole('combobox', { name: 'Model' }).selectOption('dall-e-3');
  const ratios = page.getByRole('radiogroup', { name: 'Aspect ratio' });
  await expect(ratios.getByRole('radio')).toHaveText(['1:1', '16:9', '9:16']);
  await ratios.getByRole('radio', { name: '16:9' }).click();
  await expect(page.getByRole('combobox', { name: 'Size' })).toHaveValue('1792x1024');
  await expect(page.getByRole('option', { name: 'custom…' })).toHaveCount(0);
});

import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { gallery, openStudio } from './helpers';

const png = (w: number, h: number, colour: string) => sharp({ create: { width: w, height: h, channels: 3, background: colour } }).png().toBuffer();

test('a 17th reference image is refused with a message naming the limit', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('tab', { name: 'Edit' }).click();
  const files = await Promise.all(Array.from({ length: 17 }, async (_, i) => ({ name: `ref-${i + 1}.png`, mimeType: 'image/png', buffer: await png(64, 48, `hsl(${i * 20}, 60%, 50%)`) })));
  await page.getByLabel('Reference images').setInputFiles(files);
  await expect(page.getByRole('list', { name: 'Reference list' }).getByRole('listitem')).toHaveCount(16);
  await expect(page.getByRole('alert').filter({ hasText: "'ref-17.png' was not added" })).toContainText('at most 16 reference images');
  await expect(page.getByRole('list', { name: 'Reference list' })).toContainText('64×48');
  await expect(page.getByRole('list', { name: 'Reference list' })).toContainText('the mask applies to this one');
});

test('a file that is not an image is refused by its bytes, whatever its name', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.getByLabel('Reference images').setInputFiles([{ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('this is not a picture at all') }]);
  await expect(page.getByRole('alert').filter({ hasText: 'photo.png' })).toContainText('not a PNG, JPEG or WebP');
  await expect(page.getByRole('list', { name: 'Reference list' }).getByRole('listitem')).toHaveCount(0);
});

test('a variation of a square PNG works with dall-e-2', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('tab', { name: 'Variations' }).click();
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('dall-e-2');
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveCount(0);
  await page.getByLabel('Reference images').setInputFiles([{ name: 'square.png', mimeType: 'image/png', buffer: await png(300, 300, '#2a9d8f') }]);
  await page.getByRole('combobox', { name: 'Size' }).selectOption('512x512');
  await page.getByRole('button', { name: 'Generate' }).click();
  const result = gallery(page).getByRole('img', { name: 'Variation of square.png', exact: true });
  await expect(result).toBeVisible();
  expect(await result.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([512, 512]);
});

test('dall-e-2 variations refuse a non-square image with a message', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('tab', { name: 'Variations' }).click();
  await page.getByLabel('Reference images').setInputFiles([{ name: 'wide.png', mimeType: 'image/png', buffer: await png(300, 200, '#e76f51') }]);
  await expect(page.getByRole('alert').filter({ hasText: 'wide.png' })).toContainText('needs a square image');
});

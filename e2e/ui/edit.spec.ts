import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { gallery, openStudio } from './helpers';

const png = (w: number, h: number, colour: string) => sharp({ create: { width: w, height: h, channels: 3, background: colour } }).png().toBuffer();

test('no Variations tab: its only model, dall-e-2, is shut down (e2e/hosting/retired-models.spec.ts serves it)', async ({ page }) => {
  await openStudio(page);
  await expect(page.getByRole('tab', { name: 'Edit' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Variations' })).toHaveCount(0);
});

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

test('an edit with a painted mask returns the original pixels wherever the mask is 255', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-2.6-sunburst');
  const original = await sharp({ create: { width: 1024, height: 1024, channels: 3, background: '#4a90d9' } })
    .composite([{ input: Buffer.from('<svg width="1024" height="1024"><circle cx="512" cy="512" r="300" fill="#f4a261"/></svg>') }])
    .png()
    .toBuffer();
  await page.getByLabel('Reference images').setInputFiles([{ name: 'pool.png', mimeType: 'image/png', buffer: original }]);
  const painter = page.getByRole('region', { name: 'Mask painter' });
  await expect(painter.getByRole('button', { name: 'Brush' })).toBeVisible();
  const box = (await painter.locator('canvas').first().boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.45);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.55, { steps: 10 });
  await page.mouse.up();

  const [maskDownload] = await Promise.all([page.waitForEvent('download'), painter.getByRole('link', { name: 'Download mask' }).click()]);
  const mask = await sharp(await maskDownload.path()).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  expect([mask.info.width, mask.info.height]).toEqual([1024, 1024]);

  await page.getByRole('textbox', { name: 'Prompt' }).fill('A flamingo floating in the pool');
  await page.getByRole('combobox', { name: 'Size' }).selectOption('1024x1024');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const result = gallery(page).getByRole('img', { name: 'A flamingo floating in the pool', exact: true });
  await expect(result).toBeVisible({ timeout: 20_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), gallery(page).getByRole('link', { name: 'Download' }).first().click()]);
  const out = await sharp(await download.path()).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const orig = await sharp(original).ensureAlpha().raw().toBuffer();
  expect([out.info.width, out.info.height]).toEqual([1024, 1024]);

  let kept = 0;
  let keptSame = 0;
  let painted = 0;
  let paintedChanged = 0;
  for (let i = 0; i < orig.length; i += 4) {
    const a = mask.data[i + 3];
    const same = out.data[i] === orig[i] && out.data[i + 1] === orig[i + 1] && out.data[i + 2] === orig[i + 2];
    if (a === 255) {
      kept++;
      if (same) keptSame++;
    } else if (a === 0) {
      painted++;
      if (!same) paintedChanged++;
    }
  }
  expect(painted).toBeGreaterThan(1000);
  expect(keptSame).toBe(kept);
  expect(paintedChanged / painted).toBeGreaterThan(0.5);
  await gallery(page).getByRole('tab', { name: 'Changes outside the mask' }).click();
  await expect(gallery(page).getByRole('region', { name: 'Changes outside the mask' }).getByRole('status')).toContainText('0.0% of pixels outside the mask changed');
});

test('a reference photo over 1 MB goes through the edit (uploaded on its own, not inside the 1 MB action body)', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-2.5-flare');
  const noise = Buffer.alloc(1024 * 1024 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  const big = await sharp(noise, { raw: { width: 1024, height: 1024, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
  expect(big.length).toBeGreaterThan(1024 * 1024);
  await page.getByLabel('Reference images').setInputFiles([{ name: 'photo.png', mimeType: 'image/png', buffer: big }]);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('Make it a watercolour');
  await page.getByRole('checkbox', { name: /Stream/ }).uncheck();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(gallery(page).getByRole('img', { name: 'Make it a watercolour', exact: true })).toBeVisible({ timeout: 20_000 });
});

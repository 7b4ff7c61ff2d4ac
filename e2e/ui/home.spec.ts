import { expect, test } from '@playwright/test';
import { MODEL_IDS } from '../../lib/models/registry';

test('the first page shows the offline provider and every model it serves', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('active-provider')).toHaveText('Offline image API (built in)');
  const table = page.getByRole('table', { name: 'Models' });
  for (const id of MODEL_IDS) await expect(table.getByRole('cell', { name: new RegExp(`^${id.replace(/\./g, '\\.')}( default)?$`) })).toBeVisible();
  await expect(table).toContainText('gpt-image-2 default');
});

test('generating through the server action shows the image at the asked size', async ({ page }) => {
  await page.goto('/');
  const prompt = 'A teal lighthouse on a cliff at dusk';
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-1');
  await page.getByRole('combobox', { name: 'Size' }).selectOption('1536x1024');
  await page.getByRole('combobox', { name: 'Quality' }).selectOption('low');
  await page.getByRole('button', { name: 'Generate' }).click();
  const image = page.getByRole('region', { name: 'Gallery' }).getByRole('img', { name: prompt });
  await expect(image).toBeVisible();
  const natural = await image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  expect(natural).toEqual([1536, 1024]);
  await expect(page.getByRole('region', { name: 'Gallery' })).toContainText('1536x1024 · low · png');
});

test('the size and quality options follow the model', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Model' }).selectOption('dall-e-3');
  await expect(page.getByRole('combobox', { name: 'Size' }).locator('option')).toHaveText(['1024x1024', '1792x1024', '1024x1792']);
  await expect(page.getByRole('combobox', { name: 'Quality' }).locator('option')).toHaveText(['standard', 'hd']);
  await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-2');
  await expect(page.getByRole('combobox', { name: 'Quality' }).locator('option')).toHaveText(['auto', 'low', 'medium', 'high']);
});

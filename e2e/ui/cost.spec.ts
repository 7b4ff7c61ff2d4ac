import { expect, test, type Locator } from '@playwright/test';
import { gallery, openStudio } from './helpers';

const dollars = async (l: Locator, attr = 'data-dollars') => Number(await l.getAttribute(attr));

test('the estimate rises when quality goes from low to high, and shows its breakdown', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('A bowl of ramen');
  await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-1');
  await page.getByRole('combobox', { name: 'Size' }).selectOption('1024x1024');
  const status = page.getByRole('status', { name: 'Estimated cost' });
  await page.getByRole('combobox', { name: 'Quality' }).selectOption('low');
  await expect(status).toHaveAttribute('data-low', /\d/);
  const low = await dollars(status, 'data-low');
  await page.getByRole('combobox', { name: 'Quality' }).selectOption('high');
  await expect.poll(() => dollars(status, 'data-low')).toBeGreaterThan(low);
  // gpt-image-1 high 1024² is 4160 output tokens at $40/1M plus the prompt and 2 partials (200 tokens).
  await expect(status).toContainText('$0.17');
  await page.getByRole('button', { name: 'Breakdown' }).click();
  await expect(page.getByText('Image out')).toBeVisible();
});

test('after a generation the actual cost appears and the day total grows by exactly that amount', async ({ page }) => {
  await openStudio(page);
  const today = page.getByLabel("Today's spend");
  await expect(today).toHaveAttribute('data-dollars', /\d/);
  const before = await dollars(today);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('A paper crane');
  await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-1.5');
  await page.getByRole('combobox', { name: 'Size' }).selectOption('1536x1024');
  await page.getByRole('combobox', { name: 'Quality' }).selectOption('medium');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(gallery(page).getByRole('img', { name: 'A paper crane', exact: true })).toBeVisible();
  const actual = gallery(page).getByLabel('Actual cost');
  await expect(actual).toBeVisible();
  const spent = await dollars(actual);
  // 1568 output tokens + 2 partials × 100 at $32/1M, plus a few prompt tokens at $5/1M.
  expect(spent).toBeGreaterThan(0.056);
  expect(spent).toBeLessThan(0.058);
  await expect(actual).toContainText('matches the estimate');
  await expect.poll(() => dollars(today)).toBeCloseTo(before + spent, 12);
  await page.reload();
  await expect.poll(() => dollars(page.getByLabel("Today's spend"))).toBeCloseTo(before + spent, 12);
});

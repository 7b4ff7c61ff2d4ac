/**
 * The cost a person sees, checked against figures OpenAI publishes, written here (not read from lib/cost, which
 * both the estimate and the actual cost come from, so comparing them with each other could never fail):
 * - gpt-image-1 output tokens per image, Image generation guide, "Cost and latency"
 *   (https://platform.openai.com/docs/guides/image-generation): 1024x1024 low 272, high 4160; 1536x1024 medium 1568;
 *   each streamed partial image adds 100 (the studio streams 2 by default);
 * - gpt-image-1 prices per 1M tokens (https://developers.openai.com/api/docs/models/gpt-image-1): $5 text in,
 *   $40 image out; per image $0.167 at 1024x1024 high, $0.063 at 1536x1024 medium.
 * Prompt tokens (o200k_base): 'A bowl of ramen' 4, 'A paper crane' 3.
 */
import { expect, test, type Locator } from '@playwright/test';
import { gallery, openStudio } from './helpers';

const dollars = async (l: Locator, attr = 'data-dollars') => Number(await l.getAttribute(attr));
const usd = (textTokens: number, imageOutTokens: number) => (textTokens * 5 + imageOutTokens * 40) / 1e6;

test('the estimate rises when quality goes from low to high, and shows its breakdown', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('A bowl of ramen');
  await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-1');
  await page.getByRole('combobox', { name: 'Size' }).selectOption('1024x1024');
  const status = page.getByRole('status', { name: 'Estimated cost' });
  await page.getByRole('combobox', { name: 'Quality' }).selectOption('low');
  // Low 1024²: 272 output tokens + 2 partials × 100, and 4 prompt tokens.
  await expect.poll(() => dollars(status, 'data-low')).toBeCloseTo(usd(4, 272 + 200), 9);
  await page.getByRole('combobox', { name: 'Quality' }).selectOption('high');
  // High 1024²: 4160 output tokens (the published $0.167 a image) + 2 partials, and the prompt: $0.17442.
  await expect.poll(() => dollars(status, 'data-low')).toBeCloseTo(usd(4, 4160 + 200), 9);
  await expect(status).toContainText('$0.174');
  await page.getByRole('button', { name: 'Breakdown' }).click();
  await expect(page.getByText('Image out')).toBeVisible();
});

test("the offline API's usage is OpenAI's published token count", async ({ request }) => {
  const res = await request.post('/api/offline/v1/images/generations', {
    headers: { authorization: 'Bearer sk-offline-e2e-key' },
    data: { model: 'gpt-image-1', prompt: 'A paper crane', size: '1536x1024', quality: 'medium' },
  });
  expect(res.status()).toBe(200);
  const { usage } = await res.json();
  expect(usage).toMatchObject({ input_tokens: 3, input_tokens_details: { text_tokens: 3, image_tokens: 0 }, output_tokens: 1568, total_tokens: 1571 });
});

test('after a generation the actual cost appears and the day total grows by exactly that amount', async ({ page }) => {
  await openStudio(page);
  const today = page.getByLabel("Today's spend");
  await expect(today).toHaveAttribute('data-dollars', /\d/);
  const before = await dollars(today);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('A paper crane');
  await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-1');
  await page.getByRole('combobox', { name: 'Size' }).selectOption('1536x1024');
  await page.getByRole('combobox', { name: 'Quality' }).selectOption('medium');
  // 1568 output tokens (the published $0.063 a image) + 2 partials × 100 at $40/1M, 3 prompt tokens at $5/1M.
  const published = usd(3, 1568 + 200);
  const estimate = page.getByRole('status', { name: 'Estimated cost' });
  await expect.poll(() => dollars(estimate, 'data-low')).toBeCloseTo(published, 9);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(gallery(page).getByRole('img', { name: 'A paper crane', exact: true })).toBeVisible();
  const actual = gallery(page).getByLabel('Actual cost');
  await expect(actual).toBeVisible();
  const spent = await dollars(actual);
  // Priced from the usage the offline API returned: the same published figure, reached independently.
  expect(spent).toBeCloseTo(published, 9);
  await expect(actual).toContainText('matches the estimate');
  await expect.poll(() => dollars(today)).toBeCloseTo(before + spent, 12);
  await page.reload();
  await expect.poll(() => dollars(page.getByLabel("Today's spend"))).toBeCloseTo(before + spent, 12);
});

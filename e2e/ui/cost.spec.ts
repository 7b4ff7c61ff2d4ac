/**
 * The cost a person sees, checked against published figures written here (not read from lib/cost, which both the
 * estimate and the actual cost come from, so comparing them with each other could never fail). The models are
 * current ones (gpt-image-1 and the other retired models are shut down on OpenAI, and the offline API answers them
 * as OpenAI does), with the figures api-2026-12 §3 gives:
 * - gpt-image-2.6 prices per 1M tokens, official model page (MODEL-26): $5 text in, $30 image out;
 * - gpt-image-2.6 output tokens per image measured on the official route (3P-laozhang, 2026-11-05):
 *   1536x1024 low 664, high 1,353; each streamed partial image adds 100 (the studio streams 2 by default).
 * Prompt tokens (o200k_base): 'A bowl of ramen' 4, 'A paper crane' 3.
 */
import { expect, test, type Locator } from '@playwright/test';
import { gallery, openStudio } from './helpers';

const dollars = async (l: Locator, attr = 'data-dollars') => Number(await l.getAttribute(attr));
const usd = (textTokens: number, imageOutTokens: number) => (textTokens * 5 + imageOutTokens * 30) / 1e6;

test('the estimate rises when quality goes from low to high, and shows its breakdown', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('A bowl of ramen');
  await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-2.6-sunburst');
  await page.getByRole('combobox', { name: 'Size' }).selectOption('1536x1024');
  const status = page.getByRole('status', { name: 'Estimated cost' });
  await page.getByRole('combobox', { name: 'Quality', exact: true }).selectOption('low');
  // Low 1536x1024: 664 output tokens + 2 partials × 100, and 4 prompt tokens.
  await expect.poll(() => dollars(status, 'data-low')).toBeCloseTo(usd(4, 664 + 200), 9);
  await page.getByRole('combobox', { name: 'Quality', exact: true }).selectOption('high');
  // High 1536x1024: 1,353 output tokens + 2 partials, and the prompt: $0.04661.
  await expect.poll(() => dollars(status, 'data-low')).toBeCloseTo(usd(4, 1353 + 200), 9);
  await expect(status).toContainText('$0.047');
  await page.getByRole('button', { name: 'Breakdown' }).click();
  await expect(page.getByText('Image out')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Estimate notes' })).toContainText('3P-laozhang');
});

test('xhigh is labelled an estimate with no published figure; auto on Sunburst is priced as high', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('A bowl of ramen');
  await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-2.6-sunburst');
  await page.getByRole('combobox', { name: 'Size' }).selectOption('1536x1024');
  const status = page.getByRole('status', { name: 'Estimated cost' });
  await page.getByRole('combobox', { name: 'Quality', exact: true }).selectOption('xhigh');
  await expect(status).toContainText('no published figure');
  await page.getByRole('combobox', { name: 'Quality', exact: true }).selectOption('auto');
  await expect.poll(() => dollars(status, 'data-low')).toBeCloseTo(usd(4, 1353 + 200), 9);
  await expect(status).not.toContainText('no published figure');
  await page.getByRole('button', { name: 'Breakdown' }).click();
  await expect(page.getByRole('list', { name: 'Estimate notes' })).toContainText('Quality auto: priced as high');
});

test("the offline API's usage is the published token count", async ({ request }) => {
  const res = await request.post('/api/offline/v1/images/generations', {
    headers: { authorization: 'Bearer sk-offline-e2e-key' },
    data: { model: 'gpt-image-2.6-sunburst', prompt: 'A paper crane', size: '1536x1024', quality: 'low' },
  });
  expect(res.status()).toBe(200);
  const { usage } = await res.json();
  expect(usage).toMatchObject({ input_tokens: 3, input_tokens_details: { text_tokens: 3, image_tokens: 0 }, output_tokens: 664, total_tokens: 667 });
});

test('after a generation the actual cost appears and the day total grows by exactly that amount', async ({ page }) => {
  await openStudio(page);
  const today = page.getByLabel("Today's spend");
  await expect(today).toHaveAttribute('data-dollars', /\d/);
  const before = await dollars(today);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('A paper crane');
  await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-2.6-sunburst');
  await page.getByRole('combobox', { name: 'Size' }).selectOption('1536x1024');
  await page.getByRole('combobox', { name: 'Quality', exact: true }).selectOption('high');
  // 1,353 output tokens + 2 partials × 100 at $30/1M, 3 prompt tokens at $5/1M.
  const published = usd(3, 1353 + 200);
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

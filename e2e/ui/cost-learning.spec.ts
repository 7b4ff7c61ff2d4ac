/**
 * The estimator learns what is billed (issue #13 item 8). The studio's offline API simulation bills 1.3 × the
 * published output tokens ("Billing ×", sent as x-offline-billing-scale), as a real model may drift from its
 * table. Before any call the estimate is the published figure; after each call the returned usage is recorded in
 * this browser, and the estimate for the same model, size and quality follows what was billed, saying so.
 *
 * Figures written here (api-2026-12 §3): gpt-image-2.6 at 1536x1024 high bills 1,353 output tokens (3P-laozhang),
 * +100 per streamed partial (the studio streams 2 by default); $30 per 1M image output tokens and $5 per 1M text
 * input (official model page); 'A paper crane' is 3 prompt tokens (o200k_base).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { gallery, openDeveloper, openStudio } from './helpers';

const SCALE = 1.3;
const usd = (textTokens: number, imageOutTokens: number) => (textTokens * 5 + imageOutTokens * 30) / 1e6;
const PUBLISHED = usd(3, 1353 + 200);
const num = async (l: Locator, attr: string) => Number(await l.getAttribute(attr));
/** |a − b| as a share of b. */
const off = (a: number, b: number) => Math.abs(a - b) / b;

async function setUp(page: Page) {
  await openStudio(page);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('A paper crane');
  await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-2.6-sunburst');
  await page.getByRole('combobox', { name: 'Size' }).selectOption('1536x1024');
  await page.getByRole('combobox', { name: 'Quality', exact: true }).selectOption('high');
}

async function generate(page: Page, runs: number): Promise<Locator> {
  await page.getByRole('button', { name: 'Generate' }).click();
  const actual = gallery(page).getByLabel('Actual cost');
  await expect(actual).toHaveCount(runs, { timeout: 30_000 });
  return actual;
}

test('the estimate converges to what the offline API bills off its table, and says it learned from your calls', async ({ page }) => {
  await setUp(page);
  await openDeveloper(page);
  await page.getByRole('spinbutton', { name: 'Billing ×' }).fill(String(SCALE));
  const status = page.getByRole('status', { name: 'Estimated cost' });
  await expect.poll(() => num(status, 'data-low')).toBeCloseTo(PUBLISHED, 9);
  await expect(status).toHaveAttribute('data-learned-calls', '0');

  const errors: number[] = [];
  for (let run = 1; run <= 3; run++) {
    const before = await num(status, 'data-low');
    const actual = await generate(page, run);
    // Each run's own line carries the estimate it was started with, beside what was billed.
    const rows = await actual.evaluateAll((els) => els.map((e) => ({ dollars: Number(e.getAttribute('data-dollars')), estimate: Number(e.getAttribute('data-estimate-low')) })));
    const row = rows.find((r) => Math.abs(r.estimate - before) < 1e-12)!;
    expect(row, JSON.stringify(rows)).toBeTruthy();
    // Billed: the prompt as published, the output tokens 1.3 × the table (a token of rounding either way).
    expect(off(row.dollars, usd(3, (1353 + 200) * SCALE))).toBeLessThan(0.001);
    errors.push(off(row.estimate, row.dollars));
    await expect(status).toHaveAttribute('data-learned-calls', String(run));
    // The next estimate is what was billed.
    await expect.poll(async () => off(await num(status, 'data-low'), row.dollars)).toBeLessThan(0.001);
  }
  // The first estimate was the table (1/1.3 of the output bill: ~23 % under); the later ones learned.
  expect(errors[0]).toBeGreaterThan(0.2);
  expect(errors[1]).toBeLessThan(0.001);
  expect(errors[2]).toBeLessThan(0.001);
  await expect(status).toContainText('from 3 of your calls');
  await page.getByRole('button', { name: 'Breakdown' }).click();
  await expect(page.getByRole('list', { name: 'Estimate notes' })).toContainText(
    'Output tokens from 3 of your calls with gpt-image-2.6-sunburst at 1536x1024, quality high (median billed: +30% against the published figures)',
  );
  await expect(page.getByText('Published figures alone: 1553 output tokens per image.')).toBeVisible();

  // Kept in this browser: a reload still knows; another quality does not.
  await page.reload();
  await expect(page.getByRole('status', { name: 'Estimated cost' })).toContainText('from 3 of your calls');
  await page.getByRole('combobox', { name: 'Quality', exact: true }).selectOption('low');
  await expect(status).toHaveAttribute('data-learned-calls', '0');
  await expect.poll(() => num(status, 'data-low')).toBeCloseTo(usd(3, 664 + 200), 9);

  // Forgetting returns to the published figures.
  await page.getByRole('combobox', { name: 'Quality', exact: true }).selectOption('high');
  await expect(status).toContainText('from 3 of your calls');
  await page.getByRole('button', { name: 'Breakdown' }).click();
  await page.getByRole('button', { name: 'Forget what your calls taught the estimate' }).click();
  await expect(status).toHaveAttribute('data-learned-calls', '0');
  await expect.poll(() => num(status, 'data-low')).toBeCloseTo(PUBLISHED, 9);
});

test('billing as published, the learned estimate stays on the published figure', async ({ page }) => {
  await setUp(page);
  const status = page.getByRole('status', { name: 'Estimated cost' });
  await generate(page, 1);
  await expect(status).toHaveAttribute('data-learned-calls', '1');
  await expect.poll(() => num(status, 'data-low')).toBeCloseTo(PUBLISHED, 9);
  await expect(gallery(page).getByLabel('Actual cost')).toContainText('matches the estimate');
});

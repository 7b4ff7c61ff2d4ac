import { expect, type Locator, type Page } from '@playwright/test';

/** Open the studio with its persisted settings loaded (the Generate button is enabled once they are). */
export async function openStudio(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('combobox', { name: 'Model' })).toBeVisible();
  await expect(page.getByText('Provider: Offline image API (built in)')).toBeVisible();
}

/** The offline simulation (Simulate, Latency, Billing ×) sits in the collapsed Developer section: open it. */
export async function openDeveloper(page: Page) {
  const summary = page.locator('summary').filter({ hasText: 'Developer' });
  if (!(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open))) await summary.click();
  await expect(page.getByRole('combobox', { name: 'Simulate' })).toBeVisible();
}

export async function setLatency(page: Page, ms: number) {
  await openDeveloper(page);
  await page.getByRole('spinbutton', { name: 'Latency (ms)' }).fill(String(ms));
}

export const gallery = (page: Page) => page.getByRole('region', { name: 'Gallery' });

/** SHOTS_DIR=/tmp/shots: desktop and phone, light and dark (for an issue's report); inert without it. */
export async function shots(page: Page, name: string, target: Locator) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  const theme = (name: string) => page.getByRole('banner').getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name }).click();
  for (const [device, size] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(size);
    for (const mode of ['light', 'dark'] as const) {
      await theme(mode === 'light' ? 'Light' : 'Dark');
      await target.scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${dir}/15-${name}-${device}-${mode}.png` });
    }
  }
  await theme('System theme');
  await page.setViewportSize({ width: 1400, height: 1000 });
}

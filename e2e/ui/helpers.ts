import { expect, type Page } from '@playwright/test';

/** Open the studio with its persisted settings loaded (the Generate button is enabled once they are). */
export async function openStudio(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('combobox', { name: 'Model' })).toBeVisible();
  await expect(page.getByText('Provider: Offline image API (built in)')).toBeVisible();
}

export async function setLatency(page: Page, ms: number) {
  await page.getByRole('spinbutton', { name: 'Latency (ms)' }).fill(String(ms));
}

export const gallery = (page: Page) => page.getByRole('region', { name: 'Gallery' });

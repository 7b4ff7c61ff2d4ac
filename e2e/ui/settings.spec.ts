import { expect, test } from '@playwright/test';

/**
 * OpenAI's image lineup on 2026-12-03 (api-2026-12 §1), written here rather than read from the registry so the
 * test cannot agree with a registry mistake: served, and shut down with their dates.
 */
const SERVED = ['gpt-image-2.6-sunburst', 'gpt-image-2.6-flare', 'gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2'];
const SHUT_DOWN = { 'gpt-image-1.5': '2026-12-01', 'gpt-image-1-mini': '2026-12-01', 'gpt-image-1': '2026-10-23', 'dall-e-3': '2026-05-12', 'dall-e-2': '2026-05-12' };

test('settings show the active provider, every model it serves with its dates, and the shut-down ones apart', async ({ page }) => {
  await page.goto('/settings');
  await expect(page.getByTestId('active-provider')).toHaveText('Offline image API (built in)');
  const table = page.getByRole('table', { name: 'Models' });
  for (const id of SERVED) {
    await expect(table.getByRole('cell', { name: new RegExp(`^${id.replace(/\./g, '\\.')}( default)?$`) })).toBeVisible();
  }
  await expect(table).toContainText('gpt-image-2.6-sunburst default');
  await expect(table).toContainText('any WxH');
  await expect(page.getByText('Models as the provider’s own list (GET /models) names them')).toBeVisible();
  const gone = page.getByTestId('shut-down-models');
  for (const [id, date] of Object.entries(SHUT_DOWN)) {
    await expect(table.getByRole('cell', { name: new RegExp(`^${id.replace(/\./g, '\\.')}`) })).toHaveCount(0);
    await expect(gone).toContainText(`${id} (${date}`);
  }
});

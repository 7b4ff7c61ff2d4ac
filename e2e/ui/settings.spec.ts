import { expect, test } from '@playwright/test';
import { MODEL_IDS } from '../../lib/models/registry';

test('settings show the active provider and every model it serves, read-only', async ({ page }) => {
  await page.goto('/settings');
  await expect(page.getByTestId('active-provider')).toHaveText('Offline image API (built in)');
  const table = page.getByRole('table', { name: 'Models' });
  for (const id of MODEL_IDS) {
    await expect(table.getByRole('cell', { name: new RegExp(`^${id.replace(/\./g, '\\.')}( default)?$`) })).toBeVisible();
  }
  await expect(table).toContainText('gpt-image-2 default');
  await expect(table).toContainText('any WxH');
});

/**
 * Accessibility (#14): axe-core on each page and each studio mode, light and dark, reports no serious or
 * critical violation (WCAG 2 A/AA rules, contrast included). Each violation is printed with its targets, so a
 * failure says what to fix.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { openStudio } from './helpers';

async function serious(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')}`);
}

const reference = () => sharp({ create: { width: 640, height: 480, channels: 3, background: '#5b8def' } }).png().toBuffer();

const SCENES: [string, (page: Page) => Promise<void>][] = [
  ['studio (Generate)', async (page) => openStudio(page)],
  [
    'studio (Edit, with a reference in the painter)',
    async (page) => {
      await openStudio(page);
      await page.getByRole('tab', { name: 'Edit' }).click();
      await page.getByLabel('Reference images').setInputFiles([{ name: 'ref.png', mimeType: 'image/png', buffer: await reference() }]);
      await expect(page.getByTestId('mask-stage')).toHaveAttribute('data-ready', 'true');
    },
  ],
  [
    'chat',
    async (page) => {
      await page.goto('/chat');
      await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
    },
  ],
  [
    'settings',
    async (page) => {
      await page.goto('/settings');
      await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    },
  ],
];

for (const theme of ['light', 'dark'] as const) {
  for (const [name, open] of SCENES) {
    test(`axe: no serious or critical violation on ${name}, ${theme}`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('image-playground.theme', t), theme);
      await open(page);
      await page.waitForTimeout(300);
      expect(await serious(page)).toEqual([]);
    });
  }
}

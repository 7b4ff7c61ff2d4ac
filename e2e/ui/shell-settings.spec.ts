/**
 * The app shell on every page, the theme before first paint, and Settings that set (#14): the studio opens with
 * the defaults saved in Settings, and history keeps what the retention allows.
 */
import { expect, test, type Page } from '@playwright/test';
import { gallery, openStudio } from './helpers';

const PAGES = [['/', 'Studio'], ['/chat', 'Chat'], ['/settings', 'Settings']] as const;

async function saveTheme(page: Page, theme: 'dark' | 'light') {
  await page.addInitScript((t) => localStorage.setItem('image-playground.theme', t), theme);
}

test('every page has the shell: the pages with the current one marked, the theme, today’s spend', async ({ page }) => {
  for (const [path, name] of PAGES) {
    await page.goto(path);
    const nav = page.getByRole('navigation', { name: 'Pages' });
    await expect(nav.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
    for (const [, other] of PAGES.filter(([, n]) => n !== name)) await expect(nav.getByRole('link', { name: other })).not.toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('banner').getByRole('radiogroup', { name: 'Theme' })).toBeVisible();
  }
});

for (const [path] of PAGES) {
  test(`${path} loads dark, before its first paint, with the dark theme saved`, async ({ page }) => {
    await saveTheme(page, 'dark');
    // Checked when the document is parsed, before any bundle ran: the head script did it.
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    await page.waitForLoadState('load');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    // zinc-950, not white.
    expect(bg).not.toBe('rgb(255, 255, 255)');
    await expect(page.getByRole('banner').getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true');
  });
}

test('choosing Light in the shell applies at once and on the next page', async ({ page }) => {
  await saveTheme(page, 'dark');
  await page.goto('/settings');
  await page.getByRole('banner').getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Light' }).click();
  // Settings' own Theme select shows the same choice.
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('light');
  expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Chat' }).click();
  await expect(page).toHaveURL(/\/chat$/);
  expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
});

test('the studio opens with the defaults saved in Settings', async ({ page }) => {
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'Studio defaults' });
  await form.getByRole('combobox', { name: 'Default model' }).selectOption('gpt-image-2');
  await form.getByRole('combobox', { name: 'Default size' }).selectOption('1536x1024');
  await form.getByRole('combobox', { name: 'Default quality' }).selectOption('high');
  await form.getByRole('combobox', { name: 'Default format' }).selectOption('jpeg');
  await form.getByRole('button', { name: 'Save defaults' }).click();
  await expect(page.getByText('Saved: the studio opens with these defaults.')).toBeVisible();

  await openStudio(page);
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('gpt-image-2');
  await expect(page.getByRole('combobox', { name: 'Quality' })).toHaveValue('high');
  await expect(page.getByRole('combobox', { name: 'Output format' })).toHaveValue('jpeg');
  // Taken once: what the person changes next in the studio stays.
  await page.getByRole('combobox', { name: 'Quality' }).selectOption('low');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Quality' })).toHaveValue('low');
});

test('history keeps at most what Settings allows', async ({ page }) => {
  await page.goto('/settings');
  await page.getByRole('combobox', { name: 'Keep at most' }).selectOption({ label: '10 images' });
  await openStudio(page);
  await page.getByRole('spinbutton', { name: 'Number of images' }).fill('6');
  for (const i of [1, 2]) {
    await page.getByRole('textbox', { name: 'Prompt' }).fill(`kept ${i}`);
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(gallery(page).getByRole('img', { name: `kept ${i}`, exact: true })).toHaveCount(6, { timeout: 30_000 });
  }
  // Twelve made, ten kept (the history writes finish a moment after the images show); still ten after a reload.
  await expect(page.getByLabel('Storage used')).toContainText('10 images', { timeout: 15_000 });
  await page.reload();
  await expect(page.getByLabel('Storage used')).toContainText('10 images');
});

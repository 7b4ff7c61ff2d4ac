import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { requireTools } from '../helpers/tools';
import { gallery, openDeveloper, openStudio, setLatency } from './helpers';

test('a streamed generation shows partial images, then the final image at the asked size, kept after reload', async ({ page }) => {
  await openStudio(page);
  const prompt = 'A lighthouse on a cliff at dusk, teal and orange';
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-2.5-sunburst');
  await page.getByRole('combobox', { name: 'Size' }).selectOption('1536x1024');
  await page.getByRole('combobox', { name: 'Quality' }).selectOption('high');
  await page.getByRole('combobox', { name: 'Background' }).selectOption('opaque');
  await page.getByRole('spinbutton', { name: 'Partial images' }).fill('2');
  await setLatency(page, 1500);
  await page.getByRole('button', { name: 'Generate' }).click();

  const partial = gallery(page).getByRole('img', { name: /^Partial image/ });
  await expect(partial).toBeVisible();
  await expect(page.getByRole('status', { name: 'Progress' })).toContainText(/partials? received/);
  const final = gallery(page).getByRole('img', { name: prompt, exact: true });
  await expect(final).toBeVisible({ timeout: 15_000 });
  await expect(partial).toHaveCount(0);
  expect(await final.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([1536, 1024]);
  // What came back is in the lightbox's details panel.
  await gallery(page).getByRole('button', { name: `Open ${prompt}` }).click();
  const details = page.getByRole('dialog', { name: prompt }).getByRole('region', { name: 'Details' });
  await expect(details).toContainText('What came back');
  await expect(details).toContainText('1536×1024 (decoded)');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.reload();
  await expect(gallery(page).getByRole('img', { name: prompt, exact: true })).toBeVisible();
  await expect(page.getByLabel('Storage used')).toContainText('1 image');
});

test('Cancel mid-stream keeps the last partial image, marked as cancelled', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('A slow sunrise over mountains');
  await page.getByRole('spinbutton', { name: 'Partial images' }).fill('3');
  await setLatency(page, 8000);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(gallery(page).getByRole('img', { name: /^Partial image/ })).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(gallery(page).getByText('Cancelled — the last partial image is kept')).toBeVisible();
  await expect(gallery(page).getByRole('img', { name: /^Partial image .*\(cancelled\)$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Generate' })).toBeEnabled();
  // It stays in history as a cancelled partial: once the storage figure counts it, a reload shows it.
  await expect(page.getByLabel('Storage used')).toContainText('1 image');
  await page.reload();
  await expect(gallery(page).getByRole('img', { name: /^Partial image of .*\(cancelled\)$/ })).toBeVisible();
});

for (const [fault, code] of [['moderation', 'moderation_blocked'], ['rate_limit', 'rate_limit_exceeded']] as const) {
  test(`a simulated ${fault} fault shows an alert with the code and keeps the parameters`, async ({ page }) => {
    await openStudio(page);
    const prompt = `Fault test ${fault}`;
    await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
    await openDeveloper(page);
    await page.getByRole('combobox', { name: 'Simulate' }).selectOption(fault);
    await page.getByRole('button', { name: 'Generate' }).click();
    const alert = page.getByRole('alert').filter({ hasText: code });
    await expect(alert).toBeVisible();
    if (fault === 'rate_limit') await expect(alert).toContainText('HTTP 429');
    if (fault === 'rate_limit') await expect(alert).toContainText('Wait 1 s');
    await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue(prompt);
    await expect(page.getByRole('button', { name: 'Generate' })).toBeEnabled();
  });
}

test('n = 3 with streaming fills three tiles live', async ({ page }) => {
  await openStudio(page);
  const prompt = 'Three paper boats';
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('spinbutton', { name: 'Number of images' }).fill('3');
  await page.getByRole('spinbutton', { name: 'Partial images' }).fill('1');
  await setLatency(page, 1500);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(gallery(page).getByRole('img', { name: /^Partial image/ })).toHaveCount(3, { timeout: 10_000 });
  await expect(gallery(page).getByRole('img', { name: prompt, exact: true })).toHaveCount(3, { timeout: 15_000 });
});

test('"Copy as code" gives a curl command that returns an image from the offline API', async ({ page }, info) => {
  // The snippet pipes curl into jq: without them this fails saying what to install.
  requireTools('curl', 'jq');
  await openStudio(page);
  const prompt = "A fox's den under a pine";
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('checkbox', { name: /Stream/ }).uncheck();
  await page.getByRole('combobox', { name: 'Size' }).selectOption('1024x1024');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(gallery(page).getByRole('img', { name: prompt, exact: true })).toBeVisible();
  await gallery(page).getByRole('button', { name: 'Copy as code' }).first().click();
  const curl = await page.getByRole('dialog', { name: 'Copy as code' }).getByRole('region', { name: 'curl code' }).innerText();
  expect(curl).toContain('${OPENAI_API_KEY:-offline}');
  const dir = info.outputPath('curl');
  execFileSync('mkdir', ['-p', dir]);
  execFileSync('bash', ['-c', curl], { cwd: dir, env: { ...process.env, OPENAI_API_KEY: 'from-env' }, timeout: 30_000 });
  const meta = await sharp(`${dir}/image.png`).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['png', 1024, 1024]);
});

/**
 * The studio's controls (#14): grouped, the simulation tucked away, the aspect picker and custom sizes that send
 * what was typed, the primary button named for its mode, the keyboard (Ctrl+Enter, Esc, ?, arrow keys on the
 * mode tabs), names that are labels alone, Copy as code that copies and runs, and each mode's own model.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { requireTools } from '../helpers/tools';
import { gallery, openDeveloper, openStudio, setLatency } from './helpers';

/** The bodies of the server actions the page posts (the request fields travel in them). */
function actionBodies(page: Page): string[] {
  const bodies: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.headers()['next-action']) bodies.push(r.postData() ?? '');
  });
  return bodies;
}

test('controls come in labelled groups, with the offline simulation in a collapsed Developer section', async ({ page }) => {
  await openStudio(page);
  for (const name of ['Basics', 'Output', 'Advanced']) await expect(page.getByRole('group', { name })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Basics' }).getByRole('combobox', { name: 'Model' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Output' }).getByRole('combobox', { name: 'Output format' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Advanced' }).getByRole('combobox', { name: 'Moderation' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Simulate' })).toBeHidden();
  await expect(page.getByRole('spinbutton', { name: 'Latency (ms)' })).toBeHidden();
  await openDeveloper(page);
  await expect(page.getByRole('spinbutton', { name: 'Latency (ms)' })).toBeVisible();
});

test('every control is named by its label alone: Prompt, with the shortcut and the count as its description', async ({ page }) => {
  await openStudio(page);
  const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
  await expect(prompt).toHaveAccessibleName('Prompt');
  await prompt.fill('a fox');
  await expect(prompt).toHaveAccessibleDescription(/Enter to run.*5 \/ 32,000/);
  await expect(page.getByRole('checkbox', { name: 'Stream', exact: true })).toHaveAccessibleName('Stream');
});

test('the aspect picker sets the size that is sent: 16:9 on a model with a size rule is an exact 16:9 W×H', async ({ page }) => {
  await openStudio(page);
  const bodies = actionBodies(page);
  const prompt = 'A wide valley at noon';
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('checkbox', { name: 'Stream' }).uncheck();
  const ratios = page.getByRole('radiogroup', { name: 'Aspect ratio' });
  await ratios.getByRole('radio', { name: '3:2' }).click();
  await expect(page.getByRole('combobox', { name: 'Size' })).toHaveValue('1536x1024');
  await ratios.getByRole('radio', { name: '16:9' }).click();
  await expect(ratios.getByRole('radio', { name: '16:9' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('combobox', { name: 'Size' })).toHaveValue('custom');
  const [w, h] = [Number(await page.getByRole('spinbutton', { name: 'Width' }).inputValue()), Number(await page.getByRole('spinbutton', { name: 'Height' }).inputValue())];
  expect(w * 9).toBe(h * 16);
  await expect(page.getByText(`${w} × ${h} px`)).toBeVisible();
  // Arrow keys move within the group, choosing as they go.
  await ratios.getByRole('radio', { name: '16:9' }).press('ArrowRight');
  await expect(ratios.getByRole('radio', { name: '9:16' })).toBeFocused();
  await expect(ratios.getByRole('radio', { name: '9:16' })).toHaveAttribute('aria-checked', 'true');
  await ratios.getByRole('radio', { name: '9:16' }).press('ArrowLeft');
  await page.getByRole('button', { name: 'Generate' }).click();
  const img = gallery(page).getByRole('img', { name: prompt, exact: true });
  await expect(img).toBeVisible({ timeout: 20_000 });
  expect(await img.evaluate((i: HTMLImageElement) => [i.naturalWidth, i.naturalHeight])).toEqual([w, h]);
  expect(bodies.some((b) => b.includes(`"size":"${w}x${h}"`))).toBe(true);
});

test('typing Width 3840 then Height 2160 sends 3840×2160 (leaving Width does not snap it against the old height)', async ({ page }) => {
  await openStudio(page);
  const bodies = actionBodies(page);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('A 4K panorama');
  await page.getByRole('checkbox', { name: 'Stream' }).uncheck();
  await page.getByRole('combobox', { name: 'Quality' }).selectOption('low');
  await page.getByRole('combobox', { name: 'Size' }).selectOption('custom');
  const width = page.getByRole('spinbutton', { name: 'Width' });
  const height = page.getByRole('spinbutton', { name: 'Height' });
  await width.fill('3840');
  await width.press('Tab');
  await expect(width).toHaveValue('3840');
  await height.fill('2160');
  await height.press('Tab');
  await expect(width).toHaveValue('3840');
  await expect(height).toHaveValue('2160');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect.poll(() => bodies.find((b) => b.includes('A 4K panorama')) ?? '').toContain('"size":"3840x2160"');
  await expect(gallery(page).getByRole('img', { name: 'A 4K panorama', exact: true })).toBeVisible({ timeout: 30_000 });
});

test('the primary button says what it does in each mode, and Edit keeps its own model apart from Generate', async ({ page }) => {
  await openStudio(page);
  const model = page.getByRole('combobox', { name: 'Model' });
  await model.selectOption('gpt-image-2.5-sunburst');
  await page.getByRole('combobox', { name: 'Quality' }).selectOption('high');
  await expect(page.getByRole('button', { name: 'Generate', exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Edit' }).click();
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Generate', exact: true })).toHaveCount(0);
  await model.selectOption('gpt-image-2');
  await page.getByRole('combobox', { name: 'Quality' }).selectOption('low');
  await page.getByRole('tab', { name: 'Generate' }).click();
  await expect(model).toHaveValue('gpt-image-2.5-sunburst');
  await expect(page.getByRole('combobox', { name: 'Quality' })).toHaveValue('high');
  await page.getByRole('tab', { name: 'Edit' }).click();
  await expect(model).toHaveValue('gpt-image-2');
  await expect(page.getByRole('combobox', { name: 'Quality' })).toHaveValue('low');
});

test('mode tabs follow the tabs pattern: one tab stop, arrow keys, Home and End', async ({ page }) => {
  await openStudio(page);
  const tabs = page.getByRole('tablist', { name: 'Mode' }).getByRole('tab');
  await expect(tabs.and(page.locator('[tabindex="0"]'))).toHaveCount(1);
  const generate = page.getByRole('tab', { name: 'Generate' });
  await generate.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Edit' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Edit' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(generate).toBeFocused();
  await expect(generate).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(tabs.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(generate).toBeFocused();
});

test('Ctrl+Enter generates with the focus on another control, and Esc cancels a slow generation', async ({ page }) => {
  await openStudio(page);
  const prompt = 'A quiet harbour at dawn';
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('checkbox', { name: 'Stream' }).uncheck();
  await page.getByRole('combobox', { name: 'Quality' }).focus();
  await page.keyboard.press('Control+Enter');
  await expect(gallery(page).getByRole('img', { name: prompt, exact: true })).toBeVisible({ timeout: 15_000 });

  await page.getByRole('checkbox', { name: 'Stream' }).check();
  await page.getByRole('spinbutton', { name: 'Partial images' }).fill('2');
  await setLatency(page, 8000);
  await page.getByRole('spinbutton', { name: 'Number of images' }).focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(gallery(page).getByRole('img', { name: /^Partial image/ })).toBeVisible({ timeout: 10_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Generate', exact: true })).toBeVisible({ timeout: 5_000 });
  await expect(gallery(page).getByText('Cancelled — the last partial image is kept')).toBeVisible();
});

test('? opens the shortcut sheet listing the studio’s and the painter’s shortcuts; typing ? in the prompt does not', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('what?');
  await page.getByRole('textbox', { name: 'Prompt' }).press('?');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  for (const row of ['Run the primary action', 'Cancel the running generation', 'Invert mask', 'Thicker stroke']) await expect(sheet).toContainText(row);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('Copy as code copies to the clipboard, and the offline curl returns an image without OPENAI_API_KEY set', async ({ page, context }, info) => {
  requireTools('curl', 'jq');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openStudio(page);
  const prompt = 'A paper boat on a pond';
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('checkbox', { name: 'Stream' }).uncheck();
  await page.getByRole('combobox', { name: 'Size' }).selectOption('1024x1024');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(gallery(page).getByRole('img', { name: prompt, exact: true })).toBeVisible();
  await gallery(page).getByRole('button', { name: 'Copy as code' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Copy as code' });
  await expect(dialog.getByRole('tab', { name: 'curl' })).toHaveAttribute('aria-selected', 'true');
  const code = dialog.getByRole('region', { name: 'curl code' });
  // Long lines scroll sideways instead of wrapping mid-token.
  expect(await code.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre');
  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByText('curl code copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await code.innerText());
  expect(copied).toContain('${OPENAI_API_KEY:-offline}');

  const dir = info.outputPath('curl');
  execFileSync('mkdir', ['-p', dir]);
  const env = { ...process.env };
  delete env.OPENAI_API_KEY;
  execFileSync('bash', ['-c', copied], { cwd: dir, env, timeout: 30_000 });
  const meta = await sharp(`${dir}/image.png`).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['png', 1024, 1024]);

  await dialog.getByRole('tab', { name: 'Python' }).click();
  await expect(dialog.getByRole('region', { name: 'Python code' })).toContainText('os.environ.get("OPENAI_API_KEY") or "offline"');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

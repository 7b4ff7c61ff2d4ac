/**
 * The December 2026 lineup in the studio and the chat (offline API, which answers as OpenAI does): the current
 * models are offered and the shut-down ones are not; settings naming a shut-down model move to its replacement
 * with a notice that says what did not carry over.
 */
import { expect, test, type Page } from '@playwright/test';
import { openStudio } from './helpers';

/** api-2026-12 §1: served on 2026-12-03, and shut down (with the day). */
const CURRENT = ['gpt-image-2.6-sunburst', 'gpt-image-2.6-flare', 'gpt-image-2.5-sunburst', 'gpt-image-2.5-flare', 'gpt-image-2'];
const SHUT = ['gpt-image-1.5', 'gpt-image-1', 'gpt-image-1-mini', 'dall-e-3', 'dall-e-2'];
/** LATEST: the GPT-6 family. */
const GPT6 = ['gpt-6-astra', 'gpt-6.1-sol', 'gpt-6.1-terra', 'gpt-6-luna'];

async function optionValues(page: Page, name: string): Promise<string[]> {
  return page.getByRole('combobox', { name, exact: true }).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
}

test('the studio offers the 2.6 and 2.5 models, gpt-image-2 (transparent labelled preview), and no shut-down model', async ({ page }) => {
  await openStudio(page);
  const models = await optionValues(page, 'Model');
  for (const id of CURRENT) expect(models).toContain(id);
  for (const id of SHUT) expect(models).not.toContain(id);
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('gpt-image-2.6-sunburst');
  // 2.6: quality up to max, and complexity with "left out" as its default.
  expect(await optionValues(page, 'Quality')).toEqual(expect.arrayContaining(['xhigh', 'max']));
  expect(await optionValues(page, 'Complexity')).toEqual(['default', 'low', 'medium', 'high']);
  await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-2');
  expect(await optionValues(page, 'Quality')).not.toContain('xhigh');
  await expect(page.getByRole('combobox', { name: 'Complexity' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Background' }).locator('option[value="transparent"]')).toHaveText(/preview/);
});

test('the chat offers the GPT-6 models, and the image tool a model by name', async ({ page }) => {
  await page.goto('/chat');
  await expect(page.getByRole('combobox', { name: 'Main model' })).toHaveValue('gpt-6-luna');
  const main = await optionValues(page, 'Main model');
  for (const id of GPT6) expect(main).toContain(id);
  expect(main).not.toContain('gpt-4.1-nano');
  const tool = await optionValues(page, 'Image model');
  for (const id of SHUT) expect(tool).not.toContain(id);
  expect(tool).toContain('gpt-image-2.5-sunburst');
});

test('a history entry made with gpt-image-1.5 reuses as gpt-image-2.6-sunburst, with a notice naming what did not carry over', async ({ page }) => {
  await openStudio(page);
  // An entry as the studio saved it before 2026-12-01: gpt-image-1.5, an edit-free generation with input fidelity.
  await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 8;
    const thumb = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('image-playground', 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore('meta', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
        req.result.createObjectStore('images');
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction(['meta', 'images'], 'readwrite');
    const fields = { model: 'gpt-image-1.5', prompt: 'a red fox in snow', size: '1536x1024', quality: 'high', output_format: 'webp', background: 'opaque', moderation: 'low', input_fidelity: 'high', n: 1 };
    tx.objectStore('meta').put({ id: 'old-1', createdAt: Date.now(), prompt: fields.prompt, provider: 'offline', endpoint: 'generate', model: 'gpt-image-1.5', fields, status: 'done', width: 1536, height: 1024, mime: 'image/png', bytes: thumb.size, thumb });
    tx.objectStore('images').put(thumb, 'old-1');
    await new Promise((r) => (tx.oncomplete = r));
  });
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Model' })).toBeVisible();
  await page.getByRole('button', { name: 'Reuse settings' }).first().click();
  const notice = page.getByRole('status').filter({ hasText: 'gpt-image-1.5' });
  await expect(notice).toContainText('gpt-image-1.5 was shut down on OpenAI on 2026-12-01: switched to gpt-image-2.6-sunburst.');
  await expect(notice).toContainText('Not carried over: input fidelity high (not taken).');
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('gpt-image-2.6-sunburst');
  // Everything the new model takes came along.
  await expect(page.getByRole('textbox', { name: /Prompt/ })).toHaveValue('a red fox in snow');
  await expect(page.getByRole('combobox', { name: 'Quality' })).toHaveValue('high');
  await expect(page.getByRole('combobox', { name: 'Output format' })).toHaveValue('webp');
  await expect(page.getByRole('combobox', { name: 'Moderation' })).toHaveValue('low');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

test('saved studio settings naming gpt-image-1-mini move to gpt-image-2.6-flare on load, and say so', async ({ page }) => {
  await openStudio(page);
  await page.evaluate(() => {
    const saved = JSON.parse(localStorage.getItem('image-playground.studio') ?? '{}');
    saved.state.params.model = 'gpt-image-1-mini';
    saved.state.params.quality = 'medium';
    localStorage.setItem('image-playground.studio', JSON.stringify(saved));
  });
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'gpt-image-1-mini' })).toContainText('switched to gpt-image-2.6-flare');
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('gpt-image-2.6-flare');
  await expect(page.getByRole('combobox', { name: 'Quality' })).toHaveValue('medium');
});

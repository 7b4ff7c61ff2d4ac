import { expect, test, type Page } from '@playwright/test';

/** A stored response on the offline API, as the Responses API's GET returns it. */
async function storedResponse(page: Page, id: string) {
  const res = await page.request.get(`/api/offline/v1/responses/${id}`, { headers: { Authorization: 'Bearer x' } });
  expect(res.ok()).toBe(true);
  return (await res.json()) as { previous_response_id: string | null; output: { type: string; id: string; action?: string }[] };
}

async function send(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

const turn = (page: Page, n: number) => page.getByRole('article', { name: `Turn ${n}` });

test.beforeEach(async ({ page }) => {
  await page.goto('/chat');
  await page.evaluate(() => localStorage.removeItem('chat-thread'));
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Main model' })).toHaveValue('gpt-4.1-mini');
});

test('two turns thread through previous_response_id, and a branch refers to the first image call', async ({ page }) => {
  await send(page, 'a cat wearing an orange scarf');
  const first = turn(page, 1);
  await expect(first).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
  await expect(first.getByRole('img', { name: /cat/i })).toBeVisible();
  await expect(first).toContainText('Revised prompt:');
  const firstId = (await first.getAttribute('data-response-id'))!;
  const firstCall = (await first.getAttribute('data-call-id'))!;
  expect(firstId).toMatch(/^resp_/);
  expect(firstCall).not.toBe('');

  await send(page, 'make it look more realistic');
  const second = turn(page, 2);
  await expect(second).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
  await expect(second.getByRole('img').first()).toBeVisible();
  await expect(second).toContainText('Revised prompt:');
  const secondId = (await second.getAttribute('data-response-id'))!;
  expect((await storedResponse(page, secondId)).previous_response_id).toBe(firstId);

  await first.getByRole('button', { name: 'Continue from this image' }).click();
  await expect(page.getByText('Next message branches from turn 1')).toBeVisible();
  await send(page, 'the same cat, but in watercolour');
  const third = turn(page, 3);
  await expect(third).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
  await expect(third).toContainText('Branch from turn 1');
  // The branch request carried the first turn's image_generation_call id as an input item, not a previous response.
  await expect(third).toHaveAttribute('data-reference-call-id', firstCall);
  const stored = await storedResponse(page, (await third.getAttribute('data-response-id'))!);
  expect(stored.previous_response_id).toBeNull();
  expect(stored.output.find((o) => o.type === 'image_generation_call')).toBeTruthy();

  // Text and ids survive a reload (images are kept for the session only).
  await page.reload();
  await expect(turn(page, 3)).toHaveAttribute('data-response-id', (await third.getAttribute('data-response-id'))!);
});

test('an attachment the service cannot read is reported as an alert with its code', async ({ page }) => {
  await page.getByLabel('Attach images').setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
  await send(page, 'use this picture');
  const alert = turn(page, 1).getByRole('alert');
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert).toContainText('invalid_image_format');
});

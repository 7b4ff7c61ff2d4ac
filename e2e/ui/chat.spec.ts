/**
 * The chat in Chromium against the offline Responses API: threads over previous_response_id, branches that
 * refer to an image_generation_call, partial images, the thread and its images after a reload, Files API
 * attachments, the tool's settings and mask, Cancel, and the way to the studio and back.
 */
import { expect, test, type Page } from '@playwright/test';
import { patternPng } from '../api/helpers/images';

const AUTH = { Authorization: 'Bearer x' };

interface Stored {
  previous_response_id: string | null;
  output: { type: string; id: string; action?: string }[];
  tools: Record<string, unknown>[];
}

/** A stored response on the offline API, as the Responses API's GET returns it. */
async function storedResponse(page: Page, id: string): Promise<Stored> {
  const res = await page.request.get(`/api/offline/v1/responses/${id}`, { headers: AUTH });
  expect(res.ok()).toBe(true);
  return res.json();
}

/** The input items the offline API received for a response. */
async function inputItems(page: Page, id: string): Promise<{ type: string; id: string; content?: Record<string, string>[] }[]> {
  const res = await page.request.get(`/api/offline/v1/responses/${id}/input_items?order=asc`, { headers: AUTH });
  expect(res.ok()).toBe(true);
  return (await res.json()).data;
}

async function send(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

const turn = (page: Page, n: number) => page.getByRole('article', { name: `Turn ${n}` });
const done = (page: Page, n: number) => expect(turn(page, n)).toHaveAttribute('data-status', 'done', { timeout: 20_000 });

/** Is the image loaded and drawn (not a dead object URL)? */
const loaded = (page: Page, img: ReturnType<Page['getByRole']>) => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0);

test.beforeEach(async ({ page }) => {
  await page.goto('/chat');
  await expect(page.getByRole('combobox', { name: 'Main model' })).toHaveValue('gpt-6-luna');
});

test('two turns thread through previous_response_id, a branch refers to the first image call, and a reload keeps it all', async ({ page }) => {
  await send(page, 'a cat wearing an orange scarf');
  const first = turn(page, 1);
  await done(page, 1);
  await expect(first.getByRole('img', { name: /cat/i })).toBeVisible();
  await expect(first).toContainText('Revised prompt:');
  const firstId = (await first.getAttribute('data-response-id'))!;
  const firstCall = (await first.getAttribute('data-call-id'))!;
  expect(firstId).toMatch(/^resp_/);
  expect(firstCall).toMatch(/^ig_/);

  await send(page, 'make it look more realistic');
  const second = turn(page, 2);
  await done(page, 2);
  await expect(second.getByRole('img', { name: /realistic/i })).toBeVisible();
  await expect(second).toContainText('Revised prompt:');
  await expect(second).toContainText('Continues turn 1');
  const secondId = (await second.getAttribute('data-response-id'))!;
  // The offline API received previous_response_id and so edited the first image.
  const stored2 = await storedResponse(page, secondId);
  expect(stored2.previous_response_id).toBe(firstId);
  expect(stored2.output.find((o) => o.type === 'image_generation_call')?.action).toBe('edit');

  await first.getByRole('button', { name: 'Continue from this image' }).click();
  await expect(page.getByText('Next message branches from turn 1')).toBeVisible();
  await send(page, 'the same cat, but in watercolour');
  const third = turn(page, 3);
  await done(page, 3);
  await expect(third).toContainText('Branch from turn 1');
  // The branch request carried the first turn's image_generation_call id as an input item, not a previous response.
  await expect(third).toHaveAttribute('data-reference-call-id', firstCall);
  const thirdId = (await third.getAttribute('data-response-id'))!;
  const stored3 = await storedResponse(page, thirdId);
  expect(stored3.previous_response_id).toBeNull();
  expect((await inputItems(page, thirdId))[0]).toMatchObject({ type: 'image_generation_call', id: firstCall });
  expect(stored3.output.find((o) => o.type === 'image_generation_call')?.action).toBe('edit');

  // The tree: turns 2 and 3 both hang under turn 1, so turn 1 has two children and the thread has two branches.
  const tree = page.getByRole('tree', { name: 'Turns' });
  await expect(tree.getByRole('treeitem').first().getByRole('group').getByRole('treeitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Side by side' }).click();
  await expect(page.getByRole('region', { name: 'Branch 1: turns 1 → 2' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Branch 2: turns 1 → 3' })).toBeVisible();
  await page.getByRole('button', { name: 'Tree' }).click();

  // After a reload the thread is there with its images, revised prompts and ids (images from IndexedDB).
  await page.reload();
  for (const n of [1, 2, 3]) {
    const img = turn(page, n).getByRole('img').first();
    await expect(img).toBeVisible();
    await expect.poll(() => loaded(page, img)).toBe(true);
    await expect(turn(page, n)).toContainText('Revised prompt:');
  }
  await expect(turn(page, 3)).toHaveAttribute('data-response-id', thirdId);
  await expect(turn(page, 3)).toContainText('Branch from turn 1');
});

test('a partial image appears before the final one', async ({ page }) => {
  await page.getByRole('spinbutton', { name: 'Latency (ms)' }).fill('3000');
  await page.getByRole('spinbutton', { name: 'Partial images' }).fill('2');
  await send(page, 'a lighthouse at dusk');
  const partial = turn(page, 1).getByRole('img', { name: /^Partial image/ });
  await expect(partial).toBeVisible({ timeout: 10_000 });
  await expect(turn(page, 1)).toHaveAttribute('data-status', 'running');
  await done(page, 1);
  await expect(turn(page, 1).getByRole('img', { name: /lighthouse/ })).toBeVisible();
  await expect(turn(page, 1).getByRole('img', { name: /^Partial image/ })).toHaveCount(0);
});

test('Cancel stops the turn and keeps its last partial image, also after a reload', async ({ page }) => {
  await page.getByRole('spinbutton', { name: 'Latency (ms)' }).fill('8000');
  await page.getByRole('spinbutton', { name: 'Partial images' }).fill('1');
  await send(page, 'a slow red train');
  await expect(turn(page, 1).getByRole('img', { name: /^Partial image/ })).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(turn(page, 1)).toHaveAttribute('data-status', 'cancelled');
  await expect(turn(page, 1)).toContainText('Cancelled — the last partial image is kept');
  await expect(turn(page, 1).getByRole('img', { name: /^Partial image.*\(cancelled\)/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  // The final image never came: no response was completed.
  await expect(turn(page, 1)).toHaveAttribute('data-response-id', '');
  await page.reload();
  const kept = turn(page, 1).getByRole('img', { name: /^Partial image/ });
  await expect(kept).toBeVisible();
  await expect.poll(() => loaded(page, kept)).toBe(true);
});

test('an attachment uploaded through the Files API shows its file id, and the request carried it', async ({ page }) => {
  await page.getByRole('radio', { name: 'Files API upload' }).check();
  await page.getByLabel('Attach images').setInputFiles({ name: 'pattern.png', mimeType: 'image/png', buffer: await patternPng(512, 512, 3) });
  await expect(page.getByRole('img', { name: 'To attach: pattern.png' })).toBeVisible();
  await send(page, 'put a hat on this pattern');
  await done(page, 1);
  const attached = turn(page, 1).getByRole('list', { name: 'Attached images' });
  await expect(attached).toContainText(/uploaded · file-/);
  const fileId = (await attached.textContent())!.match(/file-[\w-]+/)![0];
  const items = await inputItems(page, (await turn(page, 1).getAttribute('data-response-id'))!);
  const parts = items.find((i) => i.type === 'message')!.content!;
  expect(parts).toContainEqual(expect.objectContaining({ type: 'input_image', file_id: fileId }));
  expect(parts.some((p) => p.image_url)).toBe(false);

  // The same attachment as a data URL says so, and travels inline.
  await page.getByRole('radio', { name: 'data URL' }).check();
  await page.getByLabel('Attach images').setInputFiles({ name: 'pattern.png', mimeType: 'image/png', buffer: await patternPng(512, 512, 3) });
  await send(page, 'and now a scarf');
  await done(page, 2);
  await expect(turn(page, 2).getByRole('list', { name: 'Attached images' })).toContainText('data URL');
  const inline = (await inputItems(page, (await turn(page, 2).getAttribute('data-response-id'))!)).find((i) => i.type === 'message')!.content!;
  expect(inline.find((p) => p.type === 'input_image')?.image_url).toMatch(/^data:image\/png;base64,/);
});

test('an attachment the service cannot read is refused by its bytes, naming the field', async ({ page }) => {
  await page.getByLabel('Attach images').setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
  await send(page, 'use this picture');
  const alert = turn(page, 1).getByRole('alert');
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert).toContainText('invalid_image_format');
  await expect(alert).toContainText('input[0].content[1]');
});

test('the tool settings come from the registry and reach the API; compression only for jpeg and webp', async ({ page }) => {
  await page.getByRole('combobox', { name: 'Image model' }).selectOption('gpt-image-2.5-sunburst');
  // api-2026-12 §2.1: 2.x reads inputs at high fidelity and takes no input_fidelity; 2.5 adds xhigh and max.
  await expect(page.getByRole('combobox', { name: 'Input fidelity' })).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'Compression' })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Output format' }).selectOption('jpeg');
  await expect(page.getByRole('slider', { name: 'Compression' })).toBeVisible();
  await page.getByRole('slider', { name: 'Compression' }).fill('60');
  await page.getByRole('combobox', { name: 'Quality' }).selectOption('low');
  await page.getByRole('combobox', { name: 'Size' }).selectOption('1536x1024');
  await page.getByRole('combobox', { name: 'Moderation' }).selectOption('low');
  await page.getByRole('combobox', { name: 'Background' }).selectOption('opaque');
  await send(page, 'a wide quiet beach');
  await done(page, 1);
  const stored = await storedResponse(page, (await turn(page, 1).getAttribute('data-response-id'))!);
  expect(stored.tools[0]).toMatchObject({ model: 'gpt-image-2.5-sunburst', output_format: 'jpeg', output_compression: 60, quality: 'low', size: '1536x1024', moderation: 'low', background: 'opaque' });
  const qualities = () => page.getByRole('combobox', { name: 'Quality' }).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(await qualities()).toEqual(expect.arrayContaining(['xhigh', 'max']));
  await page.getByRole('combobox', { name: 'Image model' }).selectOption('gpt-image-2');
  expect(await qualities()).not.toContain('xhigh');
});

test("gpt-image-2 takes a custom size in the chat too: a size its rule refuses is said and not sent, one it accepts is", async ({ page }) => {
  await page.getByRole('combobox', { name: 'Image model' }).selectOption('gpt-image-2');
  await page.getByRole('combobox', { name: 'Size' }).selectOption('custom');
  await page.getByRole('spinbutton', { name: 'Width' }).fill('3840');
  await page.getByRole('spinbutton', { name: 'Height' }).fill('960');
  await page.getByRole('spinbutton', { name: 'Height' }).blur();
  await expect(page.getByRole('alert').filter({ hasText: '3840×960' })).toContainText('aspect ratio');
  await page.getByRole('spinbutton', { name: 'Width' }).fill('1536');
  await page.getByRole('spinbutton', { name: 'Height' }).fill('864');
  await page.getByRole('spinbutton', { name: 'Height' }).blur();
  await expect(page.getByText('Multiples of 16')).toBeVisible();
  await send(page, 'a wide cinematic harbour');
  await done(page, 1);
  const stored = await storedResponse(page, (await turn(page, 1).getAttribute('data-response-id'))!);
  expect(stored.tools[0]).toMatchObject({ model: 'gpt-image-2', size: '1536x864' });
  const image = turn(page, 1).getByRole('img', { name: /harbour/ }).last();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([1536, 864]);
});

test('a mask painted over the attachment is sent as the tool input_image_mask', async ({ page }) => {
  await page.getByLabel('Attach images').setInputFiles({ name: 'pattern.png', mimeType: 'image/png', buffer: await patternPng(512, 512, 5) });
  await page.getByRole('checkbox', { name: 'Paint a mask' }).check();
  const painter = page.getByRole('region', { name: 'Mask painter' });
  await expect(painter).toBeVisible();
  const stage = page.getByTestId('mask-stage');
  await expect(stage).toHaveAttribute('data-ready', 'true');
  // The mouse does not scroll: bring the painter on screen, then paint a stroke across the middle.
  await stage.scrollIntoViewIfNeeded();
  const box = (await painter.locator('canvas').first().boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.45);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.55, { steps: 10 });
  await page.mouse.up();
  await expect(painter.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await send(page, 'a moon in the painted spot');
  await done(page, 1);
  await expect(turn(page, 1).getByRole('img', { name: 'Mask' })).toBeVisible();
  const stored = await storedResponse(page, (await turn(page, 1).getAttribute('data-response-id'))!);
  expect((stored.tools[0].input_image_mask as { image_url: string }).image_url).toMatch(/^data:image\/png;base64,/);
  expect(stored.output.find((o) => o.type === 'image_generation_call')?.action).toBe('edit');
});

test('Edit in studio opens the image in the studio Edit mode; Continue in chat brings a studio result back', async ({ page }) => {
  await send(page, 'a blue teapot');
  await done(page, 1);
  await turn(page, 1).getByRole('button', { name: 'Edit in studio' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('tab', { name: 'Edit' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Mask painter' })).toBeVisible();

  await page.getByRole('tab', { name: 'Generate' }).click();
  await page.getByRole('textbox', { name: 'Prompt' }).fill('a green kettle');
  await page.getByRole('button', { name: 'Generate' }).click();
  const result = page.getByRole('region', { name: 'Gallery' }).getByRole('img', { name: 'a green kettle' }).first();
  await expect(result).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Continue in chat' }).first().click();
  await expect(page).toHaveURL(/\/chat$/);
  await expect(page.getByRole('img', { name: /^To attach: a-green-kettle/ })).toBeVisible();
});

/**
 * A generation outlives its tab: the server's job goes on when the browser leaves, and a studio opened later
 * takes it up again from what the job kept. The offline API is reached through a counting proxy so the test
 * can tell that coming back did not start a second (paid) generation.
 */
import { expect, test, type Page } from '@playwright/test';
import { serverWithCountedUpstream } from '../helpers/counted-upstream';
import { startAnswerHold } from '../helpers/answer-hold';
import { callAction } from '../helpers/actions';
import { randomUUID } from 'node:crypto';
import { gallery, setLatency } from '../ui/helpers';

const ctx = serverWithCountedUpstream();

async function openStudio(page: Page, url = ctx.server.url) {
  await page.goto(url);
  await expect(page.getByRole('combobox', { name: 'Model' })).toBeVisible();
  await expect(page.getByLabel('Storage used')).toContainText('stored in this browser');
}

const generations = () => ctx.upstream.sent().split('POST /api/offline/v1/images/generations ').length - 1;

test('a generation whose tab was closed after the first partial comes back on reload, with one upstream call', async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await openStudio(first);
  const prompt = 'A glass greenhouse in the snow, recovered after the tab closed';
  await first.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await first.getByRole('spinbutton', { name: 'Partial images' }).fill('2');
  await setLatency(first, 6000);
  const before = generations();
  await first.getByRole('button', { name: 'Generate' }).click();
  await expect(gallery(first).getByRole('img', { name: /^Partial image 1 of/ })).toBeVisible({ timeout: 10_000 });
  await first.close();

  const second = await context.newPage();
  await openStudio(second);
  const final = gallery(second).getByRole('img', { name: prompt, exact: true });
  await expect(final).toBeVisible({ timeout: 20_000 });
  expect(await final.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(second.getByLabel('Storage used')).toContainText('1 image');
  expect(generations() - before).toBe(1);

  // Collected: in history, and not resumed again.
  await second.reload();
  await expect(second.getByLabel('Storage used')).toContainText('1 image');
  await expect(gallery(second).getByRole('img', { name: prompt, exact: true })).toBeVisible();
  expect(await second.evaluate(() => localStorage.getItem('image-playground.pending-runs'))).toBe('[]');
  expect(generations() - before).toBe(1);
  await context.close();
});

test('a generation whose tab was closed before any event arrived comes back on reload, with one upstream call', async ({ browser }) => {
  // The browser reaches the server through a link whose answers can be held: the request gets there, no byte
  // of the answer (not even the `started` event with the job id) gets back before the tab is closed.
  const link = await startAnswerHold(() => ctx.server.port);
  const context = await browser.newContext();
  try {
    const first = await context.newPage();
    await openStudio(first, link.url);
    const prompt = 'A lantern on a pier, recovered though the tab closed before the first event';
    await first.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
    await setLatency(first, 3000);
    const before = generations();
    link.hold();
    await first.getByRole('button', { name: 'Generate' }).click();
    // Recorded under the job id the page made, before it called: Cancel is offered at once.
    await expect(first.getByRole('button', { name: 'Cancel' })).toBeEnabled();
    const pending = await first.evaluate(() => JSON.parse(localStorage.getItem('image-playground.pending-runs') ?? '[]'));
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ prompt, jobId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/) });
    // The server has the job (it asked the offline API); the page has heard nothing: no tile count, no image.
    await expect.poll(() => generations() - before).toBe(1);
    await expect(first.getByRole('status', { name: 'Progress' })).toContainText('0/… done');
    await expect(gallery(first).getByRole('img')).toHaveCount(0);
    await first.close();
    link.release();

    const second = await context.newPage();
    await openStudio(second, link.url);
    const final = gallery(second).getByRole('img', { name: prompt, exact: true });
    await expect(final).toBeVisible({ timeout: 20_000 });
    expect(await final.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(second.getByLabel('Storage used')).toContainText('1 image');
    expect(await second.evaluate(() => localStorage.getItem('image-playground.pending-runs'))).toBe('[]');
    expect(generations() - before).toBe(1);
  } finally {
    await context.close();
    await link.close();
  }
});

test('Cancel pressed before any answer arrived stops the job on the server', async ({ browser }) => {
  const link = await startAnswerHold(() => ctx.server.port);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await openStudio(page, link.url);
    const prompt = 'A windmill that was never finished';
    await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
    await setLatency(page, 4000);
    const before = generations();
    link.hold();
    await page.getByRole('button', { name: 'Generate' }).click();
    const [{ jobId }] = await page.evaluate(() => JSON.parse(localStorage.getItem('image-playground.pending-runs') ?? '[]'));
    await expect.poll(() => generations() - before).toBe(1);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: 'Generate' })).toBeVisible();
    link.release();
    // The server's job ended as cancelled well before its 4 s: no image was made, none reaches the page.
    const startedAt = Date.now();
    const replay = await callAction(ctx.server.url, 'resume', [jobId]);
    expect(Date.now() - startedAt).toBeLessThan(2500);
    expect(replay.text).toContain('"type":"cancelled"');
    expect(replay.text).not.toContain('"type":"completed"');
    await expect(gallery(page).getByRole('img', { name: prompt, exact: true })).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => localStorage.getItem('image-playground.pending-runs'))).toBe('[]');
    expect(generations() - before).toBe(1);
  } finally {
    await context.close();
    await link.close();
  }
});

test('the job id is the caller\'s: a malformed one is refused naming jobId, one in use is refused and its job goes on', async () => {
  const fields = { model: 'gpt-image-2', prompt: 'a red kite', size: '1024x1024', quality: 'low', stream: true };
  const generate = (jobId: unknown, latencyMs = 0) => callAction(ctx.server.url, 'generate', [{ provider: 'offline', fields, jobId, simulate: { latencyMs } }]);
  const before = generations();

  const bad = await generate('job-1');
  expect(bad.text).toContain('"param":"jobId"');
  expect(bad.text).toContain('"status":400');
  expect(bad.text).toContain("Invalid 'jobId': 'job-1'");
  expect(generations()).toBe(before);

  const id = randomUUID();
  const first = generate(id, 2000);
  await expect.poll(() => generations() - before).toBe(1);
  // The same id again, for a generation or a chat turn: refused, and the running job is not replaced.
  const again = await generate(id);
  const turn = await callAction(ctx.server.url, 'chat', [{ provider: 'offline', mainModel: 'gpt-6-luna', text: 'a kite', tool: { model: 'gpt-image-2' }, jobId: id }]);
  for (const refused of [again, turn]) {
    expect(refused.text).toContain('"code":"job_id_in_use"');
    expect(refused.text).toContain('"status":409');
  }
  const done = await first;
  expect(done.text).toContain(`"jobId":"${id}"`);
  expect(done.text).toContain('"type":"completed"');
  // Its owner can still come back to it under that id; nothing else went upstream.
  expect((await callAction(ctx.server.url, 'resume', [id])).text).toContain('"type":"completed"');
  expect(generations() - before).toBe(1);
});

test('a run whose job the server no longer knows is shown as such, then forgotten', async ({ page }) => {
  // As a studio closed long ago (or before a server restart) left it; seeded once, before the first load.
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('image-playground.pending-runs', JSON.stringify([{
      id: 'run-gone-0', jobId: '00000000-0000-4000-8000-000000000000', provider: 'offline', endpoint: 'generate',
      fields: { model: 'gpt-image-2', prompt: 'A lost lighthouse', stream: true }, prompt: 'A lost lighthouse', startedAt: Date.now() - 60_000, streaming: true,
    }]));
  });
  await openStudio(page);
  const alert = gallery(page).getByRole('alert').filter({ hasText: 'no longer has generation' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('job_not_found');
  await expect(alert).toContainText('This generation is no longer on the server');
  // The run is over (no Cancel left), and nothing is pending any more.
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('image-playground.pending-runs'))).toBe('[]');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Model' })).toBeVisible();
  await expect(page.getByLabel('Storage used')).toContainText('stored in this browser');
  await expect(gallery(page).getByRole('alert')).toHaveCount(0);
});

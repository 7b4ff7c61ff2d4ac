/**
 * A chat turn outlives its tab: the server's job goes on when the browser leaves, and a chat page opened later
 * takes the turn up again from what the job kept. The offline API is reached through a counting proxy, so the
 * test can tell that coming back did not send the turn upstream a second time, and read what the next turn sent.
 */
import { expect, test, type Page } from '@playwright/test';
import { serverWithCountedUpstream } from '../helpers/counted-upstream';
import { startAnswerHold } from '../helpers/answer-hold';

const ctx = serverWithCountedUpstream();

async function openChat(page: Page, url = ctx.server.url) {
  await page.goto(`${url}/chat`);
  await expect(page.getByRole('combobox', { name: 'Main model' })).toBeVisible();
}

async function send(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

const turn = (page: Page, n: number) => page.getByRole('article', { name: `Turn ${n}` });
/** The Responses requests that went upstream, each as the raw HTTP text the proxy saw. */
const responsesRequests = () => ctx.upstream.sent().split('POST /api/offline/v1/responses ').slice(1);
const loaded = (img: ReturnType<Page['getByRole']>) => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0);
const savedTurns = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('chat-thread') ?? '{}').state?.turns ?? []);

test('a turn whose tab closed after the first partial comes back on reload, sent upstream once, and the thread continues from it', async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await openChat(first);
  await first.getByRole('spinbutton', { name: 'Latency (ms)' }).fill('6000');
  await first.getByRole('spinbutton', { name: 'Partial images' }).fill('2');
  const before = responsesRequests().length;
  const text = 'a paper boat on a stormy sea, recovered after the tab closed';
  await send(first, text);
  await expect(turn(first, 1).getByRole('img', { name: /^Partial image/ })).toBeVisible({ timeout: 10_000 });
  await expect(turn(first, 1)).toHaveAttribute('data-status', 'running');
  const closedAt = Date.now();
  await first.close();

  const second = await context.newPage();
  await openChat(second);
  const recovered = turn(second, 1);
  await expect(recovered).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  // It finished on the server: the rest of its 6 s did not start over when the page came back.
  expect(Date.now() - closedAt).toBeLessThan(12_000);
  const image = recovered.getByRole('img', { name: /paper boat/i });
  await expect(image).toBeVisible();
  await expect.poll(() => loaded(image)).toBe(true);
  await expect(recovered.getByRole('img', { name: /^Partial image/ })).toHaveCount(0);
  await expect(recovered).toContainText('Revised prompt:');
  await expect(recovered.getByRole('alert')).toHaveCount(0);
  const responseId = (await recovered.getAttribute('data-response-id'))!;
  expect(responseId).toMatch(/^resp_/);
  expect(responsesRequests().length - before).toBe(1);

  // Collected: saved without its job, so the next load shows it from storage and does not resume it again.
  expect((await savedTurns(second))[0]).toMatchObject({ status: 'done', responseId });
  expect((await savedTurns(second))[0].jobId).toBeUndefined();

  // The next message continues from the recovered turn's response.
  await second.getByRole('spinbutton', { name: 'Latency (ms)' }).fill('0');
  await send(second, 'make the sea calm');
  await expect(turn(second, 2)).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  await expect(turn(second, 2)).toHaveAttribute('data-previous-response-id', responseId);
  await expect(turn(second, 2)).toContainText('Continues turn 1');
  const sent = responsesRequests().slice(before);
  expect(sent).toHaveLength(2);
  expect(sent[1]).toContain(`"previous_response_id":"${responseId}"`);
  expect(sent[0]).not.toContain('previous_response_id');

  await second.reload();
  await expect(turn(second, 1)).toHaveAttribute('data-status', 'done');
  const again = turn(second, 1).getByRole('img', { name: /paper boat/i });
  await expect(again).toBeVisible();
  await expect.poll(() => loaded(again)).toBe(true);
  expect(responsesRequests().length - before).toBe(2);
  await context.close();
});

test('a turn whose page was closed before any event arrived comes back on reload, sent upstream once', async ({ browser }) => {
  // The browser reaches the server through a link whose answers can be held: the turn gets there, no byte of
  // the answer (not even the `started` event with the job id) gets back before the page is closed.
  const link = await startAnswerHold(() => ctx.server.port);
  const context = await browser.newContext();
  try {
    const first = await context.newPage();
    await openChat(first, link.url);
    await first.getByRole('spinbutton', { name: 'Latency (ms)' }).fill('3000');
    const before = responsesRequests().length;
    link.hold();
    await send(first, 'a kite over a harbour, recovered though the page closed before the first event');
    // Saved with the job id the page made, before it called: Cancel is offered at once.
    await expect(first.getByRole('button', { name: 'Cancel' })).toBeEnabled();
    const [saved] = await savedTurns(first);
    expect(saved).toMatchObject({ status: 'running', jobId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/) });
    // The server has the turn (it went upstream); the page has heard nothing back.
    await expect.poll(() => responsesRequests().length - before).toBe(1);
    await expect(turn(first, 1)).toHaveAttribute('data-status', 'running');
    await expect(turn(first, 1).getByRole('img')).toHaveCount(0);
    await first.close();
    link.release();

    const second = await context.newPage();
    await openChat(second, link.url);
    const recovered = turn(second, 1);
    await expect(recovered).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
    const image = recovered.getByRole('img', { name: /kite/i });
    await expect(image).toBeVisible();
    await expect.poll(() => loaded(image)).toBe(true);
    await expect(recovered.getByRole('alert')).toHaveCount(0);
    expect(await recovered.getAttribute('data-response-id')).toMatch(/^resp_/);
    expect((await savedTurns(second))[0].jobId).toBeUndefined();
    expect(responsesRequests().length - before).toBe(1);
  } finally {
    await context.close();
    await link.close();
  }
});

test('a turn whose job the server no longer knows says so and is marked interrupted, and stays so after a reload', async ({ page }) => {
  // As a chat page closed long ago (or before a server restart) left it; seeded once, before the first load.
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('chat-thread', JSON.stringify({
      version: 1,
      state: { turns: [{ id: 'turn-gone-0', text: 'a lost lighthouse', attachments: [], status: 'running', jobId: '00000000-0000-4000-8000-000000000000' }] },
    }));
  });
  await openChat(page);
  const lost = turn(page, 1);
  await expect(lost).toHaveAttribute('data-status', 'failed');
  const alert = lost.getByRole('alert');
  await expect(alert).toContainText('job_not_found');
  await expect(alert).toContainText('This turn was interrupted');
  await expect(alert).toContainText('no longer has chat turn');
  // The composer is free again: no Cancel for a turn that is over.
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  expect((await savedTurns(page))[0].jobId).toBeUndefined();

  await page.reload();
  await expect(turn(page, 1)).toHaveAttribute('data-status', 'failed');
  await expect(turn(page, 1).getByRole('alert')).toContainText('job_not_found');
});

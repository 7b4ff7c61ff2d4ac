import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { gallery, openDeveloper, openStudio, shots } from './helpers';


async function choose26(page: Page, prompt: string, format: 'gif' | 'svg') {
  await openStudio(page);
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-2.6-sunburst');
  await page.getByRole('combobox', { name: 'Output format' }).selectOption(format);
}

test('a GIF: frames and delay asked, no streaming, the tile animates, the strip steps frame by frame', async ({ page }) => {
  const prompt = 'A red ball bouncing across a meadow';
  await choose26(page, prompt, 'gif');
  const stream = page.getByRole('checkbox', { name: /Stream/ });
  await expect(stream).toBeDisabled();
  await expect(stream).not.toBeChecked();
  await expect(page.getByText('GIF output cannot stream')).toBeVisible();

  // The per-frame cap follows the frame count as the size is picked.
  const frames = page.getByRole('spinbutton', { name: 'Frames' });
  await expect(page.getByText('up to 960×960 per frame with 9 frames').first()).toBeVisible();
  await frames.fill('16');
  await frames.blur();
  await expect(page.getByText('up to 720×720 per frame with 16 frames').first()).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Size' }).locator('option[value="960x960"]')).toHaveCount(0);
  await frames.fill('4');
  await frames.blur();
  await page.getByRole('spinbutton', { name: 'Frame duration (ms)' }).fill('150');
  await page.getByRole('spinbutton', { name: 'Frame duration (ms)' }).blur();
  await page.getByRole('combobox', { name: 'Size' }).selectOption('512x512');
  await expect(page.getByRole('status', { name: 'Estimated cost' })).toContainText('2×2 frame sheet');

  await page.getByRole('button', { name: 'Generate' }).click();
  const stage = gallery(page).getByTestId('gif-stage').first();
  await expect(stage.getByRole('img')).toBeVisible({ timeout: 20_000 });
  const tile = gallery(page).locator('[data-gif-frames]').first();
  await expect(tile).toHaveAttribute('data-gif-frames', '4', { timeout: 10_000 });
  expect(await stage.getByRole('img').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([512, 512]);

  // It animates: a screenshot some hundred ms later differs from the first.
  const first = await stage.screenshot();
  let differs = false;
  for (let i = 0; i < 6 && !differs; i++) {
    await page.waitForTimeout(200);
    differs = !first.equals(await stage.screenshot());
  }
  expect(differs, 'two screenshots of the playing GIF differ').toBe(true);

  // The strip: each frame decoded; step pauses on a frame, which downloads as a PNG beside the GIF.
  const strip = gallery(page).getByRole('list', { name: 'Frames' }).first();
  await expect(strip.getByRole('button')).toHaveCount(4);
  await gallery(page).getByRole('button', { name: 'Next frame' }).first().click();
  await expect(gallery(page).getByTestId('gif-frame-status').first()).toContainText('Frame 2 of 4 · 150 ms');
  await expect(stage.getByRole('img', { name: `Frame 2 of 4 of “${prompt}”` })).toBeVisible();
  const paused = await stage.screenshot();
  await page.waitForTimeout(400);
  expect(paused.equals(await stage.screenshot()), 'a paused frame stays put').toBe(true);
  await strip.getByRole('button', { name: 'Frame 4' }).click();
  await expect(gallery(page).getByTestId('gif-frame-status').first()).toContainText('Frame 4 of 4');
  await gallery(page).getByRole('button', { name: 'Previous frame' }).first().click();
  await expect(gallery(page).getByTestId('gif-frame-status').first()).toContainText('Frame 3 of 4');
  const [png] = await Promise.all([page.waitForEvent('download'), gallery(page).getByRole('link', { name: 'Download frame 3 (PNG)' }).first().click()]);
  expect(png.suggestedFilename()).toMatch(/-frame-3\.png$/);
  expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
  const [gif] = await Promise.all([page.waitForEvent('download'), gallery(page).getByRole('link', { name: 'Download GIF' }).first().click()]);
  expect(gif.suggestedFilename()).toMatch(/\.gif$/);
  expect(readFileSync((await gif.path())!).subarray(0, 6).toString()).toBe('GIF89a');
  await expect(gallery(page).getByRole('button', { name: 'Play' }).first()).toBeVisible();

  await shots(page, 'gif', stage);

  // History keeps the GIF with its frames and delay.
  await page.reload();
  await expect(page.getByLabel('GIF frames').first()).toContainText('GIF 4 frames × 150 ms');
});

test('an SVG: one image, an authoring model, shown as an <img> of the sanitized file with its counts, source and two cost lines', async ({ page }) => {
  const prompt = 'A flat vector logo of a fox';
  await choose26(page, prompt, 'svg');
  await expect(page.getByRole('spinbutton', { name: 'Number of images' })).toBeDisabled();
  await expect(page.getByRole('checkbox', { name: /Stream/ })).toBeDisabled();
  await page.getByRole('combobox', { name: 'Authoring model' }).selectOption('gpt-6-luna');
  await page.getByRole('combobox', { name: 'Reasoning effort' }).selectOption('low');
  await expect(page.getByLabel('Estimate lines')).toContainText('svg_usage (gpt-6-luna)');

  await page.getByRole('button', { name: 'Generate' }).click();
  const img = gallery(page).getByTestId('svg-image').first();
  await expect(img).toBeVisible({ timeout: 20_000 });
  expect(await img.getAttribute('src')).toMatch(/^blob:/);
  expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  // Never inlined: the document's own text is nowhere in the page's DOM outside the escaped source pane.
  expect(await gallery(page).locator('svg text').count()).toBe(0);

  const facts = gallery(page).getByLabel('SVG facts').first();
  await expect(facts).toContainText(/\d[\d,]* bytes\) · \d[\d,]* nodes/);
  await expect(facts).toContainText('sanitized: nothing unsafe found');
  expect(Number(await facts.getAttribute('data-nodes'))).toBeGreaterThan(1);
  await gallery(page).getByText('View source').first().click();
  const source = gallery(page).getByLabel('SVG source').first();
  await expect(source).toContainText('<svg');
  expect(await source.textContent()).not.toMatch(/<script|\son\w+=|foreignObject/i);

  await expect(gallery(page).getByLabel('Image usage cost').first()).toContainText(/Image usage \(reference raster\): \$/);
  await expect(gallery(page).getByLabel('SVG authoring cost').first()).toContainText('svg_usage (gpt-6-luna)');

  const [file] = await Promise.all([page.waitForEvent('download'), gallery(page).getByRole('link', { name: 'Download SVG (sanitized)' }).first().click()]);
  expect(file.suggestedFilename()).toMatch(/\.svg$/);
  const text = readFileSync((await file.path())!, 'utf8');
  expect(text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(text).not.toMatch(/<script|\son\w+=|foreignObject/i);

  await shots(page, 'svg', img);
});

test('a hostile SVG (script, onload, handlers, external href/use/url(), foreignObject) never runs, loads or reaches the download', async ({ page }) => {
  const external: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('offline-hostile.invalid')) external.push(r.url());
  });
  await choose26(page, 'A hostile badge', 'svg');
  await openDeveloper(page);
  await page.getByRole('combobox', { name: 'Simulate' }).selectOption('hostile_svg');
  await page.getByRole('button', { name: 'Generate' }).click();
  const img = gallery(page).getByTestId('svg-image').first();
  await expect(img).toBeVisible({ timeout: 20_000 });
  await expect(gallery(page).getByLabel('SVG facts').first()).toContainText(/sanitized: \d+ unsafe items? removed/);
  await img.hover();
  await img.click();
  expect(await page.evaluate(() => (window as unknown as { __offlineHostile?: string }).__offlineHostile)).toBeUndefined();
  expect(await page.locator('#offline-hostile-foreign, #offline-hostile-handler').count()).toBe(0);
  const [file] = await Promise.all([page.waitForEvent('download'), gallery(page).getByRole('link', { name: 'Download SVG (sanitized)' }).first().click()]);
  const text = readFileSync((await file.path())!, 'utf8');
  expect(text).not.toMatch(/<script|\son\w+=|foreignObject|offline-hostile\.invalid|javascript:|@import/i);
  expect(text).toContain('SYNTHETIC');
  expect(external).toEqual([]);
});

import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';

/** The harness (app/dev/edit-result) builds a 240×160 original, a feathered circle mask and a fake result. */
const HARNESS = '/dev/edit-result';

/** Raw RGBA pixels of an img on the page (a blob URL), decoded here with sharp. */
async function pixelsOf(page: Page, alt: string) {
  const src = await page.getByRole('img', { name: alt, exact: true }).getAttribute('src');
  const bytes = await page.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url!)).arrayBuffer())), src);
  const { data, info } = await sharp(Buffer.from(bytes)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const changesRegion = (page: Page) => page.getByRole('region', { name: 'Changes outside the mask' });
/** The viewer shows one tool at a time: open the Changes tab (Compare is the one open first). */
const openChanges = (page: Page) => page.getByRole('tab', { name: 'Changes outside the mask' }).click();

test('the Compare slider moves the divider; holding O or the button shows the whole original', async ({ page }) => {
  await page.goto(HARNESS);
  const figure = page.getByRole('figure', { name: 'Before and after' });
  const slider = figure.getByRole('slider', { name: 'Compare' });
  const divider = figure.getByTestId('compare-divider');
  const original = figure.getByRole('img', { name: 'Original (before the edit)' });
  await expect(slider).toHaveValue('50');

  const box = (await original.boundingBox())!;
  const dividerX = async () => {
    const b = (await divider.boundingBox())!;
    return (b.x + b.width / 2 - box.x) / box.width;
  };
  expect(await dividerX()).toBeCloseTo(0.5, 1);
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveValue('0');
  expect(await dividerX()).toBeCloseTo(0, 1);
  await expect(original).toHaveCSS('clip-path', 'inset(0px 100% 0px 0px)');
  for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('25');
  expect(await dividerX()).toBeCloseTo(0.25, 1);
  await page.keyboard.press('End');
  expect(await dividerX()).toBeCloseTo(1, 1);
  // Dragging on the picture moves it too.
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
  await expect(slider).toHaveValue('75');
  await slider.focus();
  await page.keyboard.press('Home');

  // Hold O: the whole original, no divider; release: back to the slider's split.
  await page.keyboard.down('o');
  await expect(figure.getByText('Showing the original')).toBeVisible();
  await expect(divider).toHaveCount(0);
  await expect(original).toHaveCSS('clip-path', 'none');
  await page.keyboard.up('o');
  await expect(figure.getByText('Showing the original')).toHaveCount(0);
  await expect(original).toHaveCSS('clip-path', 'inset(0px 100% 0px 0px)');

  // The button, held with the pointer, then with the keyboard (Space).
  const hold = figure.getByRole('button', { name: 'Hold to show original' });
  const hb = (await hold.boundingBox())!;
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  await expect(hold).toHaveAttribute('aria-pressed', 'true');
  await expect(original).toHaveCSS('clip-path', 'none');
  await page.mouse.up();
  await expect(hold).toHaveAttribute('aria-pressed', 'false');
  await hold.focus();
  await page.keyboard.down(' ');
  await expect(original).toHaveCSS('clip-path', 'none');
  await page.keyboard.up(' ');
  await expect(original).toHaveCSS('clip-path', 'inset(0px 100% 0px 0px)');
});

test('"Changes outside the mask" reports the share of kept pixels that changed, as computed from the PNGs', async ({ page }) => {
  // The comparison runs in a module worker, off the main thread.
  const worker = page.waitForEvent('worker');
  await page.goto(HARNESS);
  await openChanges(page);
  await worker;
  await expect(page.getByRole('img', { name: 'Harness result' })).toBeVisible();
  const [original, mask, result] = await Promise.all(['Harness original', 'Harness mask', 'Harness result'].map((alt) => pixelsOf(page, alt)));
  let considered = 0;
  let changed = 0;
  for (let i = 0; i < mask.data.length; i += 4) {
    if (mask.data[i + 3] !== 255) continue;
    considered++;
    let d = 0;
    for (let c = 0; c < 4; c++) d = Math.max(d, Math.abs(original.data[i + c] - result.data[i + c]));
    if (d > 8) changed++;
  }
  // The harness changes 30 pixels outside the mask and nudges 100 more by less than the threshold.
  expect(changed).toBe(30);
  const expected = `${((changed / considered) * 100).toFixed(1)}% of pixels outside the mask changed`;
  const status = changesRegion(page).getByRole('status');
  await expect(status).toHaveText(expected);
  await expect(changesRegion(page)).toContainText(`${changed} of ${considered.toLocaleString('en')} pixels the mask kept`);
  const heatmap = changesRegion(page).getByRole('img', { name: /^Heatmap of pixel differences outside the mask/ });
  await expect(heatmap).toBeVisible();
  await changesRegion(page).getByRole('checkbox', { name: /^Actual size/ }).check();
  expect((await heatmap.boundingBox())?.width).toBe(240);
});

test('"Keep only the masked area" hands a composite that is the original outside the mask and the result inside', async ({ page }) => {
  await page.goto(HARNESS);
  await openChanges(page);
  await page.getByRole('button', { name: 'Keep only the masked area' }).click();
  const alt = 'Composite: the result kept only inside the mask';
  await expect(page.getByRole('img', { name: alt })).toBeVisible();
  await expect(page.getByText(/onComposite called 1× — 240×160, image\/png/)).toBeVisible();
  const [original, mask, result, composite] = await Promise.all(
    ['Harness original', 'Harness mask', 'Harness result', alt].map((a) => pixelsOf(page, a)),
  );
  expect([composite.width, composite.height]).toEqual([original.width, original.height]);
  const count = { outside: 0, inside: 0, feathered: 0 };
  const wrong: string[] = [];
  for (let i = 0; i < mask.data.length; i += 4) {
    const a = mask.data[i + 3];
    const want = a === 255 ? original : a === 0 ? result : undefined;
    if (!want) {
      count.feathered++;
      continue;
    }
    count[a === 255 ? 'outside' : 'inside']++;
    if (!composite.data.subarray(i, i + 4).equals(want.data.subarray(i, i + 4))) wrong.push(`pixel ${i / 4} (mask alpha ${a})`);
  }
  expect(wrong.slice(0, 5)).toEqual([]);
  expect(count.outside).toBeGreaterThan(30_000);
  expect(count.inside).toBeGreaterThan(1_000);
  expect(count.feathered).toBeGreaterThan(0);
});

test('a result at another size is scaled to the original for comparison, and the UI says so', async ({ page }) => {
  await page.goto(`${HARNESS}?result=360x240`);
  await expect(page.getByText('The result is 360×240 and the original 240×160: the result is scaled to 240×160 for these comparisons.')).toBeVisible();
  await openChanges(page);
  await expect(page.getByText('The result is 360×240 and the original 240×160: the result is scaled to 240×160 for these comparisons.')).toBeVisible();
  await expect(changesRegion(page).getByRole('status')).toHaveText(/^(<0\.1|\d+\.\d)% of pixels outside the mask changed$/);
  await expect(changesRegion(page)).toContainText("The result (360×240) was scaled to the original's 240×160 to compare them.");
  await page.getByRole('button', { name: 'Keep only the masked area' }).click();
  await expect(page.getByText(/onComposite called 1× — 240×160/)).toBeVisible();
});

test('without a mask only the comparison is offered', async ({ page }) => {
  await page.goto(`${HARNESS}?mask=0`);
  await expect(page.getByRole('slider', { name: 'Compare' })).toBeVisible();
  await expect(page.getByText('This edit had no mask')).toBeVisible();
  await expect(changesRegion(page)).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Changes outside the mask' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Keep only the masked area' })).toHaveCount(0);
});

/**
 * Where an image pixel is on the painter's stage (mask and markup specs). The stage publishes its view as
 * data-view="scale,x,y"; React applies zoom and pan a frame or so after the input, and the page around the stage
 * may still move, so each helper waits until what it reads has settled.
 */
import type { Page } from '@playwright/test';

export const stage = (page: Page) => page.getByTestId('mask-stage');

/** The view (scale, x, y) once zooming or panning has settled. */
export async function stableView(page: Page): Promise<number[]> {
  let prev = '';
  for (;;) {
    const v = (await stage(page).getAttribute('data-view'))!;
    if (v === prev) return v.split(',').map(Number);
    prev = v;
    await page.waitForTimeout(100);
  }
}

/** Position of an image pixel inside the stage, for `stage(page).click({ position })`. */
export async function onStage(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const [scale, vx, vy] = await stableView(page);
  return { x: vx + x * scale, y: vy + y * scale };
}

/** Screen position of an image pixel, once the view and the stage's place on the page have settled. */
export async function toScreen(page: Page, x: number, y: number): Promise<[number, number]> {
  let prev = '';
  for (;;) {
    const p = await onStage(page, x, y);
    const box = (await stage(page).boundingBox())!;
    const at: [number, number] = [box.x + p.x, box.y + p.y];
    if (at.join() === prev) return at;
    prev = at.join();
    await page.waitForTimeout(100);
  }
}

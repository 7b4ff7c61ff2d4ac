/** Shared steps of the bench scripts that drive the studio. */

/** The offline simulation (Simulate, Latency, Billing ×) sits in the collapsed Developer section: open it. */
export async function openDeveloper(page) {
  const summary = page.locator('summary').filter({ hasText: 'Developer' });
  await summary.waitFor();
  if (!(await summary.evaluate((s) => s.parentElement.open))) await summary.click();
}

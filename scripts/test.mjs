/**
 * `npm test`: every test — vitest unit tests, then Playwright (offline API tests through the SDK and curl,
 * and end-to-end tests in Debian's Chromium) — closing with one plain line CI can read: `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuild, ensurePackages, ensureTestTools, root } from './setup.mjs';

ensurePackages();
ensureTestTools();
ensureBuild();

const out = mkdtempSync(join(tmpdir(), 'playground-tests-'));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const extra = process.argv.slice(2);

const unitJson = join(out, 'vitest.json');
spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`], { cwd: root, stdio: 'inherit', env });

const e2eJson = join(out, 'playwright.json');
spawnSync('npx', ['playwright', 'test', ...extra], { cwd: root, stdio: 'inherit', env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson } });

let passed = 0;
let failed = 0;
let skipped = 0;

if (existsSync(unitJson)) {
  const r = JSON.parse(readFileSync(unitJson, 'utf8'));
  passed += r.numPassedTests;
  // A file that fails to load has no tests of its own: count it as one failure.
  const broken = (r.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).length).length;
  failed += r.numFailedTests + broken;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
} else {
  console.error('vitest wrote no report: counting the unit run as one failure');
  failed += 1;
}

if (existsSync(e2eJson)) {
  const r = JSON.parse(readFileSync(e2eJson, 'utf8'));
  passed += r.stats.expected + r.stats.flaky;
  failed += r.stats.unexpected;
  skipped += r.stats.skipped;
  // Errors outside any test (a web server that would not start, a file that would not load).
  failed += (r.errors ?? []).length;
} else {
  console.error('Playwright wrote no report: counting the end-to-end run as one failure');
  failed += 1;
}

if (passed === 0) failed += 1;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);

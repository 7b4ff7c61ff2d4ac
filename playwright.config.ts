import { defineConfig } from '@playwright/test';

/**
 * Tests share one production server on the offline API with no simulated latency, which Playwright starts on a
 * port of its own (E2E_PORT, default 3100) and stops afterwards. It never reuses a server it did not start: if
 * something already listens on the port, the run fails at once instead of testing that other server.
 */
const PORT = Number(process.env.E2E_PORT || 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
/** Debian's Chromium (Playwright cannot download its own here); CHROMIUM_PATH to use another. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: BASE_URL,
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      ],
    },
  },
  projects: [
    // Fails, saying what to install, when the browser projects have no Chromium to drive.
    { name: 'chromium', testMatch: 'helpers/chromium.setup.ts' },
    { name: 'api', testMatch: 'api/**/*.spec.ts' },
    { name: 'ui', testMatch: 'ui/**/*.spec.ts', use: { browserName: 'chromium' }, dependencies: ['chromium'] },
    // Hosting for a team: tests that start servers of their own (passcode, policy, Redis, a proxy).
    { name: 'hosting', testMatch: 'hosting/**/*.spec.ts', use: { browserName: 'chromium' }, dependencies: ['chromium'] },
  ],
  webServer: {
    command: `npx next start -p ${PORT}`,
    url: `${BASE_URL}/api/offline/v1/models`,
    // The models route answers 401 without a key: any answer means the server is up.
    ignoreHTTPSErrors: true,
    // Never test a server Playwright did not start (an old build, another checkout, another configuration).
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(PORT),
      OFFLINE_LATENCY_MS: '0',
      ENABLE_DEV_PAGES: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      // Tests run on the offline API whatever the developer's shell holds.
      OPENAI_API_KEY: '',
      AZURE_OPENAI_API_KEY: '',
      GATEWAY_API_KEY: '',
      OFFLINE_API_KEY: '',
    },
  },
});

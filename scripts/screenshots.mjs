/**
 * `npm run screenshots`: each page and mode of the playground, light and dark, desktop (1440×900) and phone
 * (390×844), into docs/screenshots/ (the README shows them). Runs a production server of its own on the offline
 * API (builds first when the build is older than the sources) and drives it in Chromium like a person would, so
 * the pictures stay current with the code.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import sharp from 'sharp';
import { ensureBuild, ensurePackages, ensureTestTools, root } from './setup.mjs';

ensurePackages();
ensureTestTools();
ensureBuild();

const PORT = Number(process.env.SHOTS_PORT ?? 3350);
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = join(root, 'docs', 'screenshots');
mkdirSync(OUT, { recursive: true });

const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT)], {
  cwd: root,
  env: { ...process.env, PORT: String(PORT), OFFLINE_LATENCY_MS: '600', NEXT_TELEMETRY_DISABLED: '1', OPENAI_API_KEY: '', AZURE_OPENAI_API_KEY: '', GATEWAY_API_KEY: '' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
process.on('exit', () => server.kill('SIGTERM'));
for (let i = 0; ; i++) {
  try {
    await fetch(`${BASE}/api/offline/v1/models`);
    break;
  } catch {
    if (i > 300) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const reference = await sharp({ create: { width: 1024, height: 768, channels: 3, background: '#5b8def' } })
  .composite([{ input: Buffer.from('<svg width="1024" height="768"><circle cx="700" cy="420" r="180" fill="#f4a261"/><rect x="120" y="480" width="300" height="200" rx="24" fill="#2a9d8f"/></svg>') }])
  .png()
  .toBuffer();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

const VIEWPORTS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };
const shots = [];

async function studio(page, mode) {
  await page.goto(`${BASE}/`);
  await page.getByRole('combobox', { name: 'Model' }).waitFor();
  if (mode === 'edit') {
    await page.getByRole('tab', { name: 'Edit' }).click();
    await page.getByLabel('Reference images').setInputFiles([{ name: 'garden.png', mimeType: 'image/png', buffer: reference }]);
    await page.getByTestId('mask-stage').waitFor();
  }
  const prompt = mode === 'edit' ? 'Turn the orange sun into a paper lantern' : 'A lighthouse on a cliff at dusk, warm light, film grain';
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.keyboard.press('Control+Enter');
  await page.getByRole('region', { name: 'Gallery' }).getByRole('img', { name: prompt, exact: true }).first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(400);
}

async function chat(page) {
  await page.goto(`${BASE}/chat`);
  await page.getByRole('textbox', { name: 'Message' }).fill('A paper boat on a rainy street, seen from above');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('img', { name: /paper boat/ }).first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(300);
}

const SCENES = {
  studio: (page) => studio(page, 'generate'),
  edit: (page) => studio(page, 'edit'),
  chat,
  settings: async (page) => {
    await page.goto(`${BASE}/settings`);
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
  },
};

for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  for (const theme of ['light', 'dark']) {
    for (const [name, scene] of Object.entries(SCENES)) {
      const context = await browser.newContext({ viewport, colorScheme: theme, deviceScaleFactor: 1 });
      await context.addInitScript((t) => localStorage.setItem('image-playground.theme', t), theme);
      const page = await context.newPage();
      await scene(page);
      const file = `${name}-${device}-${theme}.png`;
      await page.screenshot({ path: join(OUT, file) });
      shots.push(file);
      await context.close();
    }
  }
}
await browser.close();
console.log(`${shots.length} screenshots in docs/screenshots/: ${shots.join(', ')}`);
process.exit(0);

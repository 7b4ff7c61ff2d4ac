/**
 * What a fresh machine lacks, installed on demand: npm packages, a production build, and (for tests) Debian's
 * Chromium, curl and jq. Shared by `npm start`, `npm test` and `npm run bench` so one command does all set-up.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

export function run(cmd, opts = {}) {
  const r = spawnSync(cmd, { shell: true, stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} exited with ${r.status}`);
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export function ensurePackages() {
  if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
    console.log('› installing npm packages (npm install)');
    run('npm install --no-audit --no-fund');
  }
}

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Build unless a build newer than every source file exists. */
export function ensureBuild() {
  const id = join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID');
  const sources = ['app', 'components', 'lib', 'public'].filter((d) => existsSync(join(root, d)));
  const files = ['next.config.mjs', 'package.json', 'postcss.config.mjs', 'tsconfig.json'].map((f) => statSync(join(root, f)).mtimeMs);
  const latest = Math.max(...sources.map((d) => newest(join(root, d))), ...files);
  if (existsSync(id) && statSync(id).mtimeMs > latest) return;
  console.log('› building the playground (next build)');
  run('npx next build', { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
}

/**
 * Debian's Chromium for Playwright (it cannot download its own here), curl and jq for the documentation
 * examples (e2e/fixtures/docs-examples), redis-server for the tests of limits shared by several instances, nginx
 * for the README's reverse-proxy block, and python3 to parse the Python code snippets. A test whose tool is
 * missing fails saying what to install; it never skips.
 */
export function ensureTestTools() {
  const missing = [['chromium', 'chromium'], ['curl', 'curl'], ['jq', 'jq'], ['redis-server', 'redis-server'], ['nginx', 'nginx'], ['python3', 'python3']].filter(([bin]) => !has(bin)).map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing ${missing.join(', ')}: install them (sudo apt-get install -y ${missing.join(' ')}) and run again.`);
  }
  console.log(`› installing ${missing.join(', ')} (apt-get)`);
  execSync('apt-get update -qq', { stdio: 'inherit' });
  execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' });
}

/** `npm start`: install and build if needed, then serve the playground on PORT (3000). */
import { spawn } from 'node:child_process';
import { ensureBuild, ensurePackages, root } from './setup.mjs';

ensurePackages();
ensureBuild();
const port = process.env.PORT ?? '3000';
const child = spawn('npx', ['next', 'start', '-p', port], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: port, NEXT_TELEMETRY_DISABLED: '1' },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));

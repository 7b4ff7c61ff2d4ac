/**
 * Programs some tests run (curl and jq for the documentation examples, nginx, redis-server). A missing one fails
 * the test that needs it, saying what to install: never a skip, which would end the run green having tested
 * nothing. `npm test` installs them first when it runs as root (scripts/setup.mjs, ensureTestTools).
 */
import { spawnSync } from 'node:child_process';

/** Whether `command` is on the PATH. */
export function hasTool(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** The message a missing program fails with. */
export function installHint(command: string, pkg = command): string {
  return `${command} is not installed: install ${pkg} (apt-get install -y ${pkg}), or run npm test as root, which installs it`;
}

/** Throws, naming the Debian package to install, unless every program in `tools` ([command, package]) is there. */
export function requireTools(...tools: (string | [command: string, pkg: string])[]): void {
  const missing = tools.map((t) => (typeof t === 'string' ? [t, t] : t)).filter(([command]) => !hasTool(command));
  if (missing.length) throw new Error(missing.map(([command, pkg]) => installHint(command, pkg)).join('; '));
}

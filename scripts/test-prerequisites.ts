/**
 * Run first by `npm test` (and, with --browser, by `npm run test:browser`): makes sure the system
 * tools the tests need are there. Missing ones are installed with apt-get where this user may
 * (root, or sudo without a password); otherwise it stops at once, naming each missing tool and
 * the command that installs it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { browserTools, missingTools, missingToolsMessage, packagesOf, testTools } from '../test/support/system-tools.ts';

const tools = process.argv.includes('--browser') ? browserTools : testTools;
const missing = missingTools(tools);
if (missing.length === 0) process.exit(0);

const hasAptGet = existsSync('/usr/bin/apt-get');
/** How this user runs apt-get, or undefined when it may not. */
function aptGetPrefix(): string[] | undefined {
  if (!hasAptGet) return undefined;
  if (process.getuid?.() === 0) return [];
  const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 5_000 });
  return sudo.status === 0 ? ['sudo', '-n'] : undefined;
}

const prefix = aptGetPrefix();
if (!prefix) {
  console.error(missingToolsMessage(missing, hasAptGet));
  process.exit(1);
}

const packages = packagesOf(missing);
console.error(`Installing what the tests need: apt-get install ${packages.join(' ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['apt-get', 'update', '-qq'],
  ['apt-get', 'install', '-y', '-qq', '-o', 'DPkg::Lock::Timeout=120', ...packages],
]) {
  const [program, ...rest] = [...prefix, ...args];
  const result = spawnSync(program!, rest, { stdio: ['ignore', 'inherit', 'inherit'], env, timeout: 15 * 60_000 });
  if (result.status !== 0) {
    console.error(`${args.slice(0, 2).join(' ')} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}).`);
    break;
  }
}

const stillMissing = missingTools(tools);
if (stillMissing.length > 0) {
  console.error(missingToolsMessage(stillMissing, hasAptGet));
  process.exit(1);
}

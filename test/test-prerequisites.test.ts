/**
 * `npm test` on a machine without the system tools: the check that runs first names every
 * missing tool and the command that installs it, and stops within seconds, never waiting.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { packagesOf, testTools } from './support/system-tools.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

test('without the tools and without the rights to install them, the check stops at once with the command to run', () => {
  // Nothing on PATH but Node, run as a user who may not install (root runs it as nobody).
  const bin = mkdtempSync(path.join(tmpdir(), 'antragswerk-bin-'));
  chmodSync(bin, 0o755);
  symlinkSync(process.execPath, path.join(bin, 'node'));
  const unprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const started = Date.now();
  const result = spawnSync(path.join(bin, 'node'), ['--import', 'tsx', 'scripts/test-prerequisites.ts'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: bin, HOME: tmpdir() },
    ...unprivileged,
  });
  assert.equal(result.error, undefined);
  assert.equal(result.status, 1, result.stderr);
  assert.ok(Date.now() - started < 15_000, 'the check must not wait');
  for (const tool of ['openssl', 'pdftotext', 'pdfinfo', 'gs', 'java']) assert.match(result.stderr, new RegExp(`- ${tool} \\(`));
  const packages = packagesOf(testTools.filter((tool) => tool.name !== 'PDFBox Preflight jars'));
  assert.match(result.stderr, new RegExp(`sudo apt-get install -y ${packages.join(' ')}`));
});

test('with every tool present the check passes silently', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test-prerequisites.ts'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '');
});

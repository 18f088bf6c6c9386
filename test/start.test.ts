/**
 * The whole process: start-up with the embedded database, survival of a restart, and start-up
 * refusing bad configuration or broken definitions with every problem listed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { parseConfig } from '../server/config.ts';
import { start } from '../server/start.ts';
import { silentLogger } from './support/app.ts';
import { formsDir, minimalDefinition, templatesDirFor } from './support/forms-dir.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function runMain(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('start-up', () => {
  test('a submission survives a restart of the embedded database and stays readable with its token', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'antragswerk-data-'));
    const formsDirectory = await formsDir({ 'testformular.json': minimalDefinition() });
    const config = parseConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      FORMS_DIR: formsDirectory,
      TEMPLATES_DIR: await templatesDirFor(formsDirectory),
      DEMO_RECEIVER_PORT: '0',
      LOG_LEVEL: 'silent',
    });

    const first = await start(config, silentLogger);
    const posted = await fetch(`${first.url}/api/forms/testformular/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ familienname: 'Beständig' }),
    });
    assert.equal(posted.status, 201);
    const receipt = (await posted.json()) as { id: string; reference: string; statusToken: string };
    await first.close();

    const second = await start(config, silentLogger);
    try {
      assert.equal((await fetch(`${second.url}/readyz`)).status, 200);
      const status = await fetch(`${second.url}/api/submissions/${receipt.id}?token=${receipt.statusToken}`);
      assert.equal(status.status, 200);
      assert.equal(((await status.json()) as { reference: string }).reference, receipt.reference);
      const forms = (await (await fetch(`${second.url}/api/forms`)).json()) as Array<{ version: number }>;
      assert.equal(forms[0]?.version, 1, 'an unchanged definition keeps its version across restarts');
    } finally {
      await second.close();
    }
  });

  test('bad configuration stops start-up listing every problem', () => {
    const result = runMain({ PORT: 'achtzig', DATABASE_URL: 'mysql://db', LOG_LEVEL: 'laut' });
    assert.equal(result.status, 1);
    for (const variable of ['PORT', 'DATABASE_URL', 'LOG_LEVEL']) assert.match(result.stderr, new RegExp(variable));
  });

  test('broken definitions stop start-up naming each file and JSON path', async () => {
    const broken = minimalDefinition('kaputt');
    (broken.schema as Record<string, unknown>).requierd = [];
    const dir = await formsDir({ 'kaputt.json': broken, 'leer.json': '' });
    const dataDir = await mkdtemp(path.join(tmpdir(), 'antragswerk-data-'));
    const result = runMain({ FORMS_DIR: dir, TEMPLATES_DIR: await templatesDirFor(dir), DATA_DIR: dataDir, PORT: '0' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /kaputt\.json \/schema: .*unknown keyword: "requierd"/);
    assert.match(result.stderr, /leer\.json \/: not valid JSON/);
  });
});

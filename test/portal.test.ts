/** Portal settings and the built client: files, page addresses, security headers. */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../server/db/database.ts';
import { testApp } from './support/app.ts';
import { testEngines } from './support/engines.ts';
import { formsDir, minimalDefinition } from './support/forms-dir.ts';

describe('portal', () => {
  const [engine] = testEngines();
  let db: Database;
  let http: Awaited<ReturnType<typeof testApp>>['http'];
  before(async () => {
    db = await engine!.open();
    const dist = await mkdtemp(path.join(tmpdir(), 'antragswerk-dist-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Antragsportal</title>');
    await writeFile(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    ({ http } = await testApp(db, { formsDir: await formsDir({ 'testformular.json': minimalDefinition() }), clientDistDir: dist }));
  });
  after(() => db.close());

  test('GET /api/portal names the operator and the accessibility contact', async () => {
    const res = await http.get('/api/portal').expect(200);
    assert.deepEqual(res.body, {
      name: 'Antragsportal Musterstadt',
      accessibilityContact: { email: 'barrierefreiheit@musterstadt.example' },
    });
  });

  test('page addresses get index.html with the page security policy', async () => {
    for (const page of ['/', '/formulare/testformular', '/barrierefreiheit', '/status', '/admin', '/admin/anmelden']) {
      const res = await http.get(page).expect(200).expect('Content-Type', /html/);
      assert.match(res.text, /Antragsportal/);
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-eval/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      assert.equal(res.headers['cache-control'], 'no-cache');
    }
  });

  test('hashed assets are cached for good; missing files and API paths are not pages', async () => {
    const asset = await http.get('/assets/app-1234.js').expect(200);
    assert.match(String(asset.headers['cache-control']), /immutable/);
    await http.get('/assets/missing.js').expect(404);
    const api = await http.get('/api/unbekannt').expect(404);
    assert.equal(api.body.error.code, 'not_found');
    assert.match(String(api.headers['content-security-policy']), /default-src 'none'/);
  });
});

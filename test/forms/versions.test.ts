import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { recordVersions, findVersion } from '../../server/forms/versions.ts';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { testApp } from '../support/app.ts';
import { testEngines } from '../support/engines.ts';
import { formsDir, minimalDefinition } from '../support/forms-dir.ts';

for (const engine of testEngines()) {
  describe(`form versions on ${engine.name}`, () => {
    let db: Database;
    before(async () => {
      db = await engine.open();
    });
    after(() => db.close());

    test('a new version is recorded only when the content changes', async () => {
      const v1 = minimalDefinition('versioniert') as unknown as FormDefinition;
      assert.equal((await recordVersions(db, [v1]))[0]?.version, 1);
      // Same content with another key order is the same version.
      const reordered = Object.fromEntries(Object.entries(v1).reverse()) as unknown as FormDefinition;
      assert.equal((await recordVersions(db, [reordered]))[0]?.version, 1);
      const v2 = { ...v1, title: { de: 'Geändert', en: 'Changed' } };
      assert.equal((await recordVersions(db, [v2]))[0]?.version, 2);
      // Going back to earlier content is a change too: the newest file wins, as a new version.
      assert.equal((await recordVersions(db, [v1]))[0]?.version, 3);
      assert.deepEqual((await findVersion(db, 'versioniert', 2))?.definition.title, { de: 'Geändert', en: 'Changed' });
    });

    test('recorded versions cannot be changed or deleted', async () => {
      await recordVersions(db, [minimalDefinition('fest') as unknown as FormDefinition]);
      await assert.rejects(db.query(`UPDATE form_versions SET definition = '{}' WHERE form_id = 'fest'`), /immutable/);
      await assert.rejects(db.query(`DELETE FROM form_versions WHERE form_id = 'fest'`), /immutable/);
    });

    test('after a definition changes, new submissions pin the new version and the old one stays readable', async () => {
      const original = minimalDefinition('wandel');
      const first = await testApp(db, { formsDir: await formsDir({ 'wandel.json': original }) });
      const before = await first.http.post('/api/forms/wandel/submissions').send({ familienname: 'Alt' }).expect(201);
      assert.equal(before.body.formVersion, 1);

      const changed = minimalDefinition('wandel');
      (changed.schema as { required: string[] }).required = ['familienname', 'postleitzahl'];
      const second = await testApp(db, { formsDir: await formsDir({ 'wandel.json': changed }) });
      assert.equal((await second.http.get('/api/forms/wandel').expect(200)).body.version, 2);
      const rejected = await second.http.post('/api/forms/wandel/submissions').send({ familienname: 'Neu' }).expect(422);
      assert.deepEqual(rejected.body.error.details.map((d: { path: string }) => d.path), ['/postleitzahl']);
      const after = await second.http
        .post('/api/forms/wandel/submissions')
        .send({ familienname: 'Neu', postleitzahl: '10115' })
        .expect(201);
      assert.equal(after.body.formVersion, 2);

      const old = await second.http.get('/api/forms/wandel/versions/1').expect(200);
      assert.deepEqual(old.body.schema, original.schema);
      const status = await second.http.get(`/api/submissions/${before.body.id}`).query({ token: before.body.statusToken }).expect(200);
      assert.equal(status.body.formVersion, 1);
    });
  });
}

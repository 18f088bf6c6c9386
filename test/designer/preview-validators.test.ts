/**
 * The designer preview's validator modules (`POST /api/admin/forms/:id/preview-validators`, then
 * `GET …/preview-validators/<hash>.js`): written for the definition sent, saved or not, and
 * served privately under its content hash; the saved draft's module also after it left the
 * cache. Access as for the draft: designers of the form's authority only (others 404, other
 * roles 403, no sign-in 401). A schema that does not compile is refused; unknown hashes and names are 404.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { contentHash } from '../../server/forms/content-hash.ts';
import { testEngines } from '../support/engines.ts';
import { testApp } from '../support/app.ts';
import { formsDir, minimalDefinition } from '../support/forms-dir.ts';
import { authorityA, authorityB, callerTokens, type Caller } from '../auth/support.ts';

function draftDefinition(id = 'vorschau-probe'): Record<string, unknown> {
  return { ...minimalDefinition(id), authority: authorityA, title: { de: 'Vorschau', en: 'Preview' } };
}

for (const engine of testEngines()) {
  describe(`designer preview validators (${engine.name})`, () => {
    let db: Database;
    let http: Awaited<ReturnType<typeof testApp>>['http'];
    let tokens: Map<Caller, string>;
    const as = (caller: Caller) => `Bearer ${tokens.get(caller)}`;
    const prepare = (definition: unknown, caller: Caller = 'designer@A', id = 'vorschau-probe') =>
      http.post(`/api/admin/forms/${id}/preview-validators`).set('Authorization', as(caller)).send(definition as object);

    before(async () => {
      db = await engine.open();
      await db.query(
        `INSERT INTO authorities (id, name, address, managed_by) VALUES
           ($1, 'Amt A', '{"strasse":"Markt","hausnummer":"1","postleitzahl":"11111","ort":"A-Stadt"}', 'api'),
           ($2, 'Amt B', '{"strasse":"Markt","hausnummer":"2","postleitzahl":"22222","ort":"B-Stadt"}', 'api')`,
        [authorityA, authorityB],
      );
      ({ http } = await testApp(db, { formsDir: await formsDir({ 'testformular.json': minimalDefinition() }) }));
      tokens = await callerTokens(db);
      await http.post('/api/admin/forms').set('Authorization', as('designer@A')).send(draftDefinition()).expect(201);
    });
    after(() => db.close());

    test('an unsaved definition: its module, private and kept for good under its content hash', async () => {
      const changed = draftDefinition();
      (changed.schema as { required: string[] }).required = [];
      const res = await prepare(changed).expect(200);
      assert.equal(res.headers['cache-control'], 'no-store');
      const url = String(res.body.module);
      assert.equal(url, `/api/admin/forms/vorschau-probe/preview-validators/${contentHash(changed)}.js`);
      const module = await http.get(url).set('Authorization', as('designer@A')).expect(200);
      assert.equal(module.headers['content-type'], 'text/javascript; charset=utf-8');
      assert.equal(module.headers['cache-control'], 'private, max-age=31536000, immutable');
      assert.match(module.text, /export default function validators\(require\)/);
      await http.get(url).set('Authorization', as('designer@A')).set('If-None-Match', String(module.headers.etag)).expect(304);
    });

    test("the saved draft's module is there without asking first", async () => {
      const url = `/api/admin/forms/vorschau-probe/preview-validators/${contentHash(draftDefinition())}.js`;
      await http.get(url).set('Authorization', as('designer@A')).expect(200);
    });

    test("only designers of the authority: another authority's 404, a caseworker 403, without sign-in 401", async () => {
      const url = (await prepare(draftDefinition()).expect(200)).body.module as string;
      // Another authority's designer does not learn the form exists; a caseworker may not design.
      for (const [caller, status] of [['designer@B', 404], ['sachbearbeitung@A', 403]] as const) {
        const refused = await prepare(draftDefinition(), caller);
        assert.equal(refused.status, status, caller);
        assert.equal(refused.body.module, undefined);
        const res = await http.get(url).set('Authorization', as(caller));
        assert.equal(res.status, status, caller);
        assert.doesNotMatch(res.text, /export default/);
      }
      await http.post('/api/admin/forms/vorschau-probe/preview-validators').send(draftDefinition()).expect(401);
      const anonymous = await http.get(url).expect(401);
      assert.doesNotMatch(anonymous.text, /export default/);
      await http.get(url).set('Authorization', as('unknown-token')).expect(401);
    });

    test('unknown forms, hashes and names: 404', async () => {
      await prepare(draftDefinition('gibt-es-nicht'), 'designer@A', 'gibt-es-nicht').expect(404);
      for (const file of [`${'0'.repeat(64)}.js`, `${contentHash(draftDefinition())}.mjs`, 'x.js', '..%2F..%2Fpackage.json', `${'A'.repeat(64)}.js`]) {
        const res = await http.get(`/api/admin/forms/vorschau-probe/preview-validators/${file}`).set('Authorization', as('designer@A'));
        assert.equal(res.status, 404, file);
        assert.equal(res.body.error?.code, 'validator_module_not_found', file);
      }
    });

    test('a schema that does not compile, or none: 422 definition_invalid at /schema', async () => {
      const broken = draftDefinition();
      (broken.schema as { properties: Record<string, unknown> }).properties.plz = { type: 'string', format: 'postleitzahll' };
      for (const definition of [broken, { ...draftDefinition(), schema: 'kein Schema' }, { id: 'vorschau-probe' }]) {
        const res = await prepare(definition).expect(422);
        assert.equal(res.body.error.code, 'definition_invalid');
        assert.equal(res.body.error.details.problems[0].path, '/schema');
      }
      await prepare([1, 2]).expect(400);
    });
  });
}

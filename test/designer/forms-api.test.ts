/**
 * The form designer's API: drafts saved with conflict detection, publication as a new version
 * with a diff, live registration for citizens (this process at once, others through the version
 * counter), retirement, precedence of file forms, scope, and bad input that stores nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { openPostgres } from '../../server/db/postgres.ts';
import { testEngines } from '../support/engines.ts';
import { testApp } from '../support/app.ts';
import { minimalDefinition } from '../support/forms-dir.ts';
import { adminTestApp, authorityA, callerTokens, type Caller } from '../auth/support.ts';

/** A designer form of authority A: the minimal definition under another id. */
function definition(id = 'hundeanmeldung'): Record<string, unknown> {
  return { ...minimalDefinition(id), title: { de: 'Hundeanmeldung', en: 'Dog registration' }, authority: authorityA };
}

type Schema = { properties: Record<string, Record<string, unknown>>; required?: string[] };
const schemaOf = (d: Record<string, unknown>) => d.schema as Schema;

async function designerRows(db: Database) {
  const { rows } = await db.query<{ forms: number; drafts: string; versions: number; audit: number }>(
    `SELECT (SELECT count(*)::int FROM designer_forms) AS forms,
            (SELECT coalesce(string_agg(id || ':' || draft_version, ',' ORDER BY id), '') FROM designer_forms) AS drafts,
            (SELECT count(*)::int FROM form_versions WHERE source = 'designer') AS versions,
            (SELECT count(*)::int FROM audit_log) AS audit`,
  );
  return rows[0]!;
}

const waitFor = async (what: () => Promise<boolean>, ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await what()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return what();
};

for (const engine of testEngines()) {
  describe(`form designer API (${engine.name})`, () => {
    let db: Database;
    let second: Database;
    let app: Awaited<ReturnType<typeof adminTestApp>>;
    let other: Awaited<ReturnType<typeof testApp>>;
    let tokens: Map<Caller, string>;
    const as = (caller: Caller) => `Bearer ${tokens.get(caller)}`;
    const designer = () => as('designer@A');

    before(async () => {
      db = await engine.open();
      app = await adminTestApp(db);
      tokens = await callerTokens(db);
      if (engine.name === 'postgres') {
        // Another process: its own connections to the same database.
        const schema = (await db.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]!.schema;
        second = await openPostgres(process.env.TEST_DATABASE_URL!, { poolSize: 2, schema });
      } else second = db;
      other = await testApp(second, { formsDir: app.config.formsDir, formsCheckIntervalMs: 300 });
    });
    after(async () => {
      if (second !== db) await second.close();
      await db.close();
    });

    test('a definition with problems is refused with every problem at its JSON Pointer, and nothing is stored', async () => {
      const broken = { ...definition(), authority: undefined, retentionDays: 'dreißig', farbe: 'blau' } as Record<string, unknown>;
      schemaOf(broken).properties.alter = { type: 'zahl' };
      const before = await designerRows(db);
      const res = await app.http.post('/api/admin/forms').set('Authorization', designer()).send(broken).expect(422);
      assert.equal(res.body.error.code, 'definition_invalid');
      const paths = (res.body.error.details.problems as Array<{ path: string; message: string }>).map((p) => p.path);
      for (const path of ['', '/retentionDays', '/schema/properties/alter/type', '/authority']) assert.ok(paths.includes(path), `a problem at "${path}" in ${JSON.stringify(paths)}`);
      assert.deepEqual(await designerRows(db), before);
    });

    test('create: 201 with the draft and its ETag; the list shows it beside the file forms', async () => {
      const res = await app.http.post('/api/admin/forms').set('Authorization', designer()).send(definition()).expect(201);
      assert.equal(res.headers.etag, '"1"');
      assert.equal(res.body.state, 'draft');
      assert.equal(res.body.authority, authorityA);
      const list = await app.http.get('/api/admin/forms').set('Authorization', designer()).expect(200);
      const entry = list.body.forms.find((f: { id: string }) => f.id === 'hundeanmeldung');
      assert.deepEqual(
        { state: entry.state, source: entry.source, currentVersion: entry.currentVersion, draftVersion: entry.draftVersion, readOnly: entry.readOnly },
        { state: 'draft', source: 'designer', currentVersion: null, draftVersion: 1, readOnly: false },
      );
      const audit = await db.query<{ action: string; actor_name: string }>(`SELECT action, actor_name FROM audit_log WHERE object_id = 'hundeanmeldung'`);
      assert.deepEqual(audit.rows, [{ action: 'form.create', actor_name: 'caller-designer-A' }]);
      // Not offered to citizens before it is published.
      assert.equal((await app.http.get('/api/forms/hundeanmeldung').expect(404)).body.error.code, 'form_not_found');
    });

    test('draft: saved with If-Match, incomplete drafts keep their problems; a second save on the same version is refused with 412', async () => {
      const got = await app.http.get('/api/admin/forms/hundeanmeldung/draft').set('Authorization', designer()).expect(200);
      assert.equal(got.headers.etag, '"1"');
      assert.deepEqual(got.body.problems, []);

      const incomplete = definition();
      schemaOf(incomplete).properties.geburtsdatum = { type: 'string', format: 'time' };
      assert.equal(
        (await app.http.put('/api/admin/forms/hundeanmeldung/draft').set('Authorization', designer()).send(incomplete).expect(428)).body.error.code,
        'precondition_required',
      );
      const saved = await app.http.put('/api/admin/forms/hundeanmeldung/draft').set('Authorization', designer()).set('If-Match', '"1"').send(incomplete).expect(200);
      assert.equal(saved.headers.etag, '"2"');
      assert.deepEqual(saved.body.problems.map((p: { path: string }) => p.path), ['/schema/properties/geburtsdatum/format']);

      const theirs = definition();
      schemaOf(theirs).properties.rasse = { type: 'string', title: 'Rasse' };
      const refused = await app.http.put('/api/admin/forms/hundeanmeldung/draft').set('Authorization', designer()).set('If-Match', '"1"').send(theirs).expect(412);
      assert.equal(refused.body.error.code, 'draft_conflict');
      assert.match(refused.body.error.message, /neu/);
      assert.equal(refused.body.error.details.draftVersion, 2);
      const english = await app.http.put('/api/admin/forms/hundeanmeldung/draft').set('Authorization', designer()).set('Accept-Language', 'en').set('If-Match', '"1"').send(theirs).expect(412);
      assert.match(english.body.error.message, /reload/);
      const stored = await app.http.get('/api/admin/forms/hundeanmeldung/draft').set('Authorization', designer()).expect(200);
      assert.equal(stored.headers.etag, '"2"');
      assert.deepEqual(schemaOf(stored.body.definition).properties.geburtsdatum, { type: 'string', format: 'time' });
      assert.equal(schemaOf(stored.body.definition).properties.rasse, undefined);
    });

    test('publish refuses a draft with problems (422, all listed) and a stale If-Match (412)', async () => {
      const before = await designerRows(db);
      const res = await app.http.post('/api/admin/forms/hundeanmeldung/publish').set('Authorization', designer()).set('If-Match', '"2"').expect(422);
      assert.equal(res.body.error.code, 'definition_invalid');
      assert.deepEqual(res.body.error.details.problems.map((p: { path: string }) => p.path), ['/schema/properties/geburtsdatum/format']);
      await app.http.post('/api/admin/forms/hundeanmeldung/publish').set('Authorization', designer()).set('If-Match', '"1"').expect(412);
      await app.http.post('/api/admin/forms/hundeanmeldung/publish').set('Authorization', designer()).expect(428);
      assert.deepEqual(await designerRows(db), before);
    });

    test('publish: version 1 with its diff, audited with content hash; citizens can use it at once, and another process within its poll interval', async () => {
      await app.http.put('/api/admin/forms/hundeanmeldung/draft').set('Authorization', designer()).set('If-Match', '"2"').send(definition()).expect(200);
      const res = await app.http.post('/api/admin/forms/hundeanmeldung/publish').set('Authorization', designer()).set('If-Match', '"3"').expect(200);
      assert.equal(res.body.version, 1);
      assert.deepEqual(res.body.diff.summary, { added: 2, removed: 0, changed: 0 });
      assert.deepEqual(res.body.diff.fields[0], { change: 'added', path: '/schema/properties/familienname', label: { de: 'Familienname', en: 'Family name' } });
      const audit = await db.query<{ details: { version: number; contentHash: string } }>(`SELECT details FROM audit_log WHERE action = 'form.publish' AND object_id = 'hundeanmeldung'`);
      assert.equal(audit.rows.length, 1);
      assert.equal(audit.rows[0]!.details.version, 1);
      assert.equal(audit.rows[0]!.details.contentHash, res.body.contentHash);
      assert.match(res.body.contentHash, /^[0-9a-f]{64}$/);

      const form = await app.http.get('/api/forms/hundeanmeldung').expect(200);
      assert.equal(form.body.version, 1);
      assert.ok((await app.http.get('/api/forms').expect(200)).body.some((f: { id: string }) => f.id === 'hundeanmeldung'));
      const submitted = await app.http.post('/api/forms/hundeanmeldung/submissions').send({ familienname: 'Muster', postleitzahl: '64283' }).expect(201);
      assert.equal(submitted.body.formVersion, 1);
      assert.equal((await app.http.post('/api/forms/hundeanmeldung/submissions').send({ postleitzahl: 'x' }).expect(422)).body.error.code, 'validation_failed');
      const xsd = await app.http.get('/api/forms/hundeanmeldung/xsd').expect(302);
      assert.match((await app.http.get(xsd.headers.location!).expect(200)).text, /<xs:schema/);

      assert.ok(await waitFor(async () => (await other.http.get('/api/forms/hundeanmeldung')).status === 200, 3000), 'the other process offers the form');
      assert.equal((await other.http.post('/api/forms/hundeanmeldung/submissions').send({ familienname: 'Beispiel' }).expect(201)).body.formVersion, 1);
    });

    test('republish: version 2 with fields added, removed and changed; the diff and the versions list say so', async () => {
      const next = definition();
      const properties = schemaOf(next).properties;
      delete properties.postleitzahl;
      next.applicant = { familienname: '/familienname' };
      properties.familienname = { ...properties.familienname, maxLength: 80 };
      properties.rasse = { type: 'string', title: 'Rasse', maxLength: 50 };
      (next.i18n as { en: Record<string, string> }).en['/schema/properties/rasse/title'] = 'Breed';
      const etag = (await app.http.get('/api/admin/forms/hundeanmeldung/draft').set('Authorization', designer())).headers.etag!;
      const saved = await app.http.put('/api/admin/forms/hundeanmeldung/draft').set('Authorization', designer()).set('If-Match', etag).send(next).expect(200);
      assert.deepEqual(saved.body.problems, []);

      const diff = await app.http.get('/api/admin/forms/hundeanmeldung/diff').set('Authorization', designer()).expect(200);
      assert.equal(diff.body.against, 1);
      const byChange = (fields: Array<{ change: string; path: string; label: { de: string; en: string } }>) =>
        Object.fromEntries(fields.map((f) => [f.path, `${f.change} ${f.label.de}/${f.label.en}`]));
      const expected = {
        '/schema/properties/familienname': 'changed Familienname/Family name',
        '/schema/properties/rasse': 'added Rasse/Breed',
        '/schema/properties/postleitzahl': 'removed Postleitzahl/Postleitzahl',
      };
      assert.deepEqual(byChange(diff.body.fields), expected);
      assert.deepEqual(diff.body.parts, ['applicant', 'i18n']);

      const published = await app.http.post('/api/admin/forms/hundeanmeldung/publish').set('Authorization', designer()).set('If-Match', saved.headers.etag!).expect(200);
      assert.equal(published.body.version, 2);
      assert.deepEqual(byChange(published.body.diff.fields), expected);
      assert.equal((await app.http.get('/api/forms/hundeanmeldung').expect(200)).body.version, 2);

      const versions = await app.http.get('/api/admin/forms/hundeanmeldung/versions').set('Authorization', designer()).expect(200);
      assert.deepEqual(
        versions.body.versions.map((v: { version: number; source: string; publishedBy: string; summary: unknown }) => [v.version, v.source, v.publishedBy, v.summary]),
        [
          [1, 'designer', 'caller-designer-A', { added: 2, removed: 0, changed: 0 }],
          [2, 'designer', 'caller-designer-A', { added: 1, removed: 1, changed: 1 }],
        ],
      );
      // The submission made with version 1 keeps it.
      const { rows } = await db.query<{ form_version: number }>(`SELECT form_version FROM submissions WHERE form_id = 'hundeanmeldung' ORDER BY form_version`);
      assert.ok(rows.length >= 1 && rows.every((r) => r.form_version === 1));
    });

    test('export, duplicate and import', async () => {
      const exported = await app.http.get('/api/admin/forms/hundeanmeldung/export').set('Authorization', designer()).expect(200);
      assert.match(String(exported.headers['content-disposition']), /attachment; filename="hundeanmeldung.json"/);
      const definitionJson = JSON.parse(exported.text) as Record<string, unknown>;
      assert.equal(definitionJson.id, 'hundeanmeldung');

      const copy = await app.http.post('/api/admin/forms/hundeanmeldung/duplicate').set('Authorization', designer()).send({ id: 'hundeanmeldung-kopie' }).expect(201);
      assert.equal(copy.body.state, 'draft');
      assert.equal(copy.body.definition.id, 'hundeanmeldung-kopie');
      assert.equal((await app.http.post('/api/admin/forms/hundeanmeldung/duplicate').set('Authorization', designer()).send({ id: 'hundeanmeldung-kopie' }).expect(409)).body.error.code, 'already_exists');
      assert.equal((await app.http.post('/api/admin/forms/hundeanmeldung/duplicate').set('Authorization', designer()).send({ id: 'Nicht Gültig' }).expect(422)).body.error.code, 'definition_invalid');

      const imported = await app.http.post('/api/admin/forms?import').set('Authorization', designer()).send({ ...definitionJson, id: 'hundeanmeldung-import' }).expect(201);
      assert.equal(imported.body.id, 'hundeanmeldung-import');
      const actions = await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE object_id IN ('hundeanmeldung-kopie', 'hundeanmeldung-import') ORDER BY id`);
      assert.deepEqual(actions.rows.map((r) => r.action), ['form.duplicate', 'form.import']);
    });

    test('retire: gone for citizens here and in the other process; its versions stay readable', async () => {
      const res = await app.http.post('/api/admin/forms/hundeanmeldung/retire').set('Authorization', designer()).expect(200);
      assert.equal(res.body.state, 'retired');
      assert.ok(!(await app.http.get('/api/forms').expect(200)).body.some((f: { id: string }) => f.id === 'hundeanmeldung'));
      await app.http.get('/api/forms/hundeanmeldung').expect(404);
      assert.equal((await app.http.post('/api/forms/hundeanmeldung/submissions').send({ familienname: 'Muster' }).expect(404)).body.error.code, 'form_not_found');
      assert.equal((await app.http.get('/api/forms/hundeanmeldung/versions/1').expect(200)).body.version, 1);
      assert.ok(await waitFor(async () => (await other.http.get('/api/forms/hundeanmeldung')).status === 404, 3000), 'the other process no longer offers the form');
      const list = await app.http.get('/api/admin/forms').set('Authorization', designer()).expect(200);
      assert.equal(list.body.forms.find((f: { id: string }) => f.id === 'hundeanmeldung').state, 'retired');
      assert.equal((await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'form.retire'`)).rows[0]!.n, 1);
    });

    test("a file form's id is refused: FORMS_DIR wins", async () => {
      const before = await designerRows(db);
      const res = await app.http.post('/api/admin/forms').set('Authorization', designer()).send(definition('testformular')).expect(409);
      assert.equal(res.body.error.code, 'managed_by_file');
      assert.deepEqual(await designerRows(db), before);
    });

    test('scope: a designer of another authority gets 404, other roles 403', async () => {
      const otherDesigner = as('designer@B');
      for (const path of ['draft', 'versions', 'diff', 'export']) await app.http.get(`/api/admin/forms/hundeanmeldung-kopie/${path}`).set('Authorization', otherDesigner).expect(404);
      await app.http.put('/api/admin/forms/hundeanmeldung-kopie/draft').set('Authorization', otherDesigner).set('If-Match', '"1"').send(definition('hundeanmeldung-kopie')).expect(404);
      await app.http.post('/api/admin/forms/hundeanmeldung-kopie/publish').set('Authorization', otherDesigner).set('If-Match', '"1"').expect(404);
      await app.http.post('/api/admin/forms/hundeanmeldung-kopie/retire').set('Authorization', otherDesigner).expect(404);
      assert.deepEqual((await app.http.get('/api/admin/forms').set('Authorization', otherDesigner).expect(200)).body.forms, []);
      // Creating a form for an authority one does not design for.
      await app.http.post('/api/admin/forms').set('Authorization', otherDesigner).send(definition('fremd')).expect(403);
      await app.http.get('/api/admin/forms').set('Authorization', as('sachbearbeitung@A')).expect(403);
      await app.http.get('/api/admin/forms').set('Authorization', as('admin')).expect(403);
      await app.http.get('/api/admin/forms').expect(401);
      assert.equal((await app.http.get('/api/admin/forms/hundeanmeldung-kopie/draft').set('Authorization', designer()).expect(200)).headers.etag, '"1"');
    });

    test('a schema with its own $id can be checked again and again and published as a new version', async () => {
      const withId = (maxLength: number) => {
        const d = definition('mit-id');
        Object.assign(schemaOf(d), { $id: 'https://musterstadt.example/schemas/mit-id.json' });
        schemaOf(d).properties.familienname = { ...schemaOf(d).properties.familienname, maxLength };
        return d;
      };
      await app.http.post('/api/admin/forms').set('Authorization', designer()).send(withId(100)).expect(201);
      for (const [etag, maxLength] of [['"1"', 90], ['"2"', 80]] as const) {
        const saved = await app.http.put('/api/admin/forms/mit-id/draft').set('Authorization', designer()).set('If-Match', etag).send(withId(maxLength)).expect(200);
        assert.deepEqual(saved.body.problems, []);
      }
      assert.equal((await app.http.post('/api/admin/forms/mit-id/publish').set('Authorization', designer()).set('If-Match', '"3"').expect(200)).body.version, 1);
      await app.http.put('/api/admin/forms/mit-id/draft').set('Authorization', designer()).set('If-Match', '"3"').send(withId(70)).expect(200);
      assert.equal((await app.http.post('/api/admin/forms/mit-id/publish').set('Authorization', designer()).set('If-Match', '"4"').expect(200)).body.version, 2);
      assert.equal((await app.http.get('/api/forms/mit-id').expect(200)).body.version, 2);
      await app.http.post('/api/forms/mit-id/submissions').send({ familienname: 'M'.repeat(71) }).expect(422);
      assert.equal((await app.http.post('/api/forms/mit-id/submissions').send({ familienname: 'Muster' }).expect(201)).body.formVersion, 2);
    });

    test('an authority with a designer form cannot be deleted: 409 authority_in_use naming the designer forms', async () => {
      await db.query(`INSERT INTO authorities (id, name, address, managed_by) VALUES ('amt-c', 'Amt C', '{"strasse":"Markt","hausnummer":"3","postleitzahl":"33333","ort":"C-Stadt"}', 'api')`);
      await db.query(`INSERT INTO designer_forms (id, authority_id, draft, saved_by) VALUES ('entwurf-c', 'amt-c', $1::jsonb, 'test')`, [JSON.stringify({ ...definition('entwurf-c'), authority: 'amt-c' })]);
      const res = await app.http.delete('/api/admin/authorities/amt-c').set('Authorization', as('admin')).expect(409);
      assert.equal(res.body.error.code, 'authority_in_use');
      assert.equal(res.body.error.details.designerForms, 1);
      assert.equal((await db.query(`SELECT count(*)::int AS n FROM authorities WHERE id = 'amt-c'`)).rows[0]!.n, 1);
    });

    test('bad input: malformed JSON, a huge body, unknown fields, a foreign id or authority, a wrong content type — a clear 4xx and nothing stored', async () => {
      const before = await designerRows(db);
      const send = (method: 'post' | 'put', path: string) => {
        const req = app.http[method](path).set('Authorization', designer());
        return method === 'put' ? req.set('If-Match', '"1"') : req;
      };
      for (const [method, path] of [['post', '/api/admin/forms'], ['put', '/api/admin/forms/hundeanmeldung-kopie/draft']] as const) {
        assert.equal((await send(method, path).set('Content-Type', 'application/json').send('{"id": "kaputt",').expect(400)).body.error.code, 'invalid_json');
        const huge = { ...definition('hundeanmeldung-kopie'), description: { de: 'x'.repeat(1_100_000) } };
        assert.equal((await send(method, path).send(huge).expect(413)).body.error.code, 'payload_too_large');
        assert.equal((await send(method, path).send({ ...definition('hundeanmeldung-kopie'), extra: true }).expect(422)).body.error.code, 'definition_invalid');
        assert.equal((await send(method, path).set('Content-Type', 'text/plain').send('id=x').expect(415)).body.error.code, 'unsupported_media_type');
        assert.equal((await send(method, path).send([definition()]).expect(400)).body.error.code, 'invalid_body');
        assert.equal((await send(method, path).set('Content-Type', 'application/json').send('{"__proto__": {"x": 1}}').expect(400)).body.error.code, 'forbidden_key');
      }
      const moved = await send('put', '/api/admin/forms/hundeanmeldung-kopie/draft').send({ ...definition('hundeanmeldung-kopie'), authority: 'amt-b' }).expect(422);
      assert.deepEqual(moved.body.error.details.problems.map((p: { path: string }) => p.path), ['/authority']);
      const renamed = await send('put', '/api/admin/forms/hundeanmeldung-kopie/draft').send(definition('anders')).expect(422);
      assert.deepEqual(renamed.body.error.details.problems.map((p: { path: string }) => p.path), ['/id']);
      await send('put', '/api/admin/forms/hundeanmeldung-kopie/draft').set('If-Match', 'kein-etag').send(definition('hundeanmeldung-kopie')).expect(412);
      await app.http.get('/api/admin/forms/gibt-es-nicht/draft').set('Authorization', designer()).expect(404);
      assert.deepEqual(await designerRows(db), before);
    });
  });
}

/**
 * The HTTP API against each database engine: every status it answers, and that a failed
 * request stores nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../server/db/database.ts';
import { storedRows, testApp } from './support/app.ts';
import { testEngines } from './support/engines.ts';
import { formsDir, minimalDefinition } from './support/forms-dir.ts';

const valid = { familienname: 'Müller-Lüdenscheidt', postleitzahl: '64283' };

for (const engine of testEngines()) {
  describe(`API on ${engine.name}`, () => {
    let db: Database;
    let http: Awaited<ReturnType<typeof testApp>>['http'];
    const bodyLimitBytes = 4096;

    before(async () => {
      db = await engine.open();
      ({ http } = await testApp(db, {
        formsDir: await formsDir({ 'testformular.json': minimalDefinition() }),
        bodyLimitBytes,
      }));
    });
    after(() => db.close());

    const submit = (body: unknown, formId = 'testformular') =>
      http.post(`/api/forms/${formId}/submissions`).set('Content-Type', 'application/json').send(JSON.stringify(body));

    test('GET /healthz and /readyz', async () => {
      assert.deepEqual((await http.get('/healthz').expect(200)).body, { status: 'ok' });
      assert.deepEqual((await http.get('/readyz').expect(200)).body, { status: 'ready' });
    });

    test('GET /api/forms lists published forms with id, title and version', async () => {
      const res = await http.get('/api/forms').expect(200).expect('Content-Type', /json/);
      assert.deepEqual(res.body, [{ id: 'testformular', title: { de: 'Testformular', en: 'Test form' }, version: 1 }]);
    });

    test('GET /api/forms/:formId returns the current version for rendering', async () => {
      const res = await http.get('/api/forms/testformular').expect(200);
      const d = minimalDefinition();
      assert.deepEqual(res.body, {
        id: 'testformular',
        version: 1,
        title: d.title,
        schema: d.schema,
        uiSchema: {},
        i18n: d.i18n,
        applicant: d.applicant,
        validatorModule: res.body.validatorModule,
      });
      // Where its precompiled validators are (test/forms/validator-module.test.ts).
      assert.match(res.body.validatorModule, /^\/api\/forms\/testformular\/versions\/1\/validator\.js\?rev=[0-9a-f]{20}$/);
    });

    test('GET /api/forms/:formId/versions/:version returns a recorded version', async () => {
      assert.equal((await http.get('/api/forms/testformular/versions/1').expect(200)).body.version, 1);
      for (const v of ['2', '0', 'eins', '99999999999'])
        assert.equal((await http.get(`/api/forms/testformular/versions/${v}`).expect(404)).body.error.code, 'form_version_not_found');
    });

    test('GET /api/schemas/form-definition.json serves the meta-schema for editors', async () => {
      const res = await http.get('/api/schemas/form-definition.json').expect(200).expect('Content-Type', /schema\+json/);
      assert.equal(JSON.parse(res.text).$id, 'urn:antragswerk:schema:form-definition:1');
    });

    test('unknown form: 404 form_not_found, for reading and for submitting', async () => {
      const res = await http.get('/api/forms/gibt-es-nicht').expect(404);
      assert.equal(res.body.error.code, 'form_not_found');
      assert.match(res.body.error.message, /Formular/);
      assert.equal((await submit(valid, 'gibt-es-nicht').expect(404)).body.error.code, 'form_not_found');
    });

    test('a valid submission: 201 with id, reference, form version and status token', async () => {
      const res = await submit(valid).expect(201).expect('Cache-Control', 'no-store');
      const { id, reference, formId, formVersion, statusToken } = res.body;
      assert.match(id, /^[0-9a-f-]{36}$/);
      assert.match(reference, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      assert.equal(formId, 'testformular');
      assert.equal(formVersion, 1);
      assert.ok(statusToken.length >= 43);
      assert.equal(res.headers.location, `/api/submissions/${id}`);

      const status = await http.get(`/api/submissions/${id}`).query({ token: statusToken }).expect(200);
      assert.equal(status.headers['cache-control'], 'no-store');
      assert.deepEqual(Object.keys(status.body).sort(), ['formId', 'formVersion', 'processing', 'progress', 'reference', 'status', 'submittedAt']);
      assert.equal(status.body.reference, reference);
      assert.equal(status.body.status, 'received');
      assert.deepEqual(status.body.processing, { status: 'eingegangen', note: null, changedAt: null }, 'no caseworker has touched it yet');
      assert.deepEqual(status.body.progress, { steps: [] }, 'a form without a route delivers nothing');
      assert.ok(Math.abs(Date.parse(status.body.submittedAt) - Date.now()) < 60_000);
    });

    test('the stored submission is the submitted data, pinned to the form version', async () => {
      const { id } = (await submit(valid).expect(201)).body;
      const { rows } = await db.query('SELECT data, form_id, form_version, status_token_hash FROM submissions WHERE id = $1', [id]);
      assert.deepEqual(rows[0]?.data, valid);
      assert.equal(rows[0]?.form_version, 1);
      assert.match(String(rows[0]?.status_token_hash), /^[0-9a-f]{64}$/);
    });

    test('status lookup with a wrong, missing or malformed token or id: 404, never 403', async () => {
      const { id, statusToken } = (await submit(valid).expect(201)).body;
      const attempts = [
        http.get(`/api/submissions/${id}`).query({ token: statusToken.slice(0, -1) + (statusToken.endsWith('A') ? 'B' : 'A') }),
        http.get(`/api/submissions/${id}`),
        http.get(`/api/submissions/${id}`).query({ token: '' }),
        http.get(`/api/submissions/${id}?token=a&token=b`),
        http.get(`/api/submissions/00000000-0000-4000-8000-000000000000`).query({ token: statusToken }),
        http.get(`/api/submissions/not-a-uuid`).query({ token: statusToken }),
      ];
      for (const attempt of attempts) {
        const res = await attempt.expect(404);
        assert.equal(res.body.error.code, 'submission_not_found');
      }
    });

    test('status by reference and token, as typed from the receipt', async () => {
      const { reference, statusToken } = (await submit(valid).expect(201)).body;
      const found = await http.post('/api/status').send({ reference: ` ${reference.toLowerCase()} `, token: statusToken }).expect(200);
      assert.equal(found.body.reference, reference);
      assert.equal(found.headers['cache-control'], 'no-store');
      const otherToken = statusToken.slice(0, -1) + (statusToken.endsWith('A') ? 'B' : 'A');
      for (const body of [
        { reference, token: otherToken },
        { reference: 'AAAA-AAAA', token: statusToken },
      ])
        assert.equal((await http.post('/api/status').send(body).expect(404)).body.error.code, 'submission_not_found');
    });

    test('invalid data: 422 validation_failed listing every problem with its JSON Pointer', async () => {
      const before = await storedRows(db);
      const res = await submit({ postleitzahl: '6428', extra: true }).expect(422);
      assert.equal(res.body.error.code, 'validation_failed');
      assert.deepEqual(
        res.body.error.details.map((d: { path: string }) => d.path).sort(),
        ['/extra', '/familienname', '/postleitzahl'],
      );
      for (const d of res.body.error.details) assert.ok(d.message.length > 10, d.message);
      assert.deepEqual(await storedRows(db), before);
    });

    test('messages are German by default and English with Accept-Language: en', async () => {
      const de = await submit({}).expect(422);
      assert.match(de.body.error.message, /Angaben/);
      assert.equal(de.body.error.details[0].message, 'Bitte füllen Sie dieses Pflichtfeld aus.');
      const en = await http
        .post('/api/forms/testformular/submissions')
        .set('Content-Type', 'application/json')
        .set('Accept-Language', 'en-GB,en;q=0.9,de;q=0.5')
        .send('{}')
        .expect(422);
      assert.match(en.body.error.message, /entries/);
      assert.equal(en.body.error.details[0].message, 'Please fill in this required field.');
      const fr = await http.get('/api/forms/nope').set('Accept-Language', 'fr').expect(404);
      assert.match(fr.body.error.message, /Formular/);
    });

    test('names outside DIN 91379 and control characters: 422 with an explanation', async () => {
      const res = await submit({ familienname: 'Иванов', postleitzahl: '64283\u0007' }).expect(422);
      const byPath = Object.fromEntries(res.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]));
      assert.match(byPath['/familienname'], /„И“ \(U\+0418\).*DIN 91379/);
      assert.match(byPath['/postleitzahl'], /Steuerzeichen \(U\+0007\)/);
      const nul = await submit({ familienname: 'Null\u0000Byte' }).expect(422);
      assert.match(nul.body.error.details[0].message, /U\+0000/);
    });

    test('bad requests get a clear error and store nothing', async () => {
      const before = await storedRows(db);
      const raw = (body: string, type = 'application/json') =>
        http.post('/api/forms/testformular/submissions').set('Content-Type', type).send(body);
      const cases: Array<[string, Promise<{ status: number; body: { error: { code: string; message: string } } }>, number, string]> = [
        ['malformed JSON', raw('{"familienname": '), 400, 'invalid_json'],
        ['trailing garbage', raw('{"familienname": "A"} x'), 400, 'invalid_json'],
        ['an array body', raw('[{"familienname": "A"}]'), 400, 'invalid_body'],
        ['a string body', raw('"Müller"'), 400, 'invalid_body'],
        ['a null body', raw('null'), 400, 'invalid_body'],
        ['an empty body', http.post('/api/forms/testformular/submissions').set('Content-Type', 'application/json'), 400, 'invalid_body'],
        ['text/plain', raw(JSON.stringify(valid), 'text/plain'), 415, 'unsupported_media_type'],
        ['form encoding', raw('familienname=A', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type'],
        ['a foreign charset', raw(JSON.stringify(valid), 'application/json; charset=latin1'), 415, 'unsupported_media_type'],
        ['a body over the limit', raw(JSON.stringify({ familienname: 'A'.repeat(bodyLimitBytes) })), 413, 'payload_too_large'],
        ['__proto__', raw('{"familienname": "A", "__proto__": {"admin": true}}'), 400, 'forbidden_key'],
        ['nested constructor', raw('{"familienname": "A", "x": [{"constructor": {"prototype": 1}}]}'), 400, 'forbidden_key'],
        ['absurd nesting', raw('{"a":' + '['.repeat(200) + ']'.repeat(200) + '}'), 400, 'too_deeply_nested'],
      ];
      for (const [kind, request, status, code] of cases) {
        const res = await request;
        assert.equal(res.status, status, kind);
        assert.equal(res.body.error.code, code, kind);
        assert.ok(res.body.error.message.length > 0, kind);
      }
      assert.deepEqual(await storedRows(db), before);
    });

    test('wrong method: 405 with Allow; unknown path: 404 not_found as JSON', async () => {
      const put = await http.put('/api/forms/testformular').expect(405);
      assert.equal(put.body.error.code, 'method_not_allowed');
      assert.equal(put.headers.allow, 'GET, HEAD');
      assert.equal((await http.get('/api/forms/testformular/submissions').expect(405)).headers.allow, 'POST');
      assert.equal((await http.get('/api/nichts').expect(404)).body.error.code, 'not_found');
    });

    test('concurrent submissions get distinct references', async () => {
      const results = await Promise.all(Array.from({ length: 40 }, () => submit(valid)));
      const references = results.map((r) => (assert.equal(r.status, 201), r.body.reference as string));
      assert.equal(new Set(references).size, references.length);
      const ids = results.map((r) => r.body.id as string);
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions WHERE id = ANY($1::uuid[])', [ids]);
      assert.equal(rows[0]?.n, 40);
    });
  });
}

/**
 * Probe-Absenden (`POST /api/admin/forms/:id/test-submission`): the verdict on data for the
 * definition sent, word for word what submitting the same data to the same definition answers,
 * in the language asked for; access as for the draft; bad input refused; and nothing stored.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { testEngines } from '../support/engines.ts';
import { testApp } from '../support/app.ts';
import { formsDir, minimalDefinition } from '../support/forms-dir.ts';
import { authorityA, authorityB, callerTokens, type Caller } from '../auth/support.ts';

type Definition = Record<string, unknown> & { schema: { properties: Record<string, unknown>; required: string[] } };

/** A form of authority A with the cases the verdict has: DIN 91379, formats, an IBAN (normalised), an errorMessage with its translation, a file. */
function probeDefinition(id = 'probe'): Definition {
  const d = minimalDefinition(id) as Definition;
  d.authority = authorityA;
  d.title = { de: 'Probe', en: 'Probe' };
  d.schema.properties.iban = { type: 'string', title: 'IBAN', format: 'iban' };
  d.schema.properties.kennzeichen = { type: 'string', title: 'Kennzeichen', pattern: '^[A-Z]{1,3}-[A-Z]{1,2} [0-9]{1,4}$', errorMessage: 'Bitte wie „DA-AB 123“ eingeben.' };
  d.schema.properties.nachweis = { type: 'string', title: 'Nachweis', attachment: { mediaTypes: ['application/pdf'], maxBytes: 1048576 } };
  d.i18n = { en: { '/schema/properties/familienname/title': 'Family name', '/schema/properties/kennzeichen/errorMessage': 'Please enter like "DA-AB 123".' } };
  return d;
}

/** Data with something wrong in every field. */
const invalidData = {
  familienname: 'Ω-Müller',
  postleitzahl: '00123',
  iban: 'DE00 1234',
  kennzeichen: 'da ab 1',
  nachweis: 'keine-datei',
  farbe: 'blau',
};

type Problem = { path: string; message: string };
const sorted = (problems: Problem[]) => [...problems].sort((a, b) => a.path.localeCompare(b.path) || a.message.localeCompare(b.message));

/** Authorities A and B, there before start-up: a file form may name one. */
async function insertAuthorities(db: Database) {
  await db.query(
    `INSERT INTO authorities (id, name, address, managed_by) VALUES
       ($1, 'Amt A', '{"strasse":"Markt","hausnummer":"1","postleitzahl":"11111","ort":"A-Stadt"}', 'api'),
       ($2, 'Amt B', '{"strasse":"Markt","hausnummer":"2","postleitzahl":"22222","ort":"B-Stadt"}', 'api')`,
    [authorityA, authorityB],
  );
}

async function rows(db: Database) {
  const { rows } = await db.query<Record<string, number | string>>(
    `SELECT (SELECT count(*)::int FROM submissions) AS submissions,
            (SELECT count(*)::int FROM deliveries) AS deliveries,
            (SELECT count(*)::int FROM attachments) AS attachments,
            (SELECT count(*)::int FROM drafts) AS drafts,
            (SELECT count(*)::int FROM audit_log) AS audit,
            (SELECT count(*)::int FROM form_versions) AS versions,
            (SELECT coalesce(string_agg(id || ':' || draft_version, ',' ORDER BY id), '') FROM designer_forms) AS designer`,
  );
  return rows[0]!;
}

for (const engine of testEngines()) {
  describe(`designer test submission (${engine.name})`, () => {
    let db: Database;
    let app: Awaited<ReturnType<typeof testApp>>;
    let tokens: Map<Caller, string>;
    const as = (caller: Caller) => `Bearer ${tokens.get(caller)}`;
    const designer = () => as('designer@A');
    const probe = (body: unknown, id = 'probe', caller: Caller = 'designer@A') =>
      app.http.post(`/api/admin/forms/${id}/test-submission`).set('Authorization', as(caller)).send(body as object);
    let before0: Record<string, number | string>;

    before(async () => {
      db = await engine.open();
      await insertAuthorities(db);
      const fileForm = { ...minimalDefinition('amtsformular'), authority: authorityA };
      app = await testApp(db, { formsDir: await formsDir({ 'testformular.json': minimalDefinition(), 'amtsformular.json': fileForm }) });
      tokens = await callerTokens(db);
      // The form as a published designer form, so a real submission can be compared.
      await app.http.post('/api/admin/forms').set('Authorization', designer()).send(probeDefinition()).expect(201);
      await app.http.post('/api/admin/forms/probe/publish').set('Authorization', designer()).set('If-Match', '"1"').expect(200);
      before0 = await rows(db);
    });
    after(async () => {
      await db.close();
    });

    test('valid data: valid, no problems; an IBAN typed with spaces is judged as it would be stored', async () => {
      const res = await probe({ definition: probeDefinition(), data: { familienname: 'Müller', postleitzahl: '64283', iban: 'de02 1203 0000 0000 2020 51', kennzeichen: 'DA-AB 123' } }).expect(200);
      assert.deepEqual(res.body, { valid: true, problems: [] });
      assert.equal(res.headers['cache-control'], 'no-store');
    });

    for (const lang of ['de', 'en'] as const)
      test(`invalid data: the problems a real submission gets, path and message, in ${lang}`, async () => {
        const real = await app.http.post('/api/forms/probe/submissions').set('Accept-Language', lang).send(invalidData).expect(422);
        assert.equal(real.body.error.code, 'validation_failed');
        // The back office speaks another language than the preview: the body's `lang` decides.
        const res = await probe({ definition: probeDefinition(), data: invalidData, lang }).set('Accept-Language', lang === 'de' ? 'en' : 'de').expect(200);
        assert.equal(res.body.valid, false);
        // The same problems; their order follows the schema's key order, which the published
        // version has as PostgreSQL's jsonb keeps it and the preview as the designer sent it.
        assert.deepEqual(sorted(res.body.problems), sorted(real.body.error.details));
        const paths = (res.body.problems as Array<{ path: string }>).map((p) => p.path);
        for (const path of ['/familienname', '/postleitzahl', '/iban', '/kennzeichen', '/nachweis', '/farbe']) assert.ok(paths.includes(path), `a problem at "${path}" in ${JSON.stringify(paths)}`);
        const kennzeichen = (res.body.problems as Array<{ path: string; message: string }>).find((p) => p.path === '/kennzeichen')!;
        assert.equal(kennzeichen.message, lang === 'de' ? 'Bitte wie „DA-AB 123“ eingeben.' : 'Please enter like "DA-AB 123".');
      });

    test('lang defaults to German; the required field and its German message', async () => {
      const res = await probe({ definition: probeDefinition(), data: {} }).set('Accept-Language', 'en').expect(200);
      const real = await app.http.post('/api/forms/probe/submissions').set('Accept-Language', 'de').send({}).expect(422);
      assert.deepEqual(res.body, { valid: false, problems: real.body.error.details });
      assert.equal(res.body.problems[0].path, '/familienname');
    });

    test('the definition sent is judged, not the published one: a new required field, unsaved', async () => {
      const changed = probeDefinition();
      changed.schema.properties.vorname = { type: 'string', title: 'Vorname' };
      changed.schema.required = ['familienname', 'vorname'];
      const res = await probe({ definition: changed, data: { familienname: 'Müller' } }).expect(200);
      assert.equal(res.body.valid, false);
      assert.deepEqual(res.body.problems.map((p: { path: string }) => p.path), ['/vorname']);
      // Twice in a row (the schema left the validator again) and with an own `$id`.
      const withId = probeDefinition();
      (withId.schema as Record<string, unknown>).$id = 'https://antragswerk.example/probe.json';
      for (let i = 0; i < 2; i++) assert.deepEqual((await probe({ definition: withId, data: { familienname: 'Müller' } }).expect(200)).body, { valid: true, problems: [] });
    });

    test('files: only the shape of an id is judged, the file is not looked up (the preview uploads nothing)', async () => {
      const id = '6f1c2a4e-1b2c-4d3e-8f90-123456789abc';
      const res = await probe({ definition: probeDefinition(), data: { familienname: 'Müller', nachweis: id } }).expect(200);
      assert.deepEqual(res.body, { valid: true, problems: [] });
      // A real submission looks it up and refuses it.
      const real = await app.http.post('/api/forms/probe/submissions').send({ familienname: 'Müller', nachweis: id }).expect(422);
      assert.deepEqual(real.body.error.details.map((p: { path: string }) => p.path), ['/nachweis']);
    });

    test('a file form of the caller\'s authority may be test-submitted; one of no authority is 404', async () => {
      const res = await probe({ definition: { ...minimalDefinition('amtsformular'), authority: authorityA }, data: { familienname: 'Müller' } }, 'amtsformular').expect(200);
      assert.deepEqual(res.body, { valid: true, problems: [] });
      const none = await probe({ definition: minimalDefinition(), data: {} }, 'testformular').expect(404);
      assert.equal(none.body.error.code, 'designer_form_not_found');
    });

    test('access: another authority\'s designer 404, an unknown form 404, without session 401, a caseworker of A 403', async () => {
      const body = { definition: probeDefinition(), data: invalidData };
      assert.equal((await probe(body, 'probe', 'designer@B').expect(404)).body.error.code, 'designer_form_not_found');
      assert.equal((await probe({ ...body, definition: probeDefinition('gibt-es-nicht') }, 'gibt-es-nicht').expect(404)).body.error.code, 'designer_form_not_found');
      assert.equal((await app.http.post('/api/admin/forms/probe/test-submission').send(body).expect(401)).body.error.code, 'unauthorized');
      assert.equal((await probe(body, 'probe', 'sachbearbeitung@A').expect(403)).body.error.code, 'forbidden');
      assert.equal((await app.http.get('/api/admin/forms/probe/test-submission').set('Authorization', designer()).expect(405)).headers.allow, 'POST');
    });

    test('a definition with problems: 422 definition_invalid with each problem, as a draft gets them', async () => {
      const broken = probeDefinition();
      broken.schema.properties.alter = { type: 'zahl' };
      const res = await probe({ definition: broken, data: {} }).expect(422);
      assert.equal(res.body.error.code, 'definition_invalid');
      assert.deepEqual(res.body.error.details.problems.map((p: { path: string }) => p.path), ['/schema/properties/alter/type']);

      const wrongId = await probe({ definition: probeDefinition('anderes'), data: {} }).expect(422);
      assert.deepEqual(wrongId.body.error.details.problems, [{ path: '/id', message: "must equal the form's id (probe)" }]);
      const otherAuthority = await probe({ definition: { ...probeDefinition(), authority: authorityB }, data: {} }).expect(422);
      assert.deepEqual(otherAuthority.body.error.details.problems.map((p: { path: string }) => p.path), ['/authority']);
      const unknownField = await probe({ definition: { ...probeDefinition(), farbe: 'blau' }, data: {} }).expect(422);
      assert.deepEqual(unknownField.body.error.details.problems.map((p: { path: string }) => p.path), ['']);
    });

    test('a malformed body: every problem at its place; wrong type, no JSON, too large, hostile keys', async () => {
      const envelope = await probe({ definition: [], data: 'x', lang: 'fr', extra: 1 }).expect(422);
      assert.equal(envelope.body.error.code, 'validation_failed');
      assert.deepEqual(envelope.body.error.details.map((p: { path: string }) => p.path).sort(), ['', '/data', '/definition', '/lang']);
      const missing = await probe({}).set('Accept-Language', 'en').expect(422);
      assert.deepEqual(missing.body.error.details.map((p: { path: string; message: string }) => [p.path, p.message]).sort(), [
        ['/data', 'This value is missing.'],
        ['/definition', 'This value is missing.'],
      ]);
      const post = () => app.http.post('/api/admin/forms/probe/test-submission').set('Authorization', designer());
      assert.equal((await post().set('Content-Type', 'application/json').send('{"definition":').expect(400)).body.error.code, 'invalid_json');
      assert.equal((await post().send([1, 2])).body.error.code, 'invalid_body');
      assert.equal((await post().set('Content-Type', 'text/plain').send('definition').expect(415)).body.error.code, 'unsupported_media_type');
      assert.equal((await post().set('Content-Type', 'application/json').send('{"data":{"__proto__":{"x":1}}}').expect(400)).body.error.code, 'forbidden_key');
      const big = await probe({ definition: probeDefinition(), data: { familienname: 'x'.repeat(1024 * 1024) } }).expect(413);
      assert.equal(big.body.error.code, 'payload_too_large');
    });

    test('nothing is stored: no submission, delivery, file, draft, audit entry, version or draft change', async () => {
      await probe({ definition: probeDefinition(), data: invalidData }).expect(200);
      await probe({ definition: probeDefinition(), data: { familienname: 'Müller' } }).expect(200);
      assert.deepEqual(await rows(db), before0);
    });
  });
}

describe('designer test submission: rate limit', () => {
  test('counts against the submissions of the address; over the limit 429 before the body is read', async () => {
    const db = await testEngines()[0]!.open();
    try {
      await insertAuthorities(db);
      const app = await testApp(db, { formsDir: await formsDir({ 'testformular.json': { ...minimalDefinition(), authority: authorityA } }), env: { RATE_LIMIT_SUBMISSIONS_PER_HOUR: '2' } });
      const token = `Bearer ${(await callerTokens(db)).get('designer@A')}`;
      const send = () => app.http.post('/api/admin/forms/testformular/test-submission').set('Authorization', token).send({ definition: { ...minimalDefinition(), authority: authorityA }, data: {} });
      await send().expect(200);
      await send().expect(200);
      const refused = await send().expect(429);
      assert.equal(refused.body.error.code, 'rate_limited');
      assert.ok(Number(refused.headers['retry-after']) > 0);
    } finally {
      await db.close();
    }
  });
});

/** Drafts: save, resume with the secret, expiry, deletion on submit; never validated or routed. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../server/db/database.ts';
import { eraseExpiredDrafts } from '../server/drafts/drafts.ts';
import { storedRows, testApp } from './support/app.ts';
import { testEngines } from './support/engines.ts';
import { formsDir, minimalDefinition } from './support/forms-dir.ts';
import { pdfBytes } from './support/files.ts';

function definition() {
  const d = minimalDefinition('entwurf');
  (d.schema as { properties: Record<string, unknown> }).properties.nachweis = {
    type: 'string',
    attachment: { mediaTypes: ['application/pdf'], maxBytes: 100_000 },
  };
  return d;
}

for (const engine of testEngines()) {
  describe(`drafts on ${engine.name}`, () => {
    let db: Database;
    let http: Awaited<ReturnType<typeof testApp>>['http'];
    before(async () => {
      db = await engine.open();
      ({ http } = await testApp(db, { formsDir: await formsDir({ 'entwurf.json': definition() }) }));
    });
    after(() => db.close());

    const create = (body: unknown) => http.post('/api/forms/entwurf/drafts').send(body as object);
    const bearer = (token: string) => `Bearer ${token}`;

    test('an incomplete, even invalid, draft is saved and resumed with its token', async () => {
      const created = await create({ data: { postleitzahl: '123' }, step: 1 }).expect(201).expect('Cache-Control', 'no-store');
      const { id, resumeToken, formId, formVersion, expiresAt } = created.body;
      assert.equal(formId, 'entwurf');
      assert.equal(formVersion, 1);
      const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000;
      assert.ok(days > 29.9 && days <= 30, `expires in ${days} days`);

      const read = await http.get(`/api/drafts/${id}`).set('Authorization', bearer(resumeToken)).expect(200);
      assert.deepEqual(read.body.data, { postleitzahl: '123' });
      assert.equal(read.body.step, 1);
      assert.deepEqual(read.body.attachments, {});

      await http
        .put(`/api/drafts/${id}`)
        .set('Authorization', bearer(resumeToken))
        .send({ data: { familienname: 'Später' }, step: 2 })
        .expect(200);
      const again = await http.get(`/api/drafts/${id}`).set('Authorization', bearer(resumeToken)).expect(200);
      assert.deepEqual(again.body.data, { familienname: 'Später' });
      assert.equal(again.body.step, 2);
    });

    test('wrong, missing or malformed tokens and ids: 404 draft_not_found', async () => {
      const { id, resumeToken } = (await create({ data: {}, step: 0 }).expect(201)).body;
      const attempts = [
        http.get(`/api/drafts/${id}`),
        http.get(`/api/drafts/${id}`).set('Authorization', bearer(resumeToken.slice(1))),
        http.get(`/api/drafts/${id}`).set('Authorization', resumeToken),
        http.get(`/api/drafts/kein-uuid`).set('Authorization', bearer(resumeToken)),
        http.put(`/api/drafts/${id}`).set('Authorization', bearer('x')).send({ data: {}, step: 0 }),
        http.delete(`/api/drafts/${id}`).set('Authorization', bearer('x')),
      ];
      for (const attempt of attempts) assert.equal((await attempt.expect(404)).body.error.code, 'draft_not_found');
    });

    test('bad draft bodies are refused and store nothing', async () => {
      const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM drafts');
      for (const body of [{ data: [], step: 0 }, { data: {}, step: -1 }, { data: {}, step: 1.5 }, { data: {} }, { step: 0 }, { data: {}, step: 0, extra: 1 }]) {
        const res = await create(body).expect(400);
        assert.equal(res.body.error.code, 'invalid_body', JSON.stringify(body));
      }
      const control = await create({ data: { familienname: 'a\u0000b' }, step: 0 }).expect(422);
      assert.equal(control.body.error.details[0].path, '/data/familienname');
      assert.equal((await create({ data: {}, step: 0, __proto__x: 1 }).expect(400)).body.error.code, 'invalid_body');
      assert.equal((await http.post('/api/forms/nope/drafts').send({ data: {}, step: 0 }).expect(404)).body.error.code, 'form_not_found');
      const after = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM drafts');
      assert.equal(after.rows[0]?.n, before.rows[0]?.n);
    });

    test('an expired draft cannot be resumed and is erased', async () => {
      const { id, resumeToken } = (await create({ data: {}, step: 0 }).expect(201)).body;
      await db.query(`UPDATE drafts SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
      await http.get(`/api/drafts/${id}`).set('Authorization', bearer(resumeToken)).expect(404);
      assert.ok((await eraseExpiredDrafts(db)) >= 1);
      const { rows } = await db.query('SELECT 1 FROM drafts WHERE id = $1', [id]);
      assert.equal(rows.length, 0);
    });

    test('a draft keeps its files and is deleted when its submission is stored', async () => {
      const file = await http
        .post('/api/forms/entwurf/attachments')
        .query({ field: '/nachweis' })
        .set('X-File-Name', 'Nachweis.pdf')
        .send(pdfBytes())
        .expect(201);
      const data = { familienname: 'Fertig', nachweis: file.body.id };
      const { id, resumeToken } = (await create({ data, step: 0 }).expect(201)).body;
      const read = await http.get(`/api/drafts/${id}`).set('Authorization', bearer(resumeToken)).expect(200);
      assert.deepEqual(read.body.attachments, {
        [file.body.id]: { fileName: 'Nachweis.pdf', mediaType: 'application/pdf', size: file.body.size },
      });
      const held = await db.query<{ draft_id: string }>('SELECT draft_id FROM attachments WHERE id = $1', [file.body.id]);
      assert.equal(held.rows[0]?.draft_id, id);

      await http.post('/api/forms/entwurf/submissions').set('Antragswerk-Draft', `${id}.${resumeToken}`).send(data).expect(201);
      await http.get(`/api/drafts/${id}`).set('Authorization', bearer(resumeToken)).expect(404);
    });

    test('a failed submission keeps the draft; a wrong draft reference does not block submitting', async () => {
      const { id, resumeToken } = (await create({ data: {}, step: 0 }).expect(201)).body;
      const stored = await storedRows(db);
      await http.post('/api/forms/entwurf/submissions').set('Antragswerk-Draft', `${id}.${resumeToken}`).send({}).expect(422);
      assert.deepEqual(await storedRows(db), stored);
      await http.get(`/api/drafts/${id}`).set('Authorization', bearer(resumeToken)).expect(200);
      await http.post('/api/forms/entwurf/submissions').set('Antragswerk-Draft', `${id}.falsch`).send({ familienname: 'A' }).expect(201);
      await http.get(`/api/drafts/${id}`).set('Authorization', bearer(resumeToken)).expect(200);
    });
  });
}

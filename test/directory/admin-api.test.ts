/**
 * The directory's admin API on the demo provisioning: only installation administrators; records
 * from the file are read-only; an authority, XÖV target and Zuständigkeit created here receive
 * the next matching submission without a restart; every change audited; bad input refused with
 * every problem and nothing stored.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { testApp } from '../support/app.ts';
import { testEngines } from '../support/engines.ts';

const address = { strasse: 'Luisenplatz', hausnummer: '5', postleitzahl: '64283', ort: 'Darmstadt' };
const gewerbe = () => {
  const data = JSON.parse(readFileSync(new URL('../fixtures/submissions/gewerbeanmeldung.valid.json', import.meta.url), 'utf8'))[0];
  data.betrieb.betriebsstaette.gemeindeschluessel = '06411000'; // Darmstadt
  return data;
};

for (const engine of testEngines()) {
  describe(`directory admin API on ${engine.name}`, () => {
    let db: Database;
    let app: Awaited<ReturnType<typeof testApp>>;
    let admin: string;
    let caseworker: string;

    before(async () => {
      db = await engine.open();
      app = await testApp(db);
      admin = `Bearer ${(await createApiToken(db, { name: 'admin', role: 'admin' })).token}`;
      caseworker = `Bearer ${(await createApiToken(db, { name: 'sb', role: 'sachbearbeitung', authorityId: 'steueramt' })).token}`;
    });
    after(() => db.close());

    const counts = async () =>
      (
        await db.query<{ authorities: number; targets: number; zustaendigkeiten: number; audit: number; version: number }>(
          `SELECT (SELECT count(*)::int FROM authorities) AS authorities, (SELECT count(*)::int FROM targets) AS targets,
                  (SELECT count(*)::int FROM zustaendigkeiten) AS zustaendigkeiten, (SELECT count(*)::int FROM audit_log) AS audit,
                  (SELECT version FROM directory_state) AS version`,
        )
      ).rows[0]!;

    test('only installation administrators: 401 without credentials, 403 for a caseworker', async () => {
      await app.http.get('/api/admin/authorities').expect(401);
      const res = await app.http.get('/api/admin/authorities').set('Authorization', caseworker).expect(403);
      assert.equal(res.body.error.code, 'forbidden');
      const list = await app.http.get('/api/admin/authorities').set('Authorization', admin).expect(200);
      assert.ok(list.body.authorities.some((a: { id: string; managedBy: string }) => a.id === 'steueramt' && a.managedBy === 'file'));
    });

    test('records from the provisioning file are read-only here: 409 managed_by_file', async () => {
      const before = await counts();
      for (const [method, path] of [
        ['patch', '/api/admin/authorities/steueramt'],
        ['delete', '/api/admin/authorities/steueramt'],
        ['patch', '/api/admin/targets/steueramt'],
        ['delete', '/api/admin/targets/steueramt'],
      ] as const) {
        const req = app.http[method](path).set('Authorization', admin);
        const res = await (method === 'patch' ? req.send({ name: 'Anders' }) : req).expect(409);
        assert.equal(res.body.error.code, 'managed_by_file', `${method} ${path}`);
      }
      const zs = await app.http.get('/api/admin/zustaendigkeiten').set('Authorization', admin).expect(200);
      const id = zs.body.zustaendigkeiten[0].id;
      assert.equal((await app.http.delete(`/api/admin/zustaendigkeiten/${id}`).set('Authorization', admin).expect(409)).body.error.code, 'managed_by_file');
      assert.deepEqual(await counts(), before);
    });

    test('an authority, XÖV target and Zuständigkeit created here receive the next matching submission, without a restart', async () => {
      // Until now the Land answers for Darmstadt.
      const targetOf = async (id: string) =>
        (await db.query<{ target_id: string }>('SELECT target_id FROM deliveries WHERE submission_id = $1', [id])).rows.map((r) => r.target_id);
      const earlier = await app.http.post('/api/forms/gewerbeanmeldung/submissions').send(gewerbe()).expect(201);
      assert.deepEqual(await targetOf(earlier.body.id), ['gewerbe-land']);

      const created = await app.http
        .post('/api/admin/authorities')
        .set('Authorization', admin)
        .send({ id: 'darmstadt-gewerbe', name: 'Gewerbeamt Darmstadt', address, kennung: 'psw:06411000', contact: { email: 'gewerbe@darmstadt.example' } })
        .expect(201);
      assert.equal(created.body.managedBy, 'api');
      await app.http
        .post('/api/admin/targets')
        .set('Authorization', admin)
        .send({ id: 'darmstadt', type: 'xoev-http', authority: 'darmstadt-gewerbe', url: 'http://127.0.0.1:9/darmstadt' })
        .expect(201);
      const z = await app.http
        .post('/api/admin/zustaendigkeiten')
        .set('Authorization', admin)
        .send({ leistung: 'gewerbeanzeige', regionalschluessel: '06411', target: 'darmstadt' })
        .expect(201);
      assert.match(z.body.id, /^[0-9a-f-]{36}$/);

      const accepted = await app.http.post('/api/forms/gewerbeanmeldung/submissions').send(gewerbe()).expect(201);
      const { rows } = await db.query<{ authority_id: string; target_id: string }>(
        'SELECT s.authority_id, d.target_id FROM submissions s JOIN deliveries d ON d.submission_id = s.id WHERE s.id = $1',
        [accepted.body.id],
      );
      assert.deepEqual(rows, [{ authority_id: 'darmstadt-gewerbe', target_id: 'darmstadt' }]);
      const target = app.routing.target('darmstadt');
      assert.deepEqual(target?.type === 'xoev-http' && target.leser, { kennung: 'psw:06411000', name: 'Gewerbeamt Darmstadt' });

      const audit = await db.query<{ actor_kind: string; actor_name: string; action: string; object_id: string; request_id: string | null }>(
        `SELECT actor_kind, actor_name, action, object_id, request_id FROM audit_log WHERE actor_kind = 'api-token' ORDER BY id`,
      );
      assert.deepEqual(
        audit.rows.map((r) => `${r.actor_kind}:${r.actor_name}:${r.action}`),
        ['api-token:admin:authority.create', 'api-token:admin:target.create', 'api-token:admin:zustaendigkeit.create'],
      );
      assert.ok(audit.rows.every((r) => r.request_id !== null));

      // In use now: the authority cannot go; its name can change.
      const inUse = await app.http.delete('/api/admin/authorities/darmstadt-gewerbe').set('Authorization', admin).expect(409);
      assert.equal(inUse.body.error.code, 'authority_in_use');
      assert.equal(inUse.body.error.details.submissions, 1);
      const renamed = await app.http.patch('/api/admin/authorities/darmstadt-gewerbe').set('Authorization', admin).send({ name: 'Ordnungsamt Darmstadt' }).expect(200);
      assert.equal(renamed.body.name, 'Ordnungsamt Darmstadt');
      assert.equal(app.routing.authority('darmstadt-gewerbe')?.name, 'Ordnungsamt Darmstadt');
      // Removing the kennung would leave its XÖV target without a leser.
      const noKennung = await app.http.patch('/api/admin/authorities/darmstadt-gewerbe').set('Authorization', admin).send({ kennung: null }).expect(422);
      assert.equal(noKennung.body.error.details[0].path, '/kennung');
      // The Zuständigkeit can go: the Land answers again.
      await app.http.delete(`/api/admin/zustaendigkeiten/${z.body.id}`).set('Authorization', admin).expect(204);
      const later = await app.http.post('/api/forms/gewerbeanmeldung/submissions').send(gewerbe()).expect(201);
      assert.deepEqual(await targetOf(later.body.id), ['gewerbe-land']);
    });

    test('an unused authority is deleted; unknown ids answer 404', async () => {
      await app.http.post('/api/admin/authorities').set('Authorization', admin).send({ id: 'kurzlebig', name: 'Kurz', address }).expect(201);
      await app.http.post('/api/admin/authorities').set('Authorization', admin).send({ id: 'kurzlebig', name: 'Kurz', address }).expect(409);
      await app.http.delete('/api/admin/authorities/kurzlebig').set('Authorization', admin).expect(204);
      assert.equal((await app.http.get('/api/admin/authorities/kurzlebig').set('Authorization', admin).expect(404)).body.error.code, 'authority_not_found');
      assert.equal((await app.http.get('/api/admin/targets/gibtsnicht').set('Authorization', admin).expect(404)).body.error.code, 'target_not_found');
      assert.equal((await app.http.get('/api/admin/zustaendigkeiten/keine-uuid').set('Authorization', admin).expect(404)).body.error.code, 'zustaendigkeit_not_found');
    });

    test('bad input to every endpoint: a clear error with every problem, and nothing stored', async () => {
      const before = await counts();
      for (const path of ['/api/admin/authorities', '/api/admin/targets', '/api/admin/zustaendigkeiten']) {
        const malformed = await app.http.post(path).set('Authorization', admin).set('Content-Type', 'application/json').send('{"id": "x",').expect(400);
        assert.equal(malformed.body.error.code, 'invalid_json', path);
        const oversized = await app.http.post(path).set('Authorization', admin).send({ id: 'x', name: 'x'.repeat(70 * 1024) }).expect(413);
        assert.equal(oversized.body.error.code, 'payload_too_large', path);
        const notObject = await app.http.post(path).set('Authorization', admin).send([1, 2]).expect(400);
        assert.equal(notObject.body.error.code, 'invalid_body', path);
      }
      const authority = await app.http
        .post('/api/admin/authorities')
        .set('Authorization', admin)
        .set('Accept-Language', 'en')
        .send({ id: 'Ungültig!', name: 7, address: { ...address, postleitzahl: 'abc' }, kennung: 'PSW-1', farbe: 'blau' })
        .expect(422);
      assert.deepEqual(
        authority.body.error.details.map((d: { path: string }) => d.path).sort(),
        ['', '/address/postleitzahl', '/id', '/kennung', '/name'],
      );
      assert.ok(authority.body.error.details.some((d: { message: string }) => d.message === 'Unknown fields: "farbe".'));
      const target = await app.http
        .post('/api/admin/targets')
        .set('Authorization', admin)
        .send({ id: 'neu', type: 'xoev-http', authority: 'gibt-es-nicht', url: 'ftp://x', timeoutMs: 'lang' })
        .expect(422);
      assert.deepEqual(target.body.error.details.map((d: { path: string }) => d.path).sort(), ['/timeoutMs', '/url']);
      const unknownAuthority = await app.http
        .post('/api/admin/targets')
        .set('Authorization', admin)
        .send({ id: 'neu', type: 'xoev-http', authority: 'gibt-es-nicht', url: 'https://fv.example/inbox' })
        .expect(422);
      assert.deepEqual(unknownAuthority.body.error.details.map((d: { path: string }) => d.path), ['/authority']);
      const noKennung = await app.http
        .post('/api/admin/targets')
        .set('Authorization', admin)
        .send({ id: 'neu', type: 'xoev-http', authority: 'buergerservice', url: 'https://fv.example/inbox' })
        .expect(422);
      assert.deepEqual(noKennung.body.error.details.map((d: { path: string }) => d.path), ['/authority']);
      const z = await app.http
        .post('/api/admin/zustaendigkeiten')
        .set('Authorization', admin)
        .send({ leistung: '', regionalschluessel: '0641', target: 'steueramt', extra: 1 })
        .expect(422);
      assert.deepEqual(z.body.error.details.map((d: { path: string }) => d.path).sort(), ['', '/leistung', '/regionalschluessel']);
      const taken = await app.http
        .post('/api/admin/zustaendigkeiten')
        .set('Authorization', admin)
        .send({ leistung: 'gewerbeanzeige', regionalschluessel: '06', target: 'steueramt' })
        .expect(422);
      assert.deepEqual(taken.body.error.details.map((d: { path: string }) => d.path), ['/regionalschluessel']);
      const unknownTarget = await app.http
        .post('/api/admin/zustaendigkeiten')
        .set('Authorization', admin)
        .send({ leistung: 'hundesteuer', regionalschluessel: '06', target: 'nirgends' })
        .expect(422);
      assert.deepEqual(unknownTarget.body.error.details.map((d: { path: string }) => d.path), ['/target']);
      assert.deepEqual(await counts(), before);
    });
  });
}

/** Routes, Zuständigkeit at submit time, the outbox's claim/lease rules and the operator API. */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { SetupError } from '../../server/setup.ts';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { claimDue, markDead, markDelivered, markRetry } from '../../server/routing/outbox.ts';
import { storedRows, testApp } from '../support/app.ts';
import { testEngines } from '../support/engines.ts';
import { formsDir, minimalDefinition } from '../support/forms-dir.ts';
import { testAuthority } from './support.ts';


function routedDefinition() {
  const d = minimalDefinition('geroutet');
  const schema = d.schema as { properties: Record<string, unknown> };
  schema.properties.art = { enum: ['privat', 'gewerbe'] };
  schema.properties.ags = { type: 'string', pattern: '^[0-9]{8}$' };
  d.regionalschluessel = '/ags';
  d.routes = [
    { to: 'amt-a' },
    { when: { properties: { art: { const: 'gewerbe' } }, required: ['art'] }, to: 'amt-b' },
    { to: { zustaendigkeit: 'hundesteuer' } },
  ];
  return d;
}

async function targetsFile() {
  const dir = await mkdtemp(path.join(tmpdir(), 'antragswerk-targets-'));
  const target = (n: string) => ({ type: 'xoev-http', authority: `amt-${n}`, url: 'http://127.0.0.1:9/inbox' });
  const file = path.join(dir, 'provisioning.json');
  await writeFile(
    file,
    JSON.stringify({
      sender: { kennung: 'psw:06412000', name: 'Portal' },
      authorities: Object.fromEntries(['1', '2', '3'].map((n) => [`amt-${n}`, testAuthority(`psw:${n}`, `Amt ${n}`)])),
      targets: { 'amt-a': target('1'), 'amt-b': target('2'), 'kreis-x': target('3') },
      zustaendigkeiten: [{ leistung: 'hundesteuer', regionalschluessel: '06411', target: 'kreis-x' }],
    }),
  );
  return file;
}

for (const engine of testEngines()) {
  describe(`routing and outbox on ${engine.name}`, () => {
    let db: Database;
    let http: Awaited<ReturnType<typeof testApp>>['http'];
    let adminToken: string;
    before(async () => {
      db = await engine.open();
      const dir = await formsDir({ 'geroutet.json': routedDefinition() });
      ({ http } = await testApp(db, { formsDir: dir, env: { PROVISIONING_FILE: await targetsFile() } }));
      // Submissions here belong to no authority: only an installation-wide operator sees them.
      ({ token: adminToken } = await createApiToken(db, { name: 'operator', role: 'admin' }));
    });
    after(() => db.close());

    const targetsOf = async (submissionId: string) =>
      (
        await db.query<{ target_id: string }>('SELECT target_id FROM deliveries WHERE submission_id = $1 ORDER BY route_index', [submissionId])
      ).rows.map((r) => r.target_id);

    test('every route whose condition holds fires, Zuständigkeit found by the regional key', async () => {
      const privat = await http.post('/api/forms/geroutet/submissions').send({ familienname: 'A', art: 'privat', ags: '06411001' }).expect(201);
      assert.deepEqual(await targetsOf(privat.body.id), ['amt-a', 'kreis-x']);
      const gewerbe = await http.post('/api/forms/geroutet/submissions').send({ familienname: 'A', art: 'gewerbe', ags: '06411001' }).expect(201);
      assert.deepEqual(await targetsOf(gewerbe.body.id), ['amt-a', 'amt-b', 'kreis-x']);
      const uuids = await db.query<{ message_uuid: string }>('SELECT message_uuid FROM deliveries');
      assert.equal(new Set(uuids.rows.map((r) => r.message_uuid)).size, uuids.rows.length, 'one message UUID per delivery');
    });

    test('no responsible authority: 422 at the regional key, nothing stored', async () => {
      const stored = await storedRows(db);
      for (const data of [{ familienname: 'A', ags: '09162000' }, { familienname: 'A' }]) {
        const res = await http.post('/api/forms/geroutet/submissions').send(data).expect(422);
        assert.deepEqual(res.body.error.details.map((d: { path: string }) => d.path), ['/ags']);
        assert.match(res.body.error.details[0].message, /zuständige Stelle/);
      }
      assert.deepEqual(await storedRows(db), stored);
    });

    test('workers share due deliveries without overlap; a lost lease voids the late outcome', async () => {
      await db.query(`UPDATE deliveries SET state = 'delivered'`);
      await http.post('/api/forms/geroutet/submissions').send({ familienname: 'B', art: 'gewerbe', ags: '06411001' }).expect(201);
      const a = await claimDue(db, 'worker-a', 2, 60);
      const b = await claimDue(db, 'worker-b', 2, 60);
      assert.equal(a.length, 2);
      assert.equal(b.length, 1);
      assert.equal(new Set([...a, ...b].map((d) => d.id)).size, 3);
      assert.deepEqual(await claimDue(db, 'worker-c', 5, 60), []);

      await db.query(`UPDATE deliveries SET lease_until = now() - interval '1 second' WHERE leased_by = 'worker-a'`);
      const reclaimed = await claimDue(db, 'worker-c', 5, 60);
      assert.deepEqual(reclaimed.map((d) => d.id).sort(), a.map((d) => d.id).sort());
      assert.ok(reclaimed.every((d) => d.attempts === 2));
      assert.equal(await markDelivered(db, a[0]!.id, 'worker-a'), false, 'worker-a no longer holds the lease');
      assert.equal(await markDelivered(db, a[0]!.id, 'worker-c'), true);
      assert.equal(await markRetry(db, a[1]!.id, 'worker-c', 'HTTP 503', 60_000), true);
      assert.deepEqual(await claimDue(db, 'worker-d', 5, 60).then((r) => r.filter((d) => d.id === a[1]!.id)), [], 'not due yet');
      assert.equal(await markDead(db, b[0]!.id, 'worker-b', 'HTTP 400: kaputt'), true);
    });

    test('operator API: closed without the token, lists dead deliveries, requeues them', async () => {
      await http.get('/api/admin/deliveries?state=dead').expect(401);
      const wrong = await http.get('/api/admin/deliveries?state=dead').set('Authorization', 'Bearer falsch').expect(401);
      assert.equal(wrong.body.error.code, 'unauthorized');
      assert.match(String(wrong.headers['www-authenticate']), /Bearer/);
      const auth = { Authorization: `Bearer ${adminToken}` };
      const dead = await http.get('/api/admin/deliveries').query({ state: 'dead' }).set(auth).expect(200);
      assert.equal(dead.body.length, 1);
      assert.equal(dead.body[0].lastError, 'HTTP 400: kaputt');
      assert.match(dead.body[0].reference, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await http.get('/api/admin/deliveries').query({ state: 'verloren' }).set(auth).expect(400);

      await http.post(`/api/admin/deliveries/${dead.body[0].id}/requeue`).set(auth).expect(202);
      await http.post(`/api/admin/deliveries/${dead.body[0].id}/requeue`).set(auth).expect(404);
      await http.post('/api/admin/deliveries/kein-uuid/requeue').set(auth).expect(404);
      await http.post(`/api/admin/deliveries/${dead.body[0].id}/requeue`).expect(401);
      const { rows } = await db.query<{ state: string; attempts: number }>('SELECT state, attempts FROM deliveries WHERE id = $1', [dead.body[0].id]);
      assert.deepEqual(rows[0], { state: 'pending', attempts: 0 });
    });
  });
}

describe('start-up checks of routes', () => {
  test('a route to an unknown target or a Zuständigkeit route without regional key stops start-up', async () => {
    const d = routedDefinition();
    d.routes = [{ to: 'amt-z' }, { to: { zustaendigkeit: 'hundesteuer' } }];
    delete d.regionalschluessel;
    const dir = await formsDir({ 'geroutet.json': d });
    const [engine] = testEngines();
    const db = await engine!.open();
    try {
      await assert.rejects(testApp(db, { formsDir: dir, env: { PROVISIONING_FILE: await targetsFile() } }), (error: unknown) => {
        assert.ok(error instanceof SetupError);
        assert.deepEqual(error.problems.map((p) => p.where), ['/routes/0/to', '/routes/1/to']);
        assert.match(error.message, /unknown target "amt-z"/);
        return true;
      });
    } finally {
      await db.close();
    }
  });
});

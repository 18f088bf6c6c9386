/**
 * The audit trail over HTTP (listing by scope, filters, keyset paging, the chain's verdict) and
 * what the trail records of what exists today: form publications and erasures.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { recordAudit } from '../../server/audit/audit.ts';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import type { Database } from '../../server/db/database.ts';
import { eraseExpired } from '../../server/erase-expired.ts';
import { recordVersions } from '../../server/forms/versions.ts';
import { testApp } from '../support/app.ts';
import { testEngines } from '../support/engines.ts';
import { formsDir, minimalDefinition } from '../support/forms-dir.ts';
import { tamper } from './support.ts';

type Entry = { id: number; action: string; authorityId: string | null; objectId: string | null; actor: { kind: string; id: string | null; name: string | null }; details: Record<string, unknown>; at: string };

for (const engine of testEngines()) {
  describe(`audit trail over HTTP (${engine.name})`, () => {
    let db: Database;
    let http: Awaited<ReturnType<typeof testApp>>['http'];
    const bearer: Record<string, string> = {};

    before(async () => {
      db = await engine.open();
      await db.query(
        `INSERT INTO authorities (id, name, address, managed_by) VALUES
           ('stadt-a', 'Stadt A', '{"strasse":"Markt","hausnummer":"1","postleitzahl":"11111","ort":"A"}', 'api'),
           ('stadt-b', 'Stadt B', '{"strasse":"Markt","hausnummer":"2","postleitzahl":"22222","ort":"B"}', 'api')`,
      );
      ({ http } = await testApp(db, { formsDir: await formsDir({ 'testformular.json': minimalDefinition() }) }));
      for (const [name, role, authorityId] of [
        ['ops', 'admin', undefined],
        ['pruefung-a', 'auditor', 'stadt-a'],
        ['akten-a', 'sachbearbeitung', 'stadt-a'],
      ] as const)
        bearer[name] = `Bearer ${(await createApiToken(db, { name, role, authorityId })).token}`;
      for (let n = 0; n < 5; n++) {
        await recordAudit(db, { actor: { kind: 'user', id: 'u-1', name: 'erika@stadt-a.example' }, action: 'submission.read', objectType: 'submission', objectId: `s-a${n}`, authorityId: 'stadt-a' });
        await recordAudit(db, { actor: { kind: 'api-token', id: 't-2', name: 'monitor' }, action: 'delivery.requeue', objectType: 'delivery', objectId: `d-b${n}`, authorityId: 'stadt-b' });
      }
      await recordAudit(db, { actor: { kind: 'anonymous' }, action: 'auth.sign-in', outcome: 'failure' });
    });
    after(() => db.close());

    const list = (who: string, query: Record<string, string> = {}) => http.get('/api/admin/audit').query(query).set('Authorization', bearer[who]!);

    test('an admin sees every entry in id order, entries of no authority included', async () => {
      const { body, headers } = await list('ops').expect(200);
      assert.equal(headers['cache-control'], 'no-store');
      const entries = body.entries as Entry[];
      assert.deepEqual(entries.map((e) => e.action), ['form.publish', ...Array(5).fill(['submission.read', 'delivery.requeue']).flat(), 'auth.sign-in']);
      assert.ok(entries.every((e, i) => i === 0 || e.id > entries[i - 1]!.id));
      assert.equal(body.next, null);
      assert.deepEqual(entries[1]!.actor, { kind: 'user', id: 'u-1', name: 'erika@stadt-a.example' });
      assert.match(entries[1]!.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    test("an auditor sees only their authority's entries; other roles and strangers are refused", async () => {
      const { body } = await list('pruefung-a').expect(200);
      assert.deepEqual((body.entries as Entry[]).map((e) => e.objectId), ['s-a0', 's-a1', 's-a2', 's-a3', 's-a4']);
      const other = await list('pruefung-a', { authority: 'stadt-b' }).expect(200);
      assert.deepEqual(other.body.entries, [], 'a filter does not widen the scope');
      assert.equal((await list('akten-a').expect(403)).body.error.code, 'forbidden');
      assert.equal((await http.get('/api/admin/audit').expect(401)).body.error.code, 'unauthorized');
      await http.get('/api/admin/audit').set('Authorization', 'Bearer aw_guess').expect(401);
      await http.get('/api/admin/audit/verify').expect(401);
      await http.get('/api/admin/audit/verify').set('Authorization', bearer['akten-a']!).expect(403);
    });

    test('filters: authority, action, actor, object, time', async () => {
      const ids = async (query: Record<string, string>) => ((await list('ops', query).expect(200)).body.entries as Entry[]).map((e) => e.objectId);
      assert.deepEqual(await ids({ authority: 'stadt-b', action: 'delivery.requeue' }), ['d-b0', 'd-b1', 'd-b2', 'd-b3', 'd-b4']);
      assert.deepEqual(await ids({ actor: 'erika@stadt-a.example', objectType: 'submission', objectId: 's-a3' }), ['s-a3']);
      assert.deepEqual(await ids({ actor: 't-2', objectId: 'd-b1' }), ['d-b1']);
      assert.deepEqual(await ids({ action: 'auth.sign-in' }), [null]);
      const all = (await list('ops').expect(200)).body.entries as Entry[];
      const middle = all[4]!.at;
      const from = await list('ops', { from: middle }).expect(200);
      assert.ok((from.body.entries as Entry[]).every((e) => e.at >= middle));
      assert.ok((from.body.entries as Entry[]).length >= 1);
      const to = await list('ops', { to: middle }).expect(200);
      assert.ok((to.body.entries as Entry[]).every((e) => e.at < middle));
      assert.deepEqual(await ids({ from: '2999-01-01T00:00:00+02:00' }), []);
    });

    test('keyset paging: after and limit walk the whole trail once', async () => {
      const seen: number[] = [];
      let after: number | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const { body }: { body: { entries: Entry[]; next: number | null } } = await list('ops', {
          limit: '4',
          ...(after === null ? {} : { after: String(after) }),
        }).expect(200);
        seen.push(...(body.entries as Entry[]).map((e) => e.id));
        assert.ok((body.entries as Entry[]).length <= 4);
        after = body.next;
        if (after === null) break;
      }
      const all = ((await list('ops', { limit: '500' }).expect(200)).body.entries as Entry[]).map((e) => e.id);
      assert.deepEqual(seen, all);
      assert.equal(all.length, 12);
    });

    test('bad query values answer 400 invalid_query, one problem each, without echoing them', async () => {
      const { body } = await list('ops', {
        limit: '0',
        after: '-1',
        from: 'yesterday<script>',
        authority: 'Stadt A',
        action: 'DROP TABLE',
        unknown: 'x',
      }).expect(400);
      assert.equal(body.error.code, 'invalid_query');
      const paths = (body.error.details as Array<{ path: string }>).map((p) => p.path).sort();
      assert.deepEqual(paths, ['', '/action', '/after', '/authority', '/from', '/limit']);
      assert.doesNotMatch(JSON.stringify(body), /script|DROP/);
      for (const bad of <Array<Record<string, string>>>[{ limit: '501' }, { limit: '1e3' }, { after: '9223372036854775808' }, { after: '1'.repeat(25) }, { to: '2025-13-01T00:00:00Z' }, { actor: 'x'.repeat(321) }])
        assert.equal((await list('ops', bad).expect(400)).body.error.code, 'invalid_query', JSON.stringify(bad));
      const repeated = await http.get('/api/admin/audit?action=a.b&action=c.d').set('Authorization', bearer.ops!).expect(400);
      assert.equal(repeated.body.error.code, 'invalid_query');
      await http.post('/api/admin/audit').set('Authorization', bearer.ops!).expect(405);
      await list('ops', { after: '9223372036854775807' }).expect(200);
    });

    test('verify answers the verdict of the whole chain, to admins and auditors alike', async () => {
      const count = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;
      for (const who of ['ops', 'pruefung-a']) {
        const { body } = await http.get('/api/admin/audit/verify').set('Authorization', bearer[who]!).expect(200);
        assert.deepEqual(body, { ok: true, entries: count });
      }
      const { rows } = await db.query<{ id: number }>(`SELECT id::int AS id FROM audit_log WHERE object_id = 'd-b2'`);
      await tamper(db, `UPDATE audit_log SET object_id = 'd-b9' WHERE id = $1`, [rows[0]!.id]);
      const { body } = await http.get('/api/admin/audit/verify').set('Authorization', bearer['pruefung-a']!).expect(200);
      assert.deepEqual(body, { ok: false, brokenAt: rows[0]!.id });
      await tamper(db, `UPDATE audit_log SET object_id = 'd-b2' WHERE id = $1`, [rows[0]!.id]);
      await http.get('/api/admin/audit/verify').set('Authorization', bearer.ops!).expect(200, { ok: true, entries: count });
    });

    test('reading the trail is not itself recorded', async () => {
      const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;
      await list('ops').expect(200);
      await http.get('/api/admin/audit/verify').set('Authorization', bearer.ops!).expect(200);
      const after = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;
      assert.equal(after, before);
    });
  });

  describe(`what the trail records today (${engine.name})`, () => {
    let db: Database;
    before(async () => {
      db = await engine.open();
    });
    after(() => db.close());

    const entries = async (action: string) =>
      (
        await db.query<{ actor_kind: string; actor_name: string; object_type: string | null; object_id: string | null; details: Record<string, unknown> }>(
          'SELECT actor_kind, actor_name, object_type, object_id, details FROM audit_log WHERE action = $1 ORDER BY audit_log.id',
          [action],
        )
      ).rows;

    test('a new form version is a publication; an unchanged definition records nothing', async () => {
      const definition = minimalDefinition() as never;
      await recordVersions(db, [definition]);
      await recordVersions(db, [definition]);
      await recordVersions(db, [{ ...(definition as object), retentionDays: 60 } as never]);
      const published = await entries('form.publish');
      assert.equal(published.length, 2);
      assert.deepEqual(
        published.map((e) => ({ ...e, details: { version: e.details.version, hash: typeof e.details.contentHash } })),
        [1, 2].map((version) => ({
          actor_kind: 'system',
          actor_name: 'form-definitions',
          object_type: 'form',
          object_id: 'testformular',
          details: { version, hash: 'string' },
        })),
      );
    });

    test('an erasure run that erased something is one entry with its counts, and nothing personal', async () => {
      const { http } = await testApp(db, { formsDir: await formsDir({ 'testformular.json': minimalDefinition() }) });
      for (const name of ['Ahlborn', 'Brettschneider'])
        await http.post('/api/forms/testformular/submissions').send({ familienname: name }).expect(201);
      await db.query(`UPDATE submissions SET erase_after = now() - interval '1 second'`);
      const counts = await eraseExpired(db, 30, 30);
      assert.equal(counts.submissions, 2);
      assert.deepEqual(await entries('data.erase-expired'), [
        { actor_kind: 'system', actor_name: 'erasure', object_type: null, object_id: null, details: counts },
      ]);
      await eraseExpired(db, 30, 30);
      assert.equal((await entries('data.erase-expired')).length, 1, 'a run that found nothing is not recorded');
      const { rows } = await db.query<{ text: string }>(`SELECT string_agg(details::text || coalesce(object_id, ''), ' ') AS text FROM audit_log`);
      assert.doesNotMatch(rows[0]!.text, /Ahlborn|Brettschneider/);
    });
  });
}

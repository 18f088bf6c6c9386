/**
 * The admin API's behaviour: accounts and grants (password policy, provisioned accounts, the last
 * administrator, sessions ended at once), API tokens (shown once, revoked but kept), operator
 * endpoints scoped to authorities, every change in a verifiable audit trail, and bad input
 * refused with nothing stored.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type supertest from 'supertest';
import type { Database } from '../../server/db/database.ts';
import { entryHash, genesisHash, type ChainedFields } from '../../server/audit/audit.ts';
import { principalOfApiToken } from '../../server/auth/api-tokens.ts';
import { verifyPassword } from '../../server/auth/passwords.ts';
import { testEngines } from '../support/engines.ts';
import { accountOf, adminTestApp, authorityA, authorityB, callerTokens, deadDeliveryOf, queuedPieceOf, type Caller } from './support.ts';

type AuditRow = ChainedFields & { id: number };

/** The audit trail in order, with the chain checked link by link. */
async function verifiedAuditTrail(db: Database): Promise<AuditRow[]> {
  const { rows } = await db.query<Omit<AuditRow, 'at'> & { at: Date; hash: string }>(
    `SELECT id::int, at, actor_kind, actor_id, actor_name, action, object_type, object_id, authority_id, outcome, details, request_id, prev_hash, hash
       FROM audit_log ORDER BY id`,
  );
  let previous = genesisHash;
  return rows.map(({ hash, ...row }) => {
    const fields = { ...row, at: row.at.toISOString() };
    assert.equal(fields.prev_hash, previous, `entry ${row.id} follows the one before`);
    const { id: _, ...chained } = fields;
    assert.equal(entryHash(chained), hash, `entry ${row.id} is unchanged`);
    previous = hash;
    return fields;
  });
}

async function counts(db: Database) {
  const { rows } = await db.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM role_grants) AS grants,
            (SELECT count(*)::int FROM api_tokens) AS tokens, (SELECT count(*)::int FROM audit_log) AS audit,
            (SELECT count(*)::int FROM sessions) AS sessions`,
  );
  return rows[0]!;
}

const password = 'ein langes Passwort';

for (const engine of testEngines()) {
  describe(`admin API (${engine.name})`, () => {
    let db: Database;
    let http: supertest.Agent;
    let tokens: Map<Caller, string>;
    const as = (caller: Caller) => ({ Authorization: `Bearer ${tokens.get(caller)}` });

    before(async () => {
      db = await engine.open();
      ({ http } = await adminTestApp(db));
      tokens = await callerTokens(db);
    });
    after(() => db.close());

    test('a caseworker for a second authority sees only its deliveries, requeues a dead one; every step is in the audit trail', async () => {
      const created = await http
        .post('/api/admin/users')
        .set(as('admin'))
        .send({ email: 'Erika.Sachbearbeiterin@amt-b.example', name: 'Erika S.', password, grants: [{ role: 'sachbearbeitung', authority: authorityB }] })
        .expect(201);
      assert.equal(created.body.email, 'Erika.Sachbearbeiterin@amt-b.example');
      assert.deepEqual(created.body.grants, [{ role: 'sachbearbeitung', authority: authorityB }]);
      assert.equal(created.body.admin, false);
      assert.ok(!JSON.stringify(created.body).includes('scrypt'), 'no hash in the answer');
      const stored = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [created.body.id]);
      assert.ok(await verifyPassword(password, stored.rows[0]!.password_hash));

      // The caseworker's machine access: a token for authority B, shown once.
      const issued = await http.post('/api/admin/tokens').set(as('admin')).send({ name: 'fachverfahren-b', role: 'sachbearbeitung', authority: authorityB }).expect(201);
      assert.match(issued.body.token, /^aw_/);
      const listed = await http.get('/api/admin/tokens').set(as('admin')).expect(200);
      const entry = listed.body.tokens.find((t: { id: string }) => t.id === issued.body.id);
      assert.deepEqual(Object.keys(entry).sort(), ['authority', 'createdAt', 'createdBy', 'id', 'lastUsedAt', 'name', 'revokedAt', 'role']);
      assert.ok(!JSON.stringify(listed.body).includes(issued.body.token));

      const a = await deadDeliveryOf(db, authorityA);
      const b = await deadDeliveryOf(db, authorityB);
      const none = await deadDeliveryOf(db, null);
      const caseworker = { Authorization: `Bearer ${issued.body.token}` };
      const seen = await http.get('/api/admin/deliveries?state=dead').set(caseworker).expect(200);
      assert.deepEqual(seen.body.map((d: { id: string }) => d.id), [b.deliveryId]);
      assert.deepEqual(seen.body[0].validationErrors, ["/nachricht/name: The value 'Muster' is not accepted."], 'the caseworker may read the submission');
      await http.post(`/api/admin/deliveries/${a.deliveryId}/requeue`).set(caseworker).expect(404);
      await http.post(`/api/admin/deliveries/${none.deliveryId}/requeue`).set(caseworker).expect(404);
      await http.post(`/api/admin/deliveries/${b.deliveryId}/requeue`).set(caseworker).expect(202);
      const states = await db.query<{ id: string; state: string }>('SELECT id, state FROM deliveries WHERE id = ANY($1::uuid[]) ORDER BY id', [
        [a.deliveryId, b.deliveryId, none.deliveryId],
      ]);
      assert.deepEqual(Object.fromEntries(states.rows.map((r) => [r.id, r.state])), {
        [a.deliveryId]: 'dead',
        [b.deliveryId]: 'pending',
        [none.deliveryId]: 'dead',
      });

      // The administrator sees deliveries everywhere (and those of no authority), but not the applicant's values.
      const everywhere = await http.get('/api/admin/deliveries?state=dead').set(as('admin')).expect(200);
      const ids = everywhere.body.map((d: { id: string }) => d.id);
      assert.ok(ids.includes(a.deliveryId) && ids.includes(none.deliveryId) && !ids.includes(b.deliveryId));
      for (const d of everywhere.body) {
        assert.equal(d.validationErrors, null);
        assert.equal(d.validationErrorCount, 1);
      }

      const trail = await verifiedAuditTrail(db);
      const actions = trail.map((e) => [e.action, e.object_id, e.authority_id, e.actor_name]);
      assert.deepEqual(actions.slice(-5), [
        ['user.create', created.body.id, null, 'caller-admin'],
        ['user.grants', created.body.id, authorityB, 'caller-admin'],
        ['api-token.create', issued.body.id, authorityB, 'caller-admin'],
        ['submission.read', b.submissionId, authorityB, 'fachverfahren-b'],
        ['delivery.requeue', b.deliveryId, authorityB, 'fachverfahren-b'],
      ]);
      assert.ok(!JSON.stringify(trail).includes(password) && !JSON.stringify(trail).includes('scrypt$'), 'no password or hash in the trail');
      assert.ok(!JSON.stringify(trail).includes('Muster'), 'no applicant data in the trail');
    });

    test('password policy, duplicate e-mail (any case), unknown authority: clear 4xx, nothing stored', async () => {
      const before = await counts(db);
      const post = (body: unknown) => http.post('/api/admin/users').set(as('admin')).send(body as object);
      const short = await post({ email: 'kurz@example.org', name: 'K', password: 'zu kurz' }).expect(422);
      assert.deepEqual(short.body.error.details.map((d: { path: string }) => d.path), ['/password']);
      const same = await post({ email: 'gleich.gleich@example.org', name: 'G', password: 'Gleich.Gleich@example.org' }).expect(422);
      assert.match(same.body.error.details[0].message, /E-Mail-Adresse/);
      const unknown = await post({ email: 'x@example.org', name: 'X', password, grants: [{ role: 'auditor', authority: authorityA }, { role: 'auditor', authority: 'amt-z' }] }).expect(422);
      assert.deepEqual(unknown.body.error.details.map((d: { path: string }) => d.path), ['/grants/1/authority']);
      await post({ email: 'dup@example.org', name: 'D', password }).expect(201);
      const after1 = await counts(db);
      const dup = await post({ email: 'DUP@example.org', name: 'D2', password }).expect(409);
      assert.equal(dup.body.error.code, 'email_taken');
      assert.deepEqual(await counts(db), after1);
      assert.equal(after1.users, before.users! + 1);
    });

    test('bad input on every endpoint: malformed, unknown fields, wrong types, oversized, unknown and non-uuid ids; nothing stored', async () => {
      const user = await accountOf(db);
      const before = await counts(db);
      const admin = as('admin');
      const bodies: Array<[string, string, object | string, number, string]> = [
        ['post', '/api/admin/users', '{"email": ', 400, 'invalid_json'],
        ['post', '/api/admin/users', [1, 2] as unknown as object, 400, 'invalid_body'],
        ['post', '/api/admin/users', { email: 'a@example.org', name: 'A', password, rolle: 'admin' }, 422, 'validation_failed'],
        ['post', '/api/admin/users', { email: 'kein-email', name: 'A', password }, 422, 'validation_failed'],
        ['post', '/api/admin/users', { email: 'b@example.org', name: 'A\u0007', password }, 422, 'validation_failed'],
        ['post', '/api/admin/users', { email: 'b@example.org', name: 'A', password, admin: 'ja' }, 422, 'validation_failed'],
        ['post', '/api/admin/users', { email: 'b@example.org', name: 'A', password: 'x'.repeat(300) }, 422, 'validation_failed'],
        ['post', '/api/admin/users', { email: 'b@example.org', name: 'A', password, grants: [{ role: 'admin', authority: authorityA }] }, 422, 'validation_failed'],
        ['post', '/api/admin/users', { email: 'b@example.org', name: 'x'.repeat(20_000), password }, 413, 'payload_too_large'],
        ['patch', `/api/admin/users/${user}`, { disabled: 'true' }, 422, 'validation_failed'],
        ['patch', `/api/admin/users/${user}`, { email: 'neu@example.org' }, 422, 'validation_failed'],
        ['patch', '/api/admin/users/00000000-0000-4000-8000-000000000000', { name: 'N' }, 404, 'user_not_found'],
        ['patch', '/api/admin/users/kein-uuid', { name: 'N' }, 404, 'user_not_found'],
        ['put', `/api/admin/users/${user}/grants`, { grants: { role: 'auditor' } }, 422, 'validation_failed'],
        ['put', `/api/admin/users/${user}/grants`, { grants: [{ role: 'auditor', authority: 'amt-z' }] }, 422, 'validation_failed'],
        ['put', '/api/admin/users/kein-uuid/grants', { grants: [] }, 404, 'user_not_found'],
        ['post', '/api/admin/tokens', { name: 'n', role: 'root' }, 422, 'validation_failed'],
        ['post', '/api/admin/tokens', { name: 'n', role: 'auditor' }, 422, 'validation_failed'],
        ['post', '/api/admin/tokens', { name: 'n', role: 'admin', authority: authorityA }, 422, 'validation_failed'],
        ['post', '/api/admin/tokens', { name: 'n', role: 'auditor', authority: 'amt-z' }, 422, 'validation_failed'],
        ['post', '/api/admin/tokens', { name: 'caller-admin', role: 'admin' }, 409, 'api_token_name_taken'],
        ['post', '/api/admin/tokens', { name: 'n', role: 'admin', extra: 1 }, 422, 'validation_failed'],
        ['delete', '/api/admin/tokens/00000000-0000-4000-8000-000000000000', '', 404, 'api_token_not_found'],
        ['delete', '/api/admin/tokens/kein-uuid', '', 404, 'api_token_not_found'],
        ['get', '/api/admin/users/kein-uuid', '', 404, 'user_not_found'],
        ['get', '/api/admin/deliveries?limit=-1', '', 400, 'invalid_query'],
        ['get', '/api/admin/deliveries?state=verloren', '', 400, 'invalid_query'],
        ['get', '/api/admin/print/pieces?submission=kein-uuid', '', 400, 'invalid_query'],
      ];
      for (const [method, path, body, status, code] of bodies) {
        let req = http[method as 'post'](path).set(admin);
        if (typeof body === 'string' && body !== '') req = req.set('Content-Type', 'application/json').send(body);
        else if (typeof body !== 'string') req = req.send(body);
        const res = await req;
        assert.equal(res.status, status, `${method} ${path} ${JSON.stringify(body).slice(0, 80)}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error.code, code, `${method} ${path}`);
      }
      const text = await http.post('/api/admin/users').set(admin).set('Content-Type', 'text/plain').send('email=a').expect(415);
      assert.equal(text.body.error.code, 'unsupported_media_type');
      assert.deepEqual(await counts(db), before);
    });

    test('changing access ends the sessions; provisioned accounts are refused; the last administrator stays', async () => {
      const user = await accountOf(db);
      const session = (id: string, n: number) =>
        db.query(`INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, 'c', now() + interval '1 hour')`, [`${id}-${n}`, id]);
      const sessionsOf = async (id: string) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [id])).rows[0]!.n;

      await session(user, 1);
      await http.patch(`/api/admin/users/${user}`).set(as('admin')).send({ name: 'Nur umbenannt' }).expect(200);
      assert.equal(await sessionsOf(user), 1, 'a new name changes no access');
      const granted = await http.put(`/api/admin/users/${user}/grants`).set(as('admin')).send({ grants: [{ role: 'auditor', authority: authorityA }, { role: 'auditor', authority: authorityA }] }).expect(200);
      assert.deepEqual(granted.body.grants, [{ role: 'auditor', authority: authorityA }]);
      assert.equal(await sessionsOf(user), 0);
      await session(user, 2);
      const disabled = await http.patch(`/api/admin/users/${user}`).set(as('admin')).send({ disabled: true }).expect(200);
      assert.equal(disabled.body.disabled, true);
      assert.equal(await sessionsOf(user), 0);
      await session(user, 3);
      await http.patch(`/api/admin/users/${user}`).set(as('admin')).send({ password: 'ein neues langes Passwort' }).expect(200);
      assert.equal(await sessionsOf(user), 0, 'a password reset ends the sessions');
      const updates = (await verifiedAuditTrail(db)).filter((e) => e.object_id === user).map((e) => [e.action, e.details]);
      assert.deepEqual(updates, [
        ['user.update', { fields: ['name'] }],
        // Filed under the authority concerned, so its auditors see who was given access.
        ['user.grants', { added: ['auditor'], removed: [], sessionsEnded: 1 }],
        ['user.update', { fields: ['disabled'], disabled: true, sessionsEnded: 1 }],
        ['user.update', { fields: ['password'], sessionsEnded: 1 }],
      ]);
      assert.deepEqual(
        (await verifiedAuditTrail(db)).filter((e) => e.object_id === user && e.action === 'user.grants').map((e) => e.authority_id),
        [authorityA],
      );

      const provisioned = await accountOf(db, { managedBy: 'file' });
      const oidc = await accountOf(db, { managedBy: 'oidc' });
      const before = await counts(db);
      const refused = await http.patch(`/api/admin/users/${provisioned}`).set(as('admin')).send({ disabled: true }).expect(409);
      assert.equal(refused.body.error.code, 'managed_by_file');
      assert.match(refused.body.error.message, /Provisionierungsdatei/);
      await http.put(`/api/admin/users/${provisioned}/grants`).set(as('admin')).send({ grants: [] }).expect(409);
      await http.patch(`/api/admin/users/${oidc}`).set(as('admin')).send({ password: 'ein neues langes Passwort' }).expect(422);
      assert.deepEqual(await counts(db), before);

      // The only enabled administrator account can be neither disabled nor demoted.
      const onlyAdmin = await accountOf(db, { admin: true });
      for (const change of [{ disabled: true }, { admin: false }]) {
        const res = await http.patch(`/api/admin/users/${onlyAdmin}`).set(as('admin')).send(change).expect(409);
        assert.equal(res.body.error.code, 'last_admin');
      }
      const second = await accountOf(db, { admin: true });
      await http.patch(`/api/admin/users/${onlyAdmin}`).set(as('admin')).send({ admin: false }).expect(200);
      await http.patch(`/api/admin/users/${second}`).set(as('admin')).send({ disabled: true }).expect(409);
      const listed = await http.get('/api/admin/users').set(as('admin')).expect(200);
      assert.ok(!JSON.stringify(listed.body).includes('password_hash') && !JSON.stringify(listed.body).includes('scrypt$'));
    });

    test('a revoked token no longer works and stays listed; revoking again records nothing', async () => {
      const issued = await http.post('/api/admin/tokens').set(as('admin')).send({ name: 'monitoring', role: 'admin' }).expect(201);
      assert.ok(await principalOfApiToken(db, issued.body.token));
      const revoked = await http.delete(`/api/admin/tokens/${issued.body.id}`).set(as('admin')).expect(200);
      assert.equal(typeof revoked.body.revokedAt, 'string');
      await http.get('/api/admin/users').set('Authorization', `Bearer ${issued.body.token}`).expect(401);
      const auditBefore = (await counts(db)).audit;
      await http.delete(`/api/admin/tokens/${issued.body.id}`).set(as('admin')).expect(200);
      assert.equal((await counts(db)).audit, auditBefore);
      const listed = await http.get('/api/admin/tokens').set(as('admin')).expect(200);
      assert.ok(listed.body.tokens.some((t: { id: string; revokedAt: string | null }) => t.id === issued.body.id && t.revokedAt));
    });

    test('print pieces: only the caller’s authorities; cancel is audited with the authority', async () => {
      const piece = await queuedPieceOf(db, authorityA);
      await http.get(`/api/admin/print/pieces/${piece.pieceId}`).set(as('sachbearbeitung@B')).expect(404);
      const listedB = await http.get(`/api/admin/print/pieces?submission=${piece.submissionId}`).set(as('sachbearbeitung@B')).expect(200);
      assert.deepEqual(listedB.body.pieces, []);
      const shown = await http.get(`/api/admin/print/pieces/${piece.pieceId}`).set(as('sachbearbeitung@A')).expect(200);
      assert.ok(!JSON.stringify(shown.body).includes('Erika Muster'), 'no recipient lines in the answer');
      await http.post(`/api/admin/print/pieces/${piece.pieceId}/cancel`).set(as('sachbearbeitung@B')).expect(404);
      await http.post(`/api/admin/print/pieces/${piece.pieceId}/cancel`).set(as('sachbearbeitung@A')).expect(200);
      const last = (await verifiedAuditTrail(db)).at(-1)!;
      assert.deepEqual([last.action, last.object_id, last.authority_id, last.actor_name], ['print-piece.cancel', piece.pieceId, authorityA, 'caller-sachbearbeitung-A']);
    });
  });
}

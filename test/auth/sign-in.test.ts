/**
 * Sign-in, sessions and CSRF over HTTP: cookie attributes (Secure behind TLS), rotation, one
 * answer for every wrong credential, idle and absolute timeouts, CSRF refusal and acceptance,
 * sign-out, password change, malformed bodies. On both engines.
 */
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { hashPassword, verifyPassword } from '../../server/auth/passwords.ts';
import { eraseExpiredSessions } from '../../server/auth/sessions.ts';
import { testEngines } from '../support/engines.ts';
import { testApp } from '../support/app.ts';

const password = 'korrekt Pferd Batterie';
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The Set-Cookie header of a response, as one string per cookie. */
const setCookies = (response: { headers: Record<string, unknown> }) => (response.headers['set-cookie'] as string[] | undefined) ?? [];
/** `name=value` of the first cookie set, for sending back. */
const cookiePair = (response: { headers: Record<string, unknown> }) => setCookies(response)[0]!.split(';')[0]!;

for (const engine of testEngines()) {
  describe(`sign-in and sessions (${engine.name})`, () => {
    let db: Database;
    let app: Awaited<ReturnType<typeof testApp>>;
    let anna: string;
    let passwordHash: string;

    const counts = async () =>
      (
        await db.query<{ sessions: number; audit: number }>(
          `SELECT (SELECT count(*)::int FROM sessions) AS sessions, (SELECT count(*)::int FROM audit_log) AS audit`,
        )
      ).rows[0]!;
    const lastAudit = async () =>
      (
        await db.query<{ actor_kind: string; actor_id: string | null; actor_name: string | null; action: string; outcome: string; details: unknown }>(
          `SELECT actor_kind, actor_id, actor_name, action, outcome, details FROM audit_log ORDER BY id DESC LIMIT 1`,
        )
      ).rows[0];
    const signIn = (email = 'anna.schmidt@musterstadt.example', pw = password) =>
      app.http.post('/api/auth/login').send({ email, password: pw });

    before(async () => {
      db = await engine.open();
      app = await testApp(db);
      passwordHash = await hashPassword(password);
      await db.query(
        `INSERT INTO authorities (id, name, address, managed_by) VALUES
           ('stadt-a', 'Stadt A', '{"strasse":"Markt","hausnummer":"1","postleitzahl":"11111","ort":"A"}', 'api')`,
      );
    });
    after(() => db.close());
    beforeEach(async () => {
      await db.query(`DELETE FROM users`);
      anna = randomUUID();
      await db.query(
        `INSERT INTO users (id, email, name, password_hash, managed_by) VALUES ($1, 'Anna.Schmidt@musterstadt.example', 'Anna Schmidt', $2, 'api')`,
        [anna, passwordHash],
      );
      await db.query(`INSERT INTO role_grants (user_id, role, authority_id, managed_by) VALUES ($1, 'sachbearbeitung', 'stadt-a', 'api')`, [anna]);
    });

    test('signing in answers with the account and a CSRF token and sets an HttpOnly, SameSite=Lax session cookie; only its hash is stored', async () => {
      const before = await counts();
      const response = await signIn('  ANNA.SCHMIDT@musterstadt.example ');
      assert.equal(response.status, 200);
      assert.deepEqual(response.body.user, {
        id: anna,
        email: 'Anna.Schmidt@musterstadt.example',
        name: 'Anna Schmidt',
        admin: false,
        grants: [{ role: 'sachbearbeitung', authorityId: 'stadt-a' }],
      });
      assert.match(response.body.csrfToken, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(response.headers['cache-control'], 'no-store');
      const cookies = setCookies(response);
      assert.equal(cookies.length, 1);
      assert.match(cookies[0]!, /^aw_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
      const value = cookiePair(response).split('=')[1]!;
      const { rows } = await db.query<{ user_id: string; csrf_token: string; hours: number }>(
        `SELECT user_id::text, csrf_token, round(extract(epoch FROM expires_at - created_at) / 3600)::int AS hours FROM sessions WHERE id_hash = $1`,
        [sha256(value)],
      );
      assert.deepEqual(rows, [{ user_id: anna, csrf_token: response.body.csrfToken, hours: 10 }]);
      const stored = await db.query(`SELECT 1 FROM sessions WHERE id_hash = $1`, [value]);
      assert.equal(stored.rows.length, 0);
      assert.deepEqual(await counts(), { sessions: before.sessions + 1, audit: before.audit + 1 });
      assert.deepEqual(await lastAudit(), {
        actor_kind: 'user',
        actor_id: anna,
        actor_name: 'Anna.Schmidt@musterstadt.example',
        action: 'auth.sign-in',
        outcome: 'success',
        details: {},
      });

      const me = await app.http.get('/api/auth/me').set('Cookie', cookiePair(response));
      assert.equal(me.status, 200);
      assert.deepEqual(me.body, response.body);
      assert.equal(me.headers['cache-control'], 'no-store');
    });

    test('behind TLS the cookie is Secure and __Host- prefixed: with TRUST_PROXY and X-Forwarded-Proto, or with an https PUBLIC_URL', async () => {
      const proxied = await testApp(db, { env: { TRUST_PROXY: 'loopback' } });
      const tls = await proxied.http.post('/api/auth/login').set('X-Forwarded-Proto', 'https').send({ email: 'anna.schmidt@musterstadt.example', password });
      assert.equal(tls.status, 200);
      assert.match(setCookies(tls)[0]!, /^__Host-aw_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
      const me = await proxied.http.get('/api/auth/me').set('X-Forwarded-Proto', 'https').set('Cookie', cookiePair(tls));
      assert.equal(me.status, 200);
      // The same cookie over plain HTTP is not the secure session's name: no session.
      assert.equal((await proxied.http.get('/api/auth/me').set('Cookie', cookiePair(tls))).status, 401);

      // Without TRUST_PROXY a client cannot claim TLS by a header.
      const direct = await app.http.post('/api/auth/login').set('X-Forwarded-Proto', 'https').send({ email: 'anna.schmidt@musterstadt.example', password });
      assert.match(setCookies(direct)[0]!, /^aw_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);

      const httpsPortal = await testApp(db, { env: { PUBLIC_URL: 'https://antrag.musterstadt.example' } });
      const secure = await httpsPortal.http.post('/api/auth/login').send({ email: 'anna.schmidt@musterstadt.example', password });
      assert.match(setCookies(secure)[0]!, /^__Host-aw_session=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    });

    test('a new sign-in ends the session the request brought (rotation)', async () => {
      const first = await signIn();
      const second = await app.http.post('/api/auth/login').set('Cookie', cookiePair(first)).send({ email: 'anna.schmidt@musterstadt.example', password });
      assert.equal(second.status, 200);
      assert.notEqual(cookiePair(second), cookiePair(first));
      assert.notEqual(second.body.csrfToken, first.body.csrfToken);
      assert.equal((await app.http.get('/api/auth/me').set('Cookie', cookiePair(first))).status, 401);
      assert.equal((await app.http.get('/api/auth/me').set('Cookie', cookiePair(second))).status, 200);
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1`, [anna]);
      assert.equal(rows[0]!.n, 1);
    });

    test('wrong password, unknown address and disabled account get the same 401; the typed address is recorded only when it names an account', async () => {
      const before = await counts();
      const wrong = await signIn('anna.schmidt@musterstadt.example', 'falsches Passwort!');
      assert.deepEqual((await lastAudit()), {
        actor_kind: 'anonymous',
        actor_id: null,
        actor_name: 'Anna.Schmidt@musterstadt.example',
        action: 'auth.sign-in',
        outcome: 'failure',
        details: { reason: 'wrong_password' },
      });
      const unknown = await signIn('niemand@musterstadt.example');
      assert.deepEqual((await lastAudit()), {
        actor_kind: 'anonymous',
        actor_id: null,
        actor_name: null,
        action: 'auth.sign-in',
        outcome: 'failure',
        details: { reason: 'unknown_account' },
      });
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE details::text LIKE '%niemand%' OR actor_name LIKE '%niemand%'`);
      assert.equal(rows[0]!.n, 0);
      await db.query(`UPDATE users SET disabled = true WHERE id = $1`, [anna]);
      const disabled = await signIn();
      assert.equal((await lastAudit())?.details && ((await lastAudit())!.details as { reason: string }).reason, 'account_disabled');
      for (const response of [wrong, unknown, disabled]) {
        assert.equal(response.status, 401);
        assert.equal(response.body.error.code, 'invalid_credentials');
        assert.equal(response.body.error.message, 'E-Mail-Adresse oder Passwort ist falsch, oder das Konto ist gesperrt.');
        assert.deepEqual(setCookies(response), []);
      }
      assert.deepEqual(await counts(), { sessions: before.sessions, audit: before.audit + 3 });
    });

    test('an account disabled while signed in has no session any more', async () => {
      const session = await signIn();
      await db.query(`UPDATE users SET disabled = true WHERE id = $1`, [anna]);
      assert.equal((await app.http.get('/api/auth/me').set('Cookie', cookiePair(session))).status, 401);
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1`, [anna]);
      assert.equal(rows[0]!.n, 0);
    });

    test('idle timeout: a session unused for SESSION_IDLE_MINUTES ends and is deleted; use keeps it alive', async () => {
      const session = await signIn();
      const hash = sha256(cookiePair(session).split('=')[1]!);
      await db.query(`UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE id_hash = $1`, [hash]);
      assert.equal((await app.http.get('/api/auth/me').set('Cookie', cookiePair(session))).status, 200);
      const { rows } = await db.query<{ fresh: boolean }>(`SELECT last_seen_at > now() - interval '1 minute' AS fresh FROM sessions WHERE id_hash = $1`, [hash]);
      assert.deepEqual(rows, [{ fresh: true }]);
      await db.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE id_hash = $1`, [hash]);
      const me = await app.http.get('/api/auth/me').set('Cookie', cookiePair(session));
      assert.equal(me.status, 401);
      assert.equal(me.body.error.code, 'unauthorized');
      assert.equal((await db.query(`SELECT 1 FROM sessions WHERE id_hash = $1`, [hash])).rows.length, 0);
    });

    test('absolute timeout: a session ends SESSION_MAX_HOURS after sign-in however busy it is', async () => {
      const session = await signIn();
      const hash = sha256(cookiePair(session).split('=')[1]!);
      await db.query(`UPDATE sessions SET created_at = now() - interval '10 hours', expires_at = now() - interval '1 second' WHERE id_hash = $1`, [hash]);
      assert.equal((await app.http.get('/api/auth/me').set('Cookie', cookiePair(session))).status, 401);
      assert.equal((await db.query(`SELECT 1 FROM sessions WHERE id_hash = $1`, [hash])).rows.length, 0);
    });

    test('the periodic erasure deletes sessions past either timeout and keeps live ones', async () => {
      const live = await signIn();
      const idle = await signIn();
      const old = await signIn();
      const hashOf = (response: typeof live) => sha256(cookiePair(response).split('=')[1]!);
      await db.query(`UPDATE sessions SET last_seen_at = now() - interval '2 hours' WHERE id_hash = $1`, [hashOf(idle)]);
      await db.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE id_hash = $1`, [hashOf(old)]);
      assert.equal(await eraseExpiredSessions(db, 30), 2);
      const { rows } = await db.query<{ id_hash: string }>(`SELECT id_hash FROM sessions WHERE user_id = $1`, [anna]);
      assert.deepEqual(rows, [{ id_hash: hashOf(live) }]);
    });

    test('a state-changing request with a session needs its CSRF token: missing or wrong is 403 csrf_failed and changes nothing', async () => {
      const session = await signIn();
      const missing = await app.http.post('/api/auth/logout').set('Cookie', cookiePair(session));
      assert.equal(missing.status, 403);
      assert.equal(missing.body.error.code, 'csrf_failed');
      const wrong = await app.http.post('/api/auth/logout').set('Cookie', cookiePair(session)).set('X-CSRF-Token', session.body.csrfToken.slice(0, -1) + 'x');
      assert.equal(wrong.status, 403);
      assert.equal(wrong.body.error.code, 'csrf_failed');
      // The admin API is guarded the same way, before any of its routes runs.
      const admin = await app.http.post(`/api/admin/deliveries/${randomUUID()}/requeue`).set('Cookie', cookiePair(session));
      assert.equal(admin.body.error.code, 'csrf_failed');
      assert.equal((await app.http.get('/api/auth/me').set('Cookie', cookiePair(session))).status, 200, 'reading needs no token; the session lives');

      // Bearer tokens are exempt: no browser adds that header on its own.
      const { token } = await createApiToken(db, { name: `ops-${randomUUID()}`, role: 'admin' });
      const bearer = await app.http.post('/api/auth/logout').set('Authorization', `Bearer ${token}`);
      assert.equal(bearer.status, 401, 'an API token is no session to end');
      assert.equal(bearer.body.error.code, 'unauthorized');
    });

    test('signing out needs the token, ends the session, clears the cookie and is recorded', async () => {
      const session = await signIn();
      const out = await app.http.post('/api/auth/logout').set('Cookie', cookiePair(session)).set('X-CSRF-Token', session.body.csrfToken);
      assert.equal(out.status, 204);
      assert.match(setCookies(out)[0]!, /^aw_session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax$/);
      assert.equal((await app.http.get('/api/auth/me').set('Cookie', cookiePair(session))).status, 401);
      assert.equal((await app.http.post('/api/auth/logout').set('Cookie', cookiePair(session)).set('X-CSRF-Token', session.body.csrfToken)).status, 401);
      assert.deepEqual(await lastAudit(), {
        actor_kind: 'user',
        actor_id: anna,
        actor_name: 'Anna.Schmidt@musterstadt.example',
        action: 'auth.sign-out',
        outcome: 'success',
        details: {},
      });
    });

    test('GET /api/auth/me without a session, or with an API token, is 401', async () => {
      assert.equal((await app.http.get('/api/auth/me')).status, 401);
      assert.equal((await app.http.get('/api/auth/me').set('Cookie', 'aw_session=not-a-session')).status, 401);
      assert.equal((await app.http.get('/api/auth/me').set('Cookie', `aw_session=${'A'.repeat(43)}`)).status, 401);
      const { token } = await createApiToken(db, { name: `me-${randomUUID()}`, role: 'admin' });
      assert.equal((await app.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status, 401);
    });

    test('changing the password checks the current one and the policy, and ends every other session', async () => {
      const here = await signIn();
      const elsewhere = await signIn();
      const change = (body: unknown, session = here) =>
        app.http.post('/api/auth/password').set('Cookie', cookiePair(session)).set('X-CSRF-Token', session.body.csrfToken).send(body as object);

      const noToken = await app.http.post('/api/auth/password').set('Cookie', cookiePair(here)).send({ currentPassword: password, newPassword: 'ein ganz neues Passwort' });
      assert.equal(noToken.body.error.code, 'csrf_failed');

      const wrongCurrent = await change({ currentPassword: 'nicht das Passwort', newPassword: 'ein ganz neues Passwort' });
      assert.equal(wrongCurrent.status, 422);
      assert.deepEqual(wrongCurrent.body.error.details, [{ path: '/currentPassword', message: 'Das bisherige Passwort stimmt nicht.' }]);
      assert.equal((await lastAudit())?.outcome, 'failure');

      const short = await change({ currentPassword: password, newPassword: 'kurz' });
      assert.deepEqual(short.body.error.details, [{ path: '/newPassword', message: 'Das Passwort muss mindestens 12 Zeichen lang sein.' }]);
      const asEmail = await change({ currentPassword: password, newPassword: 'anna.schmidt@MUSTERSTADT.example' });
      assert.deepEqual(asEmail.body.error.details, [{ path: '/newPassword', message: 'Das Passwort darf nicht die E-Mail-Adresse sein.' }]);
      const english = await app.http
        .post('/api/auth/password')
        .set('Accept-Language', 'en')
        .set('Cookie', cookiePair(here))
        .set('X-CSRF-Token', here.body.csrfToken)
        .send({ currentPassword: password, newPassword: 'kurz' });
      assert.deepEqual(english.body.error.details, [{ path: '/newPassword', message: 'The password must have at least 12 characters.' }]);
      const { rows: unchanged } = await db.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE id = $1`, [anna]);
      assert.equal(unchanged[0]!.password_hash, passwordHash);

      const done = await change({ currentPassword: password, newPassword: 'ein ganz neues Passwort' });
      assert.equal(done.status, 204);
      assert.equal((await app.http.get('/api/auth/me').set('Cookie', cookiePair(here))).status, 200);
      assert.equal((await app.http.get('/api/auth/me').set('Cookie', cookiePair(elsewhere))).status, 401);
      const { rows } = await db.query<{ password_hash: string; changed: boolean }>(
        `SELECT password_hash, password_changed_at > now() - interval '1 minute' AS changed FROM users WHERE id = $1`,
        [anna],
      );
      assert.ok(await verifyPassword('ein ganz neues Passwort', rows[0]!.password_hash));
      assert.equal(rows[0]!.changed, true);
      assert.deepEqual(await lastAudit(), {
        actor_kind: 'user',
        actor_id: anna,
        actor_name: 'Anna.Schmidt@musterstadt.example',
        action: 'auth.password-change',
        outcome: 'success',
        details: { endedSessions: 1 },
      });
      assert.equal((await signIn()).status, 401);
      assert.equal((await signIn('anna.schmidt@musterstadt.example', 'ein ganz neues Passwort')).status, 200);
    });

    test('malformed sign-in bodies get a clear 4xx and store nothing', async () => {
      const before = await counts();
      const post = () => app.http.post('/api/auth/login');
      const cases: Array<[string, () => Promise<{ status: number; body: { error: { code: string; details?: unknown } } }>, number, string]> = [
        ['not JSON', () => post().set('Content-Type', 'application/json').send('{"email":'), 400, 'invalid_json'],
        ['form-encoded', () => post().type('form').send('email=a&password=b'), 415, 'unsupported_media_type'],
        ['no body', () => post(), 415, 'unsupported_media_type'],
        ['empty JSON', () => post().set('Content-Type', 'application/json').send(''), 400, 'invalid_body'],
        ['an array', () => post().send([{ email: 'a', password: 'b' }]), 400, 'invalid_body'],
        ['a string', () => post().set('Content-Type', 'application/json').send('"anna"'), 400, 'invalid_body'],
        ['__proto__', () => post().set('Content-Type', 'application/json').send('{"email":"a","password":"b","__proto__":{"admin":true}}'), 400, 'forbidden_key'],
        ['huge', () => post().send({ email: 'a@b', password: 'x'.repeat(100_000) }), 413, 'payload_too_large'],
        ['long password', () => post().send({ email: 'a@b', password: 'x'.repeat(1025) }), 422, 'validation_failed'],
        ['long address', () => post().send({ email: `${'a'.repeat(400)}@b`, password }), 422, 'validation_failed'],
        ['unknown field', () => post().send({ email: 'anna.schmidt@musterstadt.example', password, admin: true }), 422, 'validation_failed'],
        ['missing', () => post().send({ email: 'anna.schmidt@musterstadt.example' }), 422, 'validation_failed'],
        ['wrong types', () => post().send({ email: ['anna.schmidt@musterstadt.example'], password: 1234 }), 422, 'validation_failed'],
        ['empty strings', () => post().send({ email: '', password: '' }), 422, 'validation_failed'],
      ];
      for (const [name, send, status, code] of cases) {
        const response = await send();
        assert.equal(response.status, status, name);
        assert.equal(response.body.error.code, code, name);
      }
      const unknown = await post().send({ email: 'anna.schmidt@musterstadt.example', password, admin: true });
      assert.deepEqual(unknown.body.error.details, [{ path: '', message: 'Unbekannte Felder: „admin“.' }]);
      assert.deepEqual(await counts(), before);
    });

    test('only the documented methods answer', async () => {
      assert.equal((await app.http.get('/api/auth/login')).status, 405);
      assert.equal((await app.http.post('/api/auth/me')).status, 405);
      assert.equal((await app.http.get('/api/auth/logout')).status, 405);
    });
  });
}

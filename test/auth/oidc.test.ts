/**
 * Caseworker sign-in through a real OpenID provider (npm oidc-provider, started here): the
 * account is created from the ID token with the grants its role claim maps to, and every way a
 * sign-in must fail — state mismatch, a token for another audience, an expired token, a replayed
 * callback, an e-mail that belongs to a local account — is refused without a session.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { testEngines } from '../support/engines.ts';
import { testApp } from '../support/app.ts';
import { startTestProvider, type TestProvider } from '../support/oidc-provider.ts';

/** A browser of sorts: follows redirects by hand, with a cookie jar per origin. */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  cookies(origin: string): Map<string, string> {
    let jar = this.jars.get(origin);
    if (!jar) this.jars.set(origin, (jar = new Map()));
    return jar;
  }

  async get(url: string): Promise<Response> {
    const origin = new URL(url).origin;
    const jar = this.cookies(origin);
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value = ''] = pair!.split('=');
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) jar.delete(name!.trim());
      else jar.set(name!.trim(), value);
    }
    return response;
  }

  /** Follows redirects until one leads to `stopAt` (not requested): that URL. */
  async followUntil(url: string, stopAt: string): Promise<string> {
    let next = url;
    for (let hop = 0; hop < 12; hop++) {
      if (next.startsWith(stopAt)) return next;
      const response = await this.get(next);
      const location = response.headers.get('location');
      if (!location) throw new Error(`no redirect from ${next}: ${response.status} ${await response.text()}`);
      next = new URL(location, next).href;
    }
    throw new Error('too many redirects');
  }
}

for (const engine of testEngines()) {
  describe(`OpenID Connect sign-in (${engine.name})`, () => {
    let db: Database;
    let provider: TestProvider;
    let server: Server;
    let app: string;

    before(async () => {
      db = await engine.open();
      await db.query(
        `INSERT INTO authorities (id, name, address, managed_by) VALUES
           ('steueramt', 'Steueramt', '{"strasse":"Markt","hausnummer":"1","postleitzahl":"11111","ort":"A"}', 'api')`,
      );
      server = createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      app = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      provider = await startTestProvider({ clientId: 'antragswerk', clientSecret: 'a-client-secret-of-the-test', redirectUri: `${app}/api/auth/oidc/callback` });
      const { app: handler } = await testApp(db, {
        env: {
          PUBLIC_URL: app,
          OIDC_ISSUER: provider.issuer,
          OIDC_CLIENT_ID: 'antragswerk',
          OIDC_CLIENT_SECRET: 'a-client-secret-of-the-test',
          OIDC_ROLE_MAP: JSON.stringify({ 'sb-steuer': 'sachbearbeitung:steueramt', 'it-admin': 'admin', 'sb-elsewhere': 'sachbearbeitung:unknown-amt' }),
        },
      });
      server.on('request', handler);
    });

    after(async () => {
      await provider.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    });

    const anna = { sub: 'anna-1', email: 'anna.schmidt@musterstadt.example', name: 'Anna Schmidt', roles: ['sb-steuer', 'sb-elsewhere', 'kantine'] };

    async function signIn(browser: Browser): Promise<Response> {
      const callback = await browser.followUntil(`${app}/api/auth/oidc/start`, `${app}/api/auth/oidc/callback`);
      return browser.get(callback);
    }

    const audit = async () =>
      (await db.query<{ outcome: string; details: Record<string, unknown> }>(`SELECT outcome, details FROM audit_log ORDER BY id DESC LIMIT 1`)).rows[0]!;

    test('a first sign-in creates the account with the mapped grants and starts a session', async () => {
      provider.tamper('none');
      provider.signInAs(anna);
      const browser = new Browser();
      const answer = await signIn(browser);
      assert.equal(answer.status, 303);
      assert.equal(answer.headers.get('location'), '/admin');
      const me = await browser.get(`${app}/api/auth/me`);
      assert.equal(me.status, 200);
      const { user } = (await me.json()) as { user: { id: string; email: string; admin: boolean; grants: unknown[] } };
      const { rows } = await db.query<{ id: string; email: string; name: string; is_admin: boolean; managed_by: string; oidc_subject: string }>(
        `SELECT id::text, email, name, is_admin, managed_by, oidc_subject FROM users WHERE oidc_subject LIKE '%#anna-1'`,
      );
      assert.equal(rows.length, 1);
      assert.deepEqual({ ...rows[0], id: undefined }, {
        id: undefined,
        email: anna.email,
        name: 'Anna Schmidt',
        is_admin: false,
        managed_by: 'oidc',
        oidc_subject: `${provider.issuer}#anna-1`,
      });
      assert.deepEqual(user, { id: rows[0]!.id, email: anna.email, name: 'Anna Schmidt', admin: false, grants: [{ role: 'sachbearbeitung', authorityId: 'steueramt' }] });
      assert.equal(browser.cookies(app).has('aw_oidc_state'), false);
      const grants = await db.query(`SELECT role, authority_id, managed_by FROM role_grants WHERE user_id = $1`, [rows[0]!.id]);
      assert.deepEqual(grants.rows, [{ role: 'sachbearbeitung', authority_id: 'steueramt', managed_by: 'oidc' }]);
      const entry = await audit();
      assert.equal(entry.outcome, 'success');
      assert.deepEqual(entry.details.unknownAuthorities, ['unknown-amt']);
      assert.equal(entry.details.unmappedRoles, 1);
    });

    test('the next sign-in follows the provider: roles taken away are gone, the account stays the same', async () => {
      provider.signInAs({ ...anna, roles: ['it-admin'], name: 'Anna Schmidt-Berg' });
      const browser = new Browser();
      await browser.get(`${app}/api/auth/me`);
      assert.equal((await signIn(browser)).status, 303);
      const me = (await (await browser.get(`${app}/api/auth/me`)).json()) as { user: { admin: boolean; grants: unknown[] } };
      assert.deepEqual([me.user.admin, me.user.grants], [true, []]);
      const { rows } = await db.query<{ n: number; is_admin: boolean; name: string }>(
        `SELECT count(*) OVER ()::int AS n, is_admin, name FROM users WHERE oidc_subject LIKE '%#anna-1'`,
      );
      assert.deepEqual(rows, [{ n: 1, is_admin: true, name: 'Anna Schmidt-Berg' }]);
      const grants = await db.query(`SELECT 1 FROM role_grants g JOIN users u ON u.id = g.user_id WHERE u.oidc_subject LIKE '%#anna-1'`);
      assert.equal(grants.rows.length, 0);
    });

    async function refused(browser: Browser, callback: string, reason: string) {
      const sessionsBefore = await db.query(`SELECT id_hash FROM sessions`);
      const answer = await browser.get(callback);
      assert.equal(answer.status, 303);
      assert.equal(answer.headers.get('location'), `/admin/anmelden?fehler=oidc_${reason}`);
      assert.equal((await browser.get(`${app}/api/auth/me`)).status, 401);
      assert.deepEqual((await db.query(`SELECT id_hash FROM sessions`)).rows, sessionsBefore.rows);
      const entry = await audit();
      assert.deepEqual([entry.outcome, entry.details.reason], ['failure', reason]);
    }

    test('a callback in another browser than the one that started it (state mismatch) is refused', async () => {
      provider.signInAs(anna);
      const victim = new Browser();
      const callback = await victim.followUntil(`${app}/api/auth/oidc/start`, `${app}/api/auth/oidc/callback`);
      const attacker = new Browser();
      await attacker.get(`${app}/api/auth/oidc/start`); // an own, different state cookie
      await refused(attacker, callback, 'state_mismatch');
      const changed = new URL(callback);
      changed.searchParams.set('state', 'forged');
      await refused(victim, changed.href, 'state_mismatch');
    });

    test('an ID token for another audience is refused', async () => {
      provider.signInAs(anna);
      provider.tamper('wrong-audience');
      const browser = new Browser();
      const callback = await browser.followUntil(`${app}/api/auth/oidc/start`, `${app}/api/auth/oidc/callback`);
      await refused(browser, callback, 'token_refused');
      provider.tamper('none');
    });

    test('an expired ID token is refused', async () => {
      provider.signInAs(anna);
      provider.tamper('expired');
      const browser = new Browser();
      const callback = await browser.followUntil(`${app}/api/auth/oidc/start`, `${app}/api/auth/oidc/callback`);
      await refused(browser, callback, 'token_refused');
      provider.tamper('none');
    });

    test('a callback replayed after use, or after its time ran out, is refused', async () => {
      provider.signInAs(anna);
      const browser = new Browser();
      const callback = await browser.followUntil(`${app}/api/auth/oidc/start`, `${app}/api/auth/oidc/callback`);
      const cookie = browser.cookies(app).get('aw_oidc_state')!;
      assert.equal((await browser.get(callback)).status, 303);
      const replay = new Browser();
      replay.cookies(app).set('aw_oidc_state', cookie);
      await refused(replay, callback, 'sign_in_expired');

      const late = new Browser();
      const lateCallback = await late.followUntil(`${app}/api/auth/oidc/start`, `${app}/api/auth/oidc/callback`);
      await db.query(`UPDATE oidc_logins SET expires_at = now() - interval '1 second'`);
      await refused(late, lateCallback, 'sign_in_expired');
    });

    test('an identity whose e-mail belongs to a local account does not take it over', async () => {
      await db.query(
        `INSERT INTO users (id, email, name, password_hash, managed_by) VALUES (gen_random_uuid(), 'chef@musterstadt.example', 'Chef', 'scrypt$x', 'api')`,
      );
      provider.signInAs({ sub: 'someone-else', email: 'CHEF@musterstadt.example', name: 'Not the Chef', roles: ['it-admin'] });
      const browser = new Browser();
      const callback = await browser.followUntil(`${app}/api/auth/oidc/start`, `${app}/api/auth/oidc/callback`);
      await refused(browser, callback, 'account_conflict');
      const { rows } = await db.query(`SELECT 1 FROM users WHERE oidc_subject LIKE '%#someone-else'`);
      assert.equal(rows.length, 0);
    });

    test('a disabled account is refused; the provider saying no is refused', async () => {
      await db.query(`UPDATE users SET disabled = true WHERE oidc_subject LIKE '%#anna-1'`);
      provider.signInAs(anna);
      const browser = new Browser();
      const callback = await browser.followUntil(`${app}/api/auth/oidc/start`, `${app}/api/auth/oidc/callback`);
      await refused(browser, callback, 'account_disabled');
      await db.query(`UPDATE users SET disabled = false WHERE oidc_subject LIKE '%#anna-1'`);

      const denied = new Browser();
      await denied.get(`${app}/api/auth/oidc/start`);
      const state = denied.cookies(app).get('aw_oidc_state')!;
      await refused(denied, `${app}/api/auth/oidc/callback?error=access_denied&state=${state}`, 'provider_error');
    });

    test('the start sends PKCE (S256), state and nonce; only hashes and the verifier are kept', async () => {
      const browser = new Browser();
      const answer = await browser.get(`${app}/api/auth/oidc/start`);
      assert.equal(answer.status, 302);
      const location = new URL(answer.headers.get('location')!);
      assert.equal(location.origin, provider.issuer);
      assert.equal(location.searchParams.get('code_challenge_method'), 'S256');
      assert.match(location.searchParams.get('code_challenge')!, /^[A-Za-z0-9_-]{43}$/);
      const state = location.searchParams.get('state')!;
      assert.ok(location.searchParams.get('nonce'));
      assert.equal(browser.cookies(app).get('aw_oidc_state'), state);
      const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('aw_oidc_state='))!;
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.match(cookie, /Path=\/api\/auth\/oidc/);
      const { rows } = await db.query(`SELECT 1 FROM oidc_logins WHERE state_hash = $1`, [state]);
      assert.equal(rows.length, 0);
    });
  });
}

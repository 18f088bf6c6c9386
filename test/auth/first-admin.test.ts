/**
 * The first administrator: created once from ADMIN_EMAIL and ADMIN_PASSWORD or with a generated
 * password, even when several processes start together; never again once an administrator
 * exists; an existing account of that address is not promoted. And the configuration around it.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { ensureFirstAdmin } from '../../server/auth/first-admin.ts';
import { verifyPassword } from '../../server/auth/passwords.ts';
import { ConfigError, parseConfig } from '../../server/config.ts';
import { testEngines } from '../support/engines.ts';

for (const engine of testEngines()) {
  describe(`first administrator (${engine.name})`, () => {
    let db: Database;
    before(async () => {
      db = await engine.open();
    });
    after(() => db.close());
    beforeEach(() => db.query(`DELETE FROM users`));

    const admins = async () =>
      (await db.query<{ id: string; email: string; password_hash: string; managed_by: string }>(`SELECT id::text, email, password_hash, managed_by FROM users WHERE is_admin`)).rows;

    test('two processes starting together create exactly one administrator with the configured password', async () => {
      const wanted = { email: 'it@musterstadt.example', password: 'ein langes Startpasswort' };
      const outcomes = await Promise.all([ensureFirstAdmin(db, wanted), ensureFirstAdmin(db, wanted)]);
      assert.deepEqual(outcomes.map((o) => o.created).sort(), [false, true]);
      const created = outcomes.find((o) => o.created)!;
      assert.equal(created.created && created.generatedPassword, undefined);
      const rows = await admins();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.email, 'it@musterstadt.example');
      assert.equal(rows[0]!.managed_by, 'api');
      assert.ok(await verifyPassword(wanted.password, rows[0]!.password_hash));
      const { rows: audit } = await db.query<{ actor_kind: string; actor_name: string; object_id: string; details: unknown }>(
        `SELECT actor_kind, actor_name, object_id, details FROM audit_log WHERE action = 'user.create-first-admin'`,
      );
      assert.deepEqual(audit, [{ actor_kind: 'system', actor_name: 'first-start', object_id: rows[0]!.id, details: { password: 'configured' } }]);
      assert.doesNotMatch(JSON.stringify(audit), /Startpasswort/);

      assert.deepEqual(await ensureFirstAdmin(db, { email: 'andere@musterstadt.example', password: undefined }), { created: false, reason: 'admin-exists' });
      assert.equal((await admins()).length, 1);
    });

    test('without ADMIN_PASSWORD the password is generated, returned once and stored only as a hash', async () => {
      const outcome = await ensureFirstAdmin(db, { email: 'admin@localhost', password: undefined });
      assert.ok(outcome.created);
      assert.match(outcome.generatedPassword ?? '', /^[A-Za-z0-9_-]{24}$/);
      const rows = await admins();
      assert.ok(await verifyPassword(outcome.generatedPassword!, rows[0]!.password_hash));
      assert.doesNotMatch(rows[0]!.password_hash, new RegExp(outcome.generatedPassword!));
    });

    test('an existing account of that address is not made administrator', async () => {
      await db.query(`INSERT INTO users (id, email, name, managed_by) VALUES ($1, 'IT@musterstadt.example', 'IT', 'api')`, [randomUUID()]);
      assert.deepEqual(await ensureFirstAdmin(db, { email: 'it@musterstadt.example', password: 'ein langes Startpasswort' }), {
        created: false,
        reason: 'email-taken',
      });
      assert.equal((await admins()).length, 0);
    });
  });
}

describe('configuration of accounts and sessions', () => {
  test('defaults: admin@localhost, 30 minutes idle, 10 hours at most, no proxy trusted', () => {
    const config = parseConfig({});
    assert.deepEqual(config.firstAdmin, { email: 'admin@localhost', password: undefined });
    assert.deepEqual(config.session, { idleMinutes: 30, maxHours: 10 });
    assert.equal(config.trustProxy, false);
  });

  test('TRUST_PROXY: true/false, hops, or addresses and ranges', () => {
    assert.equal(parseConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
    assert.equal(parseConfig({ TRUST_PROXY: '1' }).trustProxy, 1);
    assert.deepEqual(parseConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8' }).trustProxy, ['loopback', '10.0.0.0/8', 'fd00::/8']);
    for (const value of ['yes', '10.0.0.0/33', 'proxy.example', '1.2.3.4/8/8'])
      assert.throws(() => parseConfig({ TRUST_PROXY: value }), (e: unknown) => e instanceof ConfigError && e.problems[0]!.startsWith('TRUST_PROXY'), value);
  });

  test('a weak ADMIN_PASSWORD stops start-up without the password in the message', () => {
    for (const [env, problem] of [
      [{ ADMIN_PASSWORD: 'geheim123' }, 'ADMIN_PASSWORD: must be at least 12 characters'],
      [{ ADMIN_EMAIL: 'it@musterstadt.example', ADMIN_PASSWORD: 'IT@musterstadt.example' }, 'ADMIN_PASSWORD: must not be the e-mail address'],
      [{ ADMIN_EMAIL: 'kein Name' }, 'ADMIN_EMAIL: must be an e-mail address'],
      [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES'],
    ] as const) {
      assert.throws(
        () => parseConfig(env),
        (e: unknown) => e instanceof ConfigError && e.problems.some((p) => p.startsWith(problem)) && !/geheim123|IT@musterstadt/.test(e.message),
        JSON.stringify(env),
      );
    }
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { createApiToken, principalOfApiToken } from '../../server/auth/api-tokens.ts';
import { may, mayAtAll, scopeOf } from '../../shared/auth-policy.ts';
import { testEngines } from '../support/engines.ts';

for (const engine of testEngines()) {
  describe(`API tokens and the policy (${engine.name})`, () => {
    let db: Database;
    before(async () => {
      db = await engine.open();
      await db.query(
        `INSERT INTO authorities (id, name, address, managed_by) VALUES
           ('stadt-a', 'Stadt A', '{"strasse":"Markt","hausnummer":"1","postleitzahl":"11111","ort":"A"}', 'api'),
           ('stadt-b', 'Stadt B', '{"strasse":"Markt","hausnummer":"2","postleitzahl":"22222","ort":"B"}', 'api')`,
      );
    });
    after(() => db.close());

    test('a token names its principal with its role and authority; only the hash is stored', async () => {
      const { token } = await createApiToken(db, { name: 'monitoring-a', role: 'sachbearbeitung', authorityId: 'stadt-a' });
      const principal = await principalOfApiToken(db, token);
      assert.deepEqual(principal && { ...principal, id: typeof principal.id }, {
        kind: 'api-token',
        id: 'string',
        name: 'monitoring-a',
        admin: false,
        grants: [{ role: 'sachbearbeitung', authorityId: 'stadt-a' }],
      });
      const { rows } = await db.query<{ stored: number }>(`SELECT count(*)::int AS stored FROM api_tokens WHERE token_hash = $1 OR name = $1`, [token]);
      assert.equal(rows[0]!.stored, 0);
      assert.ok(principal && may(principal, 'submissions.read', 'stadt-a'));
      assert.ok(principal && !may(principal, 'submissions.read', 'stadt-b'));
      assert.ok(principal && !may(principal, 'submissions.read', null));
      assert.ok(principal && !mayAtAll(principal, 'installation.manage'));
    });

    test('unknown and revoked tokens name no one', async () => {
      const { id, token } = await createApiToken(db, { name: 'old', role: 'admin' });
      assert.equal((await principalOfApiToken(db, token))?.admin, true);
      await db.query(`UPDATE api_tokens SET revoked_at = now() WHERE id = $1`, [id]);
      assert.equal(await principalOfApiToken(db, token), undefined);
      assert.equal(await principalOfApiToken(db, 'aw_guess'), undefined);
    });

    test('admins manage the installation and see operations everywhere, but read no applications without a grant', async () => {
      const { token } = await createApiToken(db, { name: 'ops', role: 'admin' });
      const admin = (await principalOfApiToken(db, token))!;
      assert.equal(scopeOf(admin, 'installation.manage'), 'all');
      assert.equal(scopeOf(admin, 'deliveries.requeue'), 'all');
      assert.deepEqual(scopeOf(admin, 'submissions.read'), []);
      assert.ok(!mayAtAll(admin, 'forms.design'));
    });

    test('an authority role needs an authority; an admin token is stored without one', async () => {
      await assert.rejects(createApiToken(db, { name: 'no-scope', role: 'auditor' }), /check/i);
      const { id } = await createApiToken(db, { name: 'admin-with-scope', role: 'admin', authorityId: 'stadt-a' });
      const { rows } = await db.query<{ authority_id: string | null }>(`SELECT authority_id FROM api_tokens WHERE id = $1`, [id]);
      assert.equal(rows[0]!.authority_id, null);
    });
  });
}

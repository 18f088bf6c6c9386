/**
 * The provisioning file: every problem listed at once; the shipped demo provisioning valid; its
 * records written into the directory once per actual change, released rather than lost when the
 * file stops naming what is still referred to; and submissions assigned their authority.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { demoProvisioningFile } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { checkProvisioning } from '../../server/directory/provisioning-file.ts';
import { provision } from '../../server/directory/provision.ts';
import type { ProvisioningFile } from '../../server/directory/schemas.ts';
import { verifyPassword } from '../../server/auth/passwords.ts';
import { silentLogger, testApp } from '../support/app.ts';
import { testEngines } from '../support/engines.ts';
import { formsDir, minimalDefinition } from '../support/forms-dir.ts';

const address = { strasse: 'Rathausplatz', hausnummer: '1', postleitzahl: '12345', ort: 'Musterstadt' };
const sender = { kennung: 'psw:06412000', name: 'Portal' };
const context = { env: {}, demoReceiver: false };

function parsed(content: unknown, env: Record<string, string> = {}): ProvisioningFile {
  const read = checkProvisioning(content, { env, demoReceiver: false });
  assert.deepEqual(read.problems, []);
  return read.file!;
}

describe('the provisioning file', () => {
  test('lists every problem at once: shape, cross-references and the environment', () => {
    const { file, problems } = checkProvisioning(
      {
        sender: { kennung: 'PSW-1', name: 'Portal' },
        authorities: {
          amt: { name: 'Amt', address: { ...address, postleitzahl: '1234' }, farbe: 'blau' },
          'ohne-kennung': { name: 'Ohne', address },
          Gross: { name: 'Groß', address },
        },
        targets: {
          a: { type: 'xoev-http', authority: 'fehlt', url: 'ftp://x' },
          b: { type: 'xoev-http', authority: 'ohne-kennung', url: { demoReceiver: '/inbox' }, auth: { bearerToken: { env: 'B_TOKEN' } } },
          c: { type: 'brieftaube' },
          d: { type: 'print', template: 'brief', envelope: 'DL', postage: 'standard', maxSheetsPerEnvelope: 8, batch: { maxPieces: 1, maxSheets: 4, maxAgeSeconds: 1 } },
        },
        zustaendigkeiten: [
          { leistung: 'x', regionalschluessel: '064', target: 'z' },
          { leistung: 'x', regionalschluessel: '0641', target: 'a' },
        ],
        users: [
          { email: 'a@example.org', name: 'A', password: { env: 'A_PASSWORD' }, grants: [{ role: 'sachbearbeitung', authority: 'nirgends' }] },
          { email: 'A@example.org', name: 'A2', grants: [{ role: 'chef', authority: 'amt' }] },
        ],
        extra: true,
      },
      context,
    );
    assert.equal(file, undefined);
    const expected = [
      /^\/sender\/kennung: DVDV kennung must look like/,
      /^\/authorities\/amt\/address\/postleitzahl: five digits/,
      /^\/authorities\/amt: Unrecognized key: "farbe"/,
      /^\/authorities\/Gross: an id of a-z/,
      /^\/targets\/a\/url: expected an http\(s\) URL/,
      /^\/targets\/c\/type: /,
      /^\/targets\/d\/batch\/maxSheets: smaller than maxSheetsPerEnvelope/,
      /^\/zustaendigkeiten\/1\/regionalschluessel: AGS\/ARS prefix/,
      /^\/users\/1\/grants\/0\/role: /,
      /^\/: Unrecognized key: "extra"/,
      // cross-references, in the same run
      /^\/targets\/a\/authority: unknown authority "fehlt"/,
      /^\/targets\/b\/url: names the demo receiver, which does not run/,
      /^\/targets\/b\/auth\/bearerToken: environment variable B_TOKEN is not set/,
      /^\/targets\/b\/authority: authority "ohne-kennung" has no kennung/,
      /^\/zustaendigkeiten\/0\/target: unknown target "z"/,
      /^\/users\/0\/password: environment variable A_PASSWORD is not set/,
      /^\/users\/0\/grants\/0\/authority: unknown authority "nirgends"/,
      /^\/users\/1\/email: a@example.org is declared twice/,
    ];
    for (const pattern of expected) assert.ok(problems.some((p) => pattern.test(p)), `${pattern} in\n${problems.join('\n')}`);
    assert.equal(problems.length, expected.length, problems.join('\n'));
  });

  test('the shipped demo provisioning is valid, and its targets need the demo receiver', () => {
    const content = JSON.parse(readFileSync(demoProvisioningFile, 'utf8'));
    const read = checkProvisioning(content, { env: {}, demoReceiver: true });
    assert.deepEqual(read.problems, []);
    assert.equal(read.file!.authorities.buergerservice?.name, 'Stadt Musterstadt');
    // The demo's print profile is the installation's: every authority's letters, each with its own letterhead.
    assert.equal(read.file!.targets['brief-musterstadt']?.authority, undefined);
    const without = checkProvisioning(content, context);
    assert.deepEqual(
      without.problems.map((p) => p.replace(/: .*/, '')),
      ['/targets/parkraum/url', '/targets/steueramt/url', '/targets/gewerbeamt-musterstadt/url', '/targets/bauaufsicht/url', '/targets/gewerbe-land/url'],
    );
  });
});

const base = () => ({
  sender,
  authorities: {
    amt: { name: 'Amt', address, kennung: 'psw:1' },
    kreis: { name: 'Kreis', address, kennung: 'psw:2' },
  },
  targets: {
    amt: { type: 'xoev-http', authority: 'amt', url: 'http://127.0.0.1:9/inbox' },
    kreis: { type: 'xoev-http', authority: 'kreis', url: 'http://127.0.0.1:9/kreis' },
  },
  zustaendigkeiten: [{ leistung: 'hundesteuer', regionalschluessel: '06411', target: 'kreis' }],
});

for (const engine of testEngines()) {
  describe(`provisioning on ${engine.name}`, () => {
    let db: Database;
    before(async () => {
      db = await engine.open();
    });
    after(() => db.close());

    const auditCount = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;
    const managed = async (table: string) =>
      (await db.query<{ id: string; managed_by: string }>(`SELECT id::text, managed_by FROM ${table} ORDER BY id`)).rows.map((r) => `${r.id}:${r.managed_by}`);

    test('writes the records once, audits each actual change, and an unchanged file changes nothing', async () => {
      const first = await provision(db, parsed(base()), {}, silentLogger);
      assert.equal(first.changes, 1 + 2 + 2 + 1, 'sender, two authorities, two targets, one Zuständigkeit');
      assert.deepEqual(await managed('authorities'), ['amt:file', 'kreis:file']);
      assert.deepEqual(await managed('targets'), ['amt:file', 'kreis:file']);
      const audited = await db.query<{ actor_kind: string; actor_name: string; action: string; object_id: string }>(
        'SELECT actor_kind, actor_name, action, object_id FROM audit_log ORDER BY id',
      );
      assert.ok(audited.rows.every((r) => r.actor_kind === 'system' && r.actor_name === 'provisioning'));
      assert.deepEqual(
        audited.rows.map((r) => r.action),
        ['directory.sender.update', 'authority.create', 'authority.create', 'target.create', 'target.create', 'zustaendigkeit.create'],
      );
      const version = (await db.query<{ version: number }>('SELECT version FROM directory_state')).rows[0]!.version;

      const again = await provision(db, parsed(base()), {}, silentLogger);
      assert.equal(again.changes, 0);
      assert.equal(await auditCount(), 6);
      assert.equal((await db.query<{ version: number }>('SELECT version FROM directory_state')).rows[0]!.version, version, 'no change, no new version');

      const changed = base();
      changed.authorities.kreis.name = 'Landkreis';
      assert.equal((await provision(db, parsed(changed), {}, silentLogger)).changes, 1);
      const last = await db.query<{ action: string; object_id: string }>('SELECT action, object_id FROM audit_log ORDER BY id DESC LIMIT 1');
      assert.deepEqual(last.rows[0], { action: 'authority.update', object_id: 'kreis' });
    });

    test('what the file no longer names is deleted, or released to the admin API when still referred to', async () => {
      await db.query(`INSERT INTO form_versions (form_id, version, content_hash, definition) VALUES ('x', 1, 'h', '{}')`);
      await db.query(
        `INSERT INTO submissions (id, reference, form_id, form_version, data, language, status_token_hash, erase_after, authority_id)
         VALUES ('00000000-0000-4000-8000-000000000001', 'AW-TEST-0001', 'x', 1, '{}', 'de', 'h', now(), 'kreis')`,
      );
      const reduced = { sender, authorities: { amt: base().authorities.amt }, targets: { amt: base().targets.amt } };
      await provision(db, parsed(reduced), {}, silentLogger);
      assert.deepEqual(await managed('authorities'), ['amt:file', 'kreis:api'], 'kreis has a submission: kept, released');
      assert.deepEqual(await managed('targets'), ['amt:file'], 'the kreis target was referred to by nothing but a removed Zuständigkeit');
      assert.deepEqual(await managed('zustaendigkeiten'), []);
      const actions = (await db.query<{ action: string }>('SELECT action FROM audit_log ORDER BY id DESC LIMIT 3')).rows.map((r) => r.action);
      assert.deepEqual(actions.sort(), ['authority.release', 'target.delete', 'zustaendigkeit.delete']);
    });

    test('users with hashed passwords and grants; a user the file drops is released and disabled', async () => {
      const withUsers = {
        ...base(),
        users: [
          { email: 'Admin@Example.org', name: 'Admin', admin: true, password: { env: 'ADMIN_PW' } },
          { email: 'sb@example.org', name: 'Sachbearbeiterin', grants: [{ role: 'sachbearbeitung', authority: 'amt' }] },
        ],
      };
      const env = { ADMIN_PW: 'ein langes Passwort' };
      await provision(db, parsed(withUsers, env), env, silentLogger);
      const users = await db.query<{ email: string; is_admin: boolean; password_hash: string | null; managed_by: string; disabled: boolean }>(
        'SELECT email, is_admin, password_hash, managed_by, disabled FROM users ORDER BY email',
      );
      assert.equal(users.rows.length, 2);
      assert.equal(users.rows[0]!.is_admin, true);
      assert.ok(await verifyPassword('ein langes Passwort', users.rows[0]!.password_hash!));
      assert.equal(users.rows[1]!.password_hash, null);
      const grants = await db.query<{ role: string; authority_id: string; managed_by: string }>('SELECT role, authority_id, managed_by FROM role_grants');
      assert.deepEqual(grants.rows, [{ role: 'sachbearbeitung', authority_id: 'amt', managed_by: 'file' }]);
      assert.equal((await provision(db, parsed(withUsers, env), env, silentLogger)).changes, 0, 'the same password is not rehashed');
      const audited = await db.query<{ details: Record<string, unknown> }>(`SELECT details FROM audit_log WHERE object_type = 'user'`);
      assert.ok(!JSON.stringify(audited.rows).includes('example.org'), 'no e-mail addresses in the audit trail');

      await provision(db, parsed({ ...withUsers, users: [withUsers.users[0]] }, env), env, silentLogger);
      const dropped = await db.query<{ managed_by: string; disabled: boolean }>(`SELECT managed_by, disabled FROM users WHERE email = 'sb@example.org'`);
      assert.deepEqual(dropped.rows[0], { managed_by: 'api', disabled: true });
    });
  });

  describe(`assignment of submissions on ${engine.name}`, () => {
    let db: Database;
    let app: Awaited<ReturnType<typeof testApp>>;
    before(async () => {
      db = await engine.open();
      const schema = (minimalDefinition().schema as { properties: Record<string, unknown> });
      const withKey = (id: string, extra: Record<string, unknown>) => {
        const d = minimalDefinition(id);
        d.schema = { ...(d.schema as object), properties: { ...schema.properties, ags: { type: 'string', title: 'AGS', maxLength: 12 } } };
        return { ...d, regionalschluessel: '/ags', ...extra };
      };
      const forms = await formsDir({
        'fest.json': withKey('fest', { routes: [{ to: 'amt' }, { to: 'kreis' }] }),
        'zustaendig.json': withKey('zustaendig', { routes: [{ to: { zustaendigkeit: 'hundesteuer' } }] }),
        'eigene.json': withKey('eigene', { authority: 'kreis', routes: [{ to: 'amt' }] }),
        'ohne.json': withKey('ohne', {}),
      });
      const file = path.join(await mkdtemp(path.join(tmpdir(), 'antragswerk-provisioning-')), 'provisioning.json');
      const content = base();
      (content.authorities as Record<string, unknown>).gemeinde = { name: 'Gemeinde', address, kennung: 'psw:3' };
      (content.targets as Record<string, unknown>).gemeinde = { type: 'xoev-http', authority: 'gemeinde', url: 'http://127.0.0.1:9/g' };
      content.zustaendigkeiten.push({ leistung: 'hundesteuer', regionalschluessel: '06411001', target: 'gemeinde' });
      await writeFile(file, JSON.stringify(content));
      app = await testApp(db, { formsDir: forms, env: { PROVISIONING_FILE: file } });
    });
    after(() => db.close());

    async function authorityOf(formId: string, ags: string): Promise<string | null> {
      const res = await app.http.post(`/api/forms/${formId}/submissions`).send({ familienname: 'Muster', ags }).expect(201);
      const { rows } = await db.query<{ authority_id: string | null }>('SELECT authority_id FROM submissions WHERE id = $1', [res.body.id]);
      return rows[0]!.authority_id;
    }

    test('a fixed route: the first fired route target’s authority', async () => {
      assert.equal(await authorityOf('fest', '06411001'), 'amt');
    });

    test('Zuständigkeit: the most specific entry’s authority wins', async () => {
      assert.equal(await authorityOf('zustaendig', '06411001'), 'gemeinde');
      assert.equal(await authorityOf('zustaendig', '06411002'), 'kreis');
    });

    test('the definition’s own authority comes first; no route and no authority: none', async () => {
      assert.equal(await authorityOf('eigene', '06411001'), 'kreis');
      assert.equal(await authorityOf('ohne', '06411001'), null);
    });
  });
}

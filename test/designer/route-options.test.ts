/**
 * What a designer form's routes may name (`GET /api/admin/forms/:id/route-options`): the
 * directory's targets and services and the letter templates usable for the form, exactly what
 * the draft check accepts, without anything of a target's connection; access as for the draft.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { bumpDirectoryVersion } from '../../server/directory/records.ts';
import type { DirectorySnapshot } from '../../server/directory/directory.ts';
import type { LetterTemplate } from '../../server/print/templates.ts';
import { routeOptions } from '../../server/designer/route-options.ts';
import { testEngines } from '../support/engines.ts';
import { minimalDefinition } from '../support/forms-dir.ts';
import { adminTestApp, authorityA, authorityB, callerTokens, type Caller } from '../auth/support.ts';

/** A designer form of authority A with the applicant's postal address and a Regionalschlüssel, so that every kind of route can be valid. */
function definition(id: string, routes: unknown[] = []): Record<string, unknown> {
  const d = minimalDefinition(id) as { schema: { properties: Record<string, unknown> }; applicant: Record<string, string> } & Record<string, unknown>;
  d.schema.properties.ort = { type: 'string', title: 'Ort', maxLength: 100 };
  d.schema.properties.gemeinde = { type: 'string', title: 'Gemeindeschlüssel', pattern: '^[0-9]{8}$' };
  d.applicant.ort = '/ort';
  return { ...d, authority: authorityA, regionalschluessel: '/gemeinde', routes };
}

const secretUrl = 'https://nutzer:kennwort-123@fachverfahren.example/inbox';
const secretToken = 'sehr-geheimes-token-4711';

for (const engine of testEngines()) {
  describe(`designer route options (${engine.name})`, () => {
    let db: Database;
    let app: Awaited<ReturnType<typeof adminTestApp>>;
    let tokens: Map<Caller, string>;
    const as = (caller: Caller) => `Bearer ${tokens.get(caller)}`;

    before(async () => {
      db = await engine.open();
      app = await adminTestApp(db);
      tokens = await callerTokens(db);
      await db.query(`UPDATE authorities SET kennung = 'psw:01000001' WHERE id = $1`, [authorityA]);
      await db.query(`UPDATE authorities SET kennung = 'psw:01000002' WHERE id = $1`, [authorityB]);
      const xoev = (url: string, auth?: object) => JSON.stringify({ url, timeoutMs: 10000, ...(auth ? { auth } : {}) });
      await db.query(
        `INSERT INTO targets (id, type, authority_id, settings, managed_by) VALUES
           ('fachverfahren-a', 'xoev-http', $1, $3::jsonb, 'api'),
           ('fachverfahren-b', 'xoev-http', $2, $4::jsonb, 'api'),
           ('brief-ohne-amt', 'print', NULL, $5::jsonb, 'api')`,
        [
          authorityA,
          authorityB,
          xoev(secretUrl, { bearerToken: secretToken }),
          xoev('https://land.example/inbox', { bearerToken: { env: 'LAND_TOKEN' } }),
          JSON.stringify({ template: 'eingangsbestaetigung', envelope: 'DL', duplex: false, postage: 'standard', maxSheetsPerEnvelope: 4, batch: { maxPieces: 100, maxSheets: 400, maxAgeSeconds: 3600 }, dataMatrix: false }),
        ],
      );
      await db.query(
        `INSERT INTO zustaendigkeiten (id, leistung, regionalschluessel, target_id, managed_by) VALUES
           (gen_random_uuid(), 'gewerbeanzeige', '06412000', 'fachverfahren-a', 'api'),
           (gen_random_uuid(), 'gewerbeanzeige', '06', 'fachverfahren-b', 'api'),
           (gen_random_uuid(), 'fundsache', '06412000', 'fachverfahren-a', 'api')`,
      );
      await bumpDirectoryVersion(db);
      await app.routing.reload();
      await app.http.post('/api/admin/forms').set('Authorization', as('designer@A')).send(definition('gewerbe')).expect(201);
    });
    after(() => db.close());

    test('the targets, services, templates and profiles a route may name, and nothing of a connection', async () => {
      const res = await app.http.get('/api/admin/forms/gewerbe/route-options').set('Authorization', as('designer@A')).expect(200);
      assert.match(res.headers['cache-control'] ?? '', /no-store/);
      assert.deepEqual(res.body, {
        targets: [
          { id: 'fachverfahren-a', label: 'Amt A (fachverfahren-a)', channel: 'xoev-http', authority: authorityA },
          { id: 'brief-a', label: 'Amt A (brief-a)', channel: 'print', authority: authorityA, template: 'eingangsbestaetigung' },
          { id: 'fachverfahren-b', label: 'Amt B', channel: 'xoev-http', authority: authorityB },
          { id: 'brief-ohne-amt', label: 'brief-ohne-amt', channel: 'print', authority: null, template: 'eingangsbestaetigung' },
        ].sort((a, b) => a.label.localeCompare(b.label, 'de')),
        zustaendigkeiten: [
          { service: 'fundsache', label: 'fundsache' },
          { service: 'gewerbeanzeige', label: 'gewerbeanzeige' },
        ],
        // "bescheid" needs a caseworker's text: a delivery cannot send it.
        templates: [{ id: 'eingangsbestaetigung', label: 'Eingangsbestätigung' }],
        profiles: ['antragswerk', 'xbau-universellerAntrag'],
      });
      const text = JSON.stringify(res.body);
      for (const secret of [secretToken, 'kennwort-123', 'fachverfahren.example', 'LAND_TOKEN', 'land.example']) assert.ok(!text.includes(secret), `${secret} in ${text}`);
    });

    test('every target, service and template offered is accepted by the draft check; a template not offered is not', async () => {
      const options = (await app.http.get('/api/admin/forms/gewerbe/route-options').set('Authorization', as('designer@A')).expect(200)).body as {
        targets: Array<{ id: string; channel: string }>;
        zustaendigkeiten: Array<{ service: string }>;
        templates: Array<{ id: string }>;
      };
      const printTarget = options.targets.find((t) => t.channel === 'print')!.id;
      const routes = [
        ...options.targets.map((t) => ({ to: t.id })),
        ...options.targets.filter((t) => t.channel === 'xoev-http').map((t) => ({ to: t.id, profil: 'antragswerk' })),
        ...options.zustaendigkeiten.map((z) => ({ to: { zustaendigkeit: z.service }, when: { required: ['ort'] } })),
        ...options.templates.map((t) => ({ to: printTarget, template: t.id })),
      ];
      const saved = await app.http.put('/api/admin/forms/gewerbe/draft').set('Authorization', as('designer@A')).set('If-Match', '"1"').send(definition('gewerbe', routes)).expect(200);
      assert.deepEqual(saved.body.problems, []);
      const refused = await app.http
        .put('/api/admin/forms/gewerbe/draft')
        .set('Authorization', as('designer@A'))
        .set('If-Match', '"2"')
        .send(definition('gewerbe', [{ to: printTarget, template: 'bescheid' }, { to: { zustaendigkeit: 'unbekannt' } }]))
        .expect(200);
      assert.deepEqual(refused.body.problems.map((p: { path: string }) => p.path).sort(), ['/routes/0/template', '/routes/1/to/zustaendigkeit']);
      const stored = await app.http.get('/api/admin/forms/gewerbe/draft').set('Authorization', as('designer@A')).expect(200);
      assert.equal(stored.headers.etag, '"3"', 'an incomplete draft is saved with its problems');
    });

    test('a directory change made elsewhere is offered at once', async () => {
      await db.query(`INSERT INTO zustaendigkeiten (id, leistung, regionalschluessel, target_id, managed_by) VALUES (gen_random_uuid(), 'baugenehmigung', '06412000', 'fachverfahren-a', 'api')`);
      await bumpDirectoryVersion(db);
      // Another process would notice within its check interval; here the directory is reloaded as that process would.
      await app.routing.reload();
      const res = await app.http.get('/api/admin/forms/gewerbe/route-options').set('Authorization', as('designer@A')).expect(200);
      assert.ok(res.body.zustaendigkeiten.some((z: { service: string }) => z.service === 'baugenehmigung'));
    });

    test('who: 401 without a session, 404 for a designer of another authority and for an unknown form, 403 for other roles, 405 for other methods', async () => {
      await app.http.get('/api/admin/forms/gewerbe/route-options').expect(401);
      await app.http.get('/api/admin/forms/gewerbe/route-options').set('Authorization', 'Bearer unbekannt').expect(401);
      const foreign = await app.http.get('/api/admin/forms/gewerbe/route-options').set('Authorization', as('designer@B')).expect(404);
      assert.equal(foreign.body.error.code, 'designer_form_not_found');
      const unknown = await app.http.get('/api/admin/forms/gibt-es-nicht/route-options').set('Authorization', as('designer@A')).expect(404);
      assert.equal(unknown.body.error.code, 'designer_form_not_found');
      await app.http.get(`/api/admin/forms/${encodeURIComponent('../../etc')}/route-options`).set('Authorization', as('designer@A')).expect(404);
      await app.http.get('/api/admin/forms/gewerbe/route-options').set('Authorization', as('sachbearbeitung@A')).expect(403);
      await app.http.get('/api/admin/forms/gewerbe/route-options').set('Authorization', as('admin')).expect(403);
      // The test app's file form has no authority: nobody designs it, so it is not found either.
      await app.http.get('/api/admin/forms/testformular/route-options').set('Authorization', as('designer@A')).expect(404);
      const post = await app.http.post('/api/admin/forms/gewerbe/route-options').set('Authorization', as('designer@A')).send({}).expect(405);
      assert.equal(post.headers.allow, 'GET, HEAD');
    });
  });
}

describe('route options from a directory snapshot', () => {
  const template = (id: string, extra: Partial<LetterTemplate> = {}): LetterTemplate => ({
    id,
    file: `${id}.json`,
    title: id.toUpperCase(),
    fields: [],
    subject: '',
    salutation: '',
    body: [],
    closing: [],
    ...extra,
  });
  const directory = { version: 1, sender: undefined, authorities: new Map(), targets: new Map(), zustaendigkeiten: [] } as unknown as DirectorySnapshot;

  test('templates: for every form or for this form, and none a caseworker must fill in', () => {
    const templates = new Map(
      [
        template('allgemein'),
        template('eigene', { form: 'gewerbe' }),
        template('fremde', { form: 'hundesteuer' }),
        template('mit-pflichtfeld', { fields: [{ name: 'text', title: 'Text', maxLength: 10, multiline: false, required: true }] }),
        template('mit-freiem-feld', { fields: [{ name: 'zusatz', title: 'Zusatz', maxLength: 10, multiline: false, required: false }] }),
      ].map((t) => [t.id, t]),
    );
    assert.deepEqual(
      routeOptions('gewerbe', directory, templates).templates.map((t) => t.id),
      ['allgemein', 'eigene', 'mit-freiem-feld'],
    );
  });
});

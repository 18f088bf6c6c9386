/**
 * Every `/api/admin/` route × every caller: anonymous, an unknown token, an administrator, and
 * each authority role of A and of B, with the objects belonging to A. One table names, per route,
 * who may use it and how a caller of another authority is answered; the expected status of each
 * cell follows from it. The walk fails when the app registers an admin route the table does not
 * name, or the table names one the app does not register.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Express } from 'express';
import supertest from 'supertest';
import type { Database } from '../../server/db/database.ts';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { recordAudit } from '../../server/audit/audit.ts';
import { contentHash } from '../../server/forms/content-hash.ts';
import type { AuthorityRole } from '../../shared/auth-policy.ts';
import { testEngines } from '../support/engines.ts';
import { accountOf, adminTestApp, attachmentOf, authorityA, callerTokens, deadDeliveryOf, queuedPieceOf, readyBatchOf, sentDeliveryOf, submissionOf, type Caller } from './support.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RouteEntry {
  /** Who may use the route at all: the installation's admin and/or authority roles. */
  roles: ReadonlyArray<'admin' | AuthorityRole>;
  /**
   * How a caller whose role fits, but for authority B, is answered about A's object:
   * 'not-found' (404, as if it did not exist), 'filtered' (success without A's object), or
   * 'unscoped' (the route is about the installation, not an authority), 'forbidden' (403: a
   * new object for A, which the caller may not make).
   */
  otherAuthority: 'not-found' | 'filtered' | 'unscoped' | 'forbidden';
  /** Status of a successful call. */
  success: number;
  /** A fresh request about objects of authority A (mutating routes get a new object each time). */
  request(db: Database): Promise<{ path: string; body?: object; headers?: Record<string, string> }>;
  /** For 'filtered' routes: whether the answer shows A's object. */
  shows?(body: unknown, path: string): boolean;
}

/** Directory records of their own for the directory routes (the installation's, not an authority's). */
const address = { strasse: 'Markt', hausnummer: '1', postleitzahl: '12345', ort: 'Musterstadt' };
async function freshAuthority(db: Database): Promise<string> {
  const id = `amt-${randomUUID().slice(0, 8)}`;
  await db.query(`INSERT INTO authorities (id, name, address, kennung, managed_by) VALUES ($1, 'Amt', $2::jsonb, 'psw:01000000', 'api')`, [id, JSON.stringify(address)]);
  return id;
}
async function freshTarget(db: Database): Promise<string> {
  const id = `ziel-${randomUUID().slice(0, 8)}`;
  await db.query(`INSERT INTO targets (id, type, authority_id, settings, managed_by) VALUES ($1, 'xoev-http', $2, $3::jsonb, 'api')`, [
    id,
    await freshAuthority(db),
    JSON.stringify({ url: 'https://fachverfahren.example/inbox', timeoutMs: 10000 }),
  ]);
  return id;
}
async function freshZustaendigkeit(db: Database): Promise<string> {
  const id = randomUUID();
  const key = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  await db.query(`INSERT INTO zustaendigkeiten (id, leistung, regionalschluessel, target_id, managed_by) VALUES ($1, 'probe', $2, $3, 'api')`, [id, key, await freshTarget(db)]);
  return id;
}
const installation = { roles: ['admin'], otherAuthority: 'unscoped' } as const;

/** A form definition of authority A, as the designer keeps it. */
const designerDefinition = (id: string) => ({
  id,
  title: { de: 'Entwurf' },
  authority: authorityA,
  schema: { type: 'object', additionalProperties: false, properties: { name: { type: 'string', title: 'Name', maxLength: 50 } } },
});
async function freshDesignerForm(db: Database): Promise<string> {
  const id = `entwurf-${randomUUID().slice(0, 8)}`;
  await db.query(`INSERT INTO designer_forms (id, authority_id, draft, saved_by) VALUES ($1, $2, $3::jsonb, 'test')`, [id, authorityA, JSON.stringify(designerDefinition(id))]);
  return id;
}
const designing = { roles: ['designer'], otherAuthority: 'not-found' } as const;

const table: Record<string, RouteEntry> = {
  'GET /api/admin/forms': {
    roles: ['designer'],
    otherAuthority: 'filtered',
    success: 200,
    request: async (db) => ({ path: `/api/admin/forms#${await freshDesignerForm(db)}` }),
    shows: (body, path) => (body as { forms: Array<{ id: string }> }).forms.some((f) => f.id === path.split('#')[1]),
  },
  'POST /api/admin/forms': {
    roles: ['designer'],
    otherAuthority: 'forbidden',
    success: 201,
    request: async () => ({ path: '/api/admin/forms', body: designerDefinition(`neu-${randomUUID().slice(0, 8)}`) }),
  },
  'GET /api/admin/forms/:id/draft': { ...designing, success: 200, request: async (db) => ({ path: `/api/admin/forms/${await freshDesignerForm(db)}/draft` }) },
  'PUT /api/admin/forms/:id/draft': {
    ...designing,
    success: 200,
    request: async (db) => {
      const id = await freshDesignerForm(db);
      return { path: `/api/admin/forms/${id}/draft`, body: designerDefinition(id), headers: { 'If-Match': '"1"' } };
    },
  },
  'POST /api/admin/forms/:id/publish': {
    ...designing,
    success: 200,
    request: async (db) => ({ path: `/api/admin/forms/${await freshDesignerForm(db)}/publish`, headers: { 'If-Match': '"1"' } }),
  },
  'POST /api/admin/forms/:id/retire': { ...designing, success: 200, request: async (db) => ({ path: `/api/admin/forms/${await freshDesignerForm(db)}/retire` }) },
  'POST /api/admin/forms/:id/duplicate': {
    ...designing,
    success: 201,
    request: async (db) => ({ path: `/api/admin/forms/${await freshDesignerForm(db)}/duplicate`, body: { id: `kopie-${randomUUID().slice(0, 8)}` } }),
  },
  'GET /api/admin/forms/:id/versions': { ...designing, success: 200, request: async (db) => ({ path: `/api/admin/forms/${await freshDesignerForm(db)}/versions` }) },
  'GET /api/admin/forms/:id/diff': { ...designing, success: 200, request: async (db) => ({ path: `/api/admin/forms/${await freshDesignerForm(db)}/diff` }) },
  'POST /api/admin/forms/:id/test-submission': {
    ...designing,
    success: 200,
    request: async (db) => {
      const id = await freshDesignerForm(db);
      return { path: `/api/admin/forms/${id}/test-submission`, body: { definition: designerDefinition(id), data: { name: 'Probe' }, lang: 'de' } };
    },
  },
  'GET /api/admin/forms/:id/export': { ...designing, success: 200, request: async (db) => ({ path: `/api/admin/forms/${await freshDesignerForm(db)}/export` }) },
  'GET /api/admin/forms/:id/route-options': { ...designing, success: 200, request: async (db) => ({ path: `/api/admin/forms/${await freshDesignerForm(db)}/route-options` }) },
  'POST /api/admin/forms/:id/preview-validators': {
    ...designing,
    success: 200,
    request: async (db) => {
      const id = await freshDesignerForm(db);
      return { path: `/api/admin/forms/${id}/preview-validators`, body: designerDefinition(id) };
    },
  },
  'GET /api/admin/forms/:id/preview-validators/:file': {
    ...designing,
    success: 200,
    request: async (db) => {
      const id = await freshDesignerForm(db);
      return { path: `/api/admin/forms/${id}/preview-validators/${contentHash(designerDefinition(id))}.js` };
    },
  },
  'GET /api/admin/authorities': { ...installation, success: 200, request: async () => ({ path: '/api/admin/authorities' }) },
  'POST /api/admin/authorities': {
    ...installation,
    success: 201,
    request: async () => ({ path: '/api/admin/authorities', body: { id: `amt-${randomUUID().slice(0, 8)}`, name: 'Neues Amt', address } }),
  },
  'GET /api/admin/authorities/:id': { ...installation, success: 200, request: async (db) => ({ path: `/api/admin/authorities/${await freshAuthority(db)}` }) },
  'PATCH /api/admin/authorities/:id': {
    ...installation,
    success: 200,
    request: async (db) => ({ path: `/api/admin/authorities/${await freshAuthority(db)}`, body: { name: 'Umbenanntes Amt' } }),
  },
  'DELETE /api/admin/authorities/:id': { ...installation, success: 204, request: async (db) => ({ path: `/api/admin/authorities/${await freshAuthority(db)}` }) },
  'GET /api/admin/targets': { ...installation, success: 200, request: async () => ({ path: '/api/admin/targets' }) },
  'POST /api/admin/targets': {
    ...installation,
    success: 201,
    request: async (db) => ({
      path: '/api/admin/targets',
      body: { id: `ziel-${randomUUID().slice(0, 8)}`, type: 'xoev-http', authority: await freshAuthority(db), url: 'https://fachverfahren.example/inbox' },
    }),
  },
  'GET /api/admin/targets/:id': { ...installation, success: 200, request: async (db) => ({ path: `/api/admin/targets/${await freshTarget(db)}` }) },
  'PATCH /api/admin/targets/:id': {
    ...installation,
    success: 200,
    request: async (db) => ({ path: `/api/admin/targets/${await freshTarget(db)}`, body: { timeoutMs: 20000 } }),
  },
  'DELETE /api/admin/targets/:id': { ...installation, success: 204, request: async (db) => ({ path: `/api/admin/targets/${await freshTarget(db)}` }) },
  'GET /api/admin/zustaendigkeiten': { ...installation, success: 200, request: async () => ({ path: '/api/admin/zustaendigkeiten' }) },
  'POST /api/admin/zustaendigkeiten': {
    ...installation,
    success: 201,
    request: async (db) => ({
      path: '/api/admin/zustaendigkeiten',
      body: { leistung: 'probe', regionalschluessel: String(10_000_000 + Math.floor(Math.random() * 89_999_999)), target: await freshTarget(db) },
    }),
  },
  'GET /api/admin/zustaendigkeiten/:id': { ...installation, success: 200, request: async (db) => ({ path: `/api/admin/zustaendigkeiten/${await freshZustaendigkeit(db)}` }) },
  'PATCH /api/admin/zustaendigkeiten/:id': {
    ...installation,
    success: 200,
    request: async (db) => ({ path: `/api/admin/zustaendigkeiten/${await freshZustaendigkeit(db)}`, body: { leistung: 'probe-geaendert' } }),
  },
  'DELETE /api/admin/zustaendigkeiten/:id': { ...installation, success: 204, request: async (db) => ({ path: `/api/admin/zustaendigkeiten/${await freshZustaendigkeit(db)}` }) },
  'GET /api/admin/users': { roles: ['admin'], otherAuthority: 'unscoped', success: 200, request: async () => ({ path: '/api/admin/users' }) },
  'POST /api/admin/users': {
    roles: ['admin'],
    otherAuthority: 'unscoped',
    success: 201,
    request: async () => ({
      path: '/api/admin/users',
      body: { email: `neu-${randomUUID()}@example.org`, name: 'Neu', password: 'lang genug und geheim', grants: [{ role: 'sachbearbeitung', authority: authorityA }] },
    }),
  },
  'GET /api/admin/users/:id': {
    roles: ['admin'],
    otherAuthority: 'unscoped',
    success: 200,
    request: async (db) => ({ path: `/api/admin/users/${await accountOf(db)}` }),
  },
  'PATCH /api/admin/users/:id': {
    roles: ['admin'],
    otherAuthority: 'unscoped',
    success: 200,
    request: async (db) => ({ path: `/api/admin/users/${await accountOf(db)}`, body: { name: 'Umbenannt' } }),
  },
  'PUT /api/admin/users/:id/grants': {
    roles: ['admin'],
    otherAuthority: 'unscoped',
    success: 200,
    request: async (db) => ({ path: `/api/admin/users/${await accountOf(db)}/grants`, body: { grants: [{ role: 'auditor', authority: authorityA }] } }),
  },
  'GET /api/admin/tokens': { roles: ['admin'], otherAuthority: 'unscoped', success: 200, request: async () => ({ path: '/api/admin/tokens' }) },
  'POST /api/admin/tokens': {
    roles: ['admin'],
    otherAuthority: 'unscoped',
    success: 201,
    request: async () => ({ path: '/api/admin/tokens', body: { name: `skript-${randomUUID()}`, role: 'auditor', authority: authorityA } }),
  },
  'DELETE /api/admin/tokens/:id': {
    roles: ['admin'],
    otherAuthority: 'unscoped',
    success: 200,
    request: async (db) => {
      const { id } = await createApiToken(db, { name: `alt-${randomUUID()}`, role: 'auditor', authorityId: authorityA });
      return { path: `/api/admin/tokens/${id}` };
    },
  },
  'GET /api/admin/deliveries': {
    roles: ['admin', 'sachbearbeitung'],
    otherAuthority: 'filtered',
    success: 200,
    request: async (db) => {
      const { deliveryId } = await deadDeliveryOf(db, authorityA);
      return { path: `/api/admin/deliveries?state=dead&limit=1000#${deliveryId}` };
    },
    shows: (body, path) => (body as Array<{ id: string }>).some((d) => d.id === path.split('#')[1]),
  },
  'POST /api/admin/deliveries/:id/requeue': {
    roles: ['admin', 'sachbearbeitung'],
    otherAuthority: 'not-found',
    success: 202,
    request: async (db) => ({ path: `/api/admin/deliveries/${(await deadDeliveryOf(db, authorityA)).deliveryId}/requeue` }),
  },
  'POST /api/admin/deliveries/requeue': {
    roles: ['admin', 'sachbearbeitung'],
    otherAuthority: 'filtered',
    success: 200,
    request: async (db) => {
      const { deliveryId } = await deadDeliveryOf(db, authorityA);
      return { path: `/api/admin/deliveries/requeue#${deliveryId}`, body: { ids: [deliveryId] } };
    },
    shows: (body, path) => (body as { requeued: string[] }).requeued.includes(path.split('#')[1]!),
  },
  'GET /api/admin/print/batches': {
    roles: ['admin', 'sachbearbeitung'],
    otherAuthority: 'filtered',
    success: 200,
    request: async (db) => {
      const { batchId } = await readyBatchOf(db, authorityA);
      return { path: `/api/admin/print/batches?state=ready&limit=500#${batchId}` };
    },
    shows: (body, path) => (body as { batches: Array<{ id: string }> }).batches.some((b) => b.id === path.split('#')[1]),
  },
  'GET /api/admin/dashboard': {
    roles: ['admin', 'sachbearbeitung'],
    otherAuthority: 'filtered',
    success: 200,
    request: async (db) => {
      await queuedPieceOf(db, authorityA);
      return { path: '/api/admin/dashboard' };
    },
    // Only authority A has objects here: its submissions and waiting pieces are counted.
    shows: (body) => {
      const figures = body as { submissionsPerDay: unknown[]; piecesWaiting: { queued: number } };
      return figures.submissionsPerDay.length > 0 && figures.piecesWaiting.queued > 0;
    },
  },
  'GET /api/admin/print/pieces': {
    roles: ['admin', 'sachbearbeitung'],
    otherAuthority: 'filtered',
    success: 200,
    request: async (db) => {
      const { pieceId, submissionId } = await queuedPieceOf(db, authorityA);
      return { path: `/api/admin/print/pieces?submission=${submissionId}#${pieceId}` };
    },
    shows: (body, path) => (body as { pieces: string[] }).pieces.includes(path.split('#')[1]!),
  },
  'GET /api/admin/print/pieces/:id': {
    roles: ['admin', 'sachbearbeitung'],
    otherAuthority: 'not-found',
    success: 200,
    request: async (db) => ({ path: `/api/admin/print/pieces/${(await queuedPieceOf(db, authorityA)).pieceId}` }),
  },
  'GET /api/admin/audit': {
    roles: ['admin', 'auditor'],
    otherAuthority: 'filtered',
    success: 200,
    request: async (db) => {
      const probe = randomUUID();
      await recordAudit(db, { actor: { kind: 'system', name: 'test' }, action: 'probe.record', objectType: 'probe', objectId: probe, authorityId: authorityA });
      return { path: `/api/admin/audit?objectType=probe&objectId=${probe}` };
    },
    shows: (body) => (body as { entries: unknown[] }).entries.length === 1,
  },
  'GET /api/admin/audit/verify': { roles: ['admin', 'auditor'], otherAuthority: 'unscoped', success: 200, request: async () => ({ path: '/api/admin/audit/verify' }) },
  'GET /api/admin/submissions': {
    roles: ['sachbearbeitung'],
    otherAuthority: 'filtered',
    success: 200,
    request: async (db) => ({ path: `/api/admin/submissions?limit=200#${await submissionOf(db, authorityA)}` }),
    shows: (body, path) => (body as { items: Array<{ id: string }> }).items.some((i) => i.id === path.split('#')[1]),
  },
  'GET /api/admin/submissions.csv': {
    roles: ['sachbearbeitung'],
    otherAuthority: 'filtered',
    success: 200,
    request: async (db) => ({ path: `/api/admin/submissions.csv#${await submissionOf(db, authorityA)}` }),
    shows: (body, path) => String(body).includes(path.split('#')[1]!),
  },
  'GET /api/admin/submissions/:id': {
    roles: ['sachbearbeitung'],
    otherAuthority: 'not-found',
    success: 200,
    request: async (db) => ({ path: `/api/admin/submissions/${await submissionOf(db, authorityA)}` }),
  },
  'GET /api/admin/submissions/:id/attachments/:attachmentId': {
    roles: ['sachbearbeitung'],
    otherAuthority: 'not-found',
    success: 200,
    request: async (db) => {
      const { submissionId, attachmentId } = await attachmentOf(db, authorityA);
      return { path: `/api/admin/submissions/${submissionId}/attachments/${attachmentId}` };
    },
  },
  'GET /api/admin/submissions/:id/receipt.pdf': {
    roles: ['sachbearbeitung'],
    otherAuthority: 'not-found',
    success: 200,
    request: async (db) => ({ path: `/api/admin/submissions/${await submissionOf(db, authorityA)}/receipt.pdf` }),
  },
  'POST /api/admin/submissions/:id/status': {
    roles: ['sachbearbeitung'],
    otherAuthority: 'not-found',
    success: 200,
    request: async (db) => ({ path: `/api/admin/submissions/${await submissionOf(db, authorityA)}/status`, body: { status: 'in_bearbeitung' } }),
  },
  'GET /api/admin/deliveries/:id/message': {
    roles: ['sachbearbeitung'],
    otherAuthority: 'not-found',
    success: 200,
    request: async (db) => ({ path: `/api/admin/deliveries/${(await sentDeliveryOf(db, authorityA)).deliveryId}/message` }),
  },
  'GET /api/admin/erasure': { ...installation, success: 200, request: async () => ({ path: '/api/admin/erasure' }) },
  'POST /api/admin/erasure/run': { ...installation, success: 200, request: async () => ({ path: '/api/admin/erasure/run' }) },
  'POST /api/admin/print/pieces/:id/cancel': {
    roles: ['admin', 'sachbearbeitung'],
    otherAuthority: 'not-found',
    success: 200,
    request: async (db) => ({ path: `/api/admin/print/pieces/${(await queuedPieceOf(db, authorityA)).pieceId}/cancel` }),
  },
  'GET /api/admin/submissions/:id/letters/templates': {
    roles: ['sachbearbeitung'],
    otherAuthority: 'not-found',
    success: 200,
    request: async (db) => ({ path: `/api/admin/submissions/${await submissionOf(db, authorityA, { address: true })}/letters/templates` }),
  },
  'POST /api/admin/submissions/:id/letters/preview': {
    roles: ['sachbearbeitung'],
    otherAuthority: 'not-found',
    success: 200,
    request: async (db) => ({
      path: `/api/admin/submissions/${await submissionOf(db, authorityA, { address: true })}/letters/preview`,
      body: { template: 'bescheid', fields: { betreff: 'Bescheid', text: 'Text' } },
    }),
  },
  'POST /api/admin/submissions/:id/letters': {
    roles: ['sachbearbeitung'],
    otherAuthority: 'not-found',
    success: 201,
    request: async (db) => ({
      path: `/api/admin/submissions/${await submissionOf(db, authorityA, { address: true })}/letters`,
      body: { template: 'bescheid', fields: { betreff: 'Bescheid', text: 'Text' } },
    }),
  },
};

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  slash?: boolean;
  name?: string;
}

/** "METHOD path" of every route the app registers under /api/admin/ (HEAD goes with GET). */
function adminRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods))
          if (method !== '_all' && method !== 'head') found.push(`${method.toUpperCase()} ${layer.route.path}`);
      } else if (layer.handle?.stack) {
        // Routers are mounted at the root, so their routes carry full paths; one mounted at a
        // path would hide its prefix from this walk.
        assert.ok(layer.slash, `a router is mounted at a path; mount it at the root so that its admin routes are checked here`);
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return found.filter((r) => / \/api\/admin(\/|$)/.test(r)).sort();
}

const callers: Caller[] = [
  'anonymous',
  'unknown-token',
  'admin',
  'designer@A',
  'sachbearbeitung@A',
  'auditor@A',
  'designer@B',
  'sachbearbeitung@B',
  'auditor@B',
];

type Expected = { status: number; shows?: boolean };

function expected(entry: RouteEntry, caller: Caller): Expected {
  if (caller === 'anonymous' || caller === 'unknown-token') return { status: 401 };
  const [role, letter] = caller === 'admin' ? (['admin', 'A'] as const) : (caller.split('@') as [AuthorityRole, 'A' | 'B']);
  if (!entry.roles.includes(role)) return { status: 403 };
  if (role === 'admin' || letter === 'A' || entry.otherAuthority === 'unscoped') return { status: entry.success, ...(entry.shows ? { shows: true } : {}) };
  if (entry.otherAuthority === 'forbidden') return { status: 403 };
  return entry.otherAuthority === 'not-found' ? { status: 404 } : { status: entry.success, shows: false };
}

for (const engine of testEngines()) {
  describe(`admin routes × roles (${engine.name})`, () => {
    let db: Database;
    let app: Express;
    let tokens: Map<Caller, string>;
    before(async () => {
      db = await engine.open();
      ({ app } = await adminTestApp(db));
      tokens = await callerTokens(db);
    });
    after(() => db.close());

    test('the table names every admin route the app registers, and no other', () => {
      const registered = adminRoutes(app);
      assert.ok(registered.length > 0);
      assert.deepEqual(registered, Object.keys(table).sort(), 'an admin route without an entry in the table, or an entry without a route');
    });

    for (const [route, entry] of Object.entries(table)) {
      test(route, async () => {
        const [method] = route.split(' ') as [Method];
        const outcomes: Record<string, Expected> = {};
        const wanted: Record<string, Expected> = {};
        for (const caller of callers) {
          const { path, body, headers = {} } = await entry.request(db);
          const url = path.split('#')[0]!;
          let req = supertest(app)[method.toLowerCase() as 'get'](url);
          const token = tokens.get(caller);
          if (token) req = req.set('Authorization', `Bearer ${token}`);
          for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
          const res = body ? await req.send(body) : await req;
          const answer = res.type.startsWith('text/') ? res.text : res.body;
          outcomes[caller] = { status: res.status, ...(entry.shows && res.status < 300 ? { shows: entry.shows(answer, path) } : {}) };
          wanted[caller] = expected(entry, caller);
          if (res.status === 401) assert.match(String(res.headers['www-authenticate']), /^Bearer/, `${caller}: WWW-Authenticate`);
          if (res.status >= 400) assert.equal(typeof res.body.error?.code, 'string', `${caller}: an error body`);
        }
        assert.deepEqual(outcomes, wanted);
      });
    }
  });
}

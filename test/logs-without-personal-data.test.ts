/**
 * Logs hold no personal data and no secrets: a citizen's whole flow (draft, upload, submit,
 * status, receipt, refused submissions) and a caseworker's flow through the admin API run
 * against a logger configured as in production, at the most verbose level; then the log is
 * searched for every value the flows typed or were given. Every line carries its request id.
 * New flows (e.g. signing in) add what they use to `secrets`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../server/auth/api-tokens.ts';
import type { Database } from '../server/db/database.ts';
import { testApp } from './support/app.ts';
import { assertNoneLogged, capturedLog, type CapturedLog } from './support/captured-log.ts';
import { testEngines } from './support/engines.ts';
import { pdfBytes } from './support/files.ts';

type Http = Awaited<ReturnType<typeof testApp>>['http'];

const applicant = {
  vorname: 'Quirinius',
  familienname: 'Zwiebelfisch-Obermaier',
  strasse: 'Pfefferminzgasse',
  email: 'quirinius.zwiebelfisch@beispiel-post.de',
  telefon: '06151 4711815',
  iban: 'DE89370400440532013000',
  kontoinhaber: 'Quirinius Zwiebelfisch-Obermaier',
  hund: 'Knöpfchenwirbel',
  datei: 'Zwiebelfisch-Ausweis.pdf',
};

function antrag(): Record<string, unknown> {
  const fixtures = JSON.parse(readFileSync(new URL('./fixtures/submissions/hundesteuer-anmeldung.valid.json', import.meta.url), 'utf8')) as Array<Record<string, any>>;
  const data = structuredClone(fixtures.find((f) => f.bankverbindung)!);
  Object.assign(data.halter, {
    vorname: applicant.vorname,
    familienname: applicant.familienname,
    strasse: applicant.strasse,
    email: applicant.email,
    telefon: applicant.telefon,
  });
  data.hunde[0].name = applicant.hund;
  data.bankverbindung = { kontoinhaber: applicant.kontoinhaber, iban: applicant.iban, sepaMandat: true };
  return data;
}

/** The citizen: a draft, an upload, the submission, status and receipt, and refused attempts. Returns the secrets handed out. */
async function citizenFlow(http: Http): Promise<Record<string, string>> {
  const secrets: Record<string, string> = {};
  const form = '/api/forms/hundesteuer-anmeldung';
  const draft = (await http.post(`${form}/drafts`).send({ data: antrag(), step: 1 }).expect(201)).body;
  secrets.resumeToken = draft.resumeToken;
  await http.get(`/api/drafts/${draft.id}`).set('Authorization', `Bearer ${draft.resumeToken}`).expect(200);
  await http.put(`/api/drafts/${draft.id}`).set('Authorization', `Bearer ${draft.resumeToken}`).send({ data: antrag(), step: 2 }).expect(200);
  await http.get(`/api/drafts/${draft.id}`).set('Authorization', 'Bearer falsch-geraten').expect(404);

  await http
    .post(`${form}/attachments`)
    .query({ field: '/steuerermaessigung/nachweisDatei' })
    .set('Content-Type', 'application/pdf')
    .set('X-File-Name', encodeURIComponent(applicant.datei))
    .send(pdfBytes())
    .expect(201);

  const receipt = (await http.post(`${form}/submissions`).set('Antragswerk-Draft', `${draft.id}.${draft.resumeToken}`).send(antrag()).expect(201)).body;
  secrets.statusToken = receipt.statusToken;
  await http.get(`/api/submissions/${receipt.id}`).query({ token: receipt.statusToken }).expect(200);
  await http.post('/api/status').send({ reference: receipt.reference, token: receipt.statusToken }).expect(200);
  await http.get(`/api/submissions/${receipt.id}/receipt.pdf`).query({ token: receipt.statusToken }).expect(200);
  await http.post('/api/status').send({ reference: receipt.reference, token: applicant.iban }).expect(422);

  // Refused: invalid values, malformed JSON, a body that is too deep, a wrong content type.
  const invalid = antrag();
  (invalid.halter as Record<string, unknown>).postleitzahl = `${applicant.strasse} 1`;
  (invalid.bankverbindung as Record<string, unknown>).iban = `${applicant.iban}X`;
  await http.post(`${form}/submissions`).send(invalid).expect(422);
  await http.post(`${form}/submissions`).set('Content-Type', 'application/json').send(`{"halter":{"familienname":"${applicant.familienname}"`).expect(400);
  await http.post(`${form}/submissions`).set('Content-Type', 'text/plain').send(applicant.email).expect(415);
  await http.post(`${form}/submissions`).send({ halter: { familienname: applicant.familienname, __proto__x: applicant.iban } }).expect(422);
  await http.get(`/api/nirgends/${encodeURIComponent(applicant.email)}`).expect(404);
  return secrets;
}

/**
 * The caseworker side: an administrator's API token creates a caseworker account, who signs in
 * (once with a wrong password), lists dead deliveries, requeues one, reads print pieces and the
 * audit trail, and signs out.
 */
async function caseworkerFlow(http: Http, db: Database): Promise<Record<string, string>> {
  const { token: apiToken } = await createApiToken(db, { name: 'pruefung', role: 'admin' });
  const password = 'Rathaus-Kennwort-7319';
  const wrongPassword = 'Rathaus-Kennwort-7318';
  const email = 'sachbearbeitung.kowalczyk@musterstadt.example';
  await http
    .post('/api/admin/users')
    .set('Authorization', `Bearer ${apiToken}`)
    .send({ email, name: 'Jadwiga Kowalczyk', password, admin: true })
    .expect(201);
  await http.post('/api/auth/login').send({ email, password: wrongPassword }).expect(401);
  const signedIn = await http.post('/api/auth/login').send({ email, password }).expect(200);
  const cookie = signedIn.headers['set-cookie']![0]!.split(';')[0]!;
  const csrfToken = signedIn.body.csrfToken as string;
  const session = { Cookie: cookie, 'X-CSRF-Token': csrfToken };
  await db.query(`UPDATE deliveries SET state = 'dead', last_error = 'refused by the receiver'`);
  const dead = (await http.get('/api/admin/deliveries').query({ state: 'dead' }).set(session).expect(200)).body;
  const deliveries = Array.isArray(dead) ? dead : (dead.deliveries as Array<{ id: string }>);
  assert.ok(deliveries.length > 0, 'a dead delivery to requeue');
  await http.post(`/api/admin/deliveries/${deliveries[0]!.id}/requeue`).set(session).expect(202);
  const { rows } = await db.query<{ id: string }>('SELECT id::text AS id FROM submissions');
  for (const { id } of rows) await http.get('/api/admin/print/pieces').query({ submission: id }).set(session).expect(200);
  await http.get('/api/admin/deliveries').set('Authorization', `Bearer ${apiToken}x`).expect(401);
  await http.get('/api/admin/audit').set(session).expect(200);
  await http.get('/api/admin/audit/verify').set('Authorization', `Bearer ${apiToken}`).expect(200);
  await http.post('/api/auth/logout').set(session).expect(204);
  return { apiToken, password, wrongPassword, caseworker: 'Kowalczyk', 'caseworker e-mail': email, cookie: cookie.split('=')[1]!, csrfToken };
}

for (const engine of testEngines()) {
  describe(`logs without personal data (${engine.name})`, () => {
    let db: Database;
    let log: CapturedLog;
    let http: Http;

    before(async () => {
      db = await engine.open();
      log = capturedLog('trace');
      ({ http } = await testApp(db, { logger: log.logger }));
    });
    after(() => db.close());

    test('a citizen and a caseworker flow leave no personal data, token or password in the log', async () => {
      const secrets = { ...applicant, ...(await citizenFlow(http)), ...(await caseworkerFlow(http, db)) };
      // The flows ran and were logged: one line per request at least.
      const requests = log.lines().filter((l) => l.msg === 'request');
      assert.ok(requests.length >= 20, `${requests.length} request lines`);
      assert.ok(requests.some((l) => l.status === 422) && requests.some((l) => l.status === 400) && requests.some((l) => l.status === 202));
      assertNoneLogged(log, secrets);
      assertNoneLogged(log, { 'IBAN, grouped': applicant.iban.replace(/(.{4})/g, '$1 ').trim() });
    });

    test('every line logged while serving a request carries its request id', async () => {
      const { headers } = await http.get('/api/forms').set('X-Request-Id', 'trace-me-42').expect(200);
      assert.equal(headers['x-request-id'], 'trace-me-42');
      const lines = log.lines();
      assert.ok(lines.length > 0);
      for (const line of lines) assert.match(String(line.reqId), /^[A-Za-z0-9._-]{1,64}$/, JSON.stringify(line).slice(0, 200));
      assert.ok(lines.some((l) => l.reqId === 'trace-me-42' && l.msg === 'request' && l.path === '/api/forms'));
      // Routes as patterns; what no route matched by its first segment only.
      const paths = new Set(lines.map((l) => l.path));
      for (const path of ['/api/submissions/:id', '/api/drafts/:id', '/api/forms/:formId/submissions', '/api/admin/deliveries/:id/requeue', '/api/…'])
        assert.ok(paths.has(path), path);
    });
  });
}

describe('redaction in the logger itself', () => {
  test('credential fields are censored wherever they appear; errors keep no bodies or row values', () => {
    const log = capturedLog('info');
    log.logger.info(
      {
        token: 'T1-secret',
        headers: { authorization: 'Bearer T2-secret', cookie: 'sid=T3-secret', 'set-cookie': ['sid=T4-secret'] },
        req: { body: { password: 'T5-secret', statusToken: 'T6-secret' } },
      },
      'something',
    );
    const error = Object.assign(new Error('duplicate key'), {
      code: '23505',
      detail: 'Key (email)=(T7-secret@example.org) already exists.',
      body: '{"familienname":"T8-secret"}',
      details: [{ path: '/familienname', value: 'T9-secret' }],
    });
    log.logger.child({ reqId: 'r-1' }).error({ err: error }, 'request failed');
    assert.doesNotMatch(log.text(), /T\d-secret/);
    const [first, second] = log.lines();
    assert.equal((first!.headers as Record<string, unknown>).authorization, '[Redacted]');
    assert.deepEqual(second!.err && { ...(second!.err as object), stack: undefined }, { type: 'Error', code: '23505', message: 'duplicate key', stack: undefined });
    assert.equal(second!.reqId, 'r-1');
  });
});

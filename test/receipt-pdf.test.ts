/**
 * `GET /api/submissions/:id/receipt.pdf?token=…` against each database engine: the tagged PDF
 * for the holder of the status token, in the language of the submission, with file names; the
 * same 404 as the status lookup otherwise; and status tokens kept out of the request log.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import type { Response } from 'superagent';
import type { Database } from '../server/db/database.ts';
import { labelledValues, nodesOfType, structureTree, type StructNode } from './print/pdf-reader.ts';
import { popplerPackage, run, tempDir } from './print/support.ts';
import { testApp } from './support/app.ts';
import { testEngines } from './support/engines.ts';
import { formsDir, minimalDefinition } from './support/forms-dir.ts';
import { pdfBytes } from './support/files.ts';

type Http = Awaited<ReturnType<typeof testApp>>['http'];
type Created = { id: string; reference: string; statusToken: string };

/** The first valid submission of test/fixtures/submissions/<formId>.valid.json. */
function validFixture(formId: string): Record<string, unknown> {
  const file = new URL(`fixtures/submissions/${formId}.valid.json`, import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>>)[0]!;
}

/** superagent leaves unknown types unread; the PDF is wanted as bytes. */
const bytes = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** The text of a PDF, through poppler. */
function pdfText(pdf: Buffer): string {
  const file = path.join(tempDir(), 'receipt.pdf');
  writeFileSync(file, pdf);
  const result = run('pdftotext', [file, '-'], popplerPackage);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.replace(/\s+/g, ' ');
}

/** The structure tree of a PDF, through poppler. */
function structureOf(pdf: Buffer): StructNode {
  const file = path.join(tempDir(), 'receipt.pdf');
  writeFileSync(file, pdf);
  return structureTree(file);
}

for (const engine of testEngines()) {
  describe(`receipt PDF API on ${engine.name}`, () => {
    let db: Database;
    let http: Http;
    const logLines: string[] = [];

    before(async () => {
      db = await engine.open();
      const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
      ({ http } = await testApp(db, { logger }));
    });
    after(() => db.close());

    const submit = async (formId: string, data: unknown, language = 'de'): Promise<Created> =>
      (
        await http
          .post(`/api/forms/${formId}/submissions`)
          .set('Content-Type', 'application/json')
          .set('Accept-Language', language)
          .send(JSON.stringify(data))
          .expect(201)
      ).body as Created;
    const receipt = (id: string, token?: string) => {
      const request = http.get(`/api/submissions/${id}/receipt.pdf`);
      return (token === undefined ? request : request.query({ token })).buffer(true).parse(bytes);
    };

    test('the holder of the status token gets the receipt as a PDF to save, never cached', async () => {
      const created = await submit('hundesteuer-anmeldung', validFixture('hundesteuer-anmeldung'));
      const res = await receipt(created.id, created.statusToken).expect(200);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.headers['content-disposition'], `attachment; filename="eingangsbestaetigung-${created.reference}.pdf"`);
      const pdf = res.body as Buffer;
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const text = pdfText(pdf);
      for (const expected of ['Eingangsbestätigung', `Vorgangsnummer ${created.reference}`, 'Rufname des Hundes Bello', 'Geschlecht Rüde'])
        assert.ok(text.includes(expected), `${expected} in ${text}`);
      // Who runs the portal and who handles the Antrag (the submission's responsible authority,
      // the Steueramt, whose Fachverfahren gets it and whose letterhead its letter bears); the
      // time says its zone.
      const tree = structureOf(pdf);
      const facts = labelledValues(tree);
      for (const expected of ['Eingereicht über: Antragsportal Musterstadt', 'Zuständige Stelle: Steueramt Musterstadt'])
        assert.ok(facts.includes(expected), `${expected} in ${facts.join('\n')}`);
      assert.ok(facts.some((fact) => /^Eingegangen am: .* um \d\d:\d\d MES?Z \(Europe\/Berlin\)$/.test(fact)), facts.join('\n'));
      // The token is there only inside the status link, in its fragment: PUBLIC_URL's default.
      const link = `http://localhost:3000/status#reference=${created.reference}&token=${created.statusToken}`;
      assert.ok(pdf.toString('latin1').includes(`/URI (${link})`), 'a link annotation opens the status link');
      const links = nodesOfType(tree, 'Link');
      assert.deepEqual(links.map((node) => node.text.replace(/\s+/g, '')), [link], 'the status link is shown');
      assert.equal(JSON.stringify(tree).split(created.statusToken).length - 1, 1, 'the token only in the link');
    });

    test('the status link starts with PUBLIC_URL, never with the Host the request names', async () => {
      const { http: configured } = await testApp(db, { env: { PUBLIC_URL: 'https://antrag.musterstadt.example/' } });
      const created = (
        await configured.post('/api/forms/hundesteuer-anmeldung/submissions').send(validFixture('hundesteuer-anmeldung')).expect(201)
      ).body as Created;
      const res = await configured
        .get(`/api/submissions/${created.id}/receipt.pdf`)
        .query({ token: created.statusToken })
        .set('Host', 'angreifer.example')
        .set('X-Forwarded-Host', 'angreifer.example')
        .buffer(true)
        .parse(bytes)
        .expect(200);
      const file = (res.body as Buffer).toString('latin1');
      assert.ok(file.includes(`/URI (https://antrag.musterstadt.example/status#reference=${created.reference}&token=${created.statusToken})`));
      assert.ok(!file.includes('angreifer') && !pdfText(res.body as Buffer).includes('angreifer'));
    });

    test('without a route the Antrag stays with the portal operator, and the receipt says so', async () => {
      const { http: plain } = await testApp(db, { formsDir: await formsDir({ 'ohne-route.json': minimalDefinition('ohne-route') }) });
      const created = (await plain.post('/api/forms/ohne-route/submissions').send({ familienname: 'Müller' }).expect(201)).body as Created;
      const res = await plain.get(`/api/submissions/${created.id}/receipt.pdf`).query({ token: created.statusToken }).buffer(true).parse(bytes).expect(200);
      const facts = labelledValues(structureOf(res.body as Buffer));
      assert.ok(facts.includes('Zuständige Stelle: Antragsportal Musterstadt (Betreiber des Portals)'), facts.join('\n'));
    });

    test('the PDF speaks the language the Antrag was submitted in, whatever the download asks for', async () => {
      const english = await submit('gewerbeanmeldung', validFixture('gewerbeanmeldung'), 'en');
      const en = pdfText((await receipt(english.id, english.statusToken).set('Accept-Language', 'de').expect(200)).body as Buffer);
      assert.ok(en.includes('Confirmation of receipt') && en.includes('Legal form'), en);
      const german = await submit('gewerbeanmeldung', validFixture('gewerbeanmeldung'), 'de');
      const de = pdfText((await receipt(german.id, german.statusToken).set('Accept-Language', 'en').expect(200)).body as Buffer);
      assert.ok(de.includes('Eingangsbestätigung') && de.includes('Rechtsform'), de);
    });

    test('attachments appear by file name', async () => {
      const upload = await http
        .post('/api/forms/bewohnerparkausweis/attachments')
        .query({ field: '/fahrzeug/zulassungsbescheinigung/0' })
        .set('Content-Type', 'application/pdf')
        .set('X-File-Name', encodeURIComponent('Zulassung März.pdf'))
        .send(pdfBytes())
        .expect(201);
      const fixture = validFixture('bewohnerparkausweis') as { fahrzeug: Record<string, unknown> };
      const created = await submit('bewohnerparkausweis', {
        ...fixture,
        fahrzeug: { ...fixture.fahrzeug, zulassungsbescheinigung: [upload.body.id] },
      });
      const text = pdfText((await receipt(created.id, created.statusToken).expect(200)).body as Buffer);
      assert.ok(text.includes('Zulassungsbescheinigung Teil I (Kopie, freiwillig) Zulassung März.pdf'), text);
    });

    test('a wrong, missing or malformed token or id: 404 submission_not_found, as for the status', async () => {
      const { id, statusToken } = await submit('hundesteuer-anmeldung', validFixture('hundesteuer-anmeldung'));
      const wrong = statusToken.slice(0, -1) + (statusToken.endsWith('A') ? 'B' : 'A');
      const attempts = [
        receipt(id, wrong),
        receipt(id),
        receipt(id, ''),
        http.get(`/api/submissions/${id}/receipt.pdf?token=${statusToken}&token=${statusToken}`),
        receipt('00000000-0000-4000-8000-000000000000', statusToken),
        receipt('not-a-uuid', statusToken),
      ];
      for (const attempt of attempts) {
        const res = await attempt.expect(404).expect('Content-Type', /json/);
        const body = Buffer.isBuffer(res.body) ? JSON.parse(res.body.toString('utf8')) : res.body;
        assert.equal(body.error.code, 'submission_not_found');
        assert.equal(res.headers['cache-control'], 'no-store');
      }
    });

    test('other methods: 405 with Allow; HEAD answers like GET without the body', async () => {
      const { id, statusToken } = await submit('hundesteuer-anmeldung', validFixture('hundesteuer-anmeldung'));
      for (const method of ['post', 'put', 'delete'] as const) {
        const res = await http[method](`/api/submissions/${id}/receipt.pdf`).query({ token: statusToken }).expect(405);
        assert.equal(res.body.error.code, 'method_not_allowed');
        assert.equal(res.headers.allow, 'GET, HEAD');
      }
      const head = await http.head(`/api/submissions/${id}/receipt.pdf`).query({ token: statusToken }).expect(200);
      assert.equal(head.headers['content-type'], 'application/pdf');
    });

    test('status tokens in query strings stay out of the request log', async () => {
      const { id, statusToken } = await submit('hundesteuer-anmeldung', validFixture('hundesteuer-anmeldung'));
      logLines.length = 0;
      await http.get(`/api/submissions/${id}`).query({ token: statusToken }).expect(200);
      await receipt(id, statusToken).expect(200);
      await receipt(id, 'falsch-geraten').expect(404);
      // Lines name the route, not the address: neither ids nor query strings reach the log.
      const paths = logLines.map((line) => (JSON.parse(line) as { path?: string }).path);
      assert.deepEqual(paths, ['/api/submissions/:id', '/api/submissions/:id/receipt.pdf', '/api/submissions/:id/receipt.pdf']);
      for (const line of logLines) {
        assert.ok(!line.includes(statusToken) && !line.includes('falsch-geraten'), line);
        assert.ok(!line.includes('token=') && !line.includes(id), line);
      }
    });
  });
}

/**
 * `POST /api/status` reads the reference as people type it (any case, with or without hyphen,
 * blanks, O/I/L for 0/1) and answers input that cannot be a reference or an access key with a
 * problem per field, worded as the status page names the fields.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { newReference, normaliseReference } from '../../server/submissions/reference.ts';
import { storedRows, testApp } from '../support/app.ts';
import { testEngines } from '../support/engines.ts';
import { formsDir, minimalDefinition } from '../support/forms-dir.ts';

describe('reading a typed reference', () => {
  test('blanks, hyphens and dashes, case, and O/I/L for 0/1 are forgiven', () => {
    for (const typed of ['7K3M-9QXF', '7k3m9qxf', '  7K3M 9QXF\t', '7K3M–9QXF', '7k3m - 9qxf', '7 K 3 M 9 Q X F'])
      assert.equal(normaliseReference(typed), '7K3M-9QXF', typed);
    assert.equal(normaliseReference('1O0L-IOLI'), '1001-1011');
    for (let i = 0; i < 50; i++) {
      const reference = newReference();
      assert.equal(normaliseReference(reference.toLowerCase().replace('-', '')), reference);
    }
  });

  test('anything else is not a reference', () => {
    for (const typed of ['', '7K3M-9QX', '7K3M-9QXFF', '7K3M-9QXU', '7K3M_9QXF', 'ÄK3M-9QXF', '7K3M-9QX\u0000', '../../etc/passwd'])
      assert.equal(normaliseReference(typed), undefined, JSON.stringify(typed));
  });
});

for (const engine of testEngines()) {
  describe(`status lookup on ${engine.name}`, () => {
    let db: Database;
    let http: Awaited<ReturnType<typeof testApp>>['http'];
    let reference: string;
    let statusToken: string;

    before(async () => {
      db = await engine.open();
      ({ http } = await testApp(db, { formsDir: await formsDir({ 'testformular.json': minimalDefinition() }) }));
      const created = await http
        .post('/api/forms/testformular/submissions')
        .send({ familienname: 'Müller', postleitzahl: '64283' })
        .expect(201);
      ({ reference, statusToken } = created.body as { reference: string; statusToken: string });
    });
    after(() => db.close());

    const lookUp = (body: unknown, lang = 'de') =>
      http.post('/api/status').set('Accept-Language', lang).set('Content-Type', 'application/json').send(JSON.stringify(body));

    test('the reference with or without hyphen, in any case, with blanks around; the key with blanks from a line break', async () => {
      const [head, tail] = reference.split('-') as [string, string];
      const typings = [reference, `${head}${tail}`, `  ${head.toLowerCase()}-${tail.toLowerCase()}  `, ` ${head} ${tail.toLowerCase()}\n`];
      for (const typed of typings) {
        const res = await lookUp({ reference: typed, token: statusToken }).expect(200);
        assert.equal(res.body.reference, reference, typed);
        assert.equal(res.headers['cache-control'], 'no-store');
      }
      const broken = ` ${statusToken.slice(0, 20)}\n${statusToken.slice(20)} `;
      assert.equal((await lookUp({ reference, token: broken }).expect(200)).body.reference, reference);
    });

    test('a well-formed pair that fits no Antrag: 404 naming the Vorgangsnummer (reference number in English)', async () => {
      const otherToken = statusToken.slice(0, -1) + (statusToken.endsWith('A') ? 'B' : 'A');
      const de = await lookUp({ reference, token: otherToken }).expect(404);
      assert.equal(de.body.error.code, 'submission_not_found');
      assert.equal(de.body.error.message, 'Zu dieser Vorgangsnummer und diesem Zugangsschlüssel wurde kein Antrag gefunden.');
      const en = await lookUp({ reference: 'AAAA-AAAA', token: statusToken }, 'en').expect(404);
      assert.equal(en.body.error.message, 'No application was found for this reference number and access key.');
    });

    test('input that cannot be a reference or a key: 422 with a problem per field, in the request language', async () => {
      const stored = await storedRows(db);
      const cases: Array<[unknown, Record<string, RegExp>]> = [
        [{}, { '/reference': /^Bitte geben Sie die Vorgangsnummer ein\.$/, '/token': /^Bitte geben Sie den Zugangsschlüssel ein\.$/ }],
        [{ reference: '   ', token: '' }, { '/reference': /Vorgangsnummer ein/, '/token': /Zugangsschlüssel ein/ }],
        [{ reference: 42, token: ['x'] }, { '/reference': /Vorgangsnummer ein/, '/token': /Zugangsschlüssel ein/ }],
        [{ reference: '7K3M-9QX', token: statusToken }, { '/reference': /^Eine Vorgangsnummer hat acht Zeichen/ }],
        [{ reference: `${reference}\u0000`, token: statusToken }, { '/reference': /^Eine Vorgangsnummer hat acht Zeichen/ }],
        [{ reference, token: 'falsch' }, { '/token': /^Ein Zugangsschlüssel hat 43 Zeichen/ }],
        [{ reference, token: `${statusToken}A` }, { '/token': /^Ein Zugangsschlüssel hat 43 Zeichen/ }],
        [{ reference, token: statusToken.slice(0, 42) + '=' }, { '/token': /^Ein Zugangsschlüssel hat 43 Zeichen/ }],
      ];
      for (const [body, expected] of cases) {
        const res = await lookUp(body).expect(422);
        assert.equal(res.body.error.code, 'validation_failed', JSON.stringify(body));
        const details = res.body.error.details as Array<{ path: string; message: string }>;
        assert.deepEqual(details.map((d) => d.path).sort(), Object.keys(expected).sort(), JSON.stringify(body));
        for (const d of details) assert.match(d.message, expected[d.path]!, JSON.stringify(body));
      }
      const en = await lookUp({ reference: 'x', token: 'y' }, 'en').expect(422);
      assert.deepEqual(
        (en.body.error.details as Array<{ message: string }>).map((d) => d.message.split(',')[0]),
        ['A reference number has eight characters', 'An access key has 43 characters: letters'],
      );
      assert.deepEqual(await storedRows(db), stored);
    });

    test('a body that is not a JSON object, or too large: refused before any lookup', async () => {
      assert.equal((await lookUp([reference, statusToken]).expect(400)).body.error.code, 'invalid_body');
      assert.equal((await lookUp('7K3M-9QXF').expect(400)).body.error.code, 'invalid_body');
      const huge = await lookUp({ reference: 'A'.repeat(5000), token: statusToken }).expect(413);
      assert.equal(huge.body.error.code, 'payload_too_large');
      const query = await http.post(`/api/status?reference=${reference}&token=${statusToken}`).send({}).expect(422);
      assert.equal(query.body.error.code, 'validation_failed', 'values in the query string are never read');
    });
  });
}

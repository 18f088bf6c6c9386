/**
 * Answer by letter: a caseworker chooses a template for a submission, previews the PDF and sends
 * the letter through the print channel; it is sealed into the next batch of its print target,
 * pulled by a print centre, and can be cancelled like any piece. Bad input stores nothing.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { createBatcher } from '../../server/print/batcher.ts';
import { silentLogger, testApp } from '../support/app.ts';
import { testEngines } from '../support/engines.ts';
import { formsDir, minimalDefinition, templatesDirFor } from '../support/forms-dir.ts';
import { valid } from '../routing/support.ts';
import { centres, printAuthorities, printProfile } from '../print/harness.ts';
import { popplerPackage, preflight, run, tempDir } from '../print/support.ts';

const hundesteuer = () => {
  const definition = JSON.parse(readFileSync(fileURLToPath(new URL('../../forms/hundesteuer-anmeldung.json', import.meta.url)), 'utf8'));
  definition.routes = [{ to: 'brief', template: 'hundesteuer-bescheinigung' }];
  return definition;
};

/** A small form with the applicant's postal address, answered by `stadt` (no route: its letters go to the authority's print targets). */
const withAddress = (id: string, address = true) => {
  const definition = minimalDefinition(id) as { schema: { properties: Record<string, unknown> }; applicant: Record<string, string>; authority?: string };
  definition.schema.properties.strasse = { type: 'string', maxLength: 100 };
  definition.schema.properties.ort = { type: 'string', maxLength: 100 };
  if (address) Object.assign(definition.applicant, { strasse: '/strasse', ort: '/ort' });
  definition.authority = 'stadt';
  return definition;
};

const bescheid = { betreff: 'Bescheid über die Hundesteuer 2025', text: 'Sehr geehrte Frau Müller-Lüdenscheidt,\nfür Ihren Hund setzen wir die Steuer fest.\n\nDer Betrag ist am 15.05. fällig.' };

async function setup(db: Database) {
  const forms = await formsDir({
    'hundesteuer-anmeldung.json': hundesteuer(),
    'testformular.json': withAddress('testformular'),
    'ohne-adresse.json': withAddress('ohne-adresse', false),
  });
  const templates = await templatesDirFor(forms);
  await writeFile(
    path.join(templates, 'testformular-hinweis.json'),
    JSON.stringify({ title: 'Hinweis zum Testformular', form: 'testformular', subject: 'Hinweis', salutation: '', body: ['Zum Formular {{formTitle}}.'], closing: ['{{authority.name}}'] }),
  );
  const provisioning = path.join(await mkdtemp(path.join(tmpdir(), 'antragswerk-letters-')), 'provisioning.json');
  const batch = { maxPieces: 100, maxSheets: 1000, maxAgeSeconds: 3600 };
  await writeFile(
    provisioning,
    JSON.stringify({
      sender: { kennung: 'psw:06412000', name: 'Antragsportal Musterstadt' },
      authorities: {
        ...printAuthorities,
        land: { name: 'Landesamt', address: { strasse: 'Allee', hausnummer: '2', postleitzahl: '54321', ort: 'Landeshausen' } },
      },
      targets: {
        brief: printProfile(batch),
        'brief-kurz': printProfile(batch, { maxSheetsPerEnvelope: 1 }),
      },
    }),
  );
  const app = await testApp(db, {
    formsDir: forms,
    env: { PROVISIONING_FILE: provisioning, TEMPLATES_DIR: templates, PRINT_CENTRE_TOKENS: `nord:${centres.nord}` },
  });
  const batcher = createBatcher({ db, profiles: () => app.routing.printProfiles(), logger: silentLogger, options: { renderLeaseSeconds: 60 } });
  const token = async (role: 'admin' | 'sachbearbeitung' | 'designer', authorityId?: string) =>
    `Bearer ${(await createApiToken(db, { name: `${role}-${authorityId ?? 'alle'}-${Math.random()}`, role, ...(authorityId ? { authorityId } : {}) })).token}`;
  const caseworker = await token('sachbearbeitung', 'stadt');
  return {
    app,
    http: app.http,
    batcher,
    caseworker,
    token,
    async submit(form: string, data: Record<string, unknown>): Promise<string> {
      const res = await app.http.post(`/api/forms/${form}/submissions`).send(data).expect(201);
      return res.body.id as string;
    },
  };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function counts(db: Database): Promise<{ pieces: number; audit: number }> {
  const { rows } = await db.query<{ pieces: number; audit: number }>(
    `SELECT (SELECT count(*)::int FROM print_pieces) AS pieces, (SELECT count(*)::int FROM audit_log WHERE action = 'letter.send') AS audit`,
  );
  return rows[0]!;
}

function pdfText(pdf: Buffer): string {
  const file = path.join(tempDir(), 'letter.pdf');
  writeFileSync(file, pdf);
  const result = run('pdftotext', ['-raw', file, '-'], popplerPackage);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

for (const engine of testEngines()) {
  describe(`answer by letter (${engine.name})`, () => {
    let db: Database;
    let s: Setup;
    let hund: string;
    before(async () => {
      db = await engine.open();
      s = await setup(db);
      hund = await s.submit('hundesteuer-anmeldung', valid());
    });
    after(() => db.close());

    test('the submission is assigned to the print target’s authority', async () => {
      const { rows } = await db.query<{ authority_id: string }>('SELECT authority_id FROM submissions WHERE id = $1', [hund]);
      assert.equal(rows[0]!.authority_id, 'stadt');
    });

    test('templates offered: the form’s own and the generic ones, with their free fields; the print target', async () => {
      const res = await s.http.get(`/api/admin/submissions/${hund}/letters/templates`).set('Authorization', s.caseworker).expect(200);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.deepEqual(
        res.body.templates.map((t: { id: string }) => t.id),
        ['bescheid', 'hundesteuer-bescheinigung', 'eingangsbestaetigung'],
      );
      const offered = res.body.templates.find((t: { id: string }) => t.id === 'bescheid');
      assert.deepEqual(offered, {
        id: 'bescheid',
        title: 'Bescheid (freier Text)',
        fields: [
          { name: 'betreff', title: 'Betreff', maxLength: 200, multiline: false, required: true },
          { name: 'text', title: 'Text', maxLength: 20000, multiline: true, required: true },
          { name: 'rechtsbehelfsbelehrung', title: 'Rechtsbehelfsbelehrung', maxLength: 5000, multiline: true, required: false },
        ],
      });
      assert.equal(res.body.templates.find((t: { id: string }) => t.id === 'hundesteuer-bescheinigung').form, 'hundesteuer-anmeldung');
      assert.deepEqual(res.body.printTargets, { choices: ['brief', 'brief-kurz'], default: 'brief' });
      // A template of another form is not offered.
      assert.ok(!res.body.templates.some((t: { id: string }) => t.id === 'testformular-hinweis'));
    });

    test('preview: the letter as it prints, PDF/A-1b, subject and text with their line breaks; nothing stored', async () => {
      const before = await counts(db);
      const res = await s.http
        .post(`/api/admin/submissions/${hund}/letters/preview`)
        .set('Authorization', s.caseworker)
        .send({ template: 'bescheid', fields: bescheid })
        .buffer(true)
        .parse((r, callback) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => callback(null, Buffer.concat(chunks)));
        })
        .expect(200);
      assert.match(String(res.headers['content-type']), /^application\/pdf/);
      assert.equal(res.headers['cache-control'], 'no-store');
      const pdf = res.body as Buffer;
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      const lines = pdfText(pdf).split('\n').map((l) => l.trim());
      assert.ok(lines.includes('Bescheid über die Hundesteuer 2025'), 'subject');
      assert.ok(lines.includes('Sehr geehrte Frau Müller-Lüdenscheidt,'), 'first line of the text');
      assert.ok(lines.includes('für Ihren Hund setzen wir die Steuer fest.'), 'a line break of the text is kept');
      assert.ok(lines.includes('Der Betrag ist am 15.05. fällig.'));
      assert.ok(lines.includes('Zoë Müller-Lüdenscheidt') && lines.includes('64283 Darmstadt'), 'the applicant’s address');
      assert.ok(lines.includes('Stadt Musterstadt'), 'letterhead of the submission’s authority');
      assert.ok(!lines.includes('Rechtsbehelfsbelehrung'), 'an empty optional field leaves its paragraph out');
      const file = path.join(tempDir(), 'preview.pdf');
      writeFileSync(file, pdf);
      const check = preflight(file);
      assert.equal(check.status, 0, check.output);
      assert.deepEqual(await counts(db), before);
    });

    test('send: a queued piece that records the template and the sender, audited without the text', async () => {
      const res = await s.http
        .post(`/api/admin/submissions/${hund}/letters`)
        .set('Authorization', s.caseworker)
        .send({ template: 'bescheid', fields: { ...bescheid, rechtsbehelfsbelehrung: 'Gegen diesen Bescheid kann innerhalb eines Monats Widerspruch erhoben werden.' } })
        .expect(201);
      assert.equal(res.headers['cache-control'], 'no-store');
      const piece = res.body;
      assert.equal(piece.state, 'queued');
      assert.equal(piece.profile, 'brief');
      assert.equal(piece.kind, 'letter');
      assert.equal(piece.template, 'bescheid');
      assert.equal(piece.attempt, 1);
      assert.equal(piece.pages, 1);
      assert.equal(piece.sheets, 1);
      assert.deepEqual(piece.batches, []);
      assert.equal(piece.sentBy.kind, 'api-token');
      assert.match(piece.sentBy.name, /^sachbearbeitung-stadt-/);

      const stored = await db.query<{ letter: { subject: string; paragraphs: string[] }; delivery_id: string | null; submission_id: string }>(
        'SELECT letter, delivery_id, submission_id FROM print_pieces WHERE id = $1',
        [piece.id],
      );
      assert.equal(stored.rows[0]!.delivery_id, null);
      assert.equal(stored.rows[0]!.submission_id, hund);
      assert.equal(stored.rows[0]!.letter.subject, bescheid.betreff);
      assert.equal(stored.rows[0]!.letter.paragraphs[0], bescheid.text);
      assert.match(stored.rows[0]!.letter.paragraphs[1]!, /^Rechtsbehelfsbelehrung\nGegen diesen Bescheid/);

      const audit = await db.query<{ actor_kind: string; actor_name: string; object_type: string; authority_id: string; details: Record<string, unknown> }>(
        `SELECT actor_kind, actor_name, object_type, authority_id, details FROM audit_log WHERE action = 'letter.send' AND object_id = $1`,
        [piece.id],
      );
      assert.equal(audit.rows.length, 1);
      const entry = audit.rows[0]!;
      assert.equal(entry.actor_kind, 'api-token');
      assert.equal(entry.actor_name, piece.sentBy.name);
      assert.equal(entry.object_type, 'print-piece');
      assert.equal(entry.authority_id, 'stadt');
      assert.deepEqual(entry.details, { submissionId: hund, template: 'bescheid', printTarget: 'brief', pages: 1, sheets: 1 });
      assert.ok(!JSON.stringify(entry).includes('Hundesteuer 2025') && !JSON.stringify(entry).includes('Müller'), 'no text or name in the audit trail');

      const listed = await s.http.get(`/api/admin/print/pieces?submission=${hund}`).set('Authorization', s.caseworker).expect(200);
      assert.ok(listed.body.pieces.includes(piece.id));
    });

    test('the next batch of the print target holds the letter; the print centre pulls it with subject and text', async () => {
      const sent = await s.http
        .post(`/api/admin/submissions/${hund}/letters`)
        .set('Authorization', s.caseworker)
        .send({ template: 'bescheid', fields: { betreff: 'Nachforderung von Unterlagen', text: 'Bitte senden Sie uns den Impfausweis.' } })
        .expect(201);
      // Every queued piece of the profile is old enough for the cut-off.
      await db.query(`UPDATE print_pieces SET created_at = now() - interval '2 hours' WHERE state = 'queued'`);
      assert.ok((await s.batcher.runOnce()) >= 1);
      const bearer = `Bearer ${centres.nord}`;
      const ready = await s.http.get('/api/print/batches?status=ready').set('Authorization', bearer).expect(200);
      const batch = ready.body.batches.find((b: { profile: string }) => b.profile === 'brief');
      assert.ok(batch, 'a ready batch of the print target');
      await s.http.post(`/api/print/batches/${batch.id}/claim`).set('Authorization', bearer).expect(200);
      const manifest = await s.http.get(`/api/print/batches/${batch.id}/manifest`).set('Authorization', bearer).expect(200);
      const entry = manifest.body.pieces.find((p: { pieceId: string }) => p.pieceId === sent.body.id);
      assert.ok(entry, 'the letter is in the batch');
      assert.deepEqual(entry.recipient, ['Zoë Müller-Lüdenscheidt', 'Musterstraße 12a', '64283 Darmstadt']);
      const document = await s.http
        .get(`/api/print/batches/${batch.id}/document`)
        .set('Authorization', bearer)
        .buffer(true)
        .parse((r, callback) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => callback(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const text = pdfText(document.body as Buffer);
      assert.match(text, /Nachforderung von Unterlagen/);
      assert.match(text, /Bitte senden Sie uns den Impfausweis\./);
      const piece = await s.http.get(`/api/admin/print/pieces/${sent.body.id}`).set('Authorization', s.caseworker).expect(200);
      assert.equal(piece.body.state, 'batched');
      assert.equal(piece.body.batches[0].batchId, batch.id);
    });

    test('a queued letter can be cancelled and is then in no batch', async () => {
      const sent = await s.http
        .post(`/api/admin/submissions/${hund}/letters`)
        .set('Authorization', s.caseworker)
        .send({ template: 'bescheid', fields: { betreff: 'Versehentlich', text: 'Dieser Brief wird storniert.' } })
        .expect(201);
      const cancelled = await s.http.post(`/api/admin/print/pieces/${sent.body.id}/cancel`).set('Authorization', s.caseworker).expect(200);
      assert.equal(cancelled.body.state, 'cancelled');
      await db.query(`UPDATE print_pieces SET created_at = now() - interval '2 hours'`);
      await s.batcher.runOnce();
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM print_batch_pieces WHERE piece_id = $1', [sent.body.id]);
      assert.equal(rows[0]!.n, 0);
    });

    test('a generic template without fields and a template of the form can be sent as well', async () => {
      for (const template of ['eingangsbestaetigung', 'hundesteuer-bescheinigung']) {
        const res = await s.http.post(`/api/admin/submissions/${hund}/letters`).set('Authorization', s.caseworker).send({ template }).expect(201);
        assert.equal(res.body.template, template);
      }
    });

    describe('print target', () => {
      test('several print targets of the authority and no route: 422 naming the choices; a chosen one is used', async () => {
        const id = await s.submit('testformular', { familienname: 'Muster', strasse: 'Weg 1', postleitzahl: '12345', ort: 'Musterstadt' });
        const before = await counts(db);
        const body = { template: 'bescheid', fields: { betreff: 'Betreff', text: 'Text' } };
        const required = await s.http.post(`/api/admin/submissions/${id}/letters`).set('Authorization', s.caseworker).send(body).expect(422);
        assert.equal(required.body.error.code, 'letter_print_target_required');
        assert.deepEqual(required.body.error.details, { choices: ['brief', 'brief-kurz'] });
        const unknown = await s.http.post(`/api/admin/submissions/${id}/letters`).set('Authorization', s.caseworker).send({ ...body, printTarget: 'woanders' }).expect(422);
        assert.equal(unknown.body.error.code, 'letter_print_target_unknown');
        assert.deepEqual(await counts(db), before);
        const offered = await s.http.get(`/api/admin/submissions/${id}/letters/templates`).set('Authorization', s.caseworker).expect(200);
        assert.deepEqual(offered.body.printTargets, { choices: ['brief', 'brief-kurz'], default: null });
        assert.deepEqual(
          offered.body.templates.map((t: { id: string }) => t.id),
          ['bescheid', 'eingangsbestaetigung', 'testformular-hinweis'],
        );
        const sent = await s.http.post(`/api/admin/submissions/${id}/letters`).set('Authorization', s.caseworker).send({ ...body, printTarget: 'brief-kurz' }).expect(201);
        assert.equal(sent.body.profile, 'brief-kurz');
      });

      test('a letter longer than the envelope takes: 422, nothing stored', async () => {
        const id = await s.submit('testformular', { familienname: 'Muster', strasse: 'Weg 1', postleitzahl: '12345', ort: 'Musterstadt' });
        const before = await counts(db);
        const text = Array.from({ length: 120 }, (_, i) => `Absatz ${i + 1}: Begründung des Bescheids.`).join('\n');
        const res = await s.http
          .post(`/api/admin/submissions/${id}/letters`)
          .set('Authorization', s.caseworker)
          .send({ template: 'bescheid', fields: { betreff: 'Lang', text }, printTarget: 'brief-kurz' })
          .expect(422);
        assert.equal(res.body.error.code, 'letter_too_long');
        assert.equal(res.body.error.details.maxSheetsPerEnvelope, 1);
        assert.ok(res.body.error.details.sheets > 1);
        assert.deepEqual(await counts(db), before);
      });

      test('an authority without a print target: 422, nothing stored', async () => {
        const id = await s.submit('testformular', { familienname: 'Muster', strasse: 'Weg 1', postleitzahl: '12345', ort: 'Musterstadt' });
        await db.query(`UPDATE submissions SET authority_id = 'land' WHERE id = $1`, [id]);
        const land = await s.token('sachbearbeitung', 'land');
        const before = await counts(db);
        const res = await s.http
          .post(`/api/admin/submissions/${id}/letters`)
          .set('Authorization', land)
          .send({ template: 'bescheid', fields: { betreff: 'Betreff', text: 'Text' } })
          .expect(422);
        assert.equal(res.body.error.code, 'letter_no_print_target');
        assert.deepEqual(await counts(db), before);
      });
    });

    describe('bad input stores nothing', () => {
      const refused: Array<[string, () => object, number, string, string?]> = [
        ['unknown template', () => ({ template: 'gibt-es-nicht', fields: bescheid }), 422, 'letter_template_unknown'],
        ['template of another form', () => ({ template: 'testformular-hinweis' }), 422, 'letter_template_other_form'],
        ['template not a string', () => ({ template: 5, fields: bescheid }), 422, 'validation_failed', '/template'],
        ['unknown property', () => ({ template: 'bescheid', fields: bescheid, copies: 3 }), 422, 'validation_failed', ''],
        ['fields not an object', () => ({ template: 'bescheid', fields: 'Text' }), 422, 'validation_failed', '/fields'],
        ['required field missing', () => ({ template: 'bescheid', fields: { betreff: 'Betreff' } }), 422, 'validation_failed', '/fields/text'],
        ['required field empty', () => ({ template: 'bescheid', fields: { betreff: '   ', text: 'Text' } }), 422, 'validation_failed', '/fields/betreff'],
        ['field too long', () => ({ template: 'bescheid', fields: { betreff: 'x'.repeat(201), text: 'Text' } }), 422, 'validation_failed', '/fields/betreff'],
        ['field not a string', () => ({ template: 'bescheid', fields: { betreff: 'Betreff', text: ['Text'] } }), 422, 'validation_failed', '/fields/text'],
        ['line break in a one-line field', () => ({ template: 'bescheid', fields: { betreff: 'Zeile 1\nZeile 2', text: 'Text' } }), 422, 'validation_failed', '/fields/betreff'],
        ['control character', () => ({ template: 'bescheid', fields: { betreff: 'Betreff', text: 'Text\u0007' } }), 422, 'validation_failed', '/fields/text'],
        ['field the template does not have', () => ({ template: 'bescheid', fields: { ...bescheid, anlage: 'x' } }), 422, 'validation_failed', '/fields/anlage'],
        ['free text far beyond any field', () => ({ template: 'bescheid', fields: { betreff: 'B', text: 'x'.repeat(400_000) } }), 413, 'payload_too_large'],
      ];
      for (const [name, body, status, code, pointer] of refused) {
        test(name, async () => {
          const before = await counts(db);
          for (const route of ['letters', 'letters/preview']) {
            const res = await s.http.post(`/api/admin/submissions/${hund}/${route}`).set('Authorization', s.caseworker).send(body()).expect(status);
            assert.equal(res.body.error.code, code, route);
            if (pointer !== undefined) assert.ok(res.body.error.details.some((p: { path: string }) => p.path === pointer), JSON.stringify(res.body.error.details));
          }
          assert.deepEqual(await counts(db), before);
        });
      }

      test('malformed JSON', async () => {
        const res = await s.http
          .post(`/api/admin/submissions/${hund}/letters`)
          .set('Authorization', s.caseworker)
          .set('Content-Type', 'application/json')
          .send('{"template": ')
          .expect(400);
        assert.equal(res.body.error.code, 'invalid_json');
      });

      test('a submission without the applicant’s postal address: 422 naming what is missing', async () => {
        const id = await s.submit('ohne-adresse', { familienname: 'Muster', strasse: 'Weg 1', postleitzahl: '12345', ort: 'Musterstadt' });
        const before = await counts(db);
        for (const route of ['letters', 'letters/preview']) {
          const res = await s.http
            .post(`/api/admin/submissions/${id}/${route}`)
            .set('Authorization', s.caseworker)
            .send({ template: 'bescheid', fields: { betreff: 'Betreff', text: 'Text' } })
            .set('Accept-Language', 'de')
            .expect(422);
          assert.equal(res.body.error.code, 'letter_address_missing');
          assert.deepEqual(res.body.error.details.missing, ['ort']);
          assert.equal(res.body.error.details.message, 'Es fehlt: Ort.');
        }
        assert.deepEqual(await counts(db), before);
      });

      test('an address that does not fit the window: 422', async () => {
        const id = await s.submit('testformular', { familienname: 'Muster', strasse: 'Weg 1', postleitzahl: '12345', ort: 'Sankt Ober-Unter-Hinter-Vorder-Mittel-Seitenhausen am Berge' });
        const before = await counts(db);
        const res = await s.http
          .post(`/api/admin/submissions/${id}/letters/preview`)
          .set('Authorization', s.caseworker)
          .send({ template: 'bescheid', fields: { betreff: 'Betreff', text: 'Text' } })
          .expect(422);
        assert.equal(res.body.error.code, 'letter_address_not_printable');
        assert.deepEqual(await counts(db), before);
      });

      test('an unknown submission, or no submission id at all: 404', async () => {
        for (const id of ['00000000-0000-4000-8000-000000000000', 'kein-antrag']) {
          const res = await s.http.get(`/api/admin/submissions/${id}/letters/templates`).set('Authorization', s.caseworker).expect(404);
          assert.equal(res.body.error.code, 'letter_submission_not_found');
        }
      });
    });

    test('scope: another authority’s caseworker gets 404; administrators and designers 403; without credentials 401', async () => {
      const before = await counts(db);
      const other = await s.token('sachbearbeitung', 'land');
      const admin = await s.token('admin');
      const designer = await s.token('designer', 'stadt');
      const requests = [
        () => s.http.get(`/api/admin/submissions/${hund}/letters/templates`),
        () => s.http.post(`/api/admin/submissions/${hund}/letters/preview`).send({ template: 'bescheid', fields: bescheid }),
        () => s.http.post(`/api/admin/submissions/${hund}/letters`).send({ template: 'bescheid', fields: bescheid }),
      ];
      for (const request of requests) {
        const notFound = await request().set('Authorization', other).expect(404);
        assert.equal(notFound.body.error.code, 'letter_submission_not_found');
        assert.equal((await request().set('Authorization', admin).expect(403)).body.error.code, 'forbidden');
        assert.equal((await request().set('Authorization', designer).expect(403)).body.error.code, 'forbidden');
        await request().expect(401);
      }
      assert.deepEqual(await counts(db), before);
    });
  });
}

// The shipped templates load with the shipped forms: the Bescheid is one of them.
test('the shipped Bescheid template is generic and declares its free fields', async () => {
  const dir = fileURLToPath(new URL('../../templates/', import.meta.url));
  assert.ok((await readdir(dir)).includes('bescheid.json'));
  const template = JSON.parse(await readFile(path.join(dir, 'bescheid.json'), 'utf8'));
  assert.equal(template.form, undefined);
  assert.deepEqual(Object.keys(template.fields), ['betreff', 'text', 'rechtsbehelfsbelehrung']);
});

/** Attachments: upload limits by content, storage with SHA-512, linking on submit, orphans. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../server/db/database.ts';
import { eraseOrphanAttachments } from '../server/attachments/attachments.ts';
import { testApp } from './support/app.ts';
import { testEngines } from './support/engines.ts';
import { formsDir, minimalDefinition } from './support/forms-dir.ts';
import { pdfBytes, pngBytes } from './support/files.ts';

function definitionWithFiles() {
  const d = minimalDefinition('mit-anhang');
  const schema = d.schema as { properties: Record<string, unknown> };
  schema.properties.nachweis = { type: 'string', attachment: { mediaTypes: ['application/pdf'], maxBytes: 300_000 } };
  schema.properties.fotos = {
    type: 'array',
    maxItems: 2,
    items: { type: 'string', attachment: { mediaTypes: ['image/png', 'image/jpeg'], maxBytes: 5000 } },
  };
  return d;
}

for (const engine of testEngines()) {
  describe(`attachments on ${engine.name}`, () => {
    let db: Database;
    let http: Awaited<ReturnType<typeof testApp>>['http'];
    let app: Awaited<ReturnType<typeof testApp>>['app'];
    before(async () => {
      db = await engine.open();
      ({ http, app } = await testApp(db, { formsDir: await formsDir({ 'mit-anhang.json': definitionWithFiles() }) }));
    });
    after(() => db.close());

    const upload = (field: string, bytes: Buffer, name = 'Nachweis.pdf', type = 'application/pdf') =>
      http
        .post('/api/forms/mit-anhang/attachments')
        .query({ field })
        .set('Content-Type', type)
        .set('X-File-Name', encodeURIComponent(name))
        .send(bytes);
    const count = async () =>
      (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments')).rows[0]!.n;

    test('a PDF larger than one chunk is stored whole with its SHA-512', async () => {
      const bytes = pdfBytes(280_000);
      const res = await upload('/nachweis', bytes, 'Mietvertrag März.pdf').expect(201);
      assert.equal(res.body.fileName, 'Mietvertrag März.pdf');
      assert.equal(res.body.mediaType, 'application/pdf');
      assert.equal(res.body.size, bytes.length);
      assert.equal(res.body.sha512, createHash('sha512').update(bytes).digest('hex'));
      const stored = await db.query<{ bytes: Uint8Array }>(
        'SELECT bytes FROM attachment_chunks WHERE attachment_id = $1 ORDER BY seq',
        [res.body.id],
      );
      assert.ok(stored.rows.length >= 2, 'stored in several chunks');
      const sha256 = await db.query<{ sha256: string }>('SELECT sha256 FROM attachments WHERE id = $1', [res.body.id]);
      assert.equal(sha256.rows[0]?.sha256, createHash('sha256').update(bytes).digest('hex'), 'SHA-256 too, for XBau');
      assert.ok(Buffer.concat(stored.rows.map((r) => Buffer.from(r.bytes))).equals(bytes));
      assert.deepEqual((await http.get(`/api/attachments/${res.body.id}`).expect(200)).body, res.body);
    });

    test('type is recognised from the content, not from the name or the declared type', async () => {
      const before = await count();
      const png = await upload('/nachweis', pngBytes(), 'scan.pdf', 'application/pdf').expect(415);
      assert.equal(png.body.error.code, 'attachment_type_not_allowed');
      assert.deepEqual(png.body.error.details, { accepted: ['application/pdf'], recognised: 'image/png' });
      const text = await upload('/nachweis', Buffer.from('Dies ist kein PDF, nur Text.\n'.repeat(400)), 'a.pdf').expect(415);
      assert.equal(text.body.error.details.recognised, null);
      assert.equal((await upload('/fotos/0', pngBytes(), 'foto.png', 'image/png').expect(201)).body.mediaType, 'image/png');
      const renamed = await upload('/fotos/1', pngBytes(), 'scan.pdf', 'application/pdf').expect(201);
      assert.equal(renamed.body.fileName, 'scan.png', 'the name follows the recognised content');
      assert.equal(await count(), before + 2);
    });

    test('too large: refused by its declared length, and while streaming when undeclared', async () => {
      const before = await count();
      const declared = await upload('/fotos/0', Buffer.concat([pngBytes(), Buffer.alloc(6000)]), 'gross.png', 'image/png').expect(413);
      assert.equal(declared.body.error.code, 'attachment_too_large');
      assert.equal(declared.body.error.details.maxBytes, 5000);
      // Without Content-Length (chunked), the limit is enforced while the bytes arrive.
      const server = app.listen(0);
      try {
        const { port } = server.address() as AddressInfo;
        const pieces = [pngBytes(), Buffer.alloc(3000), Buffer.alloc(3000)];
        const streamed = await fetch(`http://127.0.0.1:${port}/api/forms/mit-anhang/attachments?field=/fotos/1`, {
          method: 'POST',
          headers: { 'Content-Type': 'image/png', 'X-File-Name': 'gross.png' },
          body: new ReadableStream({
            pull(controller) {
              const next = pieces.shift();
              if (next) controller.enqueue(next);
              else controller.close();
            },
          }),
          duplex: 'half',
        } as RequestInit);
        assert.equal(streamed.status, 413);
        assert.equal(((await streamed.json()) as { error: { code: string } }).error.code, 'attachment_too_large');
      } finally {
        server.close();
      }
      assert.equal(await count(), before);
    });

    test('bad uploads get a clear error and store nothing', async () => {
      const before = await count();
      const cases: Array<[string, Promise<{ status: number; body: { error: { code: string } } }>, number, string]> = [
        ['a field without attachment rule', upload('/familienname', pdfBytes()), 400, 'not_an_attachment_field'],
        ['a field that does not exist', upload('/gibt/es/nicht', pdfBytes()), 400, 'not_an_attachment_field'],
        ['no field at all', http.post('/api/forms/mit-anhang/attachments').set('X-File-Name', 'a.pdf').send(pdfBytes()), 400, 'not_an_attachment_field'],
        ['a malformed pointer', upload('fotos', pdfBytes()), 400, 'not_an_attachment_field'],
        ['no file name', http.post('/api/forms/mit-anhang/attachments').query({ field: '/nachweis' }).send(pdfBytes()), 400, 'attachment_name_invalid'],
        ['a control character in the name', upload('/nachweis', pdfBytes(), 'a\u0007b.pdf'), 400, 'attachment_name_invalid'],
        ['an empty file', upload('/nachweis', Buffer.alloc(0)), 400, 'attachment_empty'],
        ['an unknown form', http.post('/api/forms/nope/attachments').query({ field: '/nachweis' }).send(pdfBytes()), 404, 'form_not_found'],
      ];
      for (const [kind, request, status, code] of cases) {
        const res = await request;
        assert.equal(res.status, status, kind);
        assert.equal(res.body.error.code, code, kind);
      }
      assert.equal(await count(), before);
    });

    test('a path in the file name is dropped', async () => {
      const res = await upload('/nachweis', pdfBytes(), '../../etc/passwd.pdf').expect(201);
      assert.equal(res.body.fileName, 'passwd.pdf');
    });

    test('submitting links the files; they cannot be reused or deleted afterwards', async () => {
      const pdf = (await upload('/nachweis', pdfBytes()).expect(201)).body.id;
      const foto = (await upload('/fotos/0', pngBytes(), 'f.png', 'image/png').expect(201)).body.id;
      const data = { familienname: 'Anhang', nachweis: pdf, fotos: [foto] };
      const submitted = await http.post('/api/forms/mit-anhang/submissions').send(data).expect(201);
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM attachments WHERE submission_id = $1',
        [submitted.body.id],
      );
      assert.equal(rows[0]?.n, 2);

      const again = await http.post('/api/forms/mit-anhang/submissions').send(data).expect(422);
      assert.deepEqual(again.body.error.details.map((d: { path: string }) => d.path).sort(), ['/fotos/0', '/nachweis']);
      assert.equal((await http.delete(`/api/attachments/${pdf}`).expect(404)).body.error.code, 'attachment_not_found');
    });

    test('a file uploaded for another field rule, an unknown id or a malformed id is a validation problem', async () => {
      const foto = (await upload('/fotos/0', pngBytes(), 'f.png', 'image/png').expect(201)).body.id;
      const res = await http
        .post('/api/forms/mit-anhang/submissions')
        .send({ familienname: 'A', nachweis: foto, fotos: ['00000000-0000-4000-8000-000000000000', 'kein-anhang'] })
        .expect(422);
      assert.deepEqual(
        res.body.error.details.map((d: { path: string }) => d.path).sort(),
        ['/fotos/1'], // schema check first: the malformed id; the others are checked once the data is valid
      );
      const second = await http
        .post('/api/forms/mit-anhang/submissions')
        .send({ familienname: 'A', nachweis: foto, fotos: ['00000000-0000-4000-8000-000000000000'] })
        .expect(422);
      assert.deepEqual(second.body.error.details.map((d: { path: string }) => d.path).sort(), ['/fotos/0', '/nachweis']);
      assert.match(second.body.error.details[0].message, /erneut hoch/);
    });

    test('more files than the field allows is a validation problem', async () => {
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push((await upload(`/fotos/${i % 2}`, pngBytes(), 'f.png', 'image/png').expect(201)).body.id);
      const res = await http.post('/api/forms/mit-anhang/submissions').send({ familienname: 'A', fotos: ids }).expect(422);
      assert.deepEqual(res.body.error.details.map((d: { path: string }) => d.path), ['/fotos']);
    });

    test('a citizen can remove an uploaded file before submitting', async () => {
      const id = (await upload('/nachweis', pdfBytes()).expect(201)).body.id;
      await http.delete(`/api/attachments/${id}`).expect(204);
      await http.get(`/api/attachments/${id}`).expect(404);
      await http.get('/api/attachments/kein-uuid').expect(404);
    });

    test('files that belong to nothing are erased after a day', async () => {
      const id = (await upload('/nachweis', pdfBytes()).expect(201)).body.id;
      assert.equal(await eraseOrphanAttachments(db), 0);
      await db.query(`UPDATE attachments SET uploaded_at = now() - interval '25 hours' WHERE id = $1`, [id]);
      assert.equal(await eraseOrphanAttachments(db), 1);
      const chunks = await db.query('SELECT 1 FROM attachment_chunks WHERE attachment_id = $1', [id]);
      assert.equal(chunks.rows.length, 0);
    });
  });
}

/**
 * Migration 0015 keeps a layout with every piece; pieces queued before it have none (NULL) and
 * still print after the upgrade: their batch lays their letter out while rendering, by the same
 * code, in the pages they were measured with, beside pieces that bring their layout.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { valid } from '../routing/support.ts';
import { testEngines } from '../support/engines.ts';
import { printHarness } from './harness.ts';
import { popplerPackage, preflight, run, tempDir, textIn } from './support.ts';

for (const engine of testEngines()) {
  describe(`pieces queued before layouts were stored, on ${engine.name}`, () => {
    let db: Database;
    before(async () => {
      db = await engine.open();
    });
    after(() => db.close());

    test('every piece has a layout; the column added by 0015 is an optional jsonb', async () => {
      const { rows } = await db.query<{ data_type: string; is_nullable: string }>(
        `SELECT data_type, is_nullable FROM information_schema.columns
          WHERE table_name = 'print_pieces' AND column_name = 'layout' AND table_schema = current_schema()`,
      );
      assert.deepEqual(rows, [{ data_type: 'jsonb', is_nullable: 'YES' }]);
      const applied = await db.query<{ name: string }>(`SELECT name FROM schema_migrations WHERE name = '0015_print_layouts.sql'`);
      assert.equal(applied.rows.length, 1);
    });

    test('a batch of old and new pieces renders: old letters laid out while rendering, pages as measured', async () => {
      const h = await printHarness(db, { batch: { maxPieces: 4, maxSheets: 100, maxAgeSeconds: 3600 } });
      const names = ['Alt', 'Altmann', 'Neu', 'Neumann'];
      const ids = await h.submit(4, (i) => {
        const data = valid() as { halter: Record<string, unknown> };
        data.halter.familienname = names[i];
        return data;
      });
      const stored = await db.query<{ pages: number; n: number }>(
        `SELECT pages, jsonb_array_length(layout -> 'pages') AS n FROM print_pieces WHERE submission_id = ANY($1::uuid[])`,
        [ids],
      );
      for (const row of stored.rows) assert.equal(row.n, row.pages);
      // The state of a piece queued before the upgrade: the same row, without a layout.
      await db.query(`UPDATE print_pieces SET layout = NULL WHERE submission_id = ANY($1::uuid[])`, [ids.slice(0, 2)]);
      assert.equal(await h.seal(), 1);
      const [batch] = await h.readyBatches();
      await h.claim(batch!.id).expect(200);
      const file = path.join(tempDir(), 'upgrade.pdf');
      writeFileSync(file, (await h.document(batch!.id).expect(200)).body as Buffer);
      const manifest = (await h.manifest(batch!.id).expect(200)).body;
      const pieces = await db.query<{ id: string; pages: number }>(`SELECT id, pages FROM print_pieces WHERE submission_id = ANY($1::uuid[])`, [ids]);
      const measured = new Map(pieces.rows.map((p) => [p.id, p.pages]));
      for (const piece of manifest.pieces) {
        assert.equal(piece.pages, measured.get(piece.pieceId));
        assert.deepEqual(textIn(file, piece.firstPage, 20, 45, 85, 45).slice(1), piece.recipient);
      }
      assert.deepEqual(manifest.pieces.map((p: { recipient: string[] }) => p.recipient[0]!.split(' ').at(-1)).sort(), [...names].sort());
      const info = run('pdfinfo', [file], popplerPackage);
      assert.equal(Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]), manifest.counts.pages);
      const check = preflight(file);
      assert.equal(check.status, 0, check.output);
    });
  });
}

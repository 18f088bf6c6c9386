/**
 * Batch PDFs: page counts known before a batch is cut equal the rendered ones; duplex letters
 * start on a front page; a batch from the real path (submissions → pieces → sealed batch →
 * download) is PDF/A-1b with every address in the window, its control marks readable and its
 * pages and sheets as the manifest says.
 */
import assert from 'node:assert/strict';
import { createWriteStream, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import type { Letter } from '../../server/print/compose.ts';
import { controlMarkText } from '../../server/print/datamatrix.ts';
import { grid } from '../../server/print/grid.ts';
import { LetterMeasurer, renderLetters } from '../../server/print/letter.ts';
import { testEngines } from '../support/engines.ts';
import { valid } from '../routing/support.ts';
import { controlMarkOn } from './datamatrix-reader.ts';
import { printHarness } from './harness.ts';
import { authority, inkCoverage, popplerPackage, preflight, run, tempDir, textIn } from './support.ts';

const paragraph =
  'Wir bestätigen den Eingang Ihres Antrags. Die Bearbeitung dauert in der Regel zwei bis drei Wochen; ' +
  'fehlende Unterlagen fordern wir schriftlich bei Ihnen an. Bitte geben Sie bei Rückfragen Ihr Aktenzeichen an.';

function letter(paragraphs: number, familienname = 'Muster'): Letter {
  return {
    authority,
    recipient: { vorname: 'Erika', familienname, strasse: 'Hauptstraße', hausnummer: '1', postleitzahl: '64283', ort: 'Darmstadt' },
    reference: 'AW-TEST',
    date: '27.11.2026',
    subject: 'Eingangsbestätigung',
    salutation: 'Guten Tag,',
    paragraphs: Array.from({ length: paragraphs }, (_, i) => `${i + 1}. ${paragraph}`),
    closing: ['Mit freundlichen Grüßen', authority.name],
  };
}

const discard = () => new Writable({ write: (_chunk, _encoding, callback) => callback() });

function pageCount(file: string): number {
  const info = run('pdfinfo', [file], popplerPackage);
  assert.equal(info.status, 0, info.stderr);
  return Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]);
}

describe('batch layout', () => {
  test('pages measured before cutting a batch equal the pages rendered, at every length', async () => {
    const letters = Array.from({ length: 40 }, (_, i) => letter(i));
    const measurer = new LetterMeasurer();
    const measured = letters.map((l) => measurer.measure(l).pages);
    const placements = await renderLetters(letters, discard());
    assert.deepEqual(measured, placements.map((p) => p.pageCount));
    assert.ok(Math.max(...measured) >= 4, 'the lengths reach several pages');
  });

  test('duplex: every letter starts on a front page; the control mark names batch, position and sheet', async () => {
    const file = path.join(tempDir(), 'duplex.pdf');
    const batchId = '0192f3a4-7b1c-4d2e-8f30-a1b2c3d4e5f6';
    const letters = [letter(1, 'Eins'), letter(25, 'Zwei'), letter(12, 'Drei')];
    const measurer = new LetterMeasurer();
    const pages = letters.map((l) => measurer.measure(l).pages);
    assert.deepEqual(pages, [1, 3, 2]);
    const placements = await renderLetters(letters, createWriteStream(file), {
      duplex: true,
      controlMark: (i, sheet, sheets) => controlMarkText(batchId, i + 1, sheet, sheets),
    });
    assert.deepEqual(
      placements.map((p) => [p.firstPage, p.pageCount, p.sheets]),
      [
        [1, 2, 1],
        [3, 4, 2],
        [7, 2, 1],
      ],
    );
    assert.equal(pageCount(file), 8);
    assert.deepEqual(textIn(file, 2, 0, 0, 210, 297), [], 'the back of a one-page letter is blank');
    assert.deepEqual(textIn(file, 3, 20, 45, 85, 45).at(1), 'Erika Zwei');
    const marks = [1, 3, 5, 7].map((page) => controlMarkOn(file, page, grid.controlMark));
    assert.deepEqual(marks, [
      controlMarkText(batchId, 1, 1, 1),
      controlMarkText(batchId, 2, 1, 2),
      controlMarkText(batchId, 2, 2, 2),
      controlMarkText(batchId, 3, 1, 1),
    ]);
    const check = preflight(file);
    assert.equal(check.status, 0, check.output);
  });
});

for (const engine of testEngines().slice(0, 1)) {
  describe(`a sealed batch from the real path on ${engine.name}`, () => {
    let db: Database;
    let h: Awaited<ReturnType<typeof printHarness>>;
    before(async () => {
      db = await engine.open();
      h = await printHarness(db, { batch: { maxPieces: 4, maxSheets: 100, maxAgeSeconds: 3600 }, profile: { dataMatrix: true } });
    });
    after(() => db.close());

    test('PDF/A-1b, every address exactly in the window, control marks, pages and sheets as in the manifest', async () => {
      const names = ['Ångström', 'Müller-Lüdenscheidt', 'Nguyễn', "O'Brien"];
      await h.submit(4, (i) => {
        const data = valid() as { halter: Record<string, unknown> };
        data.halter.familienname = names[i];
        return data;
      });
      assert.equal(await h.seal(), 1);
      const [batch] = await h.readyBatches();
      await h.claim(batch!.id).expect(200);
      const file = path.join(tempDir(), 'batch.pdf');
      writeFileSync(file, (await h.document(batch!.id).expect(200)).body as Buffer);
      const manifest = (await h.manifest(batch!.id).expect(200)).body;

      const check = preflight(file);
      assert.equal(check.status, 0, check.output);
      assert.equal(pageCount(file), manifest.counts.pages);
      assert.equal(manifest.counts.sheets, manifest.pieces.reduce((sum: number, p: { sheets: number }) => sum + p.sheets, 0));
      for (const piece of manifest.pieces) {
        const window = textIn(file, piece.firstPage, 20, 45, 85, 45);
        // The return-address line comes first, then exactly the recipient lines.
        assert.deepEqual(window.slice(1), piece.recipient);
        assert.equal(controlMarkOn(file, piece.firstPage, grid.controlMark), controlMarkText(batch!.id, piece.seq, 1, piece.sheets));
      }
      assert.deepEqual(manifest.pieces.map((p: { recipient: string[] }) => p.recipient[0]!.split(' ').at(-1)).sort(), [...names].sort());
      for (const [c, m, y] of inkCoverage(file)) assert.deepEqual([c, m, y], [0, 0, 0]);
    });
  });
}

/**
 * One layout per letter: the layout recorded when a piece is queued is what the batch draws. A
 * document drawn from layouts equals, page by page and line by line, the document drawn from the
 * letters themselves (laid out while rendering) at many lengths, simplex and duplex with control
 * marks; a batch draws the layout's lines (never the letter again); the print threads lay out and
 * render like this process does.
 */
import assert from 'node:assert/strict';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, describe, test } from 'node:test';
import type { Letter } from '../../server/print/compose.ts';
import { controlMarkText } from '../../server/print/datamatrix.ts';
import { grid } from '../../server/print/grid.ts';
import { LetterMeasurer, type LetterLayout } from '../../server/print/layout.ts';
import { renderLetters, type RenderOptions } from '../../server/print/letter.ts';
import { createPrintThreads } from '../../server/print/threads/pool.ts';
import { controlMarkOn } from './datamatrix-reader.ts';
import { authority, popplerPackage, preflight, run, tempDir } from './support.ts';

const paragraph =
  'Die Bearbeitung dauert in der Regel zwei bis drei Wochen; fehlende Unterlagen fordern wir schriftlich ' +
  'bei Ihnen an. Bitte geben Sie bei Rückfragen Ihr Aktenzeichen an – auch bei Überweisungen.';

function letter(paragraphs: number, familienname = 'Muster'): Letter {
  return {
    authority,
    recipient: { vorname: 'Erika', familienname, strasse: 'Lange Straße', hausnummer: '12a', postleitzahl: '64283', ort: 'Darmstadt' },
    reference: `AW-L-${paragraphs}`,
    date: '03.12.2026',
    subject: 'Bescheid über die Anmeldung',
    salutation: 'Guten Tag,',
    // Lengths vary within a letter too, so page breaks fall in and between paragraphs.
    paragraphs: Array.from({ length: paragraphs }, (_, i) => `${i + 1}. ${paragraph.repeat(1 + (i % 3))}`),
    closing: ['Mit freundlichen Grüßen', authority.name],
  };
}

const discard = () => new Writable({ write: (_chunk, _encoding, callback) => callback() });

/** Every page's text as pdftotext reads it. */
function pagesOf(file: string): string[] {
  const out = run('pdftotext', ['-raw', file, '-'], popplerPackage);
  assert.equal(out.status, 0, out.stderr);
  return out.stdout.split('\f').slice(0, -1);
}

async function renderTo(file: string, items: Array<Letter | LetterLayout>, options: RenderOptions) {
  return renderLetters(items, createWriteStream(file), options);
}

describe('one layout per letter', () => {
  test('drawn from layouts = drawn from the letters, page by page, at 60 lengths, simplex and duplex with marks', async () => {
    const letters = Array.from({ length: 60 }, (_, i) => letter(i, `Muster-${String.fromCharCode(97 + (i % 26))}`));
    const measurer = new LetterMeasurer();
    const layouts = letters.map((l) => measurer.layOut(l));
    assert.ok(Math.max(...layouts.map((l) => l.pages.length)) >= 6, 'the lengths reach several pages');
    const batchId = '0192f3a4-7b1c-4d2e-8f30-a1b2c3d4e5f6';
    for (const duplex of [false, true]) {
      const options: RenderOptions = { duplex, controlMark: (i, sheet, sheets) => controlMarkText(batchId, i + 1, sheet, sheets) };
      const dir = tempDir();
      const fromLayouts = await renderTo(path.join(dir, 'layouts.pdf'), layouts, options);
      const fromLetters = await renderTo(path.join(dir, 'letters.pdf'), letters, options);
      assert.deepEqual(fromLayouts, fromLetters);
      // The page count known when the piece was queued is the count drawn.
      assert.deepEqual(
        fromLayouts.map((p) => p.pageCount),
        layouts.map((l) => (duplex ? 2 * Math.ceil(l.pages.length / 2) : l.pages.length)),
      );
      assert.deepEqual(pagesOf(path.join(dir, 'layouts.pdf')), pagesOf(path.join(dir, 'letters.pdf')));
      // The control mark of the last letter's last sheet sits where it belongs.
      const last = fromLayouts.at(-1)!;
      const lastSheetFront = last.firstPage + (duplex ? 2 * (last.sheets - 1) : last.sheets - 1);
      assert.equal(controlMarkOn(path.join(dir, 'layouts.pdf'), lastSheetFront, grid.controlMark), controlMarkText(batchId, 60, last.sheets, last.sheets));
    }
  });

  test('a batch draws the recorded lines, without laying the letter out again', async () => {
    const layout = new LetterMeasurer().layOut(letter(8));
    // Only the layout reaches the renderer: a changed line is printed as recorded.
    const changed: LetterLayout = structuredClone(layout);
    const run0 = changed.pages[1]![0]!;
    run0[4] = 'Diese Zeile steht nur im Layout.';
    const file = path.join(tempDir(), 'changed.pdf');
    const placements = await renderTo(file, [changed], {});
    assert.equal(placements[0]!.pageCount, layout.pages.length);
    const pages = pagesOf(file);
    assert.equal(pages.length, layout.pages.length);
    assert.match(pages[1]!, /Diese Zeile steht nur im Layout\./);
    assert.match(pages[1]!, new RegExp(`Seite 2 von ${layout.pages.length}`));
    const check = preflight(file);
    assert.equal(check.status, 0, check.output);
  });

  test('the layout is plain data that survives JSON (it is stored as jsonb)', () => {
    const layout = new LetterMeasurer().layOut(letter(12));
    assert.deepEqual(JSON.parse(JSON.stringify(layout)), layout);
    assert.deepEqual(layout.recipientLines, ['Erika Muster', 'Lange Straße 12a', '64283 Darmstadt']);
    for (const page of layout.pages)
      for (const [font, size, x, y, text] of page) {
        assert.ok(font === 'regular' || font === 'bold');
        assert.ok(size >= 7 && size <= 14 && x >= 0 && y >= 0 && text.length > 0 && !text.includes('\n'));
      }
  });

  describe('in print threads', () => {
    const threads = createPrintThreads(2);
    after(() => threads.close());

    test('lay out as this process does and render chunk by chunk, placing letters as rendered here', async () => {
      const letters = Array.from({ length: 120 }, (_, i) => letter(i % 40));
      const here = new LetterMeasurer();
      const layouts = await Promise.all(letters.map((l) => threads.layOut(l)));
      assert.deepEqual(layouts, letters.map((l) => here.layOut(l)));
      const chunks: Buffer[] = [];
      const placements = await threads.render({ items: layouts, title: 'Test', duplex: true }, async (chunk) => {
        chunks.push(chunk);
      });
      assert.ok(chunks.length >= 2, 'the document arrives in several chunks');
      const expected = await renderLetters(layouts, discard(), { title: 'Test', duplex: true });
      assert.deepEqual(placements, expected);
      const file = path.join(tempDir(), 'thread.pdf');
      await new Promise<void>((resolve, reject) => {
        const out = createWriteStream(file);
        out.on('error', reject);
        out.end(Buffer.concat(chunks), resolve);
      });
      assert.equal(pagesOf(file).length, placements.reduce((sum, p) => sum + p.pageCount, 0));
      const check = preflight(file);
      assert.equal(check.status, 0, check.output);
    });

    test('an unprintable address is refused as AddressError; a failing write stops the render', async () => {
      const bad = letter(1);
      bad.recipient.ort = 'Ort mit einem außerordentlich langen Namen an der Landesgrenze';
      await assert.rejects(threads.layOut(bad), (error: Error) => error.name === 'AddressError' && /does not fit/.test(error.message));
      await assert.rejects(
        threads.render({ items: Array.from({ length: 40 }, (_, i) => letter(i)), title: 'Test', duplex: false }, async () => {
          throw new Error('storage is gone');
        }),
        /storage is gone/,
      );
      // The thread serves the next task.
      assert.equal((await threads.layOut(letter(2))).pages.length, 1);
    });
  });
});

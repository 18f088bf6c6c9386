/**
 * Renders letters on the DIN 5008 Form B grid (see grid.ts, docs/print.md) into ONE PDF/A-1b
 * document: batches render many letters into a single file, each letter starting on a new page.
 * A letter is drawn from its layout (layout.ts): the lines where the layout placed them, plus the
 * fold and hole marks, page numbers and control marks. A letter given without a layout (a piece
 * queued before layouts were stored) is laid out first, by the same code.
 */
import { once } from 'node:events';
import type { Letter } from './compose.ts';
import { drawDataMatrix } from './datamatrix.ts';
import { grid, mm } from './grid.ts';
import { isLetterLayout, LetterMeasurer, type LetterLayout } from './layout.ts';
import { createDocument, drawMarks, type Doc } from './letter-content.ts';

export { LetterMeasurer, type LetterLayout } from './layout.ts';

export interface LetterPlacement {
  /** 1-based page number of the letter's first page in the document. */
  firstPage: number;
  /** Pages the letter occupies, with the blank back page a duplex letter of odd length gets. */
  pageCount: number;
  sheets: number;
  /** The lines printed in the recipient zone. */
  recipientLines: string[];
}

export interface RenderOptions {
  /** Document title (PDF/A needs one); default "Schreiben". */
  title?: string;
  author?: string;
  /** Printed on both sides: every letter starts on a front page (a blank back page is added). */
  duplex?: boolean;
  /** Text of a control mark (DataMatrix) on the front of every sheet; none without. */
  controlMark?: (letterIndex: number, sheet: number, sheets: number) => string;
}

/** Sheets a letter of `pages` pages needs. */
export function sheetsFor(pages: number, duplex: boolean): number {
  return duplex ? Math.ceil(pages / 2) : pages;
}

/** Output waiting in pdfkit before the loop lets the destination catch up. */
const maxPendingBytes = 1024 * 1024;

function drawRuns(doc: Doc, layoutPage: LetterLayout['pages'][number]): void {
  for (const [font, size, x, y, text] of layoutPage) doc.font(font).fontSize(size).text(text, x, y, { lineBreak: false });
}

function drawPageNumber(doc: Doc, n: number, count: number): void {
  doc
    .font('regular')
    .fontSize(8)
    .text(`Seite ${n} von ${count}`, mm(grid.body.left), mm(grid.pageNumberY), {
      width: mm(grid.body.right - grid.body.left),
      align: 'right',
      lineBreak: false,
    });
}

/** A control mark on the front page of a sheet, in the left margin kept for the centre's marks. */
function drawControlMark(doc: Doc, text: string): void {
  drawDataMatrix(doc, text, grid.controlMark.x, grid.controlMark.y, grid.controlMark.moduleSize);
}

/**
 * Writes all letters into one PDF/A-1b document on `out`. Resolves when `out` has received the
 * whole file, with the position of each letter in the document. Letters without a layout are laid
 * out before anything is written, so an unprintable address fails the whole call with no output.
 * Each page leaves memory as soon as it is drawn, and drawing waits while `out` is behind.
 */
export async function renderLetters(
  letters: ReadonlyArray<Letter | LetterLayout>,
  out: NodeJS.WritableStream,
  options: RenderOptions = {},
): Promise<LetterPlacement[]> {
  if (letters.length === 0) throw new Error('renderLetters: no letters');
  const measurer = new LetterMeasurer();
  const layouts = letters.map((item, i) => (isLetterLayout(item) ? item : measurer.layOut(item, i)));
  const doc = createDocument(options);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  let blank = false;
  doc.on('pageAdded', () => blank || drawMarks(doc));
  const duplex = options.duplex ?? false;
  const placements: LetterPlacement[] = [];
  let pages = 0;
  for (const [i, layout] of layouts.entries()) {
    const letterPages = layout.pages.length;
    const sheets = sheetsFor(letterPages, duplex);
    layout.pages.forEach((runs, p) => {
      doc.addPage();
      drawRuns(doc, runs);
      // Below the text area: no page break.
      doc.page.margins.bottom = 0;
      if (letterPages >= 2) drawPageNumber(doc, p + 1, letterPages);
      const front = duplex ? p % 2 === 0 : true;
      if (options.controlMark && front) drawControlMark(doc, options.controlMark(i, duplex ? p / 2 + 1 : p + 1, sheets));
    });
    if (duplex && letterPages % 2 === 1) {
      blank = true;
      doc.addPage();
      blank = false;
    }
    const count = duplex ? sheets * 2 : letterPages;
    placements.push({ firstPage: pages + 1, pageCount: count, sheets, recipientLines: layout.recipientLines });
    pages += count;
    if (doc.readableLength > maxPendingBytes || ('writableNeedDrain' in out && out.writableNeedDrain)) {
      await new Promise((resolve) => setImmediate(resolve));
      if ('writableNeedDrain' in out && out.writableNeedDrain) await once(out as NodeJS.EventEmitter, 'drain');
    }
  }
  doc.end();
  await done;
  return placements;
}

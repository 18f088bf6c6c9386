/**
 * Renders letters on the DIN 5008 Form B grid (see grid.ts, docs/print.md) into ONE PDF/A-1b
 * document: batches render many letters into a single file, each letter starting on a new page.
 */
import PDFDocument from 'pdfkit';
import { addressLines, AddressError, type Measure } from './address.ts';
import type { Authority, Letter } from './compose.ts';
import { drawDataMatrix } from './datamatrix.ts';
import { registerFonts } from './fonts.ts';
import { grid, mm, MM, page } from './grid.ts';

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


type Doc = InstanceType<typeof PDFDocument>;

function createDocument(options: RenderOptions, compress = true): Doc {
  const doc = new PDFDocument({
    compress,
    size: 'A4',
    autoFirstPage: false,
    pdfVersion: '1.4',
    subset: 'PDF/A-1b',
    bufferPages: true,
    lang: 'de-DE',
    margins: { top: mm(grid.followTop), bottom: mm(page.height - grid.bodyBottom), left: mm(grid.body.left), right: mm(page.width - grid.body.right) },
    info: {
      Title: options.title ?? 'Schreiben',
      Author: options.author ?? 'Antragswerk',
      Creator: 'Antragswerk',
      Producer: 'Antragswerk (pdfkit)',
      CreationDate: new Date(),
    },
  });
  registerFonts(doc);
  return doc;
}

/** Measures in the recipient font and size (mm). */
function recipientMeasure(doc: Doc): Measure {
  return (text) => doc.font('regular').fontSize(grid.recipient.fontSize).widthOfString(text) / MM;
}

/**
 * Lays letters out exactly as renderLetters does, into a document whose output is dropped, to
 * learn their page count before a batch is cut. One document serves many letters and is
 * replaced now and then, since pdfkit keeps a little bookkeeping per written page.
 */
export class LetterMeasurer {
  private doc: Doc | undefined;
  private uses = 0;

  measure(letter: Letter): { pages: number; recipientLines: string[] } {
    if (!this.doc || this.uses >= 500) {
      this.doc = createDocument({}, false);
      this.doc.on('data', () => {});
      this.uses = 0;
    }
    const doc = this.doc;
    this.uses++;
    const recipientLines = linesWith(doc, [letter])[0]!;
    doc.addPage();
    drawFirstPage(doc, letter, recipientLines);
    drawBody(doc, letter);
    const pages = doc.bufferedPageRange().count;
    doc.flushPages();
    return { pages, recipientLines };
  }
}

function linesWith(doc: Doc, letters: Letter[]): string[][] {
  const measure = recipientMeasure(doc);
  return letters.map((letter, i) => {
    try {
      return addressLines(letter.recipient, measure);
    } catch (error) {
      if (error instanceof AddressError) throw new AddressError(`letter ${i + 1} (${letter.reference}): ${error.message}`);
      throw error;
    }
  });
}

function drawMarks(doc: Doc): void {
  doc.save().lineWidth(0.5);
  for (const y of grid.foldMarks) doc.moveTo(mm(grid.markX.from), mm(y)).lineTo(mm(grid.markX.foldTo), mm(y)).stroke();
  doc.moveTo(mm(grid.markX.from), mm(grid.holeMark)).lineTo(mm(grid.markX.holeTo), mm(grid.holeMark)).stroke();
  doc.restore();
}

function returnAddressText(authority: Authority): string {
  return (
    authority.ruecksendeangabe ??
    `${authority.name} · ${authority.strasse} ${authority.hausnummer} · ${authority.postleitzahl} ${authority.ort}`
  );
}

/** 8 pt, shrunk down to 6 pt when needed; wider than the zone even at 6 pt is an error. */
function returnAddressSize(doc: Doc, text: string): number {
  for (let size = grid.returnAddress.fontSize; size >= 6; size -= 0.5) {
    if (doc.font('regular').fontSize(size).widthOfString(text) <= mm(grid.recipient.width)) return size;
  }
  throw new AddressError(`return address "${text}" does not fit into the address field even at 6 pt`);
}

function drawFirstPage(doc: Doc, letter: Letter, recipient: string[]): void {
  const { authority } = letter;
  const head = grid.letterhead;
  // Letterhead (0–45 mm).
  doc.font('bold').fontSize(14).text(authority.name, mm(head.left), mm(head.top), { width: mm(95) });
  if (authority.abteilung) doc.font('regular').fontSize(10).text(authority.abteilung, { width: mm(95) });
  doc
    .font('regular')
    .fontSize(8.5)
    .text(`${authority.strasse} ${authority.hausnummer}\n${authority.postleitzahl} ${authority.ort}`, mm(grid.infoBlock.x), mm(head.top), {
      width: mm(grid.infoBlock.right - grid.infoBlock.x),
    });

  // Return-address line (y 45–50 mm).
  const back = returnAddressText(authority);
  const size = returnAddressSize(doc, back);
  doc.font('regular').fontSize(size).text(back, mm(grid.returnAddress.x), mm(grid.returnAddress.top + 1), { lineBreak: false });

  // Zusatz- und Vermerkzone (50–62.7 mm) stays empty.

  // Recipient zone (62.7–90 mm): one font, one size, no blank lines.
  doc.font('regular').fontSize(grid.recipient.fontSize);
  recipient.forEach((line, i) => {
    doc.text(line, mm(grid.recipient.x), mm(grid.recipient.top + 0.3 + i * grid.recipient.lineHeight), { lineBreak: false });
  });

  // Information block (x 125 mm, from y 50 mm).
  const info: Array<[string, string | undefined]> = [
    ['Aktenzeichen', letter.reference],
    ['Datum', letter.date],
    ['Ansprechperson', authority.ansprechperson],
    ['Telefon', authority.telefon],
    ['E-Mail', authority.email],
  ];
  let y = mm(grid.infoBlock.top);
  const width = mm(grid.infoBlock.right - grid.infoBlock.x);
  for (const [label, value] of info) {
    if (!value) continue;
    doc.font('regular').fontSize(7).text(label, mm(grid.infoBlock.x), y, { width });
    doc.font('regular').fontSize(grid.infoBlock.fontSize).text(value, mm(grid.infoBlock.x), doc.y, { width });
    y = doc.y + mm(1.5);
  }
}

function drawBody(doc: Doc, letter: Letter): void {
  const width = mm(grid.body.right - grid.body.left);
  const x = mm(grid.body.left);
  const size = grid.body.fontSize;
  doc.font('bold').fontSize(size).text(letter.subject, x, mm(grid.subjectY), { width });
  doc.moveDown(2);
  if (letter.salutation) {
    doc.font('regular').fontSize(size).text(letter.salutation, x, doc.y, { width });
    doc.moveDown(1);
  }
  for (const paragraph of letter.paragraphs) {
    doc.font('regular').fontSize(size).text(paragraph, x, doc.y, { width, align: 'left' });
    doc.moveDown(1);
  }
  doc.moveDown(0.5);
  doc.font('regular').fontSize(size).text(letter.closing.join('\n'), x, doc.y, { width });
}

/** A control mark on the front page of each sheet, in the left margin kept for the centre's marks. */
function drawControlMarks(doc: Doc, first: number, sheets: number, duplex: boolean, text: (sheet: number) => string): void {
  for (let sheet = 1; sheet <= sheets; sheet++) {
    doc.switchToPage(first - 1 + (duplex ? (sheet - 1) * 2 : sheet - 1));
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    drawDataMatrix(doc, text(sheet), grid.controlMark.x, grid.controlMark.y, grid.controlMark.moduleSize);
    doc.page.margins.bottom = bottom;
  }
}

function drawPageNumbers(doc: Doc, first: number, count: number): void {
  if (count < 2) return;
  for (let n = 1; n <= count; n++) {
    doc.switchToPage(first + n - 2); // switchToPage is 0-based, `first` is 1-based
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .text(`Seite ${n} von ${count}`, mm(grid.body.left), mm(grid.pageNumberY), {
        width: mm(grid.body.right - grid.body.left),
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * Writes all letters into one PDF/A-1b document on `out`. Resolves when `out` has received the
 * whole file, with the position of each letter in the document.
 */
export async function renderLetters(
  letters: Letter[],
  out: NodeJS.WritableStream,
  options: RenderOptions = {},
): Promise<LetterPlacement[]> {
  if (letters.length === 0) throw new Error('renderLetters: no letters');
  const doc = createDocument(options);
  const recipients = linesWith(doc, letters);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  // Marks on every page; pages added by text overflow get them too (the font is left alone).
  let blank = false;
  doc.on('pageAdded', () => blank || drawMarks(doc));
  const duplex = options.duplex ?? false;
  const placements: LetterPlacement[] = [];
  let pages = 0;
  for (const [i, letter] of letters.entries()) {
    const recipientLines = recipients[i]!;
    doc.addPage();
    const first = pages + 1;
    drawFirstPage(doc, letter, recipientLines);
    drawBody(doc, letter);
    const range = doc.bufferedPageRange();
    const letterPages = range.start + range.count - pages;
    drawPageNumbers(doc, first, letterPages);
    const sheets = sheetsFor(letterPages, duplex);
    if (options.controlMark) drawControlMarks(doc, first, sheets, duplex, (sheet) => options.controlMark!(i, sheet, sheets));
    if (duplex && letterPages % 2 === 1) {
      blank = true;
      doc.addPage();
      blank = false;
    }
    const count = duplex ? sheets * 2 : letterPages;
    // Written pages leave memory; later letters cannot change them any more.
    doc.flushPages();
    pages += count;
    placements.push({ firstPage: first, pageCount: count, sheets, recipientLines });
    // Let the output stream drain between letters, so a large batch does not pile up in memory.
    if (i % 25 === 24) await new Promise((resolve) => setImmediate(resolve));
  }
  doc.end();
  await done;
  return placements;
}

/**
 * What a letter consists of on the DIN 5008 Form B grid (see grid.ts, docs/print.md): the
 * letterhead, return address, recipient zone, information block and the flowing body, drawn into
 * a pdfkit document. layout.ts runs this once per letter and records where every line lands.
 */
import PDFDocument from 'pdfkit';
import { addressLines, AddressError, type Measure } from './address.ts';
import type { Authority, Letter } from './compose.ts';
import { registerFonts } from './fonts.ts';
import { grid, mm, MM, page } from './grid.ts';

export interface DocumentOptions {
  title?: string;
  author?: string;
}

/** Measures in the recipient font and size (mm). */
function recipientMeasure(doc: Doc): Measure {
  return (text) => doc.font('regular').fontSize(grid.recipient.fontSize).widthOfString(text) / MM;
}

export type Doc = InstanceType<typeof PDFDocument>;

export function createDocument(options: DocumentOptions, compress = true): Doc {
  const doc = new PDFDocument({
    compress,
    size: 'A4',
    autoFirstPage: false,
    pdfVersion: '1.4',
    subset: 'PDF/A-1b',
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

/** The recipient zone's lines; an address that cannot be printed throws AddressError naming the letter (`index` 0-based). */
export function recipientLinesFor(doc: Doc, letter: Letter, index: number): string[] {
  try {
    return addressLines(letter.recipient, recipientMeasure(doc));
  } catch (error) {
    if (error instanceof AddressError) throw new AddressError(`letter ${index + 1} (${letter.reference}): ${error.message}`);
    throw error;
  }
}

export function drawMarks(doc: Doc): void {
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

export function drawFirstPage(doc: Doc, letter: Letter, recipient: string[]): void {
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

export function drawBody(doc: Doc, letter: Letter): void {
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


/**
 * The citizen's receipt (Eingangsbestätigung) as a tagged PDF: headings, sections and lists are
 * structure elements in reading order, the document language is set, the title is shown in
 * the viewer's title bar, the only fonts are the embedded DejaVu subsets, and what is only
 * decoration (the rule, the page footer) is marked as an artifact. No PDF/UA identifier is
 * claimed: nothing here can verify PDF/UA conformance.
 *
 * The answers are a definition list as the portal shows them: L > LI > Lbl (label) + LBody
 * (value, or a nested L for a group such as "Hund 1"). The status token appears only inside
 * the status link (a Link element with its annotation and alternative text), so whoever holds
 * the receipt can look up the status without typing the token.
 */
import { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { Answer, StepAnswers } from '../../shared/form-view/answers-model.ts';
import { formatDateTime } from '../../shared/form-view/format.ts';
import { formViewTexts, type FormViewTexts } from '../../shared/form-view/texts.ts';
import { localeOf, type Language } from '../../shared/i18n.ts';
import { registerFonts } from './fonts.ts';
import { mm } from './grid.ts';

export interface ReceiptDocument {
  language: Language;
  formTitle: string;
  reference: string;
  submittedAt: Date;
  /** The answers of each step, worded as the portal showed them (shared/form-view). */
  sections: StepAnswers[];
  /** The portal the application was submitted through (PORTAL_NAME). */
  portalName: string;
  /** The authorities its deliveries go to; none: the portal's operator keeps it. */
  authorities: string[];
  /** The status page of this submission, reference and token in the fragment. */
  statusLink: string;
}

export interface ReceiptRenderOptions {
  /** Uncompressed content streams, for reading the file in tests. */
  compress?: boolean;
}

type Doc = InstanceType<typeof PDFDocument>;
type Struct = PDFKit.PDFStructureElement;

const layout = {
  left: 25,
  right: 190,
  top: 20,
  bottom: 272,
  footerY: 280,
  /** Indent of a value under its label, and of each nested group. */
  indent: 6,
  factsValueX: 70,
} as const;

const size = { h1: 18, h2: 14, h3: 12, h4: 11, text: 10, footer: 8 } as const;
/** A dark blue: links look like links, with a contrast far above 4.5:1 on white. */
const linkColour = '#0b4f8a';
/** fontkit takes an object of features to switch off; pdfkit's types know only the list form. */
const noLigatures = { liga: false, clig: false, dlig: false, calt: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];
const fullWidth = layout.right - layout.left;

/**
 * pdfkit copies the title into the XMP metadata without escaping XML; these characters would
 * break it, so the title carries look-alikes instead.
 */
const xmpSafe = (text: string) => text.replace(/&/g, '+').replace(/</g, '‹').replace(/>/g, '›');

export function receiptTitle(receipt: Pick<ReceiptDocument, 'language' | 'formTitle' | 'reference'>): string {
  return `${formViewTexts[receipt.language].receiptDocumentTitle} – ${receipt.formTitle} – ${receipt.reference}`;
}

function createDocument(receipt: ReceiptDocument, options: ReceiptRenderOptions): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    pdfVersion: '1.7',
    tagged: true,
    lang: localeOf(receipt.language),
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: false,
    compress: options.compress ?? true,
    margins: { top: mm(layout.top), bottom: mm(297 - layout.bottom), left: mm(layout.left), right: mm(210 - layout.right) },
    info: {
      Title: xmpSafe(receiptTitle(receipt)),
      Creator: 'Antragswerk',
      Producer: 'Antragswerk (pdfkit)',
      CreationDate: new Date(),
    },
  });
  registerFonts(doc);
  return doc;
}

/** Starts a new page unless `height` points still fit: a heading or label stays with what follows. */
function keepTogether(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.maxY()) doc.addPage();
}

const lineHeight = (doc: Doc, font: 'regular' | 'bold', fontSize: number) => doc.font(font).fontSize(fontSize).currentLineHeight(true);

interface TextStyle {
  font: 'regular' | 'bold';
  size: number;
  /** Left edge and width in mm. */
  x: number;
  width: number;
  /** Space below in mm. */
  after?: number;
}

/** A block of text as one structure element (H1, Lbl, LBody, …), drawn where the cursor is. */
function textElement(doc: Doc, parent: Struct, type: string, text: string, style: TextStyle): void {
  parent.add(
    doc.struct(type, {}, () => {
      doc.font(style.font).fontSize(style.size).text(text, mm(style.x), doc.y, { width: mm(style.width) });
    }),
  );
  if (style.after) doc.y += mm(style.after);
}

function heading(doc: Doc, parent: Struct, type: 'H1' | 'H2' | 'H3' | 'H4', text: string, fontSize: number): void {
  doc.y += mm(type === 'H1' ? 0 : 3);
  // The heading and the first answer below it (label and the start of its value) on one page;
  // a step's heading also keeps the heading of its first section.
  const height = doc.font('bold').fontSize(fontSize).heightOfString(text, { width: mm(fullWidth) });
  const following = type === 'H3' ? 7 : 4;
  keepTogether(doc, height + mm(2) + following * lineHeight(doc, 'regular', size.text));
  textElement(doc, parent, type, text, { font: 'bold', size: fontSize, x: layout.left, width: fullWidth, after: 1.5 });
}

/** Decoration only: a thin rule across the text width. */
function rule(doc: Doc): void {
  doc.y += mm(2);
  doc.markContent('Artifact', { type: 'Layout' });
  doc.save().lineWidth(0.5).moveTo(mm(layout.left), doc.y).lineTo(mm(layout.right), doc.y).stroke().restore();
  doc.endMarkedContent();
  doc.y += mm(2);
}

/** Form, reference and date: label and value side by side, a list like the receipt page's. */
function facts(doc: Doc, parent: Struct, receipt: ReceiptDocument, t: FormViewTexts): void {
  const rows: Array<[string, string]> = [
    [t.receiptForm, receipt.formTitle],
    [t.receiptReference, receipt.reference],
    [t.receiptDate, formatDateTime(receipt.submittedAt.toISOString(), receipt.language)],
    [t.receiptPortal, receipt.portalName],
    [
      t.receiptAuthority,
      receipt.authorities.length > 0
        ? new Intl.ListFormat(localeOf(receipt.language), { type: 'conjunction' }).format(receipt.authorities)
        : t.receiptAuthorityOperator(receipt.portalName),
    ],
  ];
  const list = doc.struct('L');
  parent.add(list);
  for (const [label, value] of rows) {
    const item = doc.struct('LI');
    list.add(item);
    const top = doc.y;
    textElement(doc, item, 'Lbl', label, { font: 'bold', size: size.text, x: layout.left, width: layout.factsValueX - layout.left - 3 });
    const labelBottom = doc.y;
    doc.y = top;
    textElement(doc, item, 'LBody', value, { font: 'regular', size: size.text, x: layout.factsValueX, width: layout.right - layout.factsValueX });
    item.end();
    doc.y = Math.max(doc.y, labelBottom) + mm(1);
  }
  list.end();
}

/**
 * The address split where a reader expects it (before "#" and "&"), one line each, so that no
 * line ends in a hyphen of the reference or token that could be taken for a hyphenation.
 */
export function linkLines(url: string): string[] {
  return url.split(/(?=[#&])/);
}

/**
 * The status link under a heading: a Link element holding the visible address and its link
 * annotations (with alternative text), inside a paragraph.
 */
function statusLink(doc: Doc, parent: Struct, receipt: ReceiptDocument, t: FormViewTexts): void {
  heading(doc, parent, 'H2', t.receiptStatusTitle, size.h2);
  textElement(doc, parent, 'P', t.receiptStatusText, { font: 'regular', size: size.text, x: layout.left, width: fullWidth, after: 1.5 });
  const url = receipt.statusLink;
  const lines = linkLines(url);
  // Each line on one line: smaller type for an unusually long address rather than a break.
  const widest = Math.max(...lines.map((line) => doc.font('regular').fontSize(size.text).widthOfString(line)));
  const fontSize = Math.min(size.text, (size.text * mm(fullWidth)) / widest);
  keepTogether(doc, lines.length * lineHeight(doc, 'regular', fontSize));
  const paragraph = doc.struct('P');
  parent.add(paragraph);
  const drawLink = () => {
    // pdfkit gives the annotations of linked text empty Contents; screen readers want words
    // (a String object: pdfkit writes a plain string as a PDF name).
    const link = doc.link.bind(doc);
    doc.link = ((x, y, w, h, target, options) => link(x, y, w, h, target, { ...options, Contents: new String(t.receiptStatusLinkAlt) as unknown as string })) as Doc['link'];
    try {
      doc.font('regular').fontSize(fontSize).fillColor(linkColour);
      for (const line of lines) {
        // No ligatures: what is read off the page or copied is the address, letter for letter.
        doc.text(line, mm(layout.left), doc.y, { width: mm(fullWidth), lineBreak: false, link: url, underline: true, features: noLigatures });
      }
      doc.fillColor('black');
    } finally {
      doc.link = link;
    }
  };
  paragraph.add(doc.struct('Link', { alt: t.receiptStatusLinkAlt }, drawLink));
  paragraph.end();
  doc.y += mm(2);
}

/** Consecutive answers as one definition list; a group's children as a list inside its LBody. */
function answerList(doc: Doc, parent: Struct, answers: Answer[], depth: number): void {
  const x = layout.left + Math.min(depth, 4) * layout.indent;
  const width = layout.right - x;
  const list = doc.struct('L');
  parent.add(list);
  for (const answer of answers) {
    const item = doc.struct('LI');
    list.add(item);
    // The label and the start of its value on one page.
    const labelHeight = doc.font('bold').fontSize(size.text).heightOfString(answer.label, { width: mm(width) });
    keepTogether(doc, labelHeight + mm(0.5) + 2 * lineHeight(doc, 'regular', size.text));
    textElement(doc, item, 'Lbl', answer.label, { font: 'bold', size: size.text, x, width, after: 0.5 });
    if (answer.kind === 'value') {
      textElement(doc, item, 'LBody', answer.text, { font: 'regular', size: size.text, x: x + layout.indent, width: width - layout.indent, after: 2 });
    } else if (answer.children.length > 0) {
      const body = doc.struct('LBody');
      item.add(body);
      answerList(doc, body, answer.children, depth + 1);
      body.end();
    }
    item.end();
  }
  list.end();
}

function section(doc: Doc, parent: Struct, step: StepAnswers): void {
  const sect = doc.struct('Sect');
  parent.add(sect);
  heading(doc, sect, 'H3', step.title, size.h3);
  let values: Answer[] = [];
  const flush = () => {
    if (values.length > 0) answerList(doc, sect, values, 0);
    values = [];
  };
  for (const answer of step.answers) {
    if (answer.kind === 'value') {
      values.push(answer);
      continue;
    }
    // A top-level group (a section of the step) gets a heading, as on the receipt page.
    flush();
    heading(doc, sect, 'H4', answer.label, size.h4);
    if (answer.children.length > 0) answerList(doc, sect, answer.children, 0);
  }
  flush();
  sect.end();
}

/** Reference and page number at the foot of every page, marked as pagination artifacts. */
function footers(doc: Doc, receipt: ReceiptDocument, t: FormViewTexts): void {
  const range = doc.bufferedPageRange();
  const footer = (page: number, pages: number) => `${t.receiptReference} ${receipt.reference} · ${t.pageOf(page, pages)}`;
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('regular')
      .fontSize(size.footer)
      .text(footer(index - range.start + 1, range.count), mm(layout.left), mm(layout.footerY), {
        width: mm(fullWidth),
        align: 'right',
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

/**
 * Writes the receipt to `out`; resolves when `out` has the whole file, with the page count.
 * The status token comes only within `statusLink`, so it appears nowhere else in the file.
 */
export async function renderReceipt(
  receipt: ReceiptDocument,
  out: NodeJS.WritableStream,
  options: ReceiptRenderOptions = {},
): Promise<{ pageCount: number }> {
  const t = formViewTexts[receipt.language];
  const doc = createDocument(receipt, options);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  doc.addPage();

  const root = doc.struct('Document');
  doc.addStructure(root);
  heading(doc, root, 'H1', t.receiptDocumentTitle, size.h1);
  facts(doc, root, receipt, t);
  statusLink(doc, root, receipt, t);
  rule(doc);
  heading(doc, root, 'H2', t.receiptAnswersTitle, size.h2);
  for (const step of receipt.sections) section(doc, root, step);
  root.end();

  footers(doc, receipt, t);
  const pageCount = doc.bufferedPageRange().count;
  doc.end();
  await done;
  return { pageCount };
}

/** The receipt as one buffer: small enough to hold, and an error can still become a JSON answer. */
export async function receiptPdf(receipt: ReceiptDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await renderReceipt(receipt, sink);
  return Buffer.concat(chunks);
}

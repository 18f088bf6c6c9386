/**
 * Lays a letter out once: the content flow of letter-content.ts runs in a document whose output
 * is dropped, and every line pdfkit places is recorded (page, font, size, position, text) instead
 * of being drawn. The recorded layout is stored with the piece; rendering a batch only draws it
 * (letter.ts), so the page count known when the piece is queued is the page count printed, by
 * construction, and no letter is laid out twice.
 */
import { AddressError } from './address.ts';
import type { Letter } from './compose.ts';
import { createDocument, drawBody, drawFirstPage, recipientLinesFor, type Doc } from './letter-content.ts';

export type FontName = 'regular' | 'bold';

/** One line of text at its place: font, size (pt), x and y (pt from the top-left corner), text. */
export type TextRun = [font: FontName, size: number, x: number, y: number, text: string];

export interface LetterLayout {
  /** Layout format, so a stored layout of an older format can be recognised and laid out again. */
  version: 1;
  recipientLines: string[];
  /** Per page, the lines on it, in drawing order. The marks, page numbers and control marks are added when drawn. */
  pages: TextRun[][];
}

export const layoutVersion = 1;

export function isLetterLayout(value: unknown): value is LetterLayout {
  return typeof value === 'object' && value !== null && (value as LetterLayout).version === layoutVersion && Array.isArray((value as LetterLayout).pages);
}

interface FragmentHost {
  _fragment(text: string, x: number, y: number, options: { align?: string; wordSpacing?: number; characterSpacing?: number }): void;
  _font: unknown;
  _fontSize: number;
  _fontFamilies: Record<string, unknown>;
}

/**
 * One recording document serves many letters; it is replaced now and then, since pdfkit keeps a
 * little bookkeeping per page it has added.
 */
export class LetterMeasurer {
  private doc: Doc | undefined;
  private uses = 0;
  private runs: TextRun[][] = [];

  private document(): Doc {
    if (this.doc && this.uses < 20_000) return this.doc;
    const doc = createDocument({}, false);
    doc.on('data', () => {});
    doc.on('pageAdded', () => this.runs.push([]));
    const host = doc as unknown as FragmentHost;
    host._fragment = (text, x, y, options) => {
      const line = `${text}`.replace(/\n/g, '');
      if (line.length === 0) return;
      // The content flow only sets left-aligned text without extra spacing; anything else would need more than x and y to draw.
      if ((options.align ?? 'left') !== 'left' || options.wordSpacing || options.characterSpacing)
        throw new Error(`layout: text "${line}" uses options the recorded layout cannot reproduce`);
      this.runs[this.runs.length - 1]!.push([fontName(host), host._fontSize, x, y, line]);
    };
    this.doc = doc;
    this.uses = 0;
    return doc;
  }

  /** Lays `letter` out; an address that cannot be printed throws AddressError (naming the letter as number `index` + 1). */
  layOut(letter: Letter, index = 0): LetterLayout {
    const doc = this.document();
    this.uses++;
    this.runs = [];
    const recipientLines = recipientLinesFor(doc, letter, index);
    try {
      doc.addPage();
      drawFirstPage(doc, letter, recipientLines);
      drawBody(doc, letter);
    } catch (error) {
      // The document may be left mid-letter: start the next letter on a fresh one.
      this.doc = undefined;
      throw error;
    }
    const pages = this.runs;
    this.runs = [];
    return { version: layoutVersion, recipientLines, pages };
  }

  /** Page count and recipient lines of `letter` (with its layout). */
  measure(letter: Letter): { pages: number; recipientLines: string[]; layout: LetterLayout } {
    const layout = this.layOut(letter);
    return { pages: layout.pages.length, recipientLines: layout.recipientLines, layout };
  }
}

function fontName(host: FragmentHost): FontName {
  for (const name of ['regular', 'bold'] as const) if (host._fontFamilies[name] === host._font) return name;
  throw new Error('layout: text in a font other than the embedded DejaVu Sans');
}

export { AddressError };

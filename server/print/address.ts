/**
 * Recipient lines for the window of a DIN 5008 Form B letter, following the Deutsche Post
 * reading rules: one font and size, left-aligned, no blank lines, "PLZ Ort" as the last line,
 * at most 6 lines, nothing clipped.
 *
 * Rule for lines that are too wide for the recipient zone (80 mm from x 25 mm to the right edge
 * of the 85 mm address field, measured with the real font at the real size):
 *   1. name line ("Vorname Familienname"): abbreviate the given names to initials
 *      ("Anna-Lena Marie" → "A.-L. M."); if still too wide, wrap at spaces or after hyphens onto
 *      further lines (family name parts are never abbreviated);
 *   2. street line ("Straße Hausnummer"): abbreviate a trailing "straße"/"Straße" to "str."/"Str."
 *      (the abbreviation Deutsche Post accepts); if still too wide, wrap at spaces or after hyphens,
 *      the house number always stays on the line of the last street word;
 *   3. "PLZ Ort" must stay one line (it is read as a unit): if too wide, or a single word cannot
 *      fit on a line, or the address needs more than 6 lines, an AddressError is thrown — the
 *      letter is refused rather than printed with a clipped address.
 */
import { grid } from './grid.ts';

export interface PostalAddress {
  vorname?: string | undefined;
  familienname?: string | undefined;
  strasse?: string | undefined;
  hausnummer?: string | undefined;
  postleitzahl?: string | undefined;
  ort?: string | undefined;
}

/** Width in millimetres of `text` in the recipient font at the recipient size. */
export type Measure = (text: string) => number;

export class AddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AddressError';
  }
}

interface Piece {
  text: string;
  /** What joins this piece to the next one on the same line. */
  joiner: string;
}

const clean = (value: string | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim();

/** Splits words, and words at hyphens (the hyphen stays at the end of the first part). */
function piecesOf(words: string[]): Piece[] {
  const pieces: Piece[] = [];
  for (const word of words) {
    const parts = word.split(/(?<=-)(?=.)/u);
    parts.forEach((text, i) => pieces.push({ text, joiner: i === parts.length - 1 ? ' ' : '' }));
  }
  return pieces;
}

function wrap(pieces: Piece[], measure: Measure, width: number, what: string): string[] {
  const lines: string[] = [];
  let current = '';
  let joiner = '';
  for (const piece of pieces) {
    const candidate = current === '' ? piece.text : current + joiner + piece.text;
    if (measure(candidate) <= width) {
      current = candidate;
    } else {
      if (current !== '') lines.push(current);
      current = piece.text;
      if (measure(current) > width) {
        throw new AddressError(`${what}: "${piece.text}" is wider than the recipient zone and cannot be wrapped`);
      }
    }
    joiner = piece.joiner;
  }
  if (current !== '') lines.push(current);
  return lines;
}

function initials(givenNames: string): string {
  return givenNames
    .split(' ')
    .map((name) =>
      name
        .split('-')
        .map((part) => (part === '' ? '' : `${Array.from(part)[0]}.`))
        .join('-'),
    )
    .join(' ');
}

function nameLines(vorname: string, familienname: string, measure: Measure, width: number): string[] {
  const full = [vorname, familienname].filter(Boolean).join(' ');
  if (full === '' || measure(full) <= width) return full === '' ? [] : [full];
  const short = [vorname === '' ? '' : initials(vorname), familienname].filter(Boolean).join(' ');
  if (measure(short) <= width) return [short];
  return wrap(piecesOf(short.split(' ')), measure, width, 'name');
}

function streetLines(strasse: string, hausnummer: string, measure: Measure, width: number): string[] {
  const full = [strasse, hausnummer].filter(Boolean).join(' ');
  if (full === '' || measure(full) <= width) return full === '' ? [] : [full];
  const abbreviated = strasse.replace(/(s|S)traße$/u, '$1tr.');
  const short = [abbreviated, hausnummer].filter(Boolean).join(' ');
  if (measure(short) <= width) return [short];
  const words = abbreviated.split(' ');
  const pieces = piecesOf(words);
  if (hausnummer !== '') {
    // The house number is glued to the last street word.
    const last = pieces[pieces.length - 1];
    if (last) last.text = `${last.text} ${hausnummer}`;
    else pieces.push({ text: hausnummer, joiner: ' ' });
  }
  return wrap(pieces, measure, width, 'street');
}

export function addressLines(
  address: PostalAddress,
  measure: Measure,
  width: number = grid.recipient.width,
  maxLines: number = grid.recipient.maxLines,
): string[] {
  const postleitzahl = clean(address.postleitzahl);
  const ort = clean(address.ort);
  if (postleitzahl === '' || ort === '') throw new AddressError('address needs Postleitzahl and Ort');
  const cityLine = `${postleitzahl} ${ort}`;
  if (measure(cityLine) > width) throw new AddressError(`"${cityLine}" does not fit on one line of the recipient zone`);
  const lines = [
    ...nameLines(clean(address.vorname), clean(address.familienname), measure, width),
    ...streetLines(clean(address.strasse), clean(address.hausnummer), measure, width),
    cityLine,
  ];
  if (lines.length < 2) throw new AddressError('address needs at least two lines');
  if (lines.length > maxLines) throw new AddressError(`address needs ${lines.length} lines, at most ${maxLines} fit`);
  return lines;
}

/**
 * DataMatrix control mark for mass print: tells the print centre's inserter which batch, piece
 * and sheet it is looking at (closed-loop inserting). The symbol is drawn as vector rectangles in
 * the current fill colour, so the page stays DeviceGray black and free of images (PDF/A-1b).
 */
import bwipjs from 'bwip-js/node';
import { mm } from './grid.ts';

/**
 * Module (cell) size. Print-centre cameras want ≥ 0.3 mm (≈ 7 dots at 600 dpi); 0.4 mm keeps a
 * 24 × 24 symbol at 9.6 mm, so at x 5 mm it and its quiet zone end at x 15 mm, inside the left
 * margin that the letter keeps free for marks.
 */
export const DEFAULT_MODULE_MM = 0.4;
export const MIN_MODULE_MM = 0.3;
/** White border the caller must keep around the symbol, in modules. */
export const QUIET_ZONE_MODULES = 1;
/** controlMarkText never needs a larger (square) symbol than this. */
export const MAX_SYMBOL_MODULES = 24;

const MAX_SEQUENCE = 999_999;
const MAX_SHEETS = 99;
const UUID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i;

/**
 * Payload `<batch>|<sequence>|<sheet>/<sheets>`, e.g. `f47ac10b58cc4372a5670e02b2c3d479|000042|2/3`:
 * - batch: the batch id (a UUID) as 32 lower-case hex digits without dashes, so the centre can
 *   match it against the manifest without any decoding;
 * - sequence: the piece's 1-based position in the batch, 6 digits with leading zeros;
 * - sheet/sheets: this sheet and the piece's sheet count, 1–99 each, without leading zeros.
 * At most 45 ASCII characters. The encoder packs the hex digits in Text mode and digit pairs in
 * ASCII mode (≤ 32 of the 36 data codewords of 24 × 24), so the square symbol is 22 × 22 or
 * 24 × 24 modules. A rectangular symbol would need 16 × 36 modules, too wide for the margin.
 */
export function controlMarkText(batchId: string, pieceSequence: number, sheet: number, sheets: number): string {
  if (!UUID.test(batchId)) throw new RangeError(`batch id must be a UUID: ${JSON.stringify(batchId)}`);
  if (!Number.isInteger(pieceSequence) || pieceSequence < 1 || pieceSequence > MAX_SEQUENCE) {
    throw new RangeError(`piece sequence must be an integer from 1 to ${MAX_SEQUENCE}: ${pieceSequence}`);
  }
  if (!Number.isInteger(sheets) || sheets < 1 || sheets > MAX_SHEETS) {
    throw new RangeError(`sheet count must be an integer from 1 to ${MAX_SHEETS}: ${sheets}`);
  }
  if (!Number.isInteger(sheet) || sheet < 1 || sheet > sheets) {
    throw new RangeError(`sheet must be an integer from 1 to ${sheets}: ${sheet}`);
  }
  const batch = batchId.replace(/-/g, '').toLowerCase();
  return `${batch}|${String(pieceSequence).padStart(6, '0')}|${sheet}/${sheets}`;
}

/**
 * Draws `text` as a square ECC 200 DataMatrix with its top-left corner at (xMm, yMm), mm from
 * the top-left of the page, and returns the symbol's size (without the quiet zone). Adjacent
 * dark modules of a row become one rectangle, and all rectangles are filled as one path: a small
 * content stream and no seams between touching cells when the page is rasterised.
 */
export function drawDataMatrix(
  doc: PDFKit.PDFDocument,
  text: string,
  xMm: number,
  yMm: number,
  moduleMm: number = DEFAULT_MODULE_MM,
): { widthMm: number; heightMm: number } {
  if (!(moduleMm >= MIN_MODULE_MM)) throw new RangeError(`module size must be at least ${MIN_MODULE_MM} mm: ${moduleMm}`);
  const [symbol] = bwipjs.raw({ bcid: 'datamatrix', text });
  if (!symbol || !('pixs' in symbol)) throw new Error('bwip-js returned no DataMatrix matrix');
  const { pixs, pixx: columns, pixy: rows } = symbol;
  for (let row = 0; row < rows; row++) {
    let column = 0;
    while (column < columns) {
      if (pixs[row * columns + column] !== 1) {
        column++;
        continue;
      }
      const start = column;
      while (column < columns && pixs[row * columns + column] === 1) column++;
      doc.rect(mm(xMm + start * moduleMm), mm(yMm + row * moduleMm), mm((column - start) * moduleMm), mm(moduleMm));
    }
  }
  doc.fill();
  // Rounded to 1 nm so that 24 × 0.4 reads 9.6, not 9.600000000000001.
  const size = (modules: number) => Math.round(modules * moduleMm * 1e6) / 1e6;
  return { widthMm: size(columns), heightMm: size(rows) };
}

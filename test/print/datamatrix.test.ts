/**
 * DataMatrix control mark: the payload format, and a PDF/A-1b page whose symbol is rasterised
 * (pdftoppm) and decoded again (zxing), validated (PDFBox Preflight) and free of colour
 * (Ghostscript inkcov). The tools are required: a missing one fails and names its Debian package.
 */
import assert from 'node:assert/strict';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { describe, test } from 'node:test';
import PDFDocument from 'pdfkit';
import {
  controlMarkText,
  DEFAULT_MODULE_MM,
  drawDataMatrix,
  MAX_SYMBOL_MODULES,
  MIN_MODULE_MM,
  QUIET_ZONE_MODULES,
} from '../../server/print/datamatrix.ts';
import { fonts } from '../../server/print/fonts.ts';
import { grid } from '../../server/print/grid.ts';
import { decodeDataMatrix as decode, rasteriseWindow, type Gray } from './datamatrix-reader.ts';
import { inkCoverage, popplerPackage, preflight, run, tempDir } from './support.ts';

/** Bottom left, inside the left margin kept free for marks. */
const at = { x: 5, y: 270 };
const dpi = 300;
const pxPerMm = dpi / 25.4;

const payloads = [
  controlMarkText('f47ac10b-58cc-4372-a567-0e02b2c3d479', 1, 1, 1),
  controlMarkText('0192f3a4-7b1c-7d2e-8f30-a1b2c3d4e5f6', 999999, 8, 8),
  controlMarkText('00000000-0000-0000-0000-000000000000', 42, 1, 8),
  controlMarkText('ffffffff-ffff-ffff-ffff-ffffffffffff', 999999, 99, 99),
];
/** The longest payloads, with hex digits that cannot be packed as digit pairs. */
const longest = [
  controlMarkText('ffffffff-ffff-ffff-ffff-ffffffffffff', 999999, 99, 99),
  controlMarkText('a0a0a0a0-a0a0-a0a0-a0a0-a0a0a0a0a0a0', 999999, 98, 99),
  controlMarkText('0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d', 999999, 99, 99),
];

/** One A4 page with the document options of the letter renderer (createDocument in letter.ts). */
async function renderMark(text: string, moduleMm: number, name: string): Promise<{ file: string; size: { widthMm: number; heightMm: number } }> {
  const file = path.join(tempDir(), name);
  const doc = new PDFDocument({
    size: 'A4',
    pdfVersion: '1.4',
    subset: 'PDF/A-1b',
    lang: 'de-DE',
    info: { Title: 'Steuermarke', Author: 'Antragswerk', Creator: 'Antragswerk', Producer: 'Antragswerk (pdfkit)', CreationDate: new Date() },
  });
  doc.registerFont('regular', fonts.regular.file);
  doc.registerFont('bold', fonts.bold.file);
  doc.font('regular');
  const out = createWriteStream(file);
  doc.pipe(out);
  const size = drawDataMatrix(doc, text, at.x, at.y, moduleMm);
  doc.end();
  await finished(out);
  return { file, size };
}

const px = (valueMm: number) => Math.round(valueMm * pxPerMm);
/** A camera-like window around the symbol, in whole pixels so that positions measure exactly. */
const cropPx = { x: px(at.x - 4), y: px(at.y - 4), width: px(20), height: px(20) };
const rasterise = (file: string) => rasteriseWindow(file, 1, cropPx, dpi);

/** Bounding box of the dark pixels in mm from the page's top-left corner. */
function darkBox(image: Gray): { x: number; y: number; width: number; height: number } {
  let [left, top, right, bottom] = [Infinity, Infinity, -1, -1];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.pixels[y * image.width + x]! >= 128) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  assert.ok(right >= 0, 'no dark pixel in the raster');
  return { x: (cropPx.x + left) / pxPerMm, y: (cropPx.y + top) / pxPerMm, width: (right - left + 1) / pxPerMm, height: (bottom - top + 1) / pxPerMm };
}

describe('DataMatrix control mark', () => {
  test('payload: 32 hex digits | 6-digit sequence | sheet/sheets', () => {
    assert.equal(controlMarkText('F47AC10B-58CC-4372-A567-0E02B2C3D479', 42, 2, 3), 'f47ac10b58cc4372a5670e02b2c3d479|000042|2/3');
    assert.equal(controlMarkText('f47ac10b58cc4372a5670e02b2c3d479', 999999, 99, 99), 'f47ac10b58cc4372a5670e02b2c3d479|999999|99/99');
    for (const text of [...payloads, ...longest]) assert.match(text, /^[0-9a-f]{32}\|\d{6}\|[1-9]\d?\/[1-9]\d?$/);
  });

  test('payload: out-of-range input is refused', () => {
    const uuid = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
    assert.throws(() => controlMarkText('batch-2026-0001', 1, 1, 1), RangeError);
    assert.throws(() => controlMarkText('f47ac10b-58cc-4372-a567-0e02b2c3d47', 1, 1, 1), RangeError);
    assert.throws(() => controlMarkText('f47ac10b58cc-4372-a567-0e02b2c3d479', 1, 1, 1), RangeError);
    for (const sequence of [0, 1_000_000, 1.5, Number.NaN]) assert.throws(() => controlMarkText(uuid, sequence, 1, 1), RangeError);
    for (const [sheet, sheets] of [[0, 1], [2, 1], [1, 0], [1, 100], [1.5, 2]] as const) {
      assert.throws(() => controlMarkText(uuid, 1, sheet, sheets), RangeError);
    }
  });

  test('module size below the scanner minimum is refused', () => {
    const doc = new PDFDocument({ size: 'A4' });
    assert.throws(() => drawDataMatrix(doc, payloads[0]!, at.x, at.y, MIN_MODULE_MM - 0.01), RangeError);
  });

  test('the symbol decodes from a 300 dpi grey raster, at the position and size returned', async () => {
    const cases = [
      ...payloads.map((text) => ({ text, moduleMm: DEFAULT_MODULE_MM })),
      { text: longest[0]!, moduleMm: MIN_MODULE_MM },
      { text: longest[1]!, moduleMm: 0.5 },
    ];
    for (const [i, { text, moduleMm }] of cases.entries()) {
      const { file, size } = await renderMark(text, moduleMm, `mark-${i}.pdf`);
      const image = rasterise(file);
      assert.equal(decode(image), text, `${text} at ${moduleMm} mm`);
      const box = darkBox(image);
      const pixel = 1 / pxPerMm;
      for (const [measured, expected] of [
        [box.x, at.x],
        [box.y, at.y],
        [box.width, size.widthMm],
        [box.height, size.heightMm],
      ] as const) {
        assert.ok(Math.abs(measured - expected) <= pixel, `${text}: measured ${measured.toFixed(3)} mm, expected ${expected} mm`);
      }
    }
  });

  test('longest payload: at most 24 × 24 modules; with its quiet zone inside 15 × 15 mm and the left margin', async () => {
    for (const text of longest) {
      const { size } = await renderMark(text, DEFAULT_MODULE_MM, 'longest.pdf');
      assert.ok(size.widthMm <= MAX_SYMBOL_MODULES * DEFAULT_MODULE_MM + 1e-9, `${text}: ${size.widthMm} mm`);
      assert.equal(size.widthMm, size.heightMm, 'square symbol');
      const outer = size.widthMm + 2 * QUIET_ZONE_MODULES * DEFAULT_MODULE_MM;
      assert.ok(outer <= 15, `${text}: ${outer} mm with quiet zone`);
      assert.ok(at.x + size.widthMm + QUIET_ZONE_MODULES * DEFAULT_MODULE_MM <= grid.leftFreeZone + 1e-9, `${text}: ends past the left margin`);
    }
  });

  test('the page is valid PDF/A-1b, has no image and no colour', async () => {
    const { file } = await renderMark(longest[0]!, DEFAULT_MODULE_MM, 'pdfa.pdf');
    const validation = preflight(file);
    assert.equal(validation.status, 0, validation.output);
    const images = run('pdfimages', ['-list', file], popplerPackage);
    assert.equal(images.status, 0, images.stderr);
    assert.equal(images.stdout.trim().split('\n').length, 2, `images found:\n${images.stdout}`);
    const pages = inkCoverage(file);
    assert.equal(pages.length, 1);
    const [c, m, y, k] = pages[0]!;
    assert.deepEqual([c, m, y], [0, 0, 0]);
    assert.ok(k > 0, 'no ink on the page');
  });
});

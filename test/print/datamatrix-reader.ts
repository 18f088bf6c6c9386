/** Reads DataMatrix symbols back from a PDF: rasterised by poppler, decoded by zxing. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BinaryBitmap, DataMatrixReader, HybridBinarizer, RGBLuminanceSource } from '@zxing/library';
import { popplerPackage, run, tempDir } from './support.ts';

export interface Gray {
  width: number;
  height: number;
  pixels: Uint8ClampedArray;
}

/** A window of one page (pixels at `dpi`) as 8-bit grey (binary PGM from pdftoppm -gray). */
export function rasteriseWindow(file: string, page: number, crop: { x: number; y: number; width: number; height: number }, dpi = 300): Gray {
  const prefix = path.join(tempDir(), 'mark');
  const args = ['-r', String(dpi), '-gray', '-singlefile', '-f', String(page), '-l', String(page)];
  args.push('-x', String(crop.x), '-y', String(crop.y), '-W', String(crop.width), '-H', String(crop.height), file, prefix);
  const result = run('pdftoppm', args, popplerPackage);
  assert.equal(result.status, 0, result.stderr);
  const data = readFileSync(`${prefix}.pgm`);
  // Header: "P5", width, height, maxval, each followed by whitespace; then one byte per pixel.
  const fields: string[] = [];
  let offset = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(data[offset]!))) offset++;
    const start = offset;
    while (!/\s/.test(String.fromCharCode(data[offset]!))) offset++;
    fields.push(data.toString('latin1', start, offset));
  }
  offset++;
  const [magic, width, height, maxval] = [fields[0], Number(fields[1]), Number(fields[2]), Number(fields[3])];
  assert.equal(magic, 'P5');
  assert.equal(maxval, 255);
  assert.equal(data.length - offset, width * height);
  return { width, height, pixels: new Uint8ClampedArray(data.subarray(offset)) };
}

export function decodeDataMatrix(image: Gray): string {
  const source = new RGBLuminanceSource(image.pixels, image.width, image.height);
  return new DataMatrixReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
}

/** The control mark of a letter page (grid.controlMark position), decoded. */
export function controlMarkOn(file: string, page: number, mark: { x: number; y: number }, dpi = 300): string {
  const px = (mm: number) => Math.round((mm * dpi) / 25.4);
  return decodeDataMatrix(rasteriseWindow(file, page, { x: px(mark.x - 4), y: px(mark.y - 4), width: px(20), height: px(20) }, dpi));
}

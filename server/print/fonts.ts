/** TrueType fonts embedded in every print PDF (PDF/A forbids the non-embedded Standard-14 fonts). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const fonts = {
  regular: { name: 'DejaVuSans', file: path.join(fontDir, 'DejaVuSans.ttf') },
  bold: { name: 'DejaVuSans-Bold', file: path.join(fontDir, 'DejaVuSans-Bold.ttf') },
} as const;

let bytes: { regular: Buffer; bold: Buffer } | undefined;

/** Registers the fonts as 'regular' and 'bold' (read from disk once per process) and selects 'regular'. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  bytes ??= { regular: readFileSync(fonts.regular.file), bold: readFileSync(fonts.bold.file) };
  doc.registerFont('regular', bytes.regular);
  doc.registerFont('bold', bytes.bold);
  doc.font('regular');
}

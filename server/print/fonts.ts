/** TrueType fonts embedded in every print PDF (PDF/A forbids the non-embedded Standard-14 fonts). */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const fonts = {
  regular: { name: 'DejaVuSans', file: path.join(fontDir, 'DejaVuSans.ttf') },
  bold: { name: 'DejaVuSans-Bold', file: path.join(fontDir, 'DejaVuSans-Bold.ttf') },
} as const;

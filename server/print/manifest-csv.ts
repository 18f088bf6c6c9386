import type { Manifest } from './batches.ts';

/**
 * One CSV cell (RFC 4180: quoted when it holds a quote, a line break, a comma or a semicolon, so
 * it is safe with either separator; quotes doubled), guarded against formula injection.
 */
export const csvCell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ would run as a formula in a spreadsheet; a quote-prefixed apostrophe stops it.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The manifest's pieces as CSV, one row per piece, the address lines in six columns. */
export function manifestCsv(manifest: Manifest): string {
  const header = ['batchId', 'seq', 'pieceId', 'attempt', 'reference', 'firstPage', 'pages', 'sheets', 'envelope', 'postage'];
  const addressColumns = [1, 2, 3, 4, 5, 6].map((n) => `recipient${n}`);
  const rows = manifest.pieces.map((p) => [
    manifest.batchId,
    p.seq,
    p.pieceId,
    p.attempt,
    p.reference,
    p.firstPage,
    p.pages,
    p.sheets,
    p.envelope,
    p.postage,
    ...addressColumns.map((_, i) => p.recipient[i] ?? ''),
  ]);
  return [[...header, ...addressColumns], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The filtered inbox as CSV for a spreadsheet, written row by row as the rows are read. German
 * Excel, which most authorities open it with, expects `;` between cells (`,` is its decimal
 * separator) and recognises UTF-8 only with a byte order mark; every cell passes the same
 * formula-injection guard as the print manifest.
 */
import type { Language } from '../../shared/i18n.ts';
import { processingStatusLabels } from '../../shared/processing-status.ts';
import { csvCell } from '../print/manifest-csv.ts';
import type { InboxItem } from './inbox.ts';

export const csvByteOrderMark = '\uFEFF';

const headers: Record<Language, string[]> = {
  de: ['Vorgangsnummer', 'Formular', 'Formular-ID', 'Version', 'Behörde', 'Eingegangen am', 'Bearbeitungsstand', 'Stand geändert am', 'Zustellungen offen', 'Zustellungen zugestellt', 'Zustellungen gescheitert', 'Löschung am', 'ID'],
  en: ['Reference', 'Form', 'Form id', 'Version', 'Authority', 'Submitted at', 'Processing status', 'Status changed at', 'Deliveries open', 'Deliveries delivered', 'Deliveries failed', 'Erased on', 'Id'],
};

const line = (cells: unknown[]) => `${cells.map(csvCell).join(';')}\r\n`;

export const csvHeader = (lang: Language): string => csvByteOrderMark + line(headers[lang]);

export function csvRow(item: InboxItem, lang: Language): string {
  return line([
    item.reference,
    item.formTitle,
    item.formId,
    item.formVersion,
    item.authority?.name ?? '',
    item.submittedAt,
    processingStatusLabels[item.status][lang],
    item.statusChangedAt ?? '',
    item.deliveries.pending + item.deliveries.in_flight,
    item.deliveries.delivered,
    item.deliveries.dead,
    item.eraseAfter,
    item.id,
  ]);
}

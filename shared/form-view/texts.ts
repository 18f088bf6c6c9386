/**
 * The texts of a citizen's answers and of the receipt that the portal and the receipt PDF both
 * show, so the page and the PDF word everything alike. The portal's translation table
 * (client/src/i18n.ts) takes them in.
 */
import type { Language } from '../i18n.ts';

const de = {
  yes: 'Ja',
  no: 'Nein',
  notProvided: 'keine Angabe',
  defaultItemTitle: 'Eintrag',
  itemTitle: (item: string, position: number) => `${item} ${position}`,
  attachmentUnknownFile: 'Hochgeladene Datei',
  fileSize: (size: string) => `(${size})`,
  bytes: 'Byte',

  receiptDocumentTitle: 'Eingangsbestätigung',
  receiptForm: 'Antrag',
  receiptReference: 'Vorgangsnummer',
  receiptDate: 'Eingegangen am',
  receiptAnswersTitle: 'Ihre Angaben',
  pageOf: (page: number, pages: number) => `Seite ${page} von ${pages}`,
};

export type FormViewTexts = typeof de;

const en: FormViewTexts = {
  yes: 'Yes',
  no: 'No',
  notProvided: 'not provided',
  defaultItemTitle: 'Entry',
  itemTitle: (item, position) => `${item} ${position}`,
  attachmentUnknownFile: 'Uploaded file',
  fileSize: (size) => `(${size})`,
  bytes: 'bytes',

  receiptDocumentTitle: 'Confirmation of receipt',
  receiptForm: 'Application',
  receiptReference: 'Reference number',
  receiptDate: 'Received on',
  receiptAnswersTitle: 'Your answers',
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
};

export const formViewTexts: Record<Language, FormViewTexts> = { de, en };

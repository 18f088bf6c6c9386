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
  /** The question choosing among alternatives that have no title of their own. */
  alternativesLabel: (titles: string[]) => `Bitte wählen Sie: ${titles.join(' oder ')}`,

  receiptDocumentTitle: 'Eingangsbestätigung',
  receiptForm: 'Antrag',
  receiptReference: 'Vorgangsnummer',
  receiptDate: 'Eingegangen am',
  receiptAnswersTitle: 'Ihre Angaben',
  receiptPortal: 'Eingereicht über',
  receiptAuthority: 'Zuständige Stelle',
  receiptAuthorityOperator: (portal: string) => `${portal} (Betreiber des Portals)`,
  receiptStatusTitle: 'Bearbeitungsstand abrufen',
  receiptStatusText:
    'Unter diesem Link sehen Sie jederzeit, wie weit Ihr Antrag ist. Der Link enthält Ihren Zugangsschlüssel: Geben Sie ihn nur an Personen weiter, die den Stand sehen dürfen.',
  receiptStatusLinkAlt: 'Bearbeitungsstand dieses Antrags im Portal öffnen',
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
  alternativesLabel: (titles) => `Please choose: ${titles.join(' or ')}`,

  receiptDocumentTitle: 'Confirmation of receipt',
  receiptForm: 'Application',
  receiptReference: 'Reference number',
  receiptDate: 'Received on',
  receiptAnswersTitle: 'Your answers',
  receiptPortal: 'Submitted via',
  receiptAuthority: 'Responsible authority',
  receiptAuthorityOperator: (portal) => `${portal} (operator of this portal)`,
  receiptStatusTitle: 'Check the status',
  receiptStatusText:
    'This link shows you at any time how far your application has got. It contains your access key: share it only with people who may see the status.',
  receiptStatusLinkAlt: 'Open the status of this application in the portal',
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
};

export const formViewTexts: Record<Language, FormViewTexts> = { de, en };

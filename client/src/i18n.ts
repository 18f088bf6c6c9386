/**
 * Every text of the portal's own user interface, in German and English: the one translation
 * table. Form texts come from the form definition (title, i18n), validation messages from
 * shared/ (the same wording as the server), the texts of answers and receipt from shared/ too
 * (the same wording as the receipt PDF).
 */
import { formViewTexts } from '../../shared/form-view/texts.ts';
import type { Language } from '../../shared/i18n.ts';

const de = {
  ...formViewTexts.de,

  // Page frame
  skipToContent: 'Zum Inhalt springen',
  portalFallbackName: 'Antragsportal',
  mainNavigation: 'Hauptnavigation',
  navCatalogue: 'Anträge',
  navStatus: 'Antragsstatus',
  navAccessibility: 'Barrierefreiheit',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  footerNavigation: 'Weitere Informationen',
  loading: 'Wird geladen …',
  loadFailed: (message: string) => `Die Seite konnte nicht geladen werden: ${message}`,
  retry: 'Erneut versuchen',
  networkError: 'Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung.',
  documentTitle: (page: string, portal: string) => `${page} – ${portal}`,

  // Catalogue
  catalogueTitle: 'Online-Anträge',
  catalogueIntro: 'Wählen Sie eine Leistung und stellen Sie Ihren Antrag online. Sie können jederzeit unterbrechen und später weitermachen.',
  searchLabel: 'Anträge durchsuchen',
  searchHint: 'Geben Sie einen Begriff aus dem Titel ein, zum Beispiel „Hund“.',
  searchResults: (count: number) =>
    count === 0 ? 'Kein Antrag gefunden.' : count === 1 ? '1 Antrag gefunden.' : `${count} Anträge gefunden.`,
  noForms: 'Zurzeit sind keine Anträge veröffentlicht.',

  // Form wizard
  stepProgress: (current: number, total: number) => `Schritt ${current} von ${total}`,
  stepListLabel: 'Fortschritt',
  stepDone: 'erledigt',
  stepCurrent: 'aktueller Schritt',
  summaryStepTitle: 'Angaben prüfen und absenden',
  requiredExplanation: 'Felder mit dem Zusatz „Pflichtfeld“ müssen Sie ausfüllen. Alle anderen Angaben sind freiwillig.',
  required: 'Pflichtfeld',
  next: 'Weiter',
  back: 'Zurück',
  backToSummary: 'Weiter zur Übersicht',
  saveForLater: 'Später fortsetzen',
  submit: 'Antrag verbindlich absenden',
  submitting: 'Antrag wird gesendet …',
  submitFailed: (message: string) => `Der Antrag konnte nicht gesendet werden: ${message} Ihre Angaben sind noch vorhanden; bitte versuchen Sie es erneut.`,
  errorSummaryTitle: 'Bitte korrigieren Sie folgende Angaben',
  errorPrefix: 'Fehler:',
  formNotFound: 'Diesen Antrag gibt es nicht oder er ist nicht mehr veröffentlicht.',
  backToCatalogue: 'Zur Übersicht der Anträge',
  formChanged: 'Das Formular wurde geändert, seit Sie den Entwurf gespeichert haben. Bitte prüfen Sie Ihre Angaben.',

  // Theme
  pleaseChoose: 'Bitte auswählen',
  addItem: (item: string) => `${item} hinzufügen`,
  removeItem: (itemWithPosition: string) => `${itemWithPosition} entfernen`,
  moveItemUp: (itemWithPosition: string) => `${itemWithPosition} nach oben`,
  moveItemDown: (itemWithPosition: string) => `${itemWithPosition} nach unten`,
  itemAdded: (itemWithPosition: string) => `${itemWithPosition} hinzugefügt.`,
  itemRemoved: (itemWithPosition: string) => `${itemWithPosition} entfernt.`,
  alternative: (position: string) => `Möglichkeit ${position}`,
  alternativesLabel: (titles: string[]) => `Bitte wählen Sie: ${titles.join(' oder ')}`,
  entryKey: (entry: string) => `Bezeichnung (${entry})`,
  entryValue: (key: string) => `Wert für „${key}“`,
  entry: 'Eintrag',
  answersAsAWhole: 'Ihre Angaben insgesamt',
  addEntry: (entry: string) => `${entry} hinzufügen`,
  removeEntry: (key: string) => `Eintrag „${key}“ entfernen`,

  // Attachments
  attachmentChoose: 'Datei auswählen',
  attachmentChooseAnother: (remaining: number) => `Weitere Datei auswählen (noch ${remaining} möglich)`,
  attachmentRules: (types: string, size: string) => `Erlaubt: ${types}, höchstens ${size} je Datei.`,
  attachmentUploading: (name: string) => `„${name}“ wird hochgeladen …`,
  attachmentUploaded: (name: string) => `„${name}“ wurde hochgeladen.`,
  attachmentRemoved: (name: string) => `„${name}“ wurde entfernt.`,
  attachmentRemove: (name: string) => `Datei „${name}“ entfernen`,
  attachmentTooLarge: (name: string, size: string, max: string) =>
    `Die Datei „${name}“ ist zu groß (${size}). Erlaubt sind höchstens ${max}.`,
  attachmentWrongType: (name: string, types: string) =>
    `Die Datei „${name}“ hat ein nicht erlaubtes Format. Erlaubt sind: ${types}.`,
  attachmentEmpty: (name: string) => `Die Datei „${name}“ ist leer.`,
  attachmentServerError: (name: string, message: string) => `„${name}“: ${message}`,
  attachmentLimitReached: 'Sie haben die höchste Zahl an Dateien erreicht.',

  // Summary
  summaryIntro: 'Bitte prüfen Sie Ihre Angaben. Sie können jeden Abschnitt noch ändern. Erst mit „Antrag verbindlich absenden“ wird der Antrag übermittelt.',
  change: 'Ändern',

  // Drafts
  draftSaving: 'Entwurf wird gespeichert …',
  draftSaved: 'Ihr Entwurf ist gespeichert',
  draftExplanation: (expiry: string) =>
    `Mit diesem Link können Sie den Antrag bis zum ${expiry} auf jedem Gerät fortsetzen. Bewahren Sie ihn sicher auf: Wer den Link kennt, kann Ihre Angaben sehen und ändern.`,
  draftLinkLabel: 'Link zum Fortsetzen',
  draftCopy: 'Link kopieren',
  draftCopied: 'Der Link wurde in die Zwischenablage kopiert.',
  draftCopyFailed: 'Der Link konnte nicht kopiert werden. Bitte markieren und kopieren Sie ihn selbst.',
  draftSaveFailed: (message: string) => `Der Entwurf konnte nicht gespeichert werden: ${message}`,
  draftLoadFailed: (message: string) => `Der Entwurf konnte nicht geladen werden: ${message}`,
  draftRestored: (expiry: string) => `Ihr gespeicherter Entwurf wurde geladen. Er ist bis zum ${expiry} gültig.`,
  draftLinkInvalid: 'Der Link ist unvollständig. Bitte kopieren Sie ihn noch einmal vollständig.',

  // Receipt
  receiptTitle: 'Ihr Antrag ist eingegangen',
  receiptThanks: (form: string) => `Vielen Dank. Wir haben Ihren Antrag „${form}“ erhalten.`,
  receiptNextTitle: 'Wie geht es weiter?',
  receiptNext: 'Wir prüfen Ihren Antrag und melden uns bei Ihnen, wenn wir weitere Angaben oder Nachweise brauchen. Den Bescheid erhalten Sie per Post oder E-Mail. Geben Sie bei Rückfragen bitte immer Ihre Vorgangsnummer an.',
  receiptTokenTitle: 'Ihr Zugangsschlüssel für die Statusabfrage',
  receiptToken: 'Zugangsschlüssel',
  receiptTokenExplanation: 'Mit der Vorgangsnummer und diesem Zugangsschlüssel können Sie jederzeit nachsehen, wie weit Ihr Antrag bearbeitet ist. Bewahren Sie beides auf, zum Beispiel indem Sie diese Seite drucken. Der Zugangsschlüssel wird nur jetzt angezeigt und kann nicht erneut abgerufen werden.',
  receiptStatusLink: 'Zur Statusabfrage',
  receiptPdfLink: 'Eingangsbestätigung als PDF herunterladen (barrierefrei)',
  print: 'Drucken',
  anotherForm: 'Weiteren Antrag stellen',

  // Status
  statusTitle: 'Status Ihres Antrags abfragen',
  statusIntro: 'Geben Sie die Vorgangsnummer und den Zugangsschlüssel aus Ihrer Eingangsbestätigung ein.',
  statusReference: 'Vorgangsnummer',
  statusReferenceHint: 'Zum Beispiel 7K3M-9QXF',
  statusToken: 'Zugangsschlüssel',
  statusTokenHint: 'Die lange Zeichenfolge aus Ihrer Eingangsbestätigung.',
  statusSubmit: 'Status abfragen',
  statusResultTitle: 'Ergebnis',
  statusForm: 'Antrag',
  statusSubmittedAt: 'Eingegangen am',
  statusState: 'Bearbeitungsstand',
  statusMissingReference: 'Bitte geben Sie die Vorgangsnummer ein.',
  statusMissingToken: 'Bitte geben Sie den Zugangsschlüssel ein.',
  /** Names of the submission states the server reports; an unknown state is shown as it comes. */
  statusNames: {
    received: 'Eingegangen – wartet auf Bearbeitung',
  } as Record<string, string>,

  // Accessibility statement
  statementTitle: 'Erklärung zur Barrierefreiheit',
  statementIntro: (operator: string) =>
    `${operator} ist bemüht, dieses Antragsportal im Einklang mit dem Behindertengleichstellungsgesetz (BGG) und der Barrierefreien-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen. Diese Erklärung gilt für die Seiten des Antragsportals.`,
  statementComplianceTitle: 'Stand der Vereinbarkeit mit den Anforderungen',
  statementCompliance: 'Dieses Antragsportal ist wegen der unten genannten Ausnahmen teilweise mit der BITV 2.0 vereinbar. Geprüft wurden die Anforderungen der Europäischen Norm EN 301 549 (in der Fassung, die auf die WCAG 2.1 Stufe AA verweist).',
  statementGapsTitle: 'Nicht barrierefreie Inhalte',
  statementGapsIntro: 'Die folgenden Inhalte sind nicht oder nicht vollständig barrierefrei:',
  statementGaps: [
    'Erläuterungen in Leichter Sprache und in Deutscher Gebärdensprache fehlen noch. Sie werden nachgereicht.',
    'Dateien, die Sie selbst hochladen (zum Beispiel eingescannte Nachweise), prüft das Portal nicht auf Barrierefreiheit.',
    'Die Eingabe von Datumsangaben nutzt die Datumsfelder Ihres Browsers; deren Darstellung und Bedienung hängen vom Browser ab.',
  ],
  statementCreationTitle: 'Erstellung dieser Erklärung',
  statementCreation: 'Diese Erklärung beruht auf einer Selbstbewertung. Jede Seite und jeder Schritt der Anträge wird bei jeder Änderung automatisch mit axe-core nach WCAG 2.1 A und AA geprüft; außerdem wird jeder Antrag einmal allein mit der Tastatur ausgefüllt.',
  statementFeedbackTitle: 'Feedback und Kontakt',
  statementFeedback: 'Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Oder brauchen Sie Informationen aus einem Antrag in einer anderen, barrierefreien Form? Dann wenden Sie sich bitte an uns:',
  statementContactEmail: 'E-Mail',
  statementOperator: 'Verantwortlich',
  statementArbitrationTitle: 'Schlichtungsverfahren',
  statementArbitration: 'Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie ein Schlichtungsverfahren beantragen. Für Angebote von Bundesbehörden ist die Schlichtungsstelle nach § 16 BGG beim Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen zuständig; für Angebote von Ländern und Kommunen die Schlichtungs- oder Ombudsstelle Ihres Bundeslandes. Das Verfahren ist kostenlos, und Sie brauchen keinen Rechtsbeistand.',
  statementArbitrationLink: 'Schlichtungsstelle nach dem Behindertengleichstellungsgesetz',

  // Not found
  notFoundTitle: 'Seite nicht gefunden',
  notFoundText: 'Diese Adresse gibt es nicht. Vielleicht ist der Link veraltet.',
};

export type UiTexts = typeof de;

const en: UiTexts = {
  ...formViewTexts.en,

  skipToContent: 'Skip to content',
  portalFallbackName: 'Application portal',
  mainNavigation: 'Main navigation',
  navCatalogue: 'Applications',
  navStatus: 'Application status',
  navAccessibility: 'Accessibility',
  switchLanguage: 'Deutsch',
  switchLanguageLabel: 'Auf Deutsch wechseln',
  footerNavigation: 'Further information',
  loading: 'Loading …',
  loadFailed: (message) => `The page could not be loaded: ${message}`,
  retry: 'Try again',
  networkError: 'No connection to the server. Please check your internet connection.',
  documentTitle: (page, portal) => `${page} – ${portal}`,

  catalogueTitle: 'Online applications',
  catalogueIntro: 'Choose a service and apply online. You can stop at any time and continue later.',
  searchLabel: 'Search applications',
  searchHint: 'Enter a word from the title, for example “dog”.',
  searchResults: (count) =>
    count === 0 ? 'No application found.' : count === 1 ? '1 application found.' : `${count} applications found.`,
  noForms: 'No applications are published at the moment.',

  stepProgress: (current, total) => `Step ${current} of ${total}`,
  stepListLabel: 'Progress',
  stepDone: 'done',
  stepCurrent: 'current step',
  summaryStepTitle: 'Check and submit',
  requiredExplanation: 'Fields marked “required” must be filled in. Everything else is optional.',
  required: 'required',
  next: 'Continue',
  back: 'Back',
  backToSummary: 'Continue to the summary',
  saveForLater: 'Continue later',
  submit: 'Submit application',
  submitting: 'Submitting application …',
  submitFailed: (message) => `The application could not be sent: ${message} Your answers are still here; please try again.`,
  errorSummaryTitle: 'Please correct the following',
  errorPrefix: 'Error:',
  formNotFound: 'This application does not exist or is no longer published.',
  backToCatalogue: 'Back to all applications',
  formChanged: 'The form has changed since you saved your draft. Please check your answers.',

  pleaseChoose: 'Please choose',
  addItem: (item) => `Add ${item}`,
  removeItem: (itemWithPosition) => `Remove ${itemWithPosition}`,
  moveItemUp: (itemWithPosition) => `Move ${itemWithPosition} up`,
  moveItemDown: (itemWithPosition) => `Move ${itemWithPosition} down`,
  itemAdded: (itemWithPosition) => `${itemWithPosition} added.`,
  itemRemoved: (itemWithPosition) => `${itemWithPosition} removed.`,
  alternative: (position) => `Option ${position}`,
  alternativesLabel: (titles) => `Please choose: ${titles.join(' or ')}`,
  entryKey: (entry) => `Name (${entry})`,
  entryValue: (key) => `Value for “${key}”`,
  entry: 'Entry',
  answersAsAWhole: 'Your answers as a whole',
  addEntry: (entry) => `Add ${entry}`,
  removeEntry: (key) => `Remove entry “${key}”`,

  attachmentChoose: 'Choose a file',
  attachmentChooseAnother: (remaining) => `Choose another file (${remaining} more possible)`,
  attachmentRules: (types, size) => `Accepted: ${types}, at most ${size} per file.`,
  attachmentUploading: (name) => `Uploading “${name}” …`,
  attachmentUploaded: (name) => `“${name}” has been uploaded.`,
  attachmentRemoved: (name) => `“${name}” has been removed.`,
  attachmentRemove: (name) => `Remove file “${name}”`,
  attachmentTooLarge: (name, size, max) => `The file “${name}” is too large (${size}). The limit is ${max}.`,
  attachmentWrongType: (name, types) => `The file “${name}” has a format that is not accepted. Accepted are: ${types}.`,
  attachmentEmpty: (name) => `The file “${name}” is empty.`,
  attachmentServerError: (name, message) => `“${name}”: ${message}`,
  attachmentLimitReached: 'You have reached the maximum number of files.',

  summaryIntro: 'Please check your answers. You can still change every section. The application is only sent when you choose “Submit application”.',
  change: 'Change',

  draftSaving: 'Saving draft …',
  draftSaved: 'Your draft has been saved',
  draftExplanation: (expiry) =>
    `With this link you can continue the application on any device until ${expiry}. Keep it safe: anyone who knows the link can see and change your answers.`,
  draftLinkLabel: 'Link to continue',
  draftCopy: 'Copy link',
  draftCopied: 'The link has been copied to the clipboard.',
  draftCopyFailed: 'The link could not be copied. Please select and copy it yourself.',
  draftSaveFailed: (message) => `The draft could not be saved: ${message}`,
  draftLoadFailed: (message) => `The draft could not be loaded: ${message}`,
  draftRestored: (expiry) => `Your saved draft has been loaded. It is valid until ${expiry}.`,
  draftLinkInvalid: 'The link is incomplete. Please copy all of it again.',

  receiptTitle: 'Your application has been received',
  receiptThanks: (form) => `Thank you. We have received your application “${form}”.`,
  receiptNextTitle: 'What happens next?',
  receiptNext: 'We will check your application and contact you if we need further information or evidence. You will receive the decision by post or e-mail. Please always quote your reference number.',
  receiptTokenTitle: 'Your access key for the status check',
  receiptToken: 'Access key',
  receiptTokenExplanation: 'With the reference number and this access key you can check the progress of your application at any time. Keep both, for example by printing this page. The access key is shown only now and cannot be retrieved again.',
  receiptStatusLink: 'Go to the status check',
  receiptPdfLink: 'Download the confirmation of receipt as PDF (accessible)',
  print: 'Print',
  anotherForm: 'Make another application',

  statusTitle: 'Check the status of your application',
  statusIntro: 'Enter the reference number and the access key from your confirmation of receipt.',
  statusReference: 'Reference number',
  statusReferenceHint: 'For example 7K3M-9QXF',
  statusToken: 'Access key',
  statusTokenHint: 'The long string of characters from your confirmation of receipt.',
  statusSubmit: 'Check status',
  statusResultTitle: 'Result',
  statusForm: 'Application',
  statusSubmittedAt: 'Received on',
  statusState: 'Progress',
  statusMissingReference: 'Please enter the reference number.',
  statusMissingToken: 'Please enter the access key.',
  statusNames: {
    received: 'Received – waiting to be processed',
  },

  statementTitle: 'Accessibility statement',
  statementIntro: (operator) =>
    `${operator} is committed to making this application portal accessible in accordance with the German Disability Equality Act (BGG) and the Accessible Information Technology Ordinance (BITV 2.0). This statement applies to the pages of the application portal.`,
  statementComplianceTitle: 'Compliance status',
  statementCompliance: 'This application portal is partially compliant with BITV 2.0 because of the exceptions listed below. It was checked against the requirements of the European standard EN 301 549 (in the version that refers to WCAG 2.1 level AA).',
  statementGapsTitle: 'Non-accessible content',
  statementGapsIntro: 'The following content is not, or not fully, accessible:',
  statementGaps: [
    'Explanations in Easy Language (Leichte Sprache) and German Sign Language are still missing. They will be added.',
    'Files that you upload yourself (for example scanned evidence) are not checked for accessibility.',
    'Dates are entered with your browser’s date fields; how they look and work depends on the browser.',
  ],
  statementCreationTitle: 'Preparation of this statement',
  statementCreation: 'This statement is based on a self-assessment. Every page and every step of the applications is checked automatically with axe-core against WCAG 2.1 A and AA with each change; in addition, every application is completed once using the keyboard alone.',
  statementFeedbackTitle: 'Feedback and contact',
  statementFeedback: 'Have you noticed barriers in this portal? Or do you need information from an application in another, accessible form? Please contact us:',
  statementContactEmail: 'E-mail',
  statementOperator: 'Responsible',
  statementArbitrationTitle: 'Enforcement procedure (arbitration)',
  statementArbitration: 'If you do not receive a satisfactory answer to your feedback, you can apply for arbitration. For services of federal authorities, the arbitration board under section 16 BGG at the Federal Government Commissioner for Matters relating to Persons with Disabilities is responsible; for services of the federal states and municipalities, the arbitration or ombuds office of your federal state. The procedure is free of charge and you do not need legal counsel.',
  statementArbitrationLink: 'Arbitration board under the Disability Equality Act (in German)',

  notFoundTitle: 'Page not found',
  notFoundText: 'There is nothing at this address. The link may be out of date.',
};

export const uiTexts: Record<Language, UiTexts> = { de, en };

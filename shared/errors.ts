/**
 * Stable error codes of the HTTP API with their HTTP status and wording. Clients switch on
 * `code`; `message` is for people.
 */
import type { Texts } from './i18n.ts';

export const errorCatalogue = {
  invalid_json: {
    status: 400,
    de: 'Der Inhalt der Anfrage ist kein gültiges JSON.',
    en: 'The request body is not valid JSON.',
  },
  invalid_body: {
    status: 400,
    de: 'Der Inhalt der Anfrage muss ein JSON-Objekt sein.',
    en: 'The request body must be a JSON object.',
  },
  forbidden_key: {
    status: 400,
    de: 'Die Anfrage enthält einen unzulässigen Feldnamen („__proto__“, „constructor“ oder „prototype“).',
    en: 'The request contains a forbidden field name ("__proto__", "constructor" or "prototype").',
  },
  too_deeply_nested: {
    status: 400,
    de: 'Die Anfrage ist zu tief verschachtelt.',
    en: 'The request is nested too deeply.',
  },
  unsupported_media_type: {
    status: 415,
    de: 'Bitte senden Sie die Daten als JSON (Content-Type: application/json; charset=utf-8).',
    en: 'Please send the data as JSON (Content-Type: application/json; charset=utf-8).',
  },
  payload_too_large: {
    status: 413,
    de: 'Die Anfrage ist zu groß.',
    en: 'The request is too large.',
  },
  form_not_found: {
    status: 404,
    de: 'Dieses Formular gibt es nicht oder es ist nicht veröffentlicht.',
    en: 'This form does not exist or is not published.',
  },
  form_version_not_found: {
    status: 404,
    de: 'Diese Version des Formulars gibt es nicht.',
    en: 'This version of the form does not exist.',
  },
  submission_not_found: {
    status: 404,
    de: 'Zu dieser Vorgangsnummer und diesem Zugangsschlüssel wurde kein Antrag gefunden.',
    en: 'No application was found for this reference number and access key.',
  },
  draft_not_found: {
    status: 404,
    de: 'Dieser Entwurf wurde nicht gefunden. Vielleicht ist er abgelaufen oder der Link ist unvollständig.',
    en: 'This draft was not found. It may have expired, or the link is incomplete.',
  },
  attachment_not_found: {
    status: 404,
    de: 'Diese Datei wurde nicht gefunden.',
    en: 'This file was not found.',
  },
  not_an_attachment_field: {
    status: 400,
    de: 'Zu diesem Feld können keine Dateien hochgeladen werden.',
    en: 'Files cannot be uploaded for this field.',
  },
  attachment_name_invalid: {
    status: 400,
    de: 'Der Dateiname fehlt, ist zu lang oder enthält unzulässige Zeichen.',
    en: 'The file name is missing, too long or contains characters that are not allowed.',
  },
  attachment_empty: {
    status: 400,
    de: 'Die Datei ist leer.',
    en: 'The file is empty.',
  },
  attachment_too_large: {
    status: 413,
    de: 'Die Datei ist zu groß.',
    en: 'The file is too large.',
  },
  attachment_type_not_allowed: {
    status: 415,
    de: 'Diese Art von Datei ist hier nicht erlaubt. Der Dateityp wird am Inhalt erkannt, nicht am Namen.',
    en: 'This kind of file is not accepted here. The type is recognised from the content, not from the name.',
  },
  validation_failed: {
    status: 422,
    de: 'Die Angaben sind unvollständig oder fehlerhaft. Bitte prüfen Sie die markierten Felder.',
    en: 'Some entries are missing or invalid. Please check the marked fields.',
  },
  unauthorized: {
    status: 401,
    de: 'Für diese Anfrage ist eine gültige Anmeldung nötig.',
    en: 'This request needs valid credentials.',
  },
  invalid_credentials: {
    status: 401,
    de: 'E-Mail-Adresse oder Passwort ist falsch, oder das Konto ist gesperrt.',
    en: 'The e-mail address or password is wrong, or the account is disabled.',
  },
  csrf_failed: {
    status: 403,
    de: 'Die Anfrage trägt kein gültiges CSRF-Token (Header „X-CSRF-Token“). Bitte laden Sie die Seite neu.',
    en: 'The request does not carry a valid CSRF token (header "X-CSRF-Token"). Please reload the page.',
  },
  forbidden: {
    status: 403,
    de: 'Ihre Rolle erlaubt diese Anfrage nicht.',
    en: 'Your role does not permit this request.',
  },
  invalid_query: {
    status: 400,
    de: 'Die Parameter der Anfrage sind ungültig.',
    en: 'The request parameters are invalid.',
  },
  delivery_not_found: {
    status: 404,
    de: 'Diese Zustellung gibt es nicht oder sie ist nicht gescheitert.',
    en: 'This delivery does not exist or has not failed.',
  },
  application_not_found: {
    status: 404,
    de: 'Diesen Antrag gibt es nicht.',
    en: 'This application does not exist.',
  },
  status_transition_invalid: {
    status: 409,
    de: 'Dieser Bearbeitungsstand kann auf den aktuellen nicht folgen.',
    en: 'This processing status cannot follow the current one.',
  },
  message_not_found: {
    status: 404,
    de: 'Zu dieser Zustellung gibt es keine gesendete Nachricht.',
    en: 'There is no message sent for this delivery.',
  },
  user_not_found: {
    status: 404,
    de: 'Dieses Benutzerkonto gibt es nicht.',
    en: 'This user account does not exist.',
  },
  email_taken: {
    status: 409,
    de: 'Zu dieser E-Mail-Adresse gibt es bereits ein Benutzerkonto.',
    en: 'A user account with this e-mail address already exists.',
  },
  last_admin: {
    status: 409,
    de: 'Das ist das letzte aktive Administrationskonto. Es kann weder gesperrt noch herabgestuft werden, solange kein anderes besteht.',
    en: 'This is the last enabled administrator account. It cannot be disabled or demoted while no other exists.',
  },
  api_token_not_found: {
    status: 404,
    de: 'Dieses API-Token gibt es nicht.',
    en: 'This API token does not exist.',
  },
  api_token_name_taken: {
    status: 409,
    de: 'Ein API-Token mit diesem Namen gibt es bereits.',
    en: 'An API token with this name already exists.',
  },
  print_batch_not_found: {
    status: 404,
    de: 'Diesen Druckstapel gibt es nicht.',
    en: 'This print batch does not exist.',
  },
  print_batch_claimed: {
    status: 409,
    de: 'Ein anderes Druckzentrum hat diesen Druckstapel übernommen.',
    en: 'Another print centre holds this print batch.',
  },
  print_batch_not_claimed: {
    status: 409,
    de: 'Dieser Druckstapel ist nicht von Ihrem Druckzentrum übernommen; bitte zuerst übernehmen (claim).',
    en: 'Your print centre does not hold this print batch; claim it first.',
  },
  print_batch_confirmed: {
    status: 409,
    de: 'Dieser Druckstapel ist bereits bestätigt.',
    en: 'This print batch has already been confirmed.',
  },
  print_document_deleted: {
    status: 410,
    de: 'Die Druckdatei dieses Stapels ist nach Ablauf der Aufbewahrungsfrist gelöscht; Manifest und Verlauf bleiben abrufbar.',
    en: 'The print file of this batch has been deleted after its retention period; manifest and history remain.',
  },
  print_hash_mismatch: {
    status: 422,
    de: 'Der angegebene SHA-256-Wert passt nicht zur Druckdatei dieses Stapels.',
    en: 'The given SHA-256 does not match the print file of this batch.',
  },
  print_confirmation_invalid: {
    status: 422,
    de: 'Die Bestätigung muss jedes Schriftstück des Stapels genau einmal als gedruckt oder fehlgeschlagen nennen.',
    en: 'The confirmation must name every piece of the batch exactly once, as printed or failed.',
  },
  print_piece_not_found: {
    status: 404,
    de: 'Dieses Schriftstück gibt es nicht.',
    en: 'This piece does not exist.',
  },
  print_piece_not_cancellable: {
    status: 409,
    de: 'Dieses Schriftstück kann nicht mehr storniert werden: Sein Stapel ist übernommen oder es ist bereits gedruckt, storniert oder aufgegeben.',
    en: 'This piece can no longer be cancelled: its batch has been claimed, or it is already printed, cancelled or given up.',
  },
  letter_submission_not_found: {
    status: 404,
    de: 'Diesen Antrag gibt es nicht.',
    en: 'This application does not exist.',
  },
  letter_template_unknown: {
    status: 422,
    de: 'Diese Briefvorlage gibt es nicht.',
    en: 'This letter template does not exist.',
  },
  letter_template_other_form: {
    status: 422,
    de: 'Diese Briefvorlage ist für ein anderes Formular geschrieben.',
    en: 'This letter template is written for another form.',
  },
  letter_address_missing: {
    status: 422,
    de: 'Der Antrag enthält keine vollständige Postanschrift der antragstellenden Person; der Brief kann nicht gedruckt werden.',
    en: 'The application holds no complete postal address of the applicant; the letter cannot be printed.',
  },
  letter_address_not_printable: {
    status: 422,
    de: 'Die Anschrift passt nicht lesbar in das Anschriftfeld des Briefs.',
    en: 'The address does not fit readably into the address field of the letter.',
  },
  letter_too_long: {
    status: 422,
    de: 'Der Brief braucht mehr Blätter, als der Umschlag des Druckziels fasst. Bitte kürzen Sie den Text.',
    en: 'The letter needs more sheets than the envelope of the print target takes. Please shorten the text.',
  },
  letter_no_print_target: {
    status: 422,
    de: 'Für die zuständige Behörde ist kein Druckziel eingerichtet; Briefe können nicht versandt werden.',
    en: 'No print target is set up for the responsible authority; letters cannot be sent.',
  },
  letter_print_target_required: {
    status: 422,
    de: 'Für diesen Antrag kommen mehrere Druckziele in Frage. Bitte wählen Sie eines („printTarget“).',
    en: 'Several print targets are possible for this application. Please choose one ("printTarget").',
  },
  letter_print_target_unknown: {
    status: 422,
    de: 'Dieses Druckziel gibt es für diesen Antrag nicht.',
    en: 'This print target is not available for this application.',
  },
  idempotency_key_required: {
    status: 400,
    de: 'Diese Anfrage braucht einen Header „Idempotency-Key“ (1–200 sichtbare ASCII-Zeichen).',
    en: 'This request needs an "Idempotency-Key" header (1–200 visible ASCII characters).',
  },
  idempotency_key_reused: {
    status: 422,
    de: 'Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet.',
    en: 'This Idempotency-Key has already been used for a different request.',
  },
  range_not_satisfiable: {
    status: 416,
    de: 'Der angeforderte Bereich liegt außerhalb der Datei.',
    en: 'The requested range lies outside the file.',
  },
  rate_limited: {
    status: 429,
    de: 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
    en: 'Too many requests in a short time. Please wait a moment and try again.',
  },
  managed_by_file: {
    status: 409,
    de: 'Dieser Eintrag wird durch die Provisionierungsdatei verwaltet und kann nur dort geändert werden.',
    en: 'This record is managed by the provisioning file and can only be changed there.',
  },
  already_exists: {
    status: 409,
    de: 'Einen Eintrag mit dieser Kennung gibt es bereits.',
    en: 'A record with this id already exists.',
  },
  designer_form_not_found: {
    status: 404,
    de: 'Dieses Formular gibt es im Formular-Designer nicht.',
    en: 'This form does not exist in the form designer.',
  },
  validator_module_not_found: {
    status: 404,
    de: 'Diese Prüfregeln der Vorschau gibt es nicht (mehr); die Vorschau fordert sie neu an.',
    en: 'These preview validators do not exist (any more); the preview requests them again.',
  },
  definition_invalid: {
    status: 422,
    de: 'Die Formulardefinition hat Probleme; jedes ist mit seiner Stelle (JSON Pointer) aufgeführt.',
    en: 'The form definition has problems; each is listed with its place (JSON Pointer).',
  },
  precondition_required: {
    status: 428,
    de: 'Zum Speichern wird die Version des Entwurfs benötigt, auf der die Änderung beruht (Kopfzeile If-Match mit dem ETag).',
    en: 'Saving needs the version of the draft the change is based on (If-Match header with the ETag).',
  },
  draft_conflict: {
    status: 412,
    de: 'Der Entwurf wurde inzwischen von jemand anderem gespeichert. Bitte laden Sie den Entwurf neu und übertragen Sie Ihre Änderungen; es wurde nichts überschrieben.',
    en: 'Someone else has saved the draft in the meantime. Please reload the draft and apply your changes again; nothing was overwritten.',
  },
  authority_in_use: {
    status: 409,
    de: 'Diese Behörde wird noch verwendet (Anträge, Ziele, Rollen, Tokens oder Formulare) und kann nicht gelöscht werden.',
    en: 'This authority is still in use (applications, targets, roles, tokens or forms) and cannot be deleted.',
  },
  target_in_use: {
    status: 409,
    de: 'Dieses Ziel wird noch verwendet (Zustellungen, Zuständigkeiten oder Formulare) und kann nicht gelöscht werden.',
    en: 'This target is still in use (deliveries, Zuständigkeiten or forms) and cannot be deleted.',
  },
  authority_not_found: {
    status: 404,
    de: 'Diese Behörde gibt es nicht.',
    en: 'This authority does not exist.',
  },
  target_not_found: {
    status: 404,
    de: 'Dieses Ziel gibt es nicht.',
    en: 'This target does not exist.',
  },
  zustaendigkeit_not_found: {
    status: 404,
    de: 'Diese Zuständigkeit gibt es nicht.',
    en: 'This Zuständigkeit does not exist.',
  },
  not_found: {
    status: 404,
    de: 'Diese Adresse gibt es nicht.',
    en: 'There is nothing at this address.',
  },
  method_not_allowed: {
    status: 405,
    de: 'Diese Methode ist hier nicht erlaubt.',
    en: 'This method is not allowed here.',
  },
  intake_busy: {
    status: 503,
    de: 'Gerade gehen sehr viele Anträge ein. Ihr Antrag wurde nicht gespeichert; bitte senden Sie ihn in einem Moment erneut.',
    en: 'Very many applications are arriving right now. Yours was not stored; please send it again in a moment.',
  },
  not_ready: {
    status: 503,
    de: 'Der Dienst ist noch nicht bereit.',
    en: 'The service is not ready yet.',
  },
  internal_error: {
    status: 500,
    de: 'Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
    en: 'An internal error occurred. Please try again later.',
  },
} satisfies Record<string, Texts & { status: number }>;

export type ErrorCode = keyof typeof errorCatalogue;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

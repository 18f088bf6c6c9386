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
    de: 'Zu dieser Kennung und diesem Zugangsschlüssel wurde kein Antrag gefunden.',
    en: 'No application was found for this identifier and access key.',
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

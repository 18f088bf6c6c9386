/** Dates and sizes in the citizen's language, alike in the portal and in the receipt PDF. */
import { localeOf, type Language } from '../i18n.ts';
import { formViewTexts } from './texts.ts';

/**
 * Times are the authority's: the portal, the receipt PDF and letters show them in this zone
 * and say so, whatever the reader's device is set to.
 */
export const portalTimeZone = 'Europe/Berlin';

/** A date and time with its zone, e.g. "12. April 2025 um 14:05 MESZ (Europe/Berlin)". */
export function formatDateTime(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat(localeOf(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: portalTimeZone,
    timeZoneName: 'short',
  }).format(date);
  return `${text} (${portalTimeZone})`;
}

/** A date and time in a table's few characters, e.g. "03.12.2026, 14:05", in the portal's zone. */
export function formatShortDateTime(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: portalTimeZone }).format(date);
}

/** The calendar day of a point in time as the authority counts it (its zone), e.g. "03.12.2026". */
export function formatShortDate(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeZone: portalTimeZone }).format(date);
}

/** A calendar date (`2025-04-12`), which has no time zone: formatted as it is. */
export function formatDate(value: string, lang: Language): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function formatBytes(bytes: number, lang: Language): string {
  const format = (value: number, unit: string) =>
    `${new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 1 }).format(value)} ${unit}`;
  if (bytes >= 1024 * 1024) return format(bytes / (1024 * 1024), 'MB');
  if (bytes >= 1024) return format(bytes / 1024, 'KB');
  return format(bytes, formViewTexts[lang].bytes);
}

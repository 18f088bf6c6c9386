import type { ErrorCode } from '../shared/errors.ts';
import type { Language, Texts } from '../shared/i18n.ts';

/** An error the API answers with its stable code; everything else becomes internal_error. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Plain JSON; words for people as `LocalizedText`, which the error handler puts in the request's language. */
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** A text in an error's details, said in the language of the request that gets the answer. */
export class LocalizedText {
  constructor(readonly texts: Texts) {}
}

/** `details` with every `LocalizedText` replaced by its text in `lang`. */
export function localizeDetails(details: unknown, lang: Language): unknown {
  if (details instanceof LocalizedText) return details.texts[lang];
  if (Array.isArray(details)) return details.map((item) => localizeDetails(item, lang));
  if (details !== null && typeof details === 'object' && Object.getPrototypeOf(details) === Object.prototype)
    return Object.fromEntries(Object.entries(details).map(([key, value]) => [key, localizeDetails(value, lang)]));
  return details;
}

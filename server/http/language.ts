import type { Request } from 'express';
import { defaultLanguage, languages, type Language } from '../../shared/i18n.ts';

/** The language a response speaks: from Accept-Language, German when nothing fits. */
export function languageOf(req: Request): Language {
  return (req.acceptsLanguages(...languages) || defaultLanguage) as Language;
}

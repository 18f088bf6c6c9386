/**
 * The language of the portal: German by default, English on request. The choice is kept in
 * the browser (localStorage) and set on <html lang>, so screen readers pronounce it right.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { defaultLanguage, languages, type Language } from '../../shared/i18n.ts';
import { uiTexts, type UiTexts } from './i18n.ts';

const storageKey = 'antragswerk.language';

interface LanguageState {
  lang: Language;
  t: UiTexts;
  setLang(lang: Language): void;
}

const LanguageContext = createContext<LanguageState>({ lang: defaultLanguage, t: uiTexts[defaultLanguage], setLang: () => {} });

/** The language chosen earlier in this browser, else the default. */
export function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return (languages as readonly string[]).includes(stored ?? '') ? (stored as Language) : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(storedLanguage);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // storage may be blocked; the choice then lasts for this page only
    }
  }, []);
  const value = useMemo(() => ({ lang, t: uiTexts[lang], setLang }), [lang, setLang]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export const useLanguage = () => useContext(LanguageContext);

/**
 * A part of the page in a language of its own (the designer's preview of a form in English in a
 * German back office): the texts of what is inside follow `lang`; the page's language stays.
 */
export function FixedLanguage({ lang, children }: { lang: Language; children: ReactNode }) {
  const value = useMemo(() => ({ lang, t: uiTexts[lang], setLang: () => {} }), [lang]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

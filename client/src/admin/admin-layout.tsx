/**
 * The back office's frame: skip link, a header naming the portal and the back office, the
 * navigation of the areas the account may use, who is signed in with sign-out, the language
 * switch; then the page. Reflows to one column at 320 px.
 */
import { useState, type ReactNode } from 'react';
import { mainId } from '../layout/page-layout.tsx';
import { usePortal } from '../layout/portal-context.tsx';
import { useLanguage } from '../language.tsx';
import { Link, useRouter } from '../routing/router.tsx';
import { adminNavigation, matchAdminRoute } from './admin-paths.ts';
import { useSession } from './session.tsx';
import { useTexts } from './use-texts.ts';

const texts = {
  de: {
    backOffice: 'Verwaltung',
    navigation: 'Bereiche der Verwaltung',
    signedInAs: 'Angemeldet als',
    signOut: 'Abmelden',
    signOutFailed: 'Abmelden hat nicht geklappt:',
  },
  en: {
    backOffice: 'Back office',
    navigation: 'Areas of the back office',
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
    signOutFailed: 'Signing out failed:',
  },
};

export function AdminLayout({ children }: { children: ReactNode }) {
  const { lang, t, setLang } = useLanguage();
  const words = useTexts(texts);
  const portal = usePortal();
  const session = useSession();
  const { location } = useRouter();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const current = matchAdminRoute(location.pathname)?.page;
  const other = lang === 'de' ? 'en' : 'de';

  const signOut = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await session.signOut();
    } catch (error) {
      setFailure(`${words.signOutFailed} ${(error as Error).message}`);
      setBusy(false);
    }
  };

  return (
    <>
      <a className="skip-link" href={`#${mainId}`}>
        {t.skipToContent}
      </a>
      <header className="site-header admin-header">
        <div className="site-header__inner">
          <Link to="/admin" className="site-header__name">
            {portal?.name ?? t.portalFallbackName} · {words.backOffice}
          </Link>
          <div className="admin-header__account">
            <span>
              {words.signedInAs} <strong>{session.user.email}</strong>
            </span>
            <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void signOut()}>
              {words.signOut}
            </button>
            <button type="button" className="language-switch" lang={other} aria-label={t.switchLanguageLabel} onClick={() => setLang(other)}>
              {t.switchLanguage}
            </button>
          </div>
        </div>
        <nav className="site-nav" aria-label={words.navigation}>
          <ul className="site-nav__list">
            {adminNavigation(session.mayAtAll).map((entry) => (
              <li key={entry.page}>
                <Link to={entry.path} className="site-nav__link" aria-current={entry.page === current ? 'page' : undefined}>
                  {entry.label[lang]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {failure && (
        <div className="notice notice--error admin-notice" role="alert">
          <p>{failure}</p>
        </div>
      )}
      <main id={mainId} className="site-main admin-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

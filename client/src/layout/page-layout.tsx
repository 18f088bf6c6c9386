/** The frame of every page: skip link, header with navigation and language switch, main, footer. */
import type { ReactNode } from 'react';
import { useLanguage } from '../language.tsx';
import { Link, useRouter } from '../routing/router.tsx';
import { matchRoute, paths } from '../routing/routes.ts';
import { usePortal } from './portal-context.tsx';

export const mainId = 'inhalt';

function NavLink({ to, children }: { to: string; children: ReactNode }) {
  const { location } = useRouter();
  const current = matchRoute(location.pathname).page === matchRoute(to).page;
  return (
    <Link to={to} className="site-nav__link" aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

export function PageLayout({ children }: { children: ReactNode }) {
  const { lang, t, setLang } = useLanguage();
  const portal = usePortal();
  const other = lang === 'de' ? 'en' : 'de';
  return (
    <>
      <a className="skip-link" href={`#${mainId}`}>
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to={paths.catalogue} className="site-header__name">
            {portal?.name ?? t.portalFallbackName}
          </Link>
          <button
            type="button"
            className="language-switch"
            lang={other}
            aria-label={t.switchLanguageLabel}
            onClick={() => setLang(other)}
          >
            {t.switchLanguage}
          </button>
        </div>
        <nav className="site-nav" aria-label={t.mainNavigation}>
          <ul className="site-nav__list">
            <li>
              <NavLink to={paths.catalogue}>{t.navCatalogue}</NavLink>
            </li>
            <li>
              <NavLink to={paths.status}>{t.navStatus}</NavLink>
            </li>
            <li>
              <NavLink to={paths.accessibility}>{t.navAccessibility}</NavLink>
            </li>
          </ul>
        </nav>
      </header>
      <main id={mainId} className="site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <nav aria-label={t.footerNavigation}>
          <ul className="site-footer__list">
            <li>
              <Link to={paths.accessibility}>{t.statementTitle}</Link>
            </li>
            <li>
              <Link to={paths.status}>{t.navStatus}</Link>
            </li>
          </ul>
        </nav>
        <p className="site-footer__operator">{portal?.name ?? t.portalFallbackName}</p>
      </footer>
    </>
  );
}

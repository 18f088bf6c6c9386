/**
 * The back office under /admin (all but its sign-in page): the session, the frame, and the page
 * the address names, if the account may use it. Pages load on demand, like the citizen's form.
 */
import type { ComponentType } from 'react';
import { PageHeading } from '../layout/page-heading.tsx';
import { useLanguage } from '../language.tsx';
import { Link, useRouter } from '../routing/router.tsx';
import { lazyPage, type LazyPage } from '../routing/lazy-page.tsx';
import { AdminLayout } from './admin-layout.tsx';
import { adminPages, adminPaths, matchAdminRoute, type AdminPageId } from './admin-paths.ts';
import { SessionProvider, useSession } from './session.tsx';
import { useTexts } from './use-texts.ts';
import '../styles/admin.css';

/** Every page gets the parameters of its address. */
export interface AdminPageProps {
  params: Record<string, string>;
}

const pageCode: Record<AdminPageId, () => Promise<ComponentType<AdminPageProps>>> = {
  overview: () => import('./pages/overview-page.tsx').then((m) => m.OverviewPage),
  applications: () => import('./pages/applications-page.tsx').then((m) => m.ApplicationsPage),
  application: () => import('./pages/application-page.tsx').then((m) => m.ApplicationPage),
  forms: () => import('./pages/forms-page.tsx').then((m) => m.FormsPage),
  formDesigner: () => import('./pages/designer-page.tsx').then((m) => m.DesignerPage),
  deliveries: () => import('./pages/deliveries-page.tsx').then((m) => m.DeliveriesPage),
  print: () => import('./pages/print-page.tsx').then((m) => m.PrintPage),
  dashboard: () => import('./pages/dashboard-page.tsx').then((m) => m.DashboardPage),
  authorities: () => import('./pages/authorities-page.tsx').then((m) => m.AuthoritiesPage),
  authorityNew: () => import('./pages/authority-page.tsx').then((m) => m.AuthorityPage),
  authority: () => import('./pages/authority-page.tsx').then((m) => m.AuthorityPage),
  targets: () => import('./pages/targets-page.tsx').then((m) => m.TargetsPage),
  targetNew: () => import('./pages/target-page.tsx').then((m) => m.TargetPage),
  target: () => import('./pages/target-page.tsx').then((m) => m.TargetPage),
  zustaendigkeiten: () => import('./pages/zustaendigkeiten-page.tsx').then((m) => m.ZustaendigkeitenPage),
  accounts: () => import('./pages/accounts-page.tsx').then((m) => m.AccountsPage),
  accountNew: () => import('./pages/account-new-page.tsx').then((m) => m.AccountNewPage),
  account: () => import('./pages/account-page.tsx').then((m) => m.AccountPage),
  apiTokens: () => import('./pages/api-tokens-page.tsx').then((m) => m.ApiTokensPage),
  erasure: () => import('./pages/erasure-page.tsx').then((m) => m.ErasurePage),
  audit: () => import('./pages/audit-page.tsx').then((m) => m.AuditPage),
};

const pages = Object.fromEntries(
  (Object.entries(pageCode) as Array<[AdminPageId, () => Promise<ComponentType<AdminPageProps>>]>).map(([page, load]) => [page, lazyPage(load)]),
) as Record<AdminPageId, LazyPage<AdminPageProps>>;

// The code of the page the address names starts loading with the back office's own, beside the
// session look-up; the session's loading status lasts until both are there, so the page then
// renders at once and its own requests start without waiting for React to reveal it.
const firstRoute = matchAdminRoute(window.location.pathname);
const firstPageCode = firstRoute ? pages[firstRoute.page].preload().catch(() => undefined) : undefined;

const texts = {
  de: {
    forbiddenTitle: 'Keine Berechtigung',
    forbiddenText: 'Ihre Rollen erlauben diesen Bereich nicht. Wenden Sie sich an die Administration, wenn Sie ihn brauchen.',
    toOverview: 'Zur Übersicht',
  },
  en: {
    forbiddenTitle: 'Not permitted',
    forbiddenText: 'Your roles do not permit this area. Ask your administrators if you need it.',
    toOverview: 'To the overview',
  },
};

function CurrentAdminPage() {
  const { location } = useRouter();
  const { t } = useLanguage();
  const words = useTexts(texts);
  const session = useSession();
  const route = matchAdminRoute(location.pathname);
  if (!route)
    return (
      <>
        <PageHeading title={t.notFoundTitle} />
        <p>{t.notFoundText}</p>
        <p>
          <Link to={adminPaths.overview}>{words.toOverview}</Link>
        </p>
      </>
    );
  const { action } = adminPages[route.page] as { action: Parameters<typeof session.mayAtAll>[0] | undefined };
  if (action && !session.mayAtAll(action))
    return (
      <>
        <PageHeading title={words.forbiddenTitle} />
        <p>{words.forbiddenText}</p>
        <p>
          <Link to={adminPaths.overview}>{words.toOverview}</Link>
        </p>
      </>
    );
  const Page = pages[route.page];
  // A new address of the same page (another submission) starts the page afresh.
  return <Page key={location.pathname} params={route.params} />;
}

export function AdminApp() {
  return (
    <SessionProvider alsoWaitFor={firstPageCode}>
      <AdminLayout>
        <CurrentAdminPage />
      </AdminLayout>
    </SessionProvider>
  );
}

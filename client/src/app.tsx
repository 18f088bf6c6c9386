/** The portal: language, router and operator settings around the page the address names. */
import { PageLayout } from './layout/page-layout.tsx';
import { PortalProvider } from './layout/portal-context.tsx';
import { LanguageProvider } from './language.tsx';
import { AccessibilityStatementPage } from './pages/accessibility-statement-page.tsx';
import { CataloguePage } from './pages/catalogue-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { ReceiptPage } from './pages/receipt-page.tsx';
import { keptReceipt } from './form/receipt-store.ts';
import { StatusPage } from './pages/status-page.tsx';
import { lazyPage } from './routing/lazy-page.tsx';
import { Redirect, Router, useRouter } from './routing/router.tsx';
import { matchRoute, paths } from './routing/routes.ts';

/** The form renderer and validator load only with a form: the first page a phone loads stays small. */
const FormPage = lazyPage(() => import('./pages/form-page.tsx').then((module) => module.FormPage));
/** The caseworkers' pages are no citizen's download. */
const AdminSignInPage = lazyPage(() => import('./pages/admin/sign-in-page.tsx').then((module) => module.SignInPage));
const AdminApp = lazyPage(() => import('./admin/admin-app.tsx').then((module) => module.AdminApp));

function CurrentPage() {
  const { location } = useRouter();
  const route = matchRoute(location.pathname);
  switch (route.page) {
    case 'catalogue':
      return <CataloguePage />;
    case 'form':
      // Submitted in this tab: Back or the form's address shows the receipt, never an empty form again.
      if (keptReceipt(route.formId)) return <Redirect to={paths.receipt(route.formId)} />;
      return <FormPage key={route.formId} formId={route.formId} />;
    case 'receipt':
      return <ReceiptPage key={route.formId} formId={route.formId} />;
    case 'status':
      return <StatusPage />;
    case 'accessibility':
      return <AccessibilityStatementPage />;
    case 'admin':
      return null; // drawn in its own frame, see App
    case 'admin-sign-in':
      return <AdminSignInPage />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

/** The citizen's pages in the portal's frame; the back office in its own. */
function Frame() {
  const { location } = useRouter();
  if (matchRoute(location.pathname).page === 'admin') return <AdminApp />;
  return (
    <PageLayout>
      <CurrentPage />
    </PageLayout>
  );
}

export function App() {
  return (
    <LanguageProvider>
      <Router>
        <PortalProvider>
          <Frame />
        </PortalProvider>
      </Router>
    </LanguageProvider>
  );
}

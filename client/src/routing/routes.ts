/** The portal's pages and their addresses. */
export type Route =
  | { page: 'catalogue' }
  | { page: 'form'; formId: string }
  | { page: 'receipt'; formId: string }
  | { page: 'status' }
  | { page: 'accessibility' }
  | { page: 'admin' }
  | { page: 'admin-sign-in' }
  | { page: 'not-found' };

export const paths = {
  catalogue: '/',
  form: (formId: string) => `/formulare/${encodeURIComponent(formId)}`,
  /** The receipt after submitting; what it shows is kept in the tab (form/receipt-store.ts), not in the address. */
  receipt: (formId: string) => `/formulare/${encodeURIComponent(formId)}/eingangsbestaetigung`,
  status: '/status',
  accessibility: '/barrierefreiheit',
  /** The back office for caseworkers, and its sign-in. */
  admin: '/admin',
  adminSignIn: '/admin/anmelden',
};

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/') return { page: 'catalogue' };
  if (path === paths.status) return { page: 'status' };
  if (path === paths.accessibility) return { page: 'accessibility' };
  if (path === paths.adminSignIn) return { page: 'admin-sign-in' };
  // The back office has its own addresses below /admin (client/src/admin/admin-paths.ts).
  if (path === paths.admin || path.startsWith(`${paths.admin}/`)) return { page: 'admin' };
  const form = /^\/formulare\/([^/]+)(\/eingangsbestaetigung)?$/.exec(path);
  if (form) {
    try {
      return { page: form[2] ? 'receipt' : 'form', formId: decodeURIComponent(form[1]!) };
    } catch {
      return { page: 'not-found' };
    }
  }
  return { page: 'not-found' };
}

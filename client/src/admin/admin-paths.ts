/**
 * The back office's addresses, all under /admin. One table: a page's address, the action the
 * policy must allow for it (shared/auth-policy.ts) and its place in the navigation.
 */
import type { Action } from '../../../shared/auth-policy.ts';

export const adminPaths = {
  overview: '/admin',
  signIn: '/admin/anmelden',
} as const;

interface AdminPage {
  /** The address; `:name` is one path segment, handed to the page as a parameter. */
  pattern: string;
  /** What the signed-in caseworker must be allowed somewhere; `undefined`: any signed-in account. */
  action: Action | undefined;
  /** Its entry in the back office's navigation, in order; pages reached from others have none. */
  nav?: { de: string; en: string };
}

export const adminPages = {
  overview: { pattern: '/admin', action: undefined, nav: { de: 'Übersicht', en: 'Overview' } },
  applications: { pattern: '/admin/antraege', action: 'submissions.read', nav: { de: 'Anträge', en: 'Applications' } },
  application: { pattern: '/admin/antraege/:id', action: 'submissions.read' },
  forms: { pattern: '/admin/formulare', action: 'forms.design', nav: { de: 'Formulare', en: 'Forms' } },
  formDesigner: { pattern: '/admin/formulare/:id', action: 'forms.design' },
  deliveries: { pattern: '/admin/zustellungen', action: 'deliveries.read', nav: { de: 'Zustellungen', en: 'Deliveries' } },
  print: { pattern: '/admin/druck', action: 'print.read', nav: { de: 'Druck', en: 'Print' } },
  dashboard: { pattern: '/admin/kennzahlen', action: 'deliveries.read', nav: { de: 'Kennzahlen', en: 'Key figures' } },
  authorities: { pattern: '/admin/behoerden', action: 'installation.manage', nav: { de: 'Behörden', en: 'Authorities' } },
  authorityNew: { pattern: '/admin/behoerden/neu', action: 'installation.manage' },
  authority: { pattern: '/admin/behoerden/:id', action: 'installation.manage' },
  targets: { pattern: '/admin/ziele', action: 'installation.manage', nav: { de: 'Ziele', en: 'Targets' } },
  targetNew: { pattern: '/admin/ziele/neu', action: 'installation.manage' },
  target: { pattern: '/admin/ziele/:id', action: 'installation.manage' },
  zustaendigkeiten: { pattern: '/admin/zustaendigkeiten', action: 'installation.manage', nav: { de: 'Zuständigkeiten', en: 'Responsibilities' } },
  accounts: { pattern: '/admin/konten', action: 'installation.manage', nav: { de: 'Konten', en: 'Accounts' } },
  accountNew: { pattern: '/admin/konten/neu', action: 'installation.manage' },
  account: { pattern: '/admin/konten/:id', action: 'installation.manage' },
  apiTokens: { pattern: '/admin/api-tokens', action: 'installation.manage', nav: { de: 'API-Tokens', en: 'API tokens' } },
  erasure: { pattern: '/admin/loeschung', action: 'installation.manage', nav: { de: 'Löschfristen', en: 'Retention' } },
  audit: { pattern: '/admin/protokoll', action: 'audit.read', nav: { de: 'Protokoll', en: 'Audit trail' } },
} satisfies Record<string, AdminPage>;

export type AdminPageId = keyof typeof adminPages;

export interface AdminRoute {
  page: AdminPageId;
  params: Record<string, string>;
}

/** The back-office page an address names, with its parameters; undefined for none. */
export function matchAdminRoute(pathname: string): AdminRoute | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const [page, { pattern }] of Object.entries(adminPages) as Array<[AdminPageId, AdminPage]>) {
    const names: string[] = [];
    const source = pattern.replace(/:([a-z]+)/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    const match = new RegExp(`^${source}$`).exec(path);
    if (!match) continue;
    try {
      return { page, params: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)])) };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The navigation's entries the account may use, in table order. */
export const adminNavigation = (mayAtAll: (action: Action) => boolean) =>
  (Object.entries(adminPages) as Array<[AdminPageId, AdminPage]>).flatMap(([page, entry]) =>
    entry.nav && (entry.action === undefined || mayAtAll(entry.action)) ? [{ page, path: entry.pattern, label: entry.nav }] : [],
  );

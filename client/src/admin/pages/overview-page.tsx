/**
 * `/admin`: where a caseworker starts — who they are, their roles per authority, and the areas
 * of the back office their roles open.
 */
import type { AuthorityRole } from '../../../../shared/auth-policy.ts';
import { PageHeading } from '../../layout/page-heading.tsx';
import { useLanguage } from '../../language.tsx';
import { Link } from '../../routing/router.tsx';
import type { AdminPageProps } from '../admin-app.tsx';
import { adminNavigation } from '../admin-paths.ts';
import { useSession } from '../session.tsx';
import { useTexts } from '../use-texts.ts';

const texts = {
  de: {
    title: 'Übersicht',
    welcome: (name: string) => `Willkommen, ${name}.`,
    roles: 'Ihre Rollen',
    admin: 'Administration der Installation',
    noRoles: 'Ihrem Konto ist noch keine Rolle zugewiesen. Wenden Sie sich an die Administration.',
    role: { designer: 'Formulargestaltung', sachbearbeitung: 'Sachbearbeitung', auditor: 'Prüfung (Protokoll)' } satisfies Record<AuthorityRole, string>,
    authority: 'Behörde',
    areas: 'Bereiche',
  },
  en: {
    title: 'Overview',
    welcome: (name: string) => `Welcome, ${name}.`,
    roles: 'Your roles',
    admin: 'Administration of the installation',
    noRoles: 'No role has been given to your account yet. Ask your administrators.',
    role: { designer: 'Form design', sachbearbeitung: 'Casework', auditor: 'Audit' } satisfies Record<AuthorityRole, string>,
    authority: 'Authority',
    areas: 'Areas',
  },
};

export function OverviewPage(_props: AdminPageProps) {
  const { lang } = useLanguage();
  const words = useTexts(texts);
  const session = useSession();
  const { user } = session;
  const areas = adminNavigation(session.mayAtAll).filter((entry) => entry.page !== 'overview');
  return (
    <>
      <PageHeading title={words.title} />
      <p className="lead">{words.welcome(user.name)}</p>
      <h2>{words.roles}</h2>
      {!user.admin && user.grants.length === 0 ? (
        <p>{words.noRoles}</p>
      ) : (
        <ul>
          {user.admin && <li>{words.admin}</li>}
          {user.grants.map((grant) => (
            <li key={`${grant.role}:${grant.authorityId}`}>
              {words.role[grant.role as AuthorityRole] ?? grant.role} — {words.authority} <code>{grant.authorityId}</code>
            </li>
          ))}
        </ul>
      )}
      {areas.length > 0 && (
        <>
          <h2>{words.areas}</h2>
          <ul>
            {areas.map((entry) => (
              <li key={entry.page}>
                <Link to={entry.path}>{entry.label[lang]}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

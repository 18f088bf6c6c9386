/** `/admin/konten`: the installation's accounts with their roles per authority and how each is managed. */
import { LoadFailed, Loading } from '../../layout/load-states.tsx';
import { PageHeading } from '../../layout/page-heading.tsx';
import { useResource } from '../../layout/use-resource.ts';
import { Link } from '../../routing/router.tsx';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi } from '../admin-api.ts';
import { useTexts } from '../use-texts.ts';
import { DataTable } from '../components/data-table.tsx';
import type { Account } from './administration/types.ts';
import { roleName, sharedTexts } from './administration/words.ts';

const texts = {
  de: {
    title: 'Konten',
    intro: 'Konten der Mitarbeitenden und ihre Rollen je Behörde.',
    create: 'Neues Konto anlegen',
    caption: 'Konten der Installation',
    region: 'Tabelle der Konten',
    email: 'E-Mail-Adresse',
    name: 'Name',
    admin: 'Administration',
    state: 'Zustand',
    enabled: 'aktiv',
    disabled: 'gesperrt',
    roles: 'Rollen je Behörde',
    managed: 'Verwaltet',
  },
  en: {
    title: 'Accounts',
    intro: 'Caseworkers’ accounts and their roles per authority.',
    create: 'Create an account',
    caption: 'Accounts of the installation',
    region: 'Table of accounts',
    email: 'E-mail address',
    name: 'Name',
    admin: 'Administration',
    state: 'State',
    enabled: 'enabled',
    disabled: 'disabled',
    roles: 'Roles per authority',
    managed: 'Managed',
  },
};

export function AccountsPage(_props: AdminPageProps) {
  const words = useTexts(texts);
  const shared = useTexts(sharedTexts);
  const api = useAdminApi();
  const list = useResource(() => api.get<{ users: Account[] }>('/api/admin/users'), [api]);
  return (
    <>
      <PageHeading title={words.title} />
      <p>{words.intro}</p>
      <p>
        <Link to="/admin/konten/neu" className="button">
          {words.create}
        </Link>
      </p>
      {list.state === 'loading' && <Loading />}
      {list.state === 'failed' && <LoadFailed error={list.error} retry={list.retry} />}
      {list.state === 'loaded' && (
        <DataTable
          caption={words.caption}
          label={words.region}
          rows={list.value.users}
          rowKey={(u) => u.id}
          columns={[
            { header: words.email, rowHeader: true, className: 'data-table__wrap', cell: (u) => <Link to={`/admin/konten/${u.id}`}>{u.email}</Link> },
            { header: words.name, cell: (u) => u.name },
            { header: words.admin, cell: (u) => (u.admin ? shared.yes : shared.no) },
            { header: words.state, cell: (u) => (u.disabled ? words.disabled : words.enabled) },
            {
              header: words.roles,
              cell: (u) =>
                u.grants.length === 0 ? (
                  shared.none
                ) : (
                  <ul className="plain-list">
                    {u.grants.map((g) => (
                      <li key={`${g.role}:${g.authority}`}>
                        {roleName(shared, g.role)} – {g.authority}
                      </li>
                    ))}
                  </ul>
                ),
            },
            { header: words.managed, cell: (u) => shared.managedBy[u.managedBy] ?? u.managedBy },
          ]}
        />
      )}
    </>
  );
}

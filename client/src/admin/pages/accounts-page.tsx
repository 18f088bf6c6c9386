/** `/admin/konten`: the installation's accounts with their roles per authority and how each is managed. */
import { LoadFailed, Loading } from '../../layout/load-states.tsx';
import { PageHeading } from '../../layout/page-heading.tsx';
import { useResource } from '../../layout/use-resource.ts';
import { Link } from '../../routing/router.tsx';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi } from '../admin-api.ts';
import { useTexts } from '../use-texts.ts';
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
        <div className="table-scroll" role="region" aria-label={words.region} tabIndex={0}>
          <table className="data-table">
            <caption>{words.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{words.email}</th>
                <th scope="col">{words.name}</th>
                <th scope="col">{words.admin}</th>
                <th scope="col">{words.state}</th>
                <th scope="col">{words.roles}</th>
                <th scope="col">{words.managed}</th>
              </tr>
            </thead>
            <tbody>
              {list.value.users.map((u) => (
                <tr key={u.id}>
                  <th scope="row" className="data-table__wrap">
                    <Link to={`/admin/konten/${u.id}`}>{u.email}</Link>
                  </th>
                  <td>{u.name}</td>
                  <td>{u.admin ? shared.yes : shared.no}</td>
                  <td>{u.disabled ? words.disabled : words.enabled}</td>
                  <td>
                    {u.grants.length === 0 ? (
                      shared.none
                    ) : (
                      <ul className="plain-list">
                        {u.grants.map((g) => (
                          <li key={`${g.role}:${g.authority}`}>
                            {roleName(shared, g.role)} – {g.authority}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{shared.managedBy[u.managedBy] ?? u.managedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

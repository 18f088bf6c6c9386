/** `/admin/behoerden`: the installation's authorities, those from the provisioning file marked. */
import { LoadFailed, Loading } from '../../layout/load-states.tsx';
import { PageHeading } from '../../layout/page-heading.tsx';
import { useResource } from '../../layout/use-resource.ts';
import { Link, useRouter } from '../../routing/router.tsx';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi } from '../admin-api.ts';
import { useTexts } from '../use-texts.ts';
import type { Authority } from './administration/types.ts';
import { sharedTexts } from './administration/words.ts';

const texts = {
  de: {
    title: 'Behörden',
    intro: 'Die Behörden, für die diese Installation Anträge annimmt. Einträge „aus Datei“ ändern Sie in der Provisionierungsdatei.',
    create: 'Neue Behörde anlegen',
    caption: 'Behörden der Installation',
    region: 'Tabelle der Behörden',
    name: 'Name',
    id: 'Kennung (ID)',
    kennung: 'DVDV-Kennung',
    regionalschluessel: 'Regionalschlüssel',
    managed: 'Verwaltet',
    empty: 'Es gibt noch keine Behörde.',
    deleted: 'Die Behörde ist gelöscht.',
  },
  en: {
    title: 'Authorities',
    intro: 'The authorities this installation accepts applications for. Change records marked “from file” in the provisioning file.',
    create: 'Create an authority',
    caption: 'Authorities of the installation',
    region: 'Table of authorities',
    name: 'Name',
    id: 'Id',
    kennung: 'DVDV kennung',
    regionalschluessel: 'Regional key',
    managed: 'Managed',
    empty: 'There is no authority yet.',
    deleted: 'The authority has been deleted.',
  },
};

export function AuthoritiesPage(_props: AdminPageProps) {
  const words = useTexts(texts);
  const shared = useTexts(sharedTexts);
  const api = useAdminApi();
  const { location } = useRouter();
  const deleted = new URLSearchParams(location.search).has('geloescht');
  const list = useResource(() => api.get<{ authorities: Authority[] }>('/api/admin/authorities'), [api]);
  return (
    <>
      <PageHeading title={words.title} />
      <div role="status">{deleted && <p className="notice">{words.deleted}</p>}</div>
      <p>{words.intro}</p>
      <p>
        <Link to="/admin/behoerden/neu" className="button">
          {words.create}
        </Link>
      </p>
      {list.state === 'loading' && <Loading />}
      {list.state === 'failed' && <LoadFailed error={list.error} retry={list.retry} />}
      {list.state === 'loaded' &&
        (list.value.authorities.length === 0 ? (
          <p>{words.empty}</p>
        ) : (
          <div className="table-scroll" role="region" aria-label={words.region} tabIndex={0}>
            <table className="data-table">
              <caption>{words.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{words.name}</th>
                  <th scope="col">{words.id}</th>
                  <th scope="col">{words.kennung}</th>
                  <th scope="col">{words.regionalschluessel}</th>
                  <th scope="col">{words.managed}</th>
                </tr>
              </thead>
              <tbody>
                {list.value.authorities.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <Link to={`/admin/behoerden/${encodeURIComponent(a.id)}`}>{a.name}</Link>
                    </th>
                    <td>
                      <code>{a.id}</code>
                    </td>
                    <td>{a.kennung ?? shared.none}</td>
                    <td>{a.regionalschluessel ?? shared.none}</td>
                    <td>{shared.managedBy[a.managedBy] ?? a.managedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </>
  );
}

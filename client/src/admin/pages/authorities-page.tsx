/** `/admin/behoerden`: the installation's authorities, those from the provisioning file marked. */
import { LoadFailed, Loading } from '../../layout/load-states.tsx';
import { PageHeading } from '../../layout/page-heading.tsx';
import { useResource } from '../../layout/use-resource.ts';
import { Link, useRouter } from '../../routing/router.tsx';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi } from '../admin-api.ts';
import { useTexts } from '../use-texts.ts';
import { DataTable } from '../components/data-table.tsx';
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
          <DataTable
            caption={words.caption}
            label={words.region}
            rows={list.value.authorities}
            rowKey={(a) => a.id}
            columns={[
              { header: words.name, rowHeader: true, cell: (a) => <Link to={`/admin/behoerden/${encodeURIComponent(a.id)}`}>{a.name}</Link> },
              { header: words.id, cell: (a) => <code>{a.id}</code> },
              { header: words.kennung, cell: (a) => a.kennung ?? shared.none },
              { header: words.regionalschluessel, cell: (a) => a.regionalschluessel ?? shared.none },
              { header: words.managed, cell: (a) => shared.managedBy[a.managedBy] ?? a.managedBy },
            ]}
          />
        ))}
    </>
  );
}

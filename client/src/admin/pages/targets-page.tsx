/** `/admin/ziele`: where submissions are delivered — XÖV endpoints and print profiles. */
import { LoadFailed, Loading } from '../../layout/load-states.tsx';
import { PageHeading } from '../../layout/page-heading.tsx';
import { useResource } from '../../layout/use-resource.ts';
import { Link, useRouter } from '../../routing/router.tsx';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi } from '../admin-api.ts';
import { useTexts } from '../use-texts.ts';
import { DataTable } from '../components/data-table.tsx';
import type { Target } from './administration/types.ts';
import { sharedTexts } from './administration/words.ts';

export const targetTypeTexts = {
  de: { 'xoev-http': 'XÖV über HTTP', print: 'Druck (Briefe)' } as Record<string, string>,
  en: { 'xoev-http': 'XÖV over HTTP', print: 'Print (letters)' } as Record<string, string>,
};

const texts = {
  de: {
    title: 'Ziele',
    intro: 'Wohin Anträge zugestellt werden: Fachverfahren über XÖV und Druckprofile für Briefe.',
    create: 'Neues Ziel anlegen',
    caption: 'Zustellziele der Installation',
    region: 'Tabelle der Ziele',
    id: 'Kennung (ID)',
    type: 'Art',
    authority: 'Behörde',
    where: 'Adresse / Vorlage',
    managed: 'Verwaltet',
    empty: 'Es gibt noch kein Ziel.',
    deleted: 'Das Ziel ist gelöscht.',
    demoReceiver: (path: string) => `Demo-Empfänger ${path}`,
  },
  en: {
    title: 'Targets',
    intro: 'Where applications are delivered: case systems over XÖV and print profiles for letters.',
    create: 'Create a target',
    caption: 'Delivery targets of the installation',
    region: 'Table of targets',
    id: 'Id',
    type: 'Kind',
    authority: 'Authority',
    where: 'Address / template',
    managed: 'Managed',
    empty: 'There is no target yet.',
    deleted: 'The target has been deleted.',
    demoReceiver: (path: string) => `Demo receiver ${path}`,
  },
};

export function TargetsPage(_props: AdminPageProps) {
  const words = useTexts(texts);
  const types = useTexts(targetTypeTexts);
  const shared = useTexts(sharedTexts);
  const api = useAdminApi();
  const { location } = useRouter();
  const deleted = new URLSearchParams(location.search).has('geloescht');
  const list = useResource(() => api.get<{ targets: Target[] }>('/api/admin/targets'), [api]);
  return (
    <>
      <PageHeading title={words.title} />
      <div role="status">{deleted && <p className="notice">{words.deleted}</p>}</div>
      <p>{words.intro}</p>
      <p>
        <Link to="/admin/ziele/neu" className="button">
          {words.create}
        </Link>
      </p>
      {list.state === 'loading' && <Loading />}
      {list.state === 'failed' && <LoadFailed error={list.error} retry={list.retry} />}
      {list.state === 'loaded' &&
        (list.value.targets.length === 0 ? (
          <p>{words.empty}</p>
        ) : (
          <DataTable
            caption={words.caption}
            label={words.region}
            rows={list.value.targets}
            rowKey={(t) => t.id}
            columns={[
              { header: words.id, rowHeader: true, cell: (t) => <Link to={`/admin/ziele/${encodeURIComponent(t.id)}`}>{t.id}</Link> },
              { header: words.type, cell: (t) => types[t.type] ?? t.type },
              { header: words.authority, cell: (t) => t.authority ?? shared.none },
              {
                header: words.where,
                className: 'data-table__wrap',
                cell: (t) => (t.type === 'print' ? t.template : typeof t.url === 'string' ? t.url : words.demoReceiver(t.url.demoReceiver)),
              },
              { header: words.managed, cell: (t) => shared.managedBy[t.managedBy] ?? t.managedBy },
            ]}
          />
        ))}
    </>
  );
}

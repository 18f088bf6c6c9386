/**
 * `/admin/formulare`: the forms of the caller's authorities with their state and versions.
 * New forms are created or imported below the list; a row's actions export, duplicate, publish
 * (after the draft's diff), retire (after an inline confirmation) or list the versions, in a
 * panel below the table. File forms are read-only.
 */
import { useState } from 'react';
import { useLanguage } from '../../language.tsx';
import { LoadFailed, Loading } from '../../layout/load-states.tsx';
import { PageHeading } from '../../layout/page-heading.tsx';
import { useResource } from '../../layout/use-resource.ts';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi } from '../admin-api.ts';
import { Link } from '../../routing/router.tsx';
import { useTexts } from '../use-texts.ts';
import { ConfirmAction } from '../components/confirm-action.tsx';
import { DataTable } from '../components/data-table.tsx';
import { ProblemSummary } from '../components/fields.tsx';
import { useFormState } from '../components/form-state.ts';
import { CreateForm, ImportForm } from './forms-page/new-form.tsx';
import { DuplicatePanel, PublishPanel, VersionsPanel } from './forms-page/panels.tsx';
import { formsTexts } from './forms-page/texts.ts';
import type { FormEntry } from './forms-page/types.ts';

type Panel = { kind: 'duplicate' | 'publish' | 'versions'; form: FormEntry };

export function FormsPage(_props: AdminPageProps) {
  const words = useTexts(formsTexts);
  const api = useAdminApi();
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<string>();
  const loaded = useResource(() => api.get<{ forms: FormEntry[] }>('/api/admin/forms'), [api, version]);
  const changed = (said: string) => {
    setMessage(said);
    setVersion((n) => n + 1);
  };
  return (
    <>
      <PageHeading title={words.title} />
      <p>{words.intro}</p>
      <div role="status">{message && <p className="notice">{message}</p>}</div>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <LoadFailed error={loaded.error} retry={loaded.retry} />}
      {loaded.state === 'loaded' && <FormList forms={loaded.value.forms} changed={changed} startsChange={() => setMessage(undefined)} />}
      <h2>{words.createTitle}</h2>
      <CreateForm created={changed} />
      <h2>{words.importTitle}</h2>
      <ImportForm imported={changed} />
    </>
  );
}

function FormList({ forms, changed, startsChange }: { forms: FormEntry[]; changed(message: string): void; startsChange(): void }) {
  const words = useTexts(formsTexts);
  const { lang } = useLanguage();
  const api = useAdminApi();
  const retirement = useFormState();
  const [panel, setPanel] = useState<Panel>();
  const titleOf = (f: FormEntry) => (typeof f.title === 'string' ? f.title : (lang === 'en' ? f.title.en : undefined) ?? f.title.de);
  const open = (kind: Panel['kind'], form: FormEntry) => {
    startsChange();
    setPanel({ kind, form });
  };
  const done = (message: string) => {
    setPanel(undefined);
    changed(message);
  };
  const retire = (f: FormEntry) =>
    void retirement
      .run(() => api.send('POST', `/api/admin/forms/${encodeURIComponent(f.id)}/retire`))
      .then((ok) => {
        if (ok) done(words.retired(titleOf(f)));
      });

  return (
    <>
      <ProblemSummary form={retirement} labels={{}} />
      {forms.length === 0 ? (
        <p>{words.empty}</p>
      ) : (
        <DataTable
          caption={words.caption}
          label={words.region}
          rows={forms}
          rowKey={(f) => `${f.source} ${f.id}`}
          columns={[
            { header: words.columns.title, rowHeader: true, cell: titleOf },
            { header: words.columns.id, cell: (f) => <code>{f.id}</code> },
            { header: words.columns.authority, cell: (f) => f.authority ?? words.none },
            { header: words.columns.state, cell: (f) => words.state[f.state] ?? f.state },
            { header: words.columns.current, cell: (f) => f.currentVersion ?? words.none },
            { header: words.columns.draft, cell: (f) => f.draftVersion ?? words.none },
            {
              header: words.columns.source,
              cell: (f) => (f.shadowedByFile ? `${words.source[f.source]}, ${words.shadowed}` : words.source[f.source]),
            },
            {
              header: words.columns.actions,
              cell: (f) => (
                <div className="row-actions">
                  <Link className="button button--small" to={`/admin/formulare/${encodeURIComponent(f.id)}`} aria-label={f.readOnly ? words.viewOf(titleOf(f)) : words.designOf(titleOf(f))}>
                    {f.readOnly ? words.view : words.design}
                  </Link>
                  <a className="button button--secondary button--small" href={`/api/admin/forms/${encodeURIComponent(f.id)}/export`} download={`${f.id}.json`} aria-label={words.exportOf(titleOf(f))}>
                    {words.export}
                  </a>
                  <button type="button" className="button button--secondary button--small" aria-label={words.duplicateOf(titleOf(f))} onClick={() => open('duplicate', f)}>
                    {words.duplicate}
                  </button>
                  {!f.readOnly && (
                    <button type="button" className="button button--secondary button--small" aria-label={words.publishOf(titleOf(f))} onClick={() => open('publish', f)}>
                      {words.publish}
                    </button>
                  )}
                  {!f.readOnly && f.state === 'published' && (
                    <ConfirmAction label={words.retire} question={words.retireQuestion(titleOf(f))} confirm={words.retireConfirm} busy={retirement.busy} onConfirm={() => retire(f)} />
                  )}
                  <button type="button" className="button button--secondary button--small" aria-label={words.versionsOf(titleOf(f))} onClick={() => open('versions', f)}>
                    {words.versions}
                  </button>
                </div>
              ),
            },
          ]}
        />
      )}
      {panel && (
        <section className="forms-panel" key={`${panel.kind} ${panel.form.id}`}>
          {panel.kind === 'duplicate' && <DuplicatePanel id={panel.form.id} title={titleOf(panel.form)} done={done} />}
          {panel.kind === 'publish' && <PublishPanel id={panel.form.id} title={titleOf(panel.form)} done={done} />}
          {panel.kind === 'versions' && <VersionsPanel id={panel.form.id} title={titleOf(panel.form)} />}
          <button type="button" className="button button--secondary" onClick={() => setPanel(undefined)}>
            {words.closePanel}
          </button>
        </section>
      )}
    </>
  );
}

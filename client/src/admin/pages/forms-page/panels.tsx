/**
 * What a row of the form list opens below the table: duplicating under a new id, publishing
 * after reading the draft's diff, and the list of versions.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLanguage } from '../../../language.tsx';
import { formatShortDateTime } from '../../../../../shared/form-view/format.ts';
import { LoadFailed, Loading } from '../../../layout/load-states.tsx';
import { useResource } from '../../../layout/use-resource.ts';
import { useAdminApi } from '../../admin-api.ts';
import { useTexts } from '../../use-texts.ts';
import { DataTable } from '../../components/data-table.tsx';
import { ProblemSummary, TextField } from '../../components/fields.tsx';
import { detailsProblems, useFormState } from '../../components/form-state.ts';
import { formsTexts } from './texts.ts';
import type { DraftDiff, VersionEntry } from './types.ts';

const path = (id: string, rest: string) => `/api/admin/forms/${encodeURIComponent(id)}/${rest}`;

/** The panel's heading, which takes the focus when the panel opens. */
function PanelHeading({ text }: { text: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), [text]);
  return (
    <h2 ref={ref} tabIndex={-1}>
      {text}
    </h2>
  );
}

export function DuplicatePanel({ id, title, done }: { id: string; title: string; done(message: string): void }) {
  const words = useTexts(formsTexts);
  const api = useAdminApi();
  const form = useFormState();
  const [newId, setNewId] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await form.run(
      () => api.send('POST', path(id, 'duplicate'), { id: newId.trim() }),
      (error) => detailsProblems(error.details)?.map((p) => ({ ...p, path: '/id' })),
    );
    if (ok) done(words.duplicated(newId.trim()));
  };
  return (
    <>
      <PanelHeading text={words.duplicateTitle(title)} />
      <ProblemSummary form={form} labels={{ '/id': words.newId }} />
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField form={form} pointer="/id" label={words.newId} hint={words.newIdHint} value={newId} onChange={setNewId} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.busy}>
            {words.duplicate}
          </button>
        </div>
      </form>
    </>
  );
}

interface Loaded {
  diff: DraftDiff;
  etag: string;
}

export function PublishPanel({ id, title, done }: { id: string; title: string; done(message: string): void }) {
  const words = useTexts(formsTexts);
  const api = useAdminApi();
  const { lang } = useLanguage();
  const form = useFormState();
  const [reload, setReload] = useState(0);
  const loaded = useResource(async (): Promise<Loaded> => {
    // The ETag names the draft version the diff was made of; publishing names it in If-Match.
    const draft = await api.fetch(path(id, 'draft'));
    const etag = draft.headers.get('ETag') ?? '';
    return { diff: await api.get<DraftDiff>(path(id, 'diff')), etag };
  }, [api, id, reload]);

  const publish = async (etag: string) => {
    let message = '';
    const ok = await form.run(
      async () => {
        const response = await api.fetch(path(id, 'publish'), { method: 'POST', headers: { 'If-Match': etag } });
        const answer = (await response.json()) as { version: number; unchanged: boolean };
        message = answer.unchanged ? words.unchanged(title, answer.version) : words.published(title, answer.version);
      },
      (error) => detailsProblems(error.details),
    );
    if (ok) done(message);
  };

  return (
    <>
      <PanelHeading text={words.publishTitle(title)} />
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <LoadFailed error={loaded.error} retry={loaded.retry} />}
      {loaded.state === 'loaded' && (
        <>
          <ProblemSummary form={form} labels={{}} />
          <p>{loaded.value.diff.against === null ? words.diffFirst : words.diffAgainst(loaded.value.diff.against)}</p>
          <p>{words.summary(loaded.value.diff.summary)}</p>
          {loaded.value.diff.fields.length === 0 ? (
            <p>{words.noFieldChanges}</p>
          ) : (
            <DataTable
              caption={words.diffCaption}
              label={words.diffCaption}
              rows={loaded.value.diff.fields}
              rowKey={(f) => `${f.change} ${f.path}`}
              columns={[
                { header: words.diffField, rowHeader: true, cell: (f) => f.label[lang] || f.label.de },
                { header: words.diffChange, cell: (f) => words.change[f.change] },
                { header: words.diffPath, cell: (f) => <code>{f.path}</code> },
              ]}
            />
          )}
          {loaded.value.diff.parts.length > 0 && <p>{words.parts(loaded.value.diff.parts)}</p>}
          <div className="form-actions">
            <button type="button" className="button" disabled={form.busy} onClick={() => void publish(loaded.value.etag)}>
              {words.publishNow}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                form.reset();
                setReload((n) => n + 1);
              }}
            >
              {words.reloadDiff}
            </button>
          </div>
        </>
      )}
    </>
  );
}

export function VersionsPanel({ id, title }: { id: string; title: string }) {
  const words = useTexts(formsTexts);
  const api = useAdminApi();
  const { lang } = useLanguage();
  const loaded = useResource(() => api.get<{ versions: VersionEntry[] }>(path(id, 'versions')), [api, id]);
  const when = (iso: string) => formatShortDateTime(iso, lang);
  return (
    <>
      <PanelHeading text={words.versionsOf(title)} />
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <LoadFailed error={loaded.error} retry={loaded.retry} />}
      {loaded.state === 'loaded' &&
        (loaded.value.versions.length === 0 ? (
          <p>{words.noVersions}</p>
        ) : (
          <DataTable
            caption={words.versionsCaption(title)}
            label={words.versionsRegion}
            rows={loaded.value.versions}
            rowKey={(v) => String(v.version)}
            columns={[
              { header: words.version, rowHeader: true, cell: (v) => v.version },
              { header: words.publishedAt, cell: (v) => when(v.publishedAt) },
              { header: words.publishedBy, cell: (v) => v.publishedBy ?? words.source[v.source] },
              { header: words.changes, cell: (v) => (v.summary ? words.summary(v.summary) : words.none) },
            ]}
          />
        ))}
    </>
  );
}

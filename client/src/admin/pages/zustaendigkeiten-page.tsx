/**
 * `/admin/zustaendigkeiten`: which target serves a Leistung for a region (regional key prefix).
 * Listed, added, edited in the same form, deleted after an inline confirmation; entries from the
 * provisioning file are read-only.
 */
import { useRef, useState, type FormEvent } from 'react';
import { LoadFailed, Loading } from '../../layout/load-states.tsx';
import { PageHeading } from '../../layout/page-heading.tsx';
import { useResource } from '../../layout/use-resource.ts';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi } from '../admin-api.ts';
import { useTexts } from '../use-texts.ts';
import { DataTable } from '../components/data-table.tsx';
import { ConfirmAction } from '../components/confirm-action.tsx';
import { ProblemSummary, SelectField, TextField } from '../components/fields.tsx';
import { useFormState } from '../components/form-state.ts';
import type { Target, Zustaendigkeit } from './administration/types.ts';
import { sharedTexts } from './administration/words.ts';

const texts = {
  de: {
    title: 'Zuständigkeiten',
    intro: 'Welches Ziel einen Antrag einer Leistung aus welcher Region erhält. Der längste passende Regionalschlüssel gewinnt.',
    caption: 'Zuständigkeiten der Installation',
    region: 'Tabelle der Zuständigkeiten',
    leistung: 'Leistung',
    regionalschluessel: 'Regionalschlüssel',
    target: 'Ziel',
    managed: 'Verwaltet',
    actions: 'Aktionen',
    empty: 'Es gibt noch keine Zuständigkeit.',
    addTitle: 'Zuständigkeit hinzufügen',
    editTitle: 'Zuständigkeit bearbeiten',
    add: 'Hinzufügen',
    cancelEdit: 'Bearbeiten abbrechen',
    added: 'Die Zuständigkeit ist hinzugefügt.',
    deleteQuestion: (z: Zustaendigkeit) => `Zuständigkeit „${z.leistung}“ für ${z.regionalschluessel} wirklich löschen?`,
    editOf: (z: Zustaendigkeit) => `${z.leistung} (${z.regionalschluessel}) bearbeiten`,
    labels: {
      '/leistung': 'Leistung',
      '/regionalschluessel': 'Regionalschlüssel (Präfix)',
      '/target': 'Ziel',
    } as Record<string, string>,
    hints: {
      leistung: 'Die Kennung der Leistung, wie sie die Formulare nennen, z. B. „hundesteuer“.',
      regionalschluessel: '2, 3, 5, 8, 9 oder 12 Ziffern, z. B. 06412000.',
    },
    fromFile: 'aus Datei (nur lesbar)',
  },
  en: {
    title: 'Responsibilities (Zuständigkeiten)',
    intro: 'Which target receives an application for a Leistung from which region. The longest matching regional key wins.',
    caption: 'Responsibilities of the installation',
    region: 'Table of responsibilities',
    leistung: 'Leistung',
    regionalschluessel: 'Regional key',
    target: 'Target',
    managed: 'Managed',
    actions: 'Actions',
    empty: 'There is no responsibility yet.',
    addTitle: 'Add a responsibility',
    editTitle: 'Edit responsibility',
    add: 'Add',
    cancelEdit: 'Cancel editing',
    added: 'The responsibility has been added.',
    deleteQuestion: (z: Zustaendigkeit) => `Really delete the responsibility “${z.leistung}” for ${z.regionalschluessel}?`,
    editOf: (z: Zustaendigkeit) => `Edit ${z.leistung} (${z.regionalschluessel})`,
    labels: {
      '/leistung': 'Leistung',
      '/regionalschluessel': 'Regional key (prefix)',
      '/target': 'Target',
    } as Record<string, string>,
    hints: {
      leistung: 'The Leistung’s id as the forms name it, e.g. “hundesteuer”.',
      regionalschluessel: '2, 3, 5, 8, 9 or 12 digits, e.g. 06412000.',
    },
    fromFile: 'from file (read-only)',
  },
};

interface Loaded {
  zustaendigkeiten: Zustaendigkeit[];
  targets: Target[];
}

export function ZustaendigkeitenPage(_props: AdminPageProps) {
  const words = useTexts(texts);
  const api = useAdminApi();
  const [version, setVersion] = useState(0);
  // Kept here: the list below is drawn afresh after every change, the message stays.
  const [message, setMessage] = useState<string>();
  const loaded = useResource(
    async (): Promise<Loaded> => {
      const [z, t] = await Promise.all([
        api.get<{ zustaendigkeiten: Zustaendigkeit[] }>('/api/admin/zustaendigkeiten'),
        api.get<{ targets: Target[] }>('/api/admin/targets'),
      ]);
      return { zustaendigkeiten: z.zustaendigkeiten, targets: t.targets };
    },
    [api, version],
  );
  return (
    <>
      <PageHeading title={words.title} />
      <p>{words.intro}</p>
      <div role="status">{message && <p className="notice">{message}</p>}</div>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <LoadFailed error={loaded.error} retry={loaded.retry} />}
      {loaded.state === 'loaded' && <Zustaendigkeiten
          loaded={loaded.value}
          changed={(said) => {
            setMessage(said);
            setVersion((n) => n + 1);
          }}
          startsChange={() => setMessage(undefined)}
        />}
    </>
  );
}

function Zustaendigkeiten({ loaded, changed, startsChange }: { loaded: Loaded; changed(message: string): void; startsChange(): void }) {
  const words = useTexts(texts);
  const shared = useTexts(sharedTexts);
  const api = useAdminApi();
  const form = useFormState();
  const removal = useFormState();
  const [editing, setEditing] = useState<Zustaendigkeit>();
  const empty = { leistung: '', regionalschluessel: '', target: loaded.targets[0]?.id ?? '' };
  const [values, setValues] = useState(empty);
  const formHeading = useRef<HTMLHeadingElement>(null);

  const startEditing = (z: Zustaendigkeit) => {
    setEditing(z);
    setValues({ leistung: z.leistung, regionalschluessel: z.regionalschluessel, target: z.target });
    startsChange();
    form.reset();
    requestAnimationFrame(() => formHeading.current?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    startsChange();
    const ok = await form.run(async () => {
      if (editing) await api.send('PATCH', `/api/admin/zustaendigkeiten/${editing.id}`, values);
      else await api.send('POST', '/api/admin/zustaendigkeiten', values);
    });
    if (ok) changed(editing ? shared.saved : words.added);
  };

  const remove = (z: Zustaendigkeit) =>
    void removal
      .run(() => api.send('DELETE', `/api/admin/zustaendigkeiten/${z.id}`))
      .then((ok) => {
        if (ok) changed(shared.deleted);
      });

  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  return (
    <>
      <ProblemSummary form={removal} labels={{}} />
      {loaded.zustaendigkeiten.length === 0 ? (
        <p>{words.empty}</p>
      ) : (
        <DataTable
          caption={words.caption}
          label={words.region}
          rows={loaded.zustaendigkeiten}
          rowKey={(z) => z.id}
          columns={[
            { header: words.leistung, rowHeader: true, cell: (z) => z.leistung },
            { header: words.regionalschluessel, cell: (z) => z.regionalschluessel },
            { header: words.target, cell: (z) => z.target },
            { header: words.managed, cell: (z) => shared.managedBy[z.managedBy] ?? z.managedBy },
            {
              header: words.actions,
              cell: (z) =>
                z.managedBy === 'file' ? (
                  words.fromFile
                ) : (
                  <div className="row-actions">
                    <button type="button" className="button button--secondary button--small" aria-label={words.editOf(z)} onClick={() => startEditing(z)}>
                      {shared.edit}
                    </button>
                    <ConfirmAction label={shared.delete} question={words.deleteQuestion(z)} confirm={shared.confirmDelete} busy={removal.busy} onConfirm={() => remove(z)} />
                  </div>
                ),
            },
          ]}
        />
      )}
      <h2 ref={formHeading} tabIndex={-1}>
        {editing ? words.editTitle : words.addTitle}
      </h2>
      <ProblemSummary form={form} labels={words.labels} />
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField form={form} pointer="/leistung" label={words.labels['/leistung']!} hint={words.hints.leistung} value={values.leistung} onChange={set('leistung')} />
        <TextField
          form={form}
          pointer="/regionalschluessel"
          label={words.labels['/regionalschluessel']!}
          hint={words.hints.regionalschluessel}
          value={values.regionalschluessel}
          inputMode="numeric"
          onChange={set('regionalschluessel')}
        />
        <SelectField
          form={form}
          pointer="/target"
          label={words.labels['/target']!}
          value={values.target}
          options={loaded.targets.map((t) => ({ value: t.id, label: `${t.id}${t.authority ? ` (${t.authority})` : ''}` }))}
          onChange={set('target')}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.busy}>
            {editing ? shared.save : words.add}
          </button>
          {editing && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setEditing(undefined);
                setValues(empty);
                form.reset();
              }}
            >
              {words.cancelEdit}
            </button>
          )}
        </div>
      </form>
    </>
  );
}

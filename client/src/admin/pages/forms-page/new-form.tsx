/**
 * A new designer form: created from id, German title and authority (a minimal definition the
 * server completes into a draft), or imported from an exported definition file whose problems
 * are listed by their place in that file.
 */
import { detailsProblems } from '../../components/form-state.ts';
import { useId, useState, type FormEvent } from 'react';
import { useAdminApi } from '../../admin-api.ts';
import { useSession } from '../../session.tsx';
import { useTexts } from '../../use-texts.ts';
import { ProblemSummary, SelectField, TextField } from '../../components/fields.tsx';
import { useFormState } from '../../components/form-state.ts';
import { formsTexts } from './texts.ts';

/** The smallest definition the designer accepts: no field yet, the title in German. */
export function minimalDefinition(id: string, title: string, authority: string) {
  return {
    id,
    title: { de: title },
    authority,
    schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', additionalProperties: false, properties: {} },
  };
}

export function CreateForm({ created }: { created(message: string): void }) {
  const words = useTexts(formsTexts);
  const api = useAdminApi();
  const { user } = useSession();
  const authorities = [...new Set(user.grants.filter((g) => g.role === 'designer').map((g) => g.authorityId))];
  const form = useFormState();
  const [values, setValues] = useState({ id: '', title: '', authority: authorities[0] ?? '' });
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  if (authorities.length === 0) return <p>{words.noAuthority}</p>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await form.run(
      () => api.send('POST', '/api/admin/forms', minimalDefinition(values.id.trim(), values.title.trim(), values.authority)),
      (error) => detailsProblems(error.details)?.map((p) => ({ ...p, path: p.path.startsWith('/title') ? '/title' : p.path })),
    );
    if (ok) {
      created(words.created(values.id.trim()));
      setValues({ id: '', title: '', authority: authorities[0] ?? '' });
    }
  };

  return (
    <>
      <p>{words.createIntro}</p>
      <ProblemSummary form={form} labels={words.labels} />
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField form={form} pointer="/id" label={words.labels['/id']!} hint={words.idHint} value={values.id} onChange={set('id')} />
        <TextField form={form} pointer="/title" label={words.labels['/title']!} value={values.title} onChange={set('title')} />
        <SelectField
          form={form}
          pointer="/authority"
          label={words.labels['/authority']!}
          value={values.authority}
          options={authorities.map((a) => ({ value: a, label: a }))}
          onChange={set('authority')}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.busy}>
            {words.create}
          </button>
        </div>
      </form>
    </>
  );
}

export function ImportForm({ imported }: { imported(message: string): void }) {
  const words = useTexts(formsTexts);
  const api = useAdminApi();
  const form = useFormState();
  const inputId = useId();
  const [file, setFile] = useState<File>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let id = '';
    const ok = await form.run(
      async () => {
        if (!file) throw new Error(words.noFile);
        let definition: unknown;
        try {
          definition = JSON.parse(await file.text());
        } catch {
          throw new Error(words.notJson);
        }
        const answer = await api.send<{ id?: string }>('POST', '/api/admin/forms?import', definition);
        id = answer?.id ?? '';
      },
      (error) => detailsProblems(error.details),
    );
    if (ok) imported(words.imported(id));
  };

  return (
    <>
      <p>{words.importIntro}</p>
      <ProblemSummary form={form} labels={{}} />
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={inputId} className="field-label">
            {words.importFile}
          </label>
          <input id={inputId} className="file-input" type="file" accept="application/json" onChange={(event) => setFile(event.target.files?.[0])} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.busy}>
            {words.importButton}
          </button>
        </div>
      </form>
    </>
  );
}

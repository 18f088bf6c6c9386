/**
 * `/admin/ziele/neu` and `/admin/ziele/:id`: an XÖV target (authority, URL, timeout, bearer token
 * from an environment variable) or a print target's main settings, created, edited, deleted;
 * one from the provisioning file read-only.
 */
import { useState, type FormEvent } from 'react';
import { LoadFailed, Loading } from '../../layout/load-states.tsx';
import { PageHeading } from '../../layout/page-heading.tsx';
import { useResource } from '../../layout/use-resource.ts';
import { useLanguage } from '../../language.tsx';
import { Link, useRouter } from '../../routing/router.tsx';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi } from '../admin-api.ts';
import { useTexts } from '../use-texts.ts';
import { ConfirmAction } from '../components/confirm-action.tsx';
import { Facts } from '../components/facts.tsx';
import { CheckField, ProblemSummary, SelectField, TextField } from '../components/fields.tsx';
import { useFormState, type Problem } from '../components/form-state.ts';
import { deleting } from './administration/in-use.ts';
import { numberOrText, type Authority, type Target } from './administration/types.ts';
import { sharedTexts } from './administration/words.ts';
import { targetTypeTexts } from './targets-page.tsx';

const texts = {
  de: {
    newTitle: 'Neues Ziel',
    title: (id: string) => `Ziel: ${id}`,
    created: 'Das Ziel ist angelegt.',
    create: 'Ziel anlegen',
    batch: 'Druckstapel',
    deleteQuestion: (id: string) => `Ziel „${id}“ wirklich löschen? Das lässt sich nicht rückgängig machen.`,
    labels: {
      '/id': 'Kennung (ID)',
      '/type': 'Art des Ziels',
      '/authority': 'Behörde',
      '/url': 'Adresse (URL) des Fachverfahrens',
      '/timeoutMs': 'Zeitlimit in Millisekunden',
      '/auth/bearerToken': 'Umgebungsvariable mit dem Bearer-Token (optional)',
      '/template': 'Briefvorlage',
      '/envelope': 'Umschlag',
      '/duplex': 'Beidseitig drucken',
      '/postage': 'Frankierung',
      '/maxSheetsPerEnvelope': 'Höchstens Blätter je Umschlag',
      '/batch/maxPieces': 'Höchstens Schriftstücke je Stapel',
      '/batch/maxSheets': 'Höchstens Blätter je Stapel',
      '/batch/maxAgeSeconds': 'Stapel spätestens schließen nach (Sekunden)',
      '/dataMatrix': 'DataMatrix-Code für die Kuvertierung drucken',
    } as Record<string, string>,
    hints: {
      id: 'a–z, 0–9 und Bindestrich; später nicht änderbar.',
      url: 'https://…',
      demoUrl: (path: string) => `Derzeit der Demo-Empfänger (${path}); leer lassen, um ihn zu behalten.`,
      token: 'Nur der Name der Variablen, z. B. ORDNUNGSAMT_TOKEN; das Token selbst steht in der Umgebung des Servers.',
      otherAuth: 'Derzeit anders eingerichtet (Token im Eintrag oder Client-Zertifikat); leer lassen, um das zu behalten.',
      template: 'Dateiname der Vorlage ohne .json',
    },
    authorityNone: '— keine (Briefkopf aus dem Antrag) —',
    timeout: 'Zeitlimit',
    auth: 'Anmeldung beim Fachverfahren',
    authNone: 'keine',
  },
  en: {
    newTitle: 'New target',
    title: (id: string) => `Target: ${id}`,
    created: 'The target has been created.',
    create: 'Create target',
    batch: 'Print batches',
    deleteQuestion: (id: string) => `Really delete the target “${id}”? This cannot be undone.`,
    labels: {
      '/id': 'Id',
      '/type': 'Kind of target',
      '/authority': 'Authority',
      '/url': 'Address (URL) of the case system',
      '/timeoutMs': 'Time limit in milliseconds',
      '/auth/bearerToken': 'Environment variable holding the bearer token (optional)',
      '/template': 'Letter template',
      '/envelope': 'Envelope',
      '/duplex': 'Print on both sides',
      '/postage': 'Postage',
      '/maxSheetsPerEnvelope': 'At most sheets per envelope',
      '/batch/maxPieces': 'At most pieces per batch',
      '/batch/maxSheets': 'At most sheets per batch',
      '/batch/maxAgeSeconds': 'Close a batch at the latest after (seconds)',
      '/dataMatrix': 'Print a DataMatrix code for inserting',
    } as Record<string, string>,
    hints: {
      id: 'a–z, 0–9 and hyphen; cannot be changed later.',
      url: 'https://…',
      demoUrl: (path: string) => `Currently the demo receiver (${path}); leave empty to keep it.`,
      token: 'Only the variable’s name, e.g. ORDNUNGSAMT_TOKEN; the token itself is in the server’s environment.',
      otherAuth: 'Currently set up otherwise (token in the record or client certificate); leave empty to keep that.',
      template: 'The template’s file name without .json',
    },
    authorityNone: '— none (letterhead from the application) —',
    timeout: 'Time limit',
    auth: 'Authentication at the case system',
    authNone: 'none',
  },
};

type Values = Record<string, string>;

const envOf = (t: Target | undefined) =>
  t?.type === 'xoev-http' && t.auth && 'bearerToken' in t.auth && typeof t.auth.bearerToken === 'object' ? t.auth.bearerToken.env : '';

function valuesOf(t: Target | undefined): Values {
  const print = t?.type === 'print' ? t : undefined;
  const xoev = t?.type === 'xoev-http' ? t : undefined;
  return {
    '/id': t?.id ?? '',
    '/type': t?.type ?? 'xoev-http',
    '/authority': t?.authority ?? '',
    '/url': typeof xoev?.url === 'string' ? xoev.url : '',
    '/timeoutMs': String(xoev?.timeoutMs ?? 10000),
    '/auth/bearerToken': envOf(t),
    '/template': print?.template ?? '',
    '/envelope': print?.envelope ?? 'DL',
    '/duplex': print?.duplex ? 'true' : '',
    '/postage': print?.postage ?? 'standard',
    '/maxSheetsPerEnvelope': String(print?.maxSheetsPerEnvelope ?? 8),
    '/batch/maxPieces': String(print?.batch.maxPieces ?? 500),
    '/batch/maxSheets': String(print?.batch.maxSheets ?? 2000),
    '/batch/maxAgeSeconds': String(print?.batch.maxAgeSeconds ?? 3600),
    '/dataMatrix': print?.dataMatrix ? 'true' : '',
  };
}

function bodyOf(v: Values, stored: Target | undefined): Record<string, unknown> {
  const editing = stored !== undefined;
  const head = editing ? {} : { id: v['/id'], type: v['/type'] };
  if (v['/type'] === 'print')
    return {
      ...head,
      authority: v['/authority'] === '' ? (editing ? null : undefined) : v['/authority'],
      template: v['/template'],
      envelope: v['/envelope'],
      duplex: v['/duplex'] === 'true',
      postage: v['/postage'],
      maxSheetsPerEnvelope: numberOrText(v['/maxSheetsPerEnvelope']!),
      batch: { maxPieces: numberOrText(v['/batch/maxPieces']!), maxSheets: numberOrText(v['/batch/maxSheets']!), maxAgeSeconds: numberOrText(v['/batch/maxAgeSeconds']!) },
      dataMatrix: v['/dataMatrix'] === 'true',
    };
  const env = v['/auth/bearerToken']!.trim();
  const storedEnv = envOf(stored);
  const hadOtherAuth = stored?.type === 'xoev-http' && stored.auth !== undefined && storedEnv === '';
  // An empty field keeps an authentication set up otherwise; it removes one by variable name.
  const auth = env !== '' ? { bearerToken: { env } } : editing && !hadOtherAuth && storedEnv !== '' ? null : undefined;
  const keepDemoUrl = stored?.type === 'xoev-http' && typeof stored.url !== 'string' && v['/url']!.trim() === '';
  return {
    ...head,
    authority: v['/authority'],
    ...(keepDemoUrl ? {} : { url: v['/url'] }),
    timeoutMs: numberOrText(v['/timeoutMs']!),
    ...(auth === undefined ? {} : { auth }),
  };
}

/** Problems inside the token's variable (its name, or the union around it) belong to the one field. */
const placed = (problems: Problem[]) => problems.map((p) => (p.path.startsWith('/auth') ? { ...p, path: '/auth/bearerToken' } : p));

export function TargetPage({ params }: AdminPageProps) {
  const api = useAdminApi();
  const id = params.id;
  const words = useTexts(texts);
  const loaded = useResource(
    () =>
      Promise.all([
        id ? api.get<Target>(`/api/admin/targets/${encodeURIComponent(id)}`) : Promise.resolve(undefined),
        api.get<{ authorities: Authority[] }>('/api/admin/authorities'),
      ]),
    [api, id],
  );
  if (loaded.state === 'loaded') return <TargetView target={loaded.value[0]} authorities={loaded.value[1].authorities} />;
  return (
    <>
      <PageHeading title={id ? words.title(id) : words.newTitle} />
      {loaded.state === 'loading' ? <Loading /> : <LoadFailed error={loaded.error} retry={loaded.retry} />}
    </>
  );
}

function TargetView({ target, authorities }: { target: Target | undefined; authorities: Authority[] }) {
  const words = useTexts(texts);
  const types = useTexts(targetTypeTexts);
  const shared = useTexts(sharedTexts);
  const { lang } = useLanguage();
  const api = useAdminApi();
  const { location, navigate } = useRouter();
  const form = useFormState();
  const removal = useFormState();
  const [values, setValues] = useState<Values>(valuesOf(target));
  const [stored, setStored] = useState(target);
  const [saved, setSaved] = useState(false);
  const editing = stored !== undefined;
  const justCreated = new URLSearchParams(location.search).has('angelegt');
  const type = values['/type'];
  const labels = words.labels;

  const authorityName = (id: string | undefined) => (id ? `${authorities.find((a) => a.id === id)?.name ?? id} (${id})` : undefined);

  if (stored?.managedBy === 'file') {
    const v = valuesOf(stored);
    const rows: Array<[string, string | undefined]> =
      stored.type === 'xoev-http'
        ? [
            [labels['/type']!, types[stored.type]],
            [labels['/authority']!, authorityName(stored.authority)],
            [labels['/url']!, typeof stored.url === 'string' ? stored.url : `demo: ${stored.url.demoReceiver}`],
            [words.timeout, `${stored.timeoutMs} ms`],
            [words.auth, v['/auth/bearerToken'] || (stored.auth ? '(set)' : words.authNone)],
          ]
        : [
            [labels['/type']!, types[stored.type]],
            [labels['/authority']!, authorityName(stored.authority)],
            ...(['/template', '/envelope', '/postage', '/maxSheetsPerEnvelope', '/batch/maxPieces', '/batch/maxSheets', '/batch/maxAgeSeconds'] as const).map(
              (p): [string, string] => [labels[p]!, v[p]!],
            ),
            [labels['/duplex']!, stored.duplex ? shared.yes : shared.no],
            [labels['/dataMatrix']!, stored.dataMatrix ? shared.yes : shared.no],
          ];
    return (
      <>
        <PageHeading title={words.title(stored.id)} />
        <p className="notice">{shared.fromFile}</p>
        <Facts rows={rows} />
        <p>
          <Link to="/admin/ziele">{shared.back}</Link>
        </p>
      </>
    );
  }

  const set = (pointer: string) => (value: string) => setValues((v) => ({ ...v, [pointer]: value }));
  const text = (pointer: string, hint?: string, inputMode?: 'numeric') => (
    <TextField form={form} pointer={pointer} label={labels[pointer]!} value={values[pointer]!} onChange={set(pointer)} hint={hint} inputMode={inputMode} />
  );
  const check = (pointer: string) => (
    <CheckField form={form} pointer={pointer} label={labels[pointer]!} checked={values[pointer] === 'true'} onChange={(on) => set(pointer)(on ? 'true' : '')} />
  );
  const authorityOptions = [
    ...(type === 'print' || values['/authority'] === '' ? [{ value: '', label: type === 'print' ? words.authorityNone : shared.noneChosen }] : []),
    ...authorities.map((a) => ({ value: a.id, label: `${a.name} (${a.id})` })),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    await form.run(
      async () => {
        if (editing) {
          const updated = await api.send<Target>('PATCH', `/api/admin/targets/${encodeURIComponent(stored.id)}`, bodyOf(values, stored));
          setStored(updated);
          setValues(valuesOf(updated));
          setSaved(true);
        } else {
          const created = await api.send<Target>('POST', '/api/admin/targets', bodyOf(values, undefined));
          navigate(`/admin/ziele/${encodeURIComponent(created.id)}?angelegt`);
        }
      },
      (error) =>
        error.code === 'already_exists'
          ? [{ path: '/id', message: error.message }]
          : Array.isArray(error.details)
            ? placed(error.details as Problem[])
            : undefined,
    );
  };

  const remove = () =>
    void removal.run(async () => {
      await deleting(() => api.send('DELETE', `/api/admin/targets/${encodeURIComponent(stored!.id)}`), lang);
      navigate('/admin/ziele?geloescht');
    });

  const demoPath = stored?.type === 'xoev-http' && typeof stored.url !== 'string' ? stored.url.demoReceiver : undefined;
  const otherAuth = stored?.type === 'xoev-http' && stored.auth !== undefined && envOf(stored) === '';

  return (
    <>
      <PageHeading title={editing ? words.title(stored.id) : words.newTitle} />
      <div role="status">{(justCreated && !saved && <p className="notice">{words.created}</p>) || (saved && <p className="notice">{shared.saved}</p>)}</div>
      <ProblemSummary form={form} labels={labels} />
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {editing ? (
          <Facts
            rows={[
              [labels['/id']!, stored.id],
              [labels['/type']!, types[stored.type]],
            ]}
          />
        ) : (
          <>
            {text('/id', words.hints.id)}
            <SelectField
              form={form}
              pointer="/type"
              label={labels['/type']!}
              value={type!}
              options={['xoev-http', 'print'].map((t) => ({ value: t, label: types[t]! }))}
              onChange={set('/type')}
            />
          </>
        )}
        <SelectField form={form} pointer="/authority" label={labels['/authority']!} value={values['/authority']!} options={authorityOptions} onChange={set('/authority')} />
        {type === 'xoev-http' ? (
          <>
            {text('/url', demoPath ? words.hints.demoUrl(demoPath) : words.hints.url)}
            {text('/timeoutMs', undefined, 'numeric')}
            {text('/auth/bearerToken', otherAuth ? words.hints.otherAuth : words.hints.token)}
          </>
        ) : (
          <>
            {text('/template', words.hints.template)}
            <SelectField
              form={form}
              pointer="/envelope"
              label={labels['/envelope']!}
              value={values['/envelope']!}
              options={['DL', 'C6/5', 'C4'].map((e) => ({ value: e, label: e }))}
              onChange={set('/envelope')}
            />
            {check('/duplex')}
            {text('/postage')}
            {text('/maxSheetsPerEnvelope', undefined, 'numeric')}
            <fieldset className="section">
              <legend className="section__legend">{words.batch}</legend>
              {text('/batch/maxPieces', undefined, 'numeric')}
              {text('/batch/maxSheets', undefined, 'numeric')}
              {text('/batch/maxAgeSeconds', undefined, 'numeric')}
            </fieldset>
            {check('/dataMatrix')}
          </>
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.busy}>
            {editing ? shared.save : words.create}
          </button>
        </div>
      </form>
      {editing && (
        <section aria-labelledby="ziel-loeschen">
          <h2 id="ziel-loeschen">{shared.delete}</h2>
          <ProblemSummary form={removal} labels={{}} />
          <ConfirmAction label={shared.delete} question={words.deleteQuestion(stored.id)} confirm={shared.confirmDelete} busy={removal.busy} onConfirm={remove} />
        </section>
      )}
      <p>
        <Link to="/admin/ziele">{shared.back}</Link>
      </p>
    </>
  );
}

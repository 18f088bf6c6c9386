/**
 * `/admin/api-tokens`: named tokens for machines. A new token is shown once, with a copy button
 * and the warning that it will not be shown again; revoking asks first and keeps it listed.
 */
import { formatShortDateTime } from '../../../../shared/form-view/format.ts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { LoadFailed, Loading } from '../../layout/load-states.tsx';
import { PageHeading } from '../../layout/page-heading.tsx';
import { useResource } from '../../layout/use-resource.ts';
import { useLanguage } from '../../language.tsx';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi } from '../admin-api.ts';
import { useTexts } from '../use-texts.ts';
import { DataTable } from '../components/data-table.tsx';
import { ConfirmAction } from '../components/confirm-action.tsx';
import { ProblemSummary, SelectField, TextField } from '../components/fields.tsx';
import { useFormState } from '../components/form-state.ts';
import { type ApiToken, type Authority } from './administration/types.ts';
import { roleName, sharedTexts } from './administration/words.ts';

const texts = {
  de: {
    title: 'API-Tokens',
    intro: 'Tokens für Skripte und Überwachung: je eines mit einer Rolle und – außer für die Administration – einer Behörde.',
    caption: 'API-Tokens der Installation',
    region: 'Tabelle der API-Tokens',
    name: 'Name',
    role: 'Rolle',
    authority: 'Behörde',
    createdAt: 'Ausgestellt',
    lastUsedAt: 'Zuletzt verwendet',
    state: 'Zustand',
    active: 'gültig',
    revokedAt: (when: string) => `widerrufen am ${when}`,
    actions: 'Aktionen',
    empty: 'Es gibt noch kein API-Token.',
    revoke: 'Widerrufen',
    revokeQuestion: (name: string) => `Token „${name}“ wirklich widerrufen? Programme, die es verwenden, werden sofort abgewiesen.`,
    confirmRevoke: 'Ja, widerrufen',
    revoked: (name: string) => `Das Token „${name}“ ist widerrufen.`,
    createTitle: 'Neues API-Token',
    create: 'Token ausstellen',
    newToken: (name: string) => `Neues Token „${name}“`,
    once: 'Kopieren Sie das Token jetzt. Es wird nicht noch einmal angezeigt; gespeichert ist nur sein Hashwert.',
    copy: 'Token kopieren',
    copied: 'Das Token ist in der Zwischenablage.',
    copyFailed: 'Kopieren war nicht möglich. Bitte markieren und kopieren Sie das Token selbst.',
    never: 'nie',
    labels: { '/name': 'Name des Tokens', '/role': 'Rolle', '/authority': 'Behörde' } as Record<string, string>,
    nameHint: 'Woran man später erkennt, wofür es ausgestellt wurde, z. B. „monitoring“.',
    authorityHint: 'Für Formulargestaltung, Sachbearbeitung und Prüfung nötig; für die Administration leer lassen.',
  },
  en: {
    title: 'API tokens',
    intro: 'Tokens for scripts and monitoring: each with one role and — except for administration — one authority.',
    caption: 'API tokens of the installation',
    region: 'Table of API tokens',
    name: 'Name',
    role: 'Role',
    authority: 'Authority',
    createdAt: 'Issued',
    lastUsedAt: 'Last used',
    state: 'State',
    active: 'valid',
    revokedAt: (when: string) => `revoked on ${when}`,
    actions: 'Actions',
    empty: 'There is no API token yet.',
    revoke: 'Revoke',
    revokeQuestion: (name: string) => `Really revoke the token “${name}”? Programs using it are refused at once.`,
    confirmRevoke: 'Yes, revoke',
    revoked: (name: string) => `The token “${name}” has been revoked.`,
    createTitle: 'New API token',
    create: 'Issue token',
    newToken: (name: string) => `New token “${name}”`,
    once: 'Copy the token now. It will not be shown again; only its hash is stored.',
    copy: 'Copy token',
    copied: 'The token is on the clipboard.',
    copyFailed: 'Copying was not possible. Please select and copy the token yourself.',
    never: 'never',
    labels: { '/name': 'Name of the token', '/role': 'Role', '/authority': 'Authority' } as Record<string, string>,
    nameHint: 'What tells later what it was issued for, e.g. “monitoring”.',
    authorityHint: 'Needed for form design, casework and audit; leave empty for administration.',
  },
};

interface Loaded {
  tokens: ApiToken[];
  authorities: Authority[];
}

export function ApiTokensPage(_props: AdminPageProps) {
  const words = useTexts(texts);
  const api = useAdminApi();
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<string>();
  const [issued, setIssued] = useState<ApiToken>();
  const loaded = useResource(
    async (): Promise<Loaded> => {
      const [t, a] = await Promise.all([api.get<{ tokens: ApiToken[] }>('/api/admin/tokens'), api.get<{ authorities: Authority[] }>('/api/admin/authorities')]);
      return { tokens: t.tokens, authorities: a.authorities };
    },
    [api, version],
  );
  return (
    <>
      <PageHeading title={words.title} />
      <p>{words.intro}</p>
      <div role="status">{message && <p className="notice">{message}</p>}</div>
      {issued && <IssuedToken token={issued} />}
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <LoadFailed error={loaded.error} retry={loaded.retry} />}
      {loaded.state === 'loaded' && (
        <Tokens
          loaded={loaded.value}
          changed={(said, token) => {
            setMessage(said);
            setIssued(token);
            setVersion((n) => n + 1);
          }}
          startsChange={() => setMessage(undefined)}
        />
      )}
    </>
  );
}

/** The new token, once: focused so it is read out, with its warning and a copy button. */
function IssuedToken({ token }: { token: ApiToken }) {
  const words = useTexts(texts);
  const ref = useRef<HTMLElement>(null);
  const [copy, setCopy] = useState<'copied' | 'failed'>();
  useEffect(() => ref.current?.focus(), [token]);
  return (
    <section className="token-box" ref={ref} tabIndex={-1} aria-labelledby="neues-token">
      <h2 id="neues-token">{words.newToken(token.name)}</h2>
      <p>
        <strong>{words.once}</strong>
      </p>
      <p>
        <code className="token" id="neues-token-wert">
          {token.token}
        </code>
      </p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          void navigator.clipboard.writeText(token.token ?? '').then(
            () => setCopy('copied'),
            () => setCopy('failed'),
          )
        }
      >
        {words.copy}
      </button>
      <p role="status">{copy === 'copied' ? words.copied : copy === 'failed' ? words.copyFailed : ''}</p>
    </section>
  );
}

function Tokens({ loaded, changed, startsChange }: { loaded: Loaded; changed(message: string | undefined, issued?: ApiToken): void; startsChange(): void }) {
  const words = useTexts(texts);
  const shared = useTexts(sharedTexts);
  const { lang } = useLanguage();
  const api = useAdminApi();
  const form = useFormState();
  const revoking = useFormState();
  const [name, setName] = useState('');
  const [role, setRole] = useState('sachbearbeitung');
  const [authority, setAuthority] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    startsChange();
    let created: ApiToken | undefined;
    const ok = await form.run(
      async () => {
        created = await api.send<ApiToken>('POST', '/api/admin/tokens', { name, role, ...(authority === '' ? {} : { authority }) });
      },
      (error) => (error.code === 'api_token_name_taken' ? [{ path: '/name', message: error.message }] : undefined),
    );
    if (ok) changed(undefined, created);
  };

  const revoke = (token: ApiToken) =>
    void revoking.run(() => api.send('DELETE', `/api/admin/tokens/${token.id}`)).then((ok) => ok && changed(words.revoked(token.name)));

  const roles = ['admin', 'designer', 'sachbearbeitung', 'auditor'];
  return (
    <>
      <ProblemSummary form={revoking} labels={{}} />
      {loaded.tokens.length === 0 ? (
        <p>{words.empty}</p>
      ) : (
        <DataTable
          caption={words.caption}
          label={words.region}
          rows={loaded.tokens}
          rowKey={(t) => t.id}
          columns={[
            { header: words.name, rowHeader: true, cell: (t) => t.name },
            { header: words.role, cell: (t) => roleName(shared, t.role) },
            { header: words.authority, cell: (t) => t.authority ?? shared.none },
            { header: words.createdAt, cell: (t) => formatShortDateTime(t.createdAt, lang) },
            { header: words.lastUsedAt, cell: (t) => (t.lastUsedAt ? formatShortDateTime(t.lastUsedAt, lang) : words.never) },
            { header: words.state, cell: (t) => (t.revokedAt ? words.revokedAt(formatShortDateTime(t.revokedAt, lang)) : words.active) },
            {
              header: words.actions,
              cell: (t) =>
                !t.revokedAt && (
                  <ConfirmAction label={words.revoke} question={words.revokeQuestion(t.name)} confirm={words.confirmRevoke} busy={revoking.busy} onConfirm={() => revoke(t)} />
                ),
            },
          ]}
        />
      )}
      <h2>{words.createTitle}</h2>
      <ProblemSummary form={form} labels={words.labels} />
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField form={form} pointer="/name" label={words.labels['/name']!} hint={words.nameHint} value={name} onChange={setName} />
        <SelectField form={form} pointer="/role" label={words.labels['/role']!} value={role} options={roles.map((r) => ({ value: r, label: roleName(shared, r) }))} onChange={setRole} />
        <SelectField
          form={form}
          pointer="/authority"
          label={words.labels['/authority']!}
          hint={words.authorityHint}
          value={authority}
          options={[{ value: '', label: shared.noneChosen }, ...loaded.authorities.map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }))]}
          onChange={setAuthority}
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

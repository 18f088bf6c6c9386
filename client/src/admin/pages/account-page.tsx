/**
 * `/admin/konten/:id`: one account — name, admin flag and enabled state, a new password, and its
 * roles per authority. Accounts from the provisioning file are read-only; accounts signing in
 * through OpenID Connect have no password here.
 */
import { formatShortDateTime } from '../../../../shared/form-view/format.ts';
import { useState, type FormEvent } from 'react';
import { LoadFailed, Loading } from '../../layout/load-states.tsx';
import { PageHeading } from '../../layout/page-heading.tsx';
import { useResource } from '../../layout/use-resource.ts';
import { useLanguage } from '../../language.tsx';
import { Link, useRouter } from '../../routing/router.tsx';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi } from '../admin-api.ts';
import { useTexts } from '../use-texts.ts';
import { accountTexts } from './administration/account-texts.ts';
import { Facts } from '../components/facts.tsx';
import { CheckField, ProblemSummary, TextField } from '../components/fields.tsx';
import { useFormState } from '../components/form-state.ts';
import { GrantsEditor, useGrantLabels } from './administration/grants-editor.tsx';
import { type Account, type Authority, type GrantRow } from './administration/types.ts';
import { roleName, sharedTexts } from './administration/words.ts';

const texts = {
  de: {
    title: (email: string) => `Konto: ${email}`,
    fallbackTitle: 'Konto',
    created: 'Das Konto ist angelegt.',
    managed: 'Verwaltet',
    createdAt: 'Angelegt',
    passwordChangedAt: 'Passwort zuletzt gesetzt',
    account: 'Konto',
    saveAccount: 'Konto speichern',
    password: 'Neues Passwort',
    setPassword: 'Passwort setzen',
    passwordSet: 'Das neue Passwort ist gesetzt; laufende Sitzungen des Kontos sind beendet.',
    oidc: 'Dieses Konto meldet sich über OpenID Connect an; ein Passwort gibt es hier nicht.',
    roles: 'Rollen',
    saveRoles: 'Rollen speichern',
    rolesSaved: 'Die Rollen sind gespeichert; laufende Sitzungen des Kontos sind beendet.',
    accountSaved: 'Das Konto ist gespeichert.',
    fromFile: 'Dieses Konto stammt aus der Provisionierungsdatei. Es kann nur dort geändert werden; hier ist es nur zu lesen.',
    state: 'Zustand',
    enabled: 'aktiv',
    disabled: 'gesperrt',
    never: 'nie',
  },
  en: {
    title: (email: string) => `Account: ${email}`,
    fallbackTitle: 'Account',
    created: 'The account has been created.',
    managed: 'Managed',
    createdAt: 'Created',
    passwordChangedAt: 'Password last set',
    account: 'Account',
    saveAccount: 'Save account',
    password: 'New password',
    setPassword: 'Set password',
    passwordSet: 'The new password is set; the account’s sessions have ended.',
    oidc: 'This account signs in through OpenID Connect; it has no password here.',
    roles: 'Roles',
    saveRoles: 'Save roles',
    rolesSaved: 'The roles are saved; the account’s sessions have ended.',
    accountSaved: 'The account has been saved.',
    fromFile: 'This account comes from the provisioning file. It can only be changed there; here it is read-only.',
    state: 'State',
    enabled: 'enabled',
    disabled: 'disabled',
    never: 'never',
  },
};

export function AccountPage({ params }: AdminPageProps) {
  const words = useTexts(texts);
  const api = useAdminApi();
  const id = params.id!;
  const loaded = useResource(
    () => Promise.all([api.get<Account>(`/api/admin/users/${encodeURIComponent(id)}`), api.get<{ authorities: Authority[] }>('/api/admin/authorities')]),
    [api, id],
  );
  if (loaded.state === 'loaded') return <AccountView stored={loaded.value[0]} authorities={loaded.value[1].authorities} />;
  return (
    <>
      <PageHeading title={words.fallbackTitle} />
      {loaded.state === 'loading' ? <Loading /> : <LoadFailed error={loaded.error} retry={loaded.retry} />}
    </>
  );
}

function AccountView({ stored, authorities }: { stored: Account; authorities: Authority[] }) {
  const words = useTexts(texts);
  const account = useTexts(accountTexts);
  const shared = useTexts(sharedTexts);
  const { lang } = useLanguage();
  const api = useAdminApi();
  const { location } = useRouter();
  const [user, setUser] = useState(stored);
  const [message, setMessage] = useState<string | undefined>(new URLSearchParams(location.search).has('angelegt') ? words.created : undefined);
  const details = useFormState();
  const passwordForm = useFormState();
  const rolesForm = useFormState();
  const [name, setName] = useState(user.name);
  const [admin, setAdmin] = useState(user.admin);
  const [disabled, setDisabled] = useState(user.disabled);
  const [password, setPassword] = useState('');
  const [grants, setGrants] = useState<GrantRow[]>(user.grants);
  const grantLabels = useGrantLabels(grants.length);
  const path = `/api/admin/users/${user.id}`;

  const facts: Array<[string, string | undefined]> = [
    [account.labels['/email']!, user.email],
    [words.managed, shared.managedBy[user.managedBy] ?? user.managedBy],
    [words.createdAt, formatShortDateTime(user.createdAt, lang)],
    [words.passwordChangedAt, user.passwordChangedAt ? formatShortDateTime(user.passwordChangedAt, lang) : words.never],
  ];

  if (user.managedBy === 'file')
    return (
      <>
        <PageHeading title={words.title(user.email)} />
        <p className="notice">{words.fromFile}</p>
        <Facts
          rows={[
            ...facts,
            [account.labels['/name']!, user.name],
            [account.labels['/admin']!, user.admin ? shared.yes : shared.no],
            [words.state, user.disabled ? words.disabled : words.enabled],
            [words.roles, user.grants.map((g) => `${roleName(shared, g.role)} – ${g.authority}`).join(', ') || shared.none],
          ]}
        />
        <p>
          <Link to="/admin/konten">{shared.back}</Link>
        </p>
      </>
    );

  const changed = (next: Account, said: string) => {
    setUser(next);
    setMessage(said);
  };

  const saveDetails = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    await details.run(
      async () => changed(await api.send<Account>('PATCH', path, { name, admin, disabled }), words.accountSaved),
      // The last administrator: the problem is the switch that was changed.
      (error) => (error.code === 'last_admin' ? [{ path: disabled && !user.disabled ? '/disabled' : '/admin', message: error.message }] : undefined),
    );
  };

  const savePassword = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    const ok = await passwordForm.run(async () => changed(await api.send<Account>('PATCH', path, { password }), words.passwordSet));
    if (ok) setPassword('');
  };

  const saveRoles = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    await rolesForm.run(async () => {
      const next = await api.send<Account>('PUT', `${path}/grants`, { grants });
      setGrants(next.grants);
      changed(next, words.rolesSaved);
    });
  };

  return (
    <>
      <PageHeading title={words.title(user.email)} />
      <div role="status">{message && <p className="notice">{message}</p>}</div>
      <Facts rows={facts} />

      <h2>{words.account}</h2>
      <ProblemSummary form={details} labels={account.labels} />
      <form className="form" onSubmit={(event) => void saveDetails(event)} noValidate>
        <TextField form={details} pointer="/name" label={account.labels['/name']!} value={name} onChange={setName} />
        <CheckField form={details} pointer="/admin" label={account.labels['/admin']!} checked={admin} onChange={setAdmin} />
        <CheckField form={details} pointer="/disabled" label={account.labels['/disabled']!} checked={disabled} onChange={setDisabled} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={details.busy}>
            {words.saveAccount}
          </button>
        </div>
      </form>

      <h2>{words.password}</h2>
      {user.managedBy === 'oidc' && !user.hasPassword ? (
        <p>{words.oidc}</p>
      ) : (
        <>
          <ProblemSummary form={passwordForm} labels={{ '/password': words.password }} />
          <form className="form" onSubmit={(event) => void savePassword(event)} noValidate>
            <TextField
              form={passwordForm}
              pointer="/password"
              label={words.password}
              type="password"
              autoComplete="new-password"
              hint={account.passwordHint}
              value={password}
              onChange={setPassword}
            />
            <div className="form-actions">
              <button type="submit" className="button" disabled={passwordForm.busy}>
                {words.setPassword}
              </button>
            </div>
          </form>
        </>
      )}

      <h2>{words.roles}</h2>
      <ProblemSummary form={rolesForm} labels={grantLabels} />
      <form className="form" onSubmit={(event) => void saveRoles(event)} noValidate>
        <GrantsEditor form={rolesForm} grants={grants} authorities={authorities} onChange={setGrants} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={rolesForm.busy}>
            {words.saveRoles}
          </button>
        </div>
      </form>
      <p>
        <Link to="/admin/konten">{shared.back}</Link>
      </p>
    </>
  );
}

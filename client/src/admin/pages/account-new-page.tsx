/** `/admin/konten/neu`: a new account with e-mail, name, initial password, admin flag and roles. */
import { useState, type FormEvent } from 'react';
import { LoadFailed, Loading } from '../../layout/load-states.tsx';
import { PageHeading } from '../../layout/page-heading.tsx';
import { useResource } from '../../layout/use-resource.ts';
import { Link, useRouter } from '../../routing/router.tsx';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi } from '../admin-api.ts';
import { useTexts } from '../use-texts.ts';
import { accountTexts } from './administration/account-texts.ts';
import { CheckField, ProblemSummary, TextField } from '../components/fields.tsx';
import { useFormState } from '../components/form-state.ts';
import { GrantsEditor, useGrantLabels } from './administration/grants-editor.tsx';
import type { Account, Authority, GrantRow } from './administration/types.ts';
import { sharedTexts } from './administration/words.ts';

const texts = {
  de: { title: 'Neues Konto', create: 'Konto anlegen', initialPassword: 'Erstes Passwort' },
  en: { title: 'New account', create: 'Create account', initialPassword: 'Initial password' },
};

export function AccountNewPage(_props: AdminPageProps) {
  const words = useTexts(texts);
  const api = useAdminApi();
  const authorities = useResource(() => api.get<{ authorities: Authority[] }>('/api/admin/authorities'), [api]);
  return (
    <>
      <PageHeading title={words.title} />
      {authorities.state === 'loading' && <Loading />}
      {authorities.state === 'failed' && <LoadFailed error={authorities.error} retry={authorities.retry} />}
      {authorities.state === 'loaded' && <NewAccountForm authorities={authorities.value.authorities} />}
    </>
  );
}

function NewAccountForm({ authorities }: { authorities: Authority[] }) {
  const words = useTexts(texts);
  const account = useTexts(accountTexts);
  const shared = useTexts(sharedTexts);
  const api = useAdminApi();
  const { navigate } = useRouter();
  const form = useFormState();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [admin, setAdmin] = useState(false);
  const [grants, setGrants] = useState<GrantRow[]>([]);
  const labels: Record<string, string> = { ...account.labels, '/password': words.initialPassword, ...useGrantLabels(grants.length) };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await form.run(
      async () => {
        const created = await api.send<Account>('POST', '/api/admin/users', { email, name, password, admin, grants });
        navigate(`/admin/konten/${created.id}?angelegt`);
      },
      (error) => (error.code === 'email_taken' ? [{ path: '/email', message: error.message }] : undefined),
    );
  };

  return (
    <>
      <ProblemSummary form={form} labels={labels} />
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField form={form} pointer="/email" label={labels['/email']!} type="email" value={email} onChange={setEmail} />
        <TextField form={form} pointer="/name" label={labels['/name']!} value={name} onChange={setName} />
        <TextField
          form={form}
          pointer="/password"
          label={words.initialPassword}
          type="password"
          autoComplete="new-password"
          hint={account.passwordHint}
          value={password}
          onChange={setPassword}
        />
        <CheckField form={form} pointer="/admin" label={labels['/admin']!} checked={admin} onChange={setAdmin} />
        <GrantsEditor form={form} grants={grants} authorities={authorities} onChange={setGrants} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.busy}>
            {words.create}
          </button>
        </div>
      </form>
      <p>
        <Link to="/admin/konten">{shared.back}</Link>
      </p>
    </>
  );
}

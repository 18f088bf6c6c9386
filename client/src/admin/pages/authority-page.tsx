/**
 * `/admin/behoerden/neu` and `/admin/behoerden/:id`: an authority created, edited and deleted
 * through the admin API; one from the provisioning file shown read-only with the reason.
 */
import { useState, type FormEvent } from 'react';
import { useLanguage } from '../../language.tsx';
import { LoadFailed, Loading } from '../../layout/load-states.tsx';
import { PageHeading } from '../../layout/page-heading.tsx';
import { useResource } from '../../layout/use-resource.ts';
import { Link, useRouter } from '../../routing/router.tsx';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi } from '../admin-api.ts';
import { useTexts } from '../use-texts.ts';
import { ConfirmAction } from '../components/confirm-action.tsx';
import { Facts } from '../components/facts.tsx';
import { ProblemSummary, TextField } from '../components/fields.tsx';
import { useFormState } from '../components/form-state.ts';
import { deleting } from './administration/in-use.ts';
import type { Authority } from './administration/types.ts';
import { sharedTexts } from './administration/words.ts';

const texts = {
  de: {
    newTitle: 'Neue Behörde',
    title: (name: string) => `Behörde: ${name}`,
    created: 'Die Behörde ist angelegt.',
    create: 'Behörde anlegen',
    address: 'Anschrift',
    contact: 'Kontakt (optional)',
    identification: 'Kennungen',
    letterhead: 'Briefkopf',
    deleteQuestion: (name: string) => `Behörde „${name}“ wirklich löschen? Das lässt sich nicht rückgängig machen.`,
    labels: {
      '/id': 'Kennung (ID)',
      '/name': 'Name',
      '/department': 'Abteilung (optional)',
      '/address/strasse': 'Straße',
      '/address/hausnummer': 'Hausnummer',
      '/address/postleitzahl': 'Postleitzahl',
      '/address/ort': 'Ort',
      '/contact/person': 'Ansprechperson',
      '/contact/phone': 'Telefon',
      '/contact/email': 'E-Mail-Adresse',
      '/kennung': 'DVDV-Kennung (optional)',
      '/regionalschluessel': 'Regionalschlüssel (optional)',
      '/letterhead/ruecksendeangabe': 'Rücksendeangabe (optional)',
    } as Record<string, string>,
    hints: {
      id: 'a–z, 0–9 und Bindestrich, z. B. „ordnungsamt“; später nicht änderbar.',
      kennung: 'z. B. psw:06412000; nötig für XÖV-Ziele dieser Behörde.',
      regionalschluessel: 'AGS (8 Ziffern) oder ARS (12 Ziffern).',
      ruecksendeangabe: 'Sonst: Name · Straße Hausnummer · Postleitzahl Ort.',
    },
  },
  en: {
    newTitle: 'New authority',
    title: (name: string) => `Authority: ${name}`,
    created: 'The authority has been created.',
    create: 'Create authority',
    address: 'Address',
    contact: 'Contact (optional)',
    identification: 'Identifiers',
    letterhead: 'Letterhead',
    deleteQuestion: (name: string) => `Really delete the authority “${name}”? This cannot be undone.`,
    labels: {
      '/id': 'Id',
      '/name': 'Name',
      '/department': 'Department (optional)',
      '/address/strasse': 'Street',
      '/address/hausnummer': 'House number',
      '/address/postleitzahl': 'Postcode',
      '/address/ort': 'Town',
      '/contact/person': 'Contact person',
      '/contact/phone': 'Phone',
      '/contact/email': 'E-mail address',
      '/kennung': 'DVDV kennung (optional)',
      '/regionalschluessel': 'Regional key (optional)',
      '/letterhead/ruecksendeangabe': 'Return address line (optional)',
    } as Record<string, string>,
    hints: {
      id: 'a–z, 0–9 and hyphen, e.g. “ordnungsamt”; cannot be changed later.',
      kennung: 'e.g. psw:06412000; needed by XÖV targets of this authority.',
      regionalschluessel: 'AGS (8 digits) or ARS (12 digits).',
      ruecksendeangabe: 'Otherwise: name · street number · postcode town.',
    },
  },
};

const pointers = [
  '/id',
  '/name',
  '/department',
  '/address/strasse',
  '/address/hausnummer',
  '/address/postleitzahl',
  '/address/ort',
  '/contact/person',
  '/contact/phone',
  '/contact/email',
  '/kennung',
  '/regionalschluessel',
  '/letterhead/ruecksendeangabe',
] as const;
type Values = Record<(typeof pointers)[number], string>;

const fieldsOf = (a?: Authority): Values => ({
  '/id': a?.id ?? '',
  '/name': a?.name ?? '',
  '/department': a?.department ?? '',
  '/address/strasse': a?.address.strasse ?? '',
  '/address/hausnummer': a?.address.hausnummer ?? '',
  '/address/postleitzahl': a?.address.postleitzahl ?? '',
  '/address/ort': a?.address.ort ?? '',
  '/contact/person': a?.contact.person ?? '',
  '/contact/phone': a?.contact.phone ?? '',
  '/contact/email': a?.contact.email ?? '',
  '/kennung': a?.kennung ?? '',
  '/regionalschluessel': a?.regionalschluessel ?? '',
  '/letterhead/ruecksendeangabe': a?.letterhead.ruecksendeangabe ?? '',
});

/** Only what was typed: empty optional fields are left out (or, when editing, removed with null). */
function bodyOf(v: Values, editing: boolean): Record<string, unknown> {
  const optional = (value: string) => (value.trim() === '' ? (editing ? null : undefined) : value);
  const some = (entries: Record<string, string>) =>
    Object.fromEntries(Object.entries(entries).filter(([, value]) => value.trim() !== ''));
  return {
    ...(editing ? {} : { id: v['/id'] }),
    name: v['/name'],
    department: optional(v['/department']),
    address: { strasse: v['/address/strasse'], hausnummer: v['/address/hausnummer'], postleitzahl: v['/address/postleitzahl'], ort: v['/address/ort'] },
    contact: some({ person: v['/contact/person'], phone: v['/contact/phone'], email: v['/contact/email'] }),
    kennung: optional(v['/kennung']),
    regionalschluessel: optional(v['/regionalschluessel']),
    letterhead: some({ ruecksendeangabe: v['/letterhead/ruecksendeangabe'] }),
  };
}

export function AuthorityPage({ params }: AdminPageProps) {
  const api = useAdminApi();
  const id = params.id;
  const loaded = useResource(() => (id ? api.get<Authority>(`/api/admin/authorities/${encodeURIComponent(id)}`) : Promise.resolve(undefined)), [api, id]);
  const words = useTexts(texts);
  if (loaded.state === 'loading')
    return (
      <>
        <PageHeading title={words.newTitle} />
        <Loading />
      </>
    );
  if (loaded.state === 'failed')
    return (
      <>
        <PageHeading title={id ?? words.newTitle} />
        <LoadFailed error={loaded.error} retry={loaded.retry} />
      </>
    );
  return <AuthorityView authority={loaded.value} />;
}

function AuthorityView({ authority }: { authority: Authority | undefined }) {
  const words = useTexts(texts);
  const shared = useTexts(sharedTexts);
  const api = useAdminApi();
  const { lang } = useLanguage();
  const { location, navigate } = useRouter();
  const form = useFormState();
  const removal = useFormState();
  const [values, setValues] = useState<Values>(fieldsOf(authority));
  const [saved, setSaved] = useState(false);
  const editing = authority !== undefined;
  const justCreated = new URLSearchParams(location.search).has('angelegt');

  if (authority?.managedBy === 'file')
    return (
      <>
        <PageHeading title={words.title(authority.name)} />
        <p className="notice">{shared.fromFile}</p>
        <Facts rows={pointers.map((pointer) => [words.labels[pointer]!, fieldsOf(authority)[pointer]])} />
        <p>
          <Link to="/admin/behoerden">{shared.back}</Link>
        </p>
      </>
    );

  const set = (pointer: keyof Values) => (value: string) => setValues((v) => ({ ...v, [pointer]: value }));
  const field = (pointer: keyof Values, hint?: string, type?: 'email') => (
    <TextField form={form} pointer={pointer} label={words.labels[pointer]!} value={values[pointer]} onChange={set(pointer)} hint={hint} type={type} />
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    await form.run(
      async () => {
        if (editing) {
          const updated = await api.send<Authority>('PATCH', `/api/admin/authorities/${encodeURIComponent(authority.id)}`, bodyOf(values, true));
          setValues(fieldsOf(updated));
          setSaved(true);
        } else {
          const created = await api.send<Authority>('POST', '/api/admin/authorities', bodyOf(values, false));
          navigate(`/admin/behoerden/${encodeURIComponent(created.id)}?angelegt`);
        }
      },
      (error) => (error.code === 'already_exists' ? [{ path: '/id', message: error.message }] : undefined),
    );
  };

  const remove = () =>
    void removal.run(async () => {
      await deleting(() => api.send('DELETE', `/api/admin/authorities/${encodeURIComponent(authority!.id)}`), lang);
      navigate('/admin/behoerden?geloescht');
    });

  return (
    <>
      <PageHeading title={editing ? words.title(authority.name) : words.newTitle} />
      <div role="status">{(justCreated && !saved && <p className="notice">{words.created}</p>) || (saved && <p className="notice">{shared.saved}</p>)}</div>
      <ProblemSummary form={form} labels={words.labels} />
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {editing ? <Facts rows={[[words.labels['/id']!, authority.id]]} /> : field('/id', words.hints.id)}
        {field('/name')}
        {field('/department')}
        <fieldset className="section">
          <legend className="section__legend">{words.address}</legend>
          {field('/address/strasse')}
          {field('/address/hausnummer')}
          {field('/address/postleitzahl')}
          {field('/address/ort')}
        </fieldset>
        <fieldset className="section">
          <legend className="section__legend">{words.contact}</legend>
          {field('/contact/person')}
          {field('/contact/phone')}
          {field('/contact/email', undefined, 'email')}
        </fieldset>
        <fieldset className="section">
          <legend className="section__legend">{words.identification}</legend>
          {field('/kennung', words.hints.kennung)}
          {field('/regionalschluessel', words.hints.regionalschluessel)}
        </fieldset>
        <fieldset className="section">
          <legend className="section__legend">{words.letterhead}</legend>
          {field('/letterhead/ruecksendeangabe', words.hints.ruecksendeangabe)}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.busy}>
            {editing ? shared.save : words.create}
          </button>
        </div>
      </form>
      {editing && (
        <section className="danger-zone" aria-labelledby="loeschen">
          <h2 id="loeschen">{shared.delete}</h2>
          <ProblemSummary form={removal} labels={{}} />
          <ConfirmAction label={shared.delete} question={words.deleteQuestion(authority.name)} confirm={shared.confirmDelete} busy={removal.busy} onConfirm={remove} />
        </section>
      )}
      <p>
        <Link to="/admin/behoerden">{shared.back}</Link>
      </p>
    </>
  );
}

/**
 * `/admin/antraege`: the inbox. The caller's authorities' applications, filtered and sorted as
 * the address's query says (so a reload or Back keeps them), a page at a time through the API's
 * cursor, and the whole filtered list as CSV. Filter values the API refuses are shown at their
 * field, as in any form.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { formatShortDateTime, formatShortDate } from '../../../../shared/form-view/format.ts';
import { listForms } from '../../api/forms.ts';
import type { FormListing } from '../../api/types.ts';
import { useLanguage } from '../../language.tsx';
import { Loading } from '../../layout/load-states.tsx';
import { PageHeading } from '../../layout/page-heading.tsx';
import { Link, useRouter } from '../../routing/router.tsx';
import { processingStatusLabels, processingStatuses } from '../../../../shared/processing-status.ts';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi } from '../admin-api.ts';
import { ProblemSummary, SelectField, TextField } from '../components/fields.tsx';
import { useFormState } from '../components/form-state.ts';
import { useTexts } from '../use-texts.ts';
import { deliveryStates, type InboxPage } from './applications/types.ts';
import { applicationTexts, deliverySummary } from './applications/words.ts';

/** The filters, by the API's parameter names; the address's query uses the same names. */
const filterNames = ['form', 'version', 'status', 'delivery', 'from', 'to', 'reference', 'q', 'sort'] as const;
type FilterName = (typeof filterNames)[number];
type Filters = Record<FilterName, string>;

const sorts = ['-submittedAt', 'submittedAt', 'reference', '-reference'] as const;
const pageSize = 50;

const texts = {
  de: {
    title: 'Anträge',
    intro: 'Die Anträge Ihrer Behörden. Filtern Sie nach Formular, Stand oder Zeitraum, suchen Sie nach Aktenzeichen oder Namen.',
    filters: 'Filter',
    labels: {
      '/form': 'Formular',
      '/version': 'Version',
      '/status': 'Bearbeitungsstand',
      '/delivery': 'Zustellung',
      '/from': 'Eingegangen ab',
      '/to': 'Eingegangen bis',
      '/reference': 'Aktenzeichen',
      '/q': 'Name oder andere Angabe',
      '/sort': 'Sortierung',
      '/cursor': 'Seite',
      '/limit': 'Seitengröße',
    } as Record<string, string>,
    hints: {
      version: 'Eine Zahl, z. B. 1.',
      q: 'Wortanfänge, z. B. „müll“ findet Müller; bis zu fünf Wörter.',
    },
    any: 'alle',
    deliveryHas: { pending: 'eine wartet', in_flight: 'eine wird gesendet', delivered: 'eine zugestellt', dead: 'eine gescheitert' },
    sort: { '-submittedAt': 'Neueste zuerst', submittedAt: 'Älteste zuerst', reference: 'Aktenzeichen aufsteigend', '-reference': 'Aktenzeichen absteigend' },
    apply: 'Filter anwenden',
    reset: 'Filter zurücksetzen',
    csv: 'Als CSV herunterladen',
    caption: (n: number, later: boolean) => `Anträge (${n} auf dieser Seite${later ? ', weitere auf den nächsten Seiten' : ''})`,
    region: 'Tabelle der Anträge',
    none: 'Keine Anträge für diese Filter.',
    reference: 'Aktenzeichen',
    form: 'Formular',
    submitted: 'Eingegangen',
    status: 'Bearbeitungsstand',
    deliveries: 'Zustellungen',
    eraseAfter: 'Löschung am',
    version: (n: number) => `Version ${n}`,
    next: 'Nächste Seite',
    first: 'Zur ersten Seite',
    laterPage: 'Sie sehen eine spätere Seite.',
  },
  en: {
    title: 'Applications',
    intro: "Your authorities' applications. Filter by form, status or period, search by reference or name.",
    filters: 'Filters',
    labels: {
      '/form': 'Form',
      '/version': 'Version',
      '/status': 'Processing status',
      '/delivery': 'Delivery',
      '/from': 'Received from',
      '/to': 'Received until',
      '/reference': 'Reference',
      '/q': 'Name or other answer',
      '/sort': 'Order',
      '/cursor': 'Page',
      '/limit': 'Page size',
    } as Record<string, string>,
    hints: {
      version: 'A number, e.g. 1.',
      q: 'Beginnings of words, e.g. “müll” finds Müller; up to five words.',
    },
    any: 'all',
    deliveryHas: { pending: 'one waiting', in_flight: 'one being sent', delivered: 'one delivered', dead: 'one failed' },
    sort: { '-submittedAt': 'Newest first', submittedAt: 'Oldest first', reference: 'Reference ascending', '-reference': 'Reference descending' },
    apply: 'Apply filters',
    reset: 'Reset filters',
    csv: 'Download as CSV',
    caption: (n: number, later: boolean) => `Applications (${n} on this page${later ? ', more on the next pages' : ''})`,
    region: 'Table of applications',
    none: 'No applications for these filters.',
    reference: 'Reference',
    form: 'Form',
    submitted: 'Received',
    status: 'Processing status',
    deliveries: 'Deliveries',
    eraseAfter: 'Erased on',
    version: (n: number) => `Version ${n}`,
    next: 'Next page',
    first: 'To the first page',
    laterPage: 'You are looking at a later page.',
  },
};

const filtersOf = (search: string): Filters => {
  const query = new URLSearchParams(search);
  return Object.fromEntries(filterNames.map((name) => [name, query.get(name) ?? ''])) as Filters;
};

/** The query of the filters that are set (and the cursor, if any), for the API and the address alike. */
const queryOf = (filters: Filters, cursor?: string | null) => {
  const query = new URLSearchParams();
  for (const name of filterNames) if (filters[name].trim() !== '') query.set(name, filters[name].trim());
  if (cursor) query.set('cursor', cursor);
  return query.toString();
};

export function ApplicationsPage(_props: AdminPageProps) {
  const words = useTexts(texts);
  const shared = useTexts(applicationTexts);
  const { lang } = useLanguage();
  const api = useAdminApi();
  const { location, navigate } = useRouter();
  const applied = filtersOf(location.search);
  const cursor = new URLSearchParams(location.search).get('cursor');
  const [values, setValues] = useState<Filters>(applied);
  const [forms, setForms] = useState<FormListing[]>([]);
  const [page, setPage] = useState<InboxPage>();
  const load = useFormState();

  useEffect(() => {
    listForms(lang).then(setForms, () => setForms([]));
  }, [lang]);

  useEffect(() => {
    setValues(filtersOf(location.search));
    setPage(undefined);
    void load.run(async () => {
      const query = new URLSearchParams(location.search);
      query.set('limit', String(pageSize));
      setPage(await api.get<InboxPage>(`/api/admin/submissions?${query.toString()}`));
    });
    // `load.run` is stable; the address's query is what is asked for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.search, api]);

  const set = (name: FilterName) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const query = queryOf(values);
    navigate(`/admin/antraege${query ? `?${query}` : ''}`);
  };
  const titleOf = (form: FormListing) => form.title[lang] ?? form.title.de;
  const appliedQuery = queryOf(applied);

  return (
    <>
      <PageHeading title={words.title} />
      <p>{words.intro}</p>
      <ProblemSummary form={load} labels={words.labels} />
      <form className="inbox-filters" onSubmit={apply} noValidate aria-label={words.filters}>
        <SelectField
          form={load}
          pointer="/form"
          label={words.labels['/form']!}
          value={values.form}
          onChange={set('form')}
          options={[
            { value: '', label: words.any },
            ...forms.map((f) => ({ value: f.id, label: titleOf(f) })),
            // A form the address names that is no longer published stays choosable.
            ...(values.form && !forms.some((f) => f.id === values.form) ? [{ value: values.form, label: values.form }] : []),
          ]}
        />
        <TextField form={load} pointer="/version" label={words.labels['/version']!} hint={words.hints.version} value={values.version} onChange={set('version')} inputMode="numeric" />
        <SelectField
          form={load}
          pointer="/status"
          label={words.labels['/status']!}
          value={values.status}
          onChange={set('status')}
          options={[{ value: '', label: words.any }, ...processingStatuses.map((s) => ({ value: s, label: processingStatusLabels[s][lang] }))]}
        />
        <SelectField
          form={load}
          pointer="/delivery"
          label={words.labels['/delivery']!}
          value={values.delivery}
          onChange={set('delivery')}
          options={[{ value: '', label: words.any }, ...deliveryStates.map((s) => ({ value: s, label: words.deliveryHas[s] }))]}
        />
        <TextField form={load} pointer="/from" label={words.labels['/from']!} type="date" value={values.from} onChange={set('from')} />
        <TextField form={load} pointer="/to" label={words.labels['/to']!} type="date" value={values.to} onChange={set('to')} />
        <TextField form={load} pointer="/reference" label={words.labels['/reference']!} value={values.reference} onChange={set('reference')} />
        <TextField form={load} pointer="/q" label={words.labels['/q']!} hint={words.hints.q} value={values.q} onChange={set('q')} />
        <SelectField
          form={load}
          pointer="/sort"
          label={words.labels['/sort']!}
          value={values.sort || '-submittedAt'}
          onChange={set('sort')}
          options={sorts.map((s) => ({ value: s, label: words.sort[s] }))}
        />
        <div className="form-actions inbox-filters__actions">
          <button type="submit" className="button">
            {words.apply}
          </button>
          {appliedQuery && (
            <Link to="/admin/antraege" className="button button--secondary">
              {words.reset}
            </Link>
          )}
        </div>
      </form>
      <p>
        <a href={`/api/admin/submissions.csv${appliedQuery ? `?${appliedQuery}` : ''}`} download>
          {words.csv}
        </a>
      </p>
      {cursor && <p>{words.laterPage}</p>}
      {load.busy && <Loading />}
      {page &&
        (page.items.length === 0 ? (
          <p role="status">{words.none}</p>
        ) : (
          <div className="table-scroll" role="region" aria-label={words.region} tabIndex={0}>
            <table className="data-table">
              <caption>{words.caption(page.items.length, page.next !== null)}</caption>
              <thead>
                <tr>
                  <th scope="col">{words.reference}</th>
                  <th scope="col">{words.form}</th>
                  <th scope="col">{words.submitted}</th>
                  <th scope="col">{words.status}</th>
                  <th scope="col">{words.deliveries}</th>
                  <th scope="col">{words.eraseAfter}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      <Link to={`/admin/antraege/${item.id}`}>{item.reference}</Link>
                    </th>
                    <td>
                      {item.formTitle} <span className="inbox__version">({words.version(item.formVersion)})</span>
                    </td>
                    <td>{formatShortDateTime(item.submittedAt, lang)}</td>
                    <td>{processingStatusLabels[item.status]?.[lang] ?? item.status}</td>
                    <td>{deliverySummary(item.deliveries, shared)}</td>
                    <td>{formatShortDate(item.eraseAfter, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {(page?.next || cursor) && (
        <p className="row-actions">
          {page?.next && (
            <Link to={`/admin/antraege?${queryOf(applied, page.next)}`} className="button button--secondary">
              {words.next}
            </Link>
          )}
          {cursor && (
            <Link to={`/admin/antraege${appliedQuery ? `?${appliedQuery}` : ''}`} className="button button--secondary">
              {words.first}
            </Link>
          )}
        </p>
      )}
    </>
  );
}

/**
 * `/admin/protokoll`: the audit trail — filters (action, actor, authority, object, period), the
 * entries a page at a time (keyset: the API's `next`), each entry's details readable, and the
 * chain's verdict in words. Auditors see their authorities' entries; the verdict covers the chain.
 */
import { AuditActor, AuditDetails, AuditOutcome } from '../components/audit-entry.tsx';
import { formatShortDateTime } from '../../../../shared/form-view/format.ts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { LoadFailed, Loading } from '../../layout/load-states.tsx';
import { PageHeading } from '../../layout/page-heading.tsx';
import { useResource } from '../../layout/use-resource.ts';
import { useLanguage } from '../../language.tsx';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi } from '../admin-api.ts';
import { useTexts } from '../use-texts.ts';
import { ProblemSummary, TextField } from '../components/fields.tsx';
import { useFormState } from '../components/form-state.ts';
import { type AuditEntry } from './administration/types.ts';

const texts = {
  de: {
    title: 'Protokoll',
    intro: 'Wer wann was mit welchem Eintrag getan hat – ohne personenbezogene Inhalte. Die Einträge sind verkettet; jede Änderung bricht die Kette.',
    intact: (n: number) => `Kette unversehrt: ${n} Einträge`,
    broken: (id: string | number) => `Kette gebrochen bei Eintrag ${id}`,
    brokenHint: 'Ein Eintrag wurde verändert, entfernt oder umsortiert. Sichern Sie die Datenbank und melden Sie das dem Betrieb.',
    filters: 'Filter',
    apply: 'Filtern',
    clear: 'Filter zurücksetzen',
    labels: {
      '/action': 'Aktion',
      '/actor': 'Akteur (ID, E-Mail-Adresse oder Token-Name)',
      '/authority': 'Behörde (Kennung)',
      '/objectType': 'Objektart',
      '/objectId': 'Objekt-ID',
      '/from': 'Von (einschließlich)',
      '/to': 'Bis (ausschließlich)',
    } as Record<string, string>,
    actionHint: 'Genau, z. B. authority.create',
    caption: 'Einträge des Protokolls',
    region: 'Tabelle der Protokolleinträge',
    id: 'Nr.',
    at: 'Zeit',
    actor: 'Akteur',
    action: 'Aktion',
    object: 'Objekt',
    authority: 'Behörde',
    outcome: 'Ergebnis',
    details: 'Details',
    empty: 'Keine Einträge für diese Filter.',
    next: 'Nächste Seite',
    first: 'Zur ersten Seite',
    page: (n: number) => `Seite ${n}`,
  },
  en: {
    title: 'Audit trail',
    intro: 'Who did what to which record, and when — without personal content. The entries are chained; any change breaks the chain.',
    intact: (n: number) => `Chain intact: ${n} entries`,
    broken: (id: string | number) => `Chain broken at entry ${id}`,
    brokenHint: 'An entry was changed, removed or reordered. Secure the database and report it to operations.',
    filters: 'Filters',
    apply: 'Filter',
    clear: 'Clear filters',
    labels: {
      '/action': 'Action',
      '/actor': 'Actor (id, e-mail address or token name)',
      '/authority': 'Authority (id)',
      '/objectType': 'Kind of object',
      '/objectId': 'Object id',
      '/from': 'From (inclusive)',
      '/to': 'To (exclusive)',
    } as Record<string, string>,
    actionHint: 'Exact, e.g. authority.create',
    caption: 'Entries of the audit trail',
    region: 'Table of audit entries',
    id: 'No.',
    at: 'Time',
    actor: 'Actor',
    action: 'Action',
    object: 'Object',
    authority: 'Authority',
    outcome: 'Outcome',
    details: 'Details',
    empty: 'No entries for these filters.',
    next: 'Next page',
    first: 'To the first page',
    page: (n: number) => `Page ${n}`,
  },
};

const filterNames = ['action', 'actor', 'authority', 'objectType', 'objectId', 'from', 'to'] as const;
type Filters = Record<(typeof filterNames)[number], string>;
const noFilters: Filters = { action: '', actor: '', authority: '', objectType: '', objectId: '', from: '', to: '' };

/** A local date and time of the form, as the API wants it (ISO 8601 with zone); anything else goes as typed, for the server to refuse. */
function instant(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

function queryOf(filters: Filters, after: string | undefined): string {
  const query = new URLSearchParams();
  for (const name of filterNames) {
    const value = filters[name].trim();
    if (value !== '') query.set(name, name === 'from' || name === 'to' ? instant(value) : value);
  }
  if (after) query.set('after', after);
  return query.toString();
}


function Verdict() {
  const words = useTexts(texts);
  const api = useAdminApi();
  const verdict = useResource(() => api.get<{ ok: boolean; entries?: number; brokenAt?: number | string }>('/api/admin/audit/verify'), [api]);
  if (verdict.state === 'loading') return <Loading />;
  if (verdict.state === 'failed') return <LoadFailed error={verdict.error} retry={verdict.retry} />;
  const { ok, entries, brokenAt } = verdict.value;
  return (
    <div className={`notice${ok ? '' : ' notice--error'}`} role="status">
      <p>
        <strong>{ok ? words.intact(entries ?? 0) : words.broken(brokenAt ?? '?')}</strong>
      </p>
      {!ok && <p>{words.brokenHint}</p>}
    </div>
  );
}

export function AuditPage(_props: AdminPageProps) {
  const words = useTexts(texts);
  const { lang } = useLanguage();
  const api = useAdminApi();
  const form = useFormState();
  const [typed, setTyped] = useState<Filters>(noFilters);
  const [applied, setApplied] = useState<Filters>(noFilters);
  // The `after` of each page shown so far: the last is the current page.
  const [pages, setPages] = useState<Array<string | undefined>>([undefined]);
  const after = pages[pages.length - 1];
  const [list, setList] = useState<{ entries: AuditEntry[]; next: number | string | null }>();
  const region = useRef<HTMLDivElement>(null);
  const [moveFocus, setMoveFocus] = useState(false);

  useEffect(() => {
    let current = true;
    setList(undefined);
    void form.run(async () => {
      const answer = await api.get<{ entries: AuditEntry[]; next: number | string | null }>(`/api/admin/audit?${queryOf(applied, after)}`);
      if (current) setList(answer);
    });
    return () => {
      current = false;
    };
    // form.run is stable in what it does; the list depends on the filters and the page
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, applied, after]);

  useEffect(() => {
    if (moveFocus && list) {
      region.current?.focus();
      setMoveFocus(false);
    }
  }, [moveFocus, list]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setApplied({ ...typed });
    setPages([undefined]);
  };

  const field = (name: (typeof filterNames)[number], type?: 'datetime-local', hint?: string) => (
    <TextField form={form} pointer={`/${name}`} label={words.labels[`/${name}`]!} type={type} hint={hint} value={typed[name]} onChange={(value) => setTyped((f) => ({ ...f, [name]: value }))} />
  );

  return (
    <>
      <PageHeading title={words.title} />
      <p>{words.intro}</p>
      <Verdict />
      <h2>{words.filters}</h2>
      <ProblemSummary form={form} labels={words.labels} />
      <form className="form filters" onSubmit={submit} noValidate>
        {field('action', undefined, words.actionHint)}
        {field('actor')}
        {field('authority')}
        {field('objectType')}
        {field('objectId')}
        {field('from', 'datetime-local')}
        {field('to', 'datetime-local')}
        <div className="form-actions">
          <button type="submit" className="button">
            {words.apply}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setTyped(noFilters);
              setApplied(noFilters);
              setPages([undefined]);
            }}
          >
            {words.clear}
          </button>
        </div>
      </form>
      {!list && form.busy && <Loading />}
      {list &&
        (list.entries.length === 0 ? (
          <p>{words.empty}</p>
        ) : (
          <div className="table-scroll" role="region" aria-label={`${words.region}, ${words.page(pages.length)}`} tabIndex={0} ref={region}>
            <table className="data-table audit-table">
              <caption>
                {words.caption} – {words.page(pages.length)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{words.id}</th>
                  <th scope="col">{words.at}</th>
                  <th scope="col">{words.actor}</th>
                  <th scope="col">{words.action}</th>
                  <th scope="col">{words.object}</th>
                  <th scope="col">{words.authority}</th>
                  <th scope="col">{words.outcome}</th>
                  <th scope="col">{words.details}</th>
                </tr>
              </thead>
              <tbody>
                {list.entries.map((e) => (
                  <tr key={String(e.id)}>
                    <th scope="row">{String(e.id)}</th>
                    <td>{formatShortDateTime(e.at, lang)}</td>
                    <td className="data-table__wrap">
                      <AuditActor actor={e.actor} />
                    </td>
                    <td>
                      <code>{e.action}</code>
                    </td>
                    <td className="data-table__wrap">{e.objectType ? `${e.objectType}${e.objectId ? ` ${e.objectId}` : ''}` : '—'}</td>
                    <td>{e.authorityId ?? '—'}</td>
                    <td><AuditOutcome outcome={e.outcome} /></td>
                    <td>
                      <AuditDetails details={e.details} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {list && (pages.length > 1 || list.next !== null) && (
        <div className="form-actions">
          {list.next !== null && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setMoveFocus(true);
                setPages((p) => [...p, String(list.next)]);
              }}
            >
              {words.next}
            </button>
          )}
          {pages.length > 1 && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setMoveFocus(true);
                setPages([undefined]);
              }}
            >
              {words.first}
            </button>
          )}
        </div>
      )}
    </>
  );
}

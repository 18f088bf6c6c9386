/**
 * `/admin/zustellungen`: the dead deliveries of the caseworker's authorities, newest first, page
 * by page; the ones they may requeue can be picked and sent again at once. What happened is
 * announced in a status region, each delivery not sent again with its reason.
 */
import { formatShortDateTime } from '../../../../shared/form-view/format.ts';
import { useRef, useState } from 'react';
import { PageHeading } from '../../layout/page-heading.tsx';
import { LoadFailed, Loading, useErrorMessage } from '../../layout/load-states.tsx';
import { useLanguage } from '../../language.tsx';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi } from '../admin-api.ts';
import { useSession } from '../session.tsx';
import { useTexts } from '../use-texts.ts';
import { useLoad } from './operations/use-load.ts';

interface DeadDelivery {
  id: string;
  authorityId: string | null;
  reference: string;
  formId: string;
  targetId: string;
  attempts: number;
  lastError: string | null;
  validationErrorCount: number;
  updatedAt: string;
  cursor: string;
}

interface BulkResult {
  requeued: string[];
  notRequeued: Array<{ id: string; reason: 'not_found' | 'not_dead' }>;
}

const pageSize = 100;

const texts = {
  de: {
    title: 'Zustellungen',
    intro: 'Gescheiterte Zustellungen an Fachverfahren und Druck: Nach allen Versuchen kam die Nachricht nicht an. Wählen Sie aus, was erneut gesendet werden soll, wenn die Ursache behoben ist.',
    caption: (n: number) => `Gescheiterte Zustellungen (${n} angezeigt)`,
    region: 'Tabelle der gescheiterten Zustellungen',
    none: 'Keine gescheiterten Zustellungen. Alles ist zugestellt oder noch unterwegs.',
    select: 'Auswahl',
    selectAll: 'Alle auswählen',
    selectOne: (reference: string) => `${reference} auswählen`,
    reference: 'Aktenzeichen',
    form: 'Formular',
    target: 'Ziel',
    attempts: 'Versuche',
    lastError: 'Letzter Fehler',
    validationErrors: (n: number) => `${n} Prüffehler der Nachricht`,
    when: 'Gescheitert am',
    requeue: (n: number) => `Erneut senden (${n} ausgewählt)`,
    more: 'Weitere laden',
    noneSelected: 'Wählen Sie mindestens eine Zustellung aus.',
    errorTitle: 'Bitte korrigieren Sie folgende Angaben',
    requeued: (n: number) => (n === 1 ? '1 Zustellung wird erneut gesendet.' : `${n} Zustellungen werden erneut gesendet.`),
    notRequeued: (n: number) => (n === 1 ? '1 Zustellung wurde nicht erneut gesendet:' : `${n} Zustellungen wurden nicht erneut gesendet:`),
    reason: { not_found: 'nicht gefunden oder nicht in Ihrer Zuständigkeit', not_dead: 'nicht mehr gescheitert (schon erneut gesendet oder zugestellt)' },
    failed: 'Erneut senden hat nicht geklappt:',
  },
  en: {
    title: 'Deliveries',
    intro: 'Failed deliveries to specialist procedures and print: after every attempt the message did not arrive. Select what to send again once the cause is fixed.',
    caption: (n: number) => `Failed deliveries (${n} shown)`,
    region: 'Table of failed deliveries',
    none: 'No failed deliveries. Everything was delivered or is on its way.',
    select: 'Selection',
    selectAll: 'Select all',
    selectOne: (reference: string) => `Select ${reference}`,
    reference: 'Reference',
    form: 'Form',
    target: 'Target',
    attempts: 'Attempts',
    lastError: 'Last error',
    validationErrors: (n: number) => `${n} validation errors of the message`,
    when: 'Failed at',
    requeue: (n: number) => `Send again (${n} selected)`,
    more: 'Load more',
    noneSelected: 'Select at least one delivery.',
    errorTitle: 'Please correct the following',
    requeued: (n: number) => (n === 1 ? '1 delivery is being sent again.' : `${n} deliveries are being sent again.`),
    notRequeued: (n: number) => (n === 1 ? '1 delivery was not sent again:' : `${n} deliveries were not sent again:`),
    reason: { not_found: 'not found or not within your authorities', not_dead: 'no longer failed (already sent again or delivered)' },
    failed: 'Sending again failed:',
  },
};

export function DeliveriesPage(_props: AdminPageProps) {
  const { lang } = useLanguage();
  const words = useTexts(texts);
  const api = useAdminApi();
  const session = useSession();
  const errorMessage = useErrorMessage();
  const [state, retry, replace] = useLoad(() => api.get<DeadDelivery[]>(`/api/admin/deliveries?state=dead&limit=${pageSize}`), 'dead');
  const [more, setMore] = useState(true);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ result?: BulkResult; references: Map<string, string>; error?: string }>();
  const [problem, setProblem] = useState<{ attempt: number } | undefined>();
  const summaryRef = useRef<HTMLDivElement>(null);

  if (state.kind === 'loading') return (<><PageHeading title={words.title} /><Loading /></>);
  if (state.kind === 'failed') return (<><PageHeading title={words.title} /><LoadFailed error={state.error} retry={retry} /></>);
  const deliveries = state.value;
  const selectable = deliveries.filter((d) => session.may('deliveries.requeue', d.authorityId));
  const allSelected = selectable.length > 0 && selectable.every((d) => selected.has(d.id));
  const firstBoxId = selectable[0] ? `zustellung-${selectable[0].id}` : undefined;

  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const loadMore = async () => {
    const last = deliveries.at(-1);
    if (!last) return;
    const page = await api.get<DeadDelivery[]>(`/api/admin/deliveries?state=dead&limit=${pageSize}&after=${encodeURIComponent(last.cursor)}`);
    setMore(page.length === pageSize);
    replace([...deliveries, ...page]);
  };

  const requeue = async () => {
    setOutcome(undefined);
    if (selected.size === 0) {
      setProblem((p) => ({ attempt: (p?.attempt ?? 0) + 1 }));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setProblem(undefined);
    setBusy(true);
    const references = new Map(deliveries.map((d) => [d.id, d.reference]));
    try {
      const result = await api.send<BulkResult>('POST', '/api/admin/deliveries/requeue', { ids: [...selected] });
      const gone = new Set(result.requeued);
      replace(deliveries.filter((d) => !gone.has(d.id)));
      setSelected(new Set());
      setOutcome({ result, references });
    } catch (error) {
      setOutcome({ references, error: `${words.failed} ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title={words.title} />
      <p>{words.intro}</p>
      {problem && (
        <div className="error-summary" ref={summaryRef} tabIndex={-1} role="alert" aria-labelledby="requeue-errors-title">
          <h2 id="requeue-errors-title" className="error-summary__title">
            {words.errorTitle}
          </h2>
          <ul className="error-summary__list">
            <li>
              <a href={`#${firstBoxId ?? 'alle-zustellungen'}`}>{words.noneSelected}</a>
            </li>
          </ul>
        </div>
      )}
      <div role="status" className="ops-status">
        {outcome?.error && <p className="notice notice--error">{outcome.error}</p>}
        {outcome?.result && (
          <div className="notice">
            {outcome.result.requeued.length > 0 && <p>{words.requeued(outcome.result.requeued.length)}</p>}
            {outcome.result.notRequeued.length > 0 && (
              <>
                <p>{words.notRequeued(outcome.result.notRequeued.length)}</p>
                <ul>
                  {outcome.result.notRequeued.map((n) => (
                    <li key={n.id}>
                      {outcome.references.get(n.id) ?? n.id}: {words.reason[n.reason]}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
      {deliveries.length === 0 ? (
        <p>{words.none}</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void requeue();
          }}
        >
          <div className="table-scroll" role="region" aria-label={words.region} tabIndex={0}>
            <table className="data-table">
              <caption>{words.caption(deliveries.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    {selectable.length > 0 ? (
                      <label className="ops-check">
                        <input
                          id="alle-zustellungen"
                          type="checkbox"
                          checked={allSelected}
                          onChange={(event) => setSelected(event.target.checked ? new Set(selectable.map((d) => d.id)) : new Set())}
                        />
                        <span className="visually-hidden">{words.selectAll}</span>
                      </label>
                    ) : (
                      <span className="visually-hidden">{words.select}</span>
                    )}
                  </th>
                  <th scope="col">{words.reference}</th>
                  <th scope="col">{words.form}</th>
                  <th scope="col">{words.target}</th>
                  <th scope="col">{words.attempts}</th>
                  <th scope="col">{words.lastError}</th>
                  <th scope="col">{words.when}</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr key={d.id}>
                    <td>
                      {session.may('deliveries.requeue', d.authorityId) && (
                        <label className="ops-check">
                          <input id={`zustellung-${d.id}`} type="checkbox" checked={selected.has(d.id)} onChange={(event) => toggle(d.id, event.target.checked)} />
                          <span className="visually-hidden">{words.selectOne(d.reference)}</span>
                        </label>
                      )}
                    </td>
                    <th scope="row">{d.reference}</th>
                    <td>{d.formId}</td>
                    <td>{d.targetId}</td>
                    <td>{d.attempts}</td>
                    <td className="ops-error">
                      {d.lastError ?? '–'}
                      {d.validationErrorCount > 0 && <> ({words.validationErrors(d.validationErrorCount)})</>}
                    </td>
                    <td>{formatShortDateTime(d.updatedAt, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {selectable.length > 0 && (
            <button type="submit" className="button" disabled={busy}>
              {words.requeue(selected.size)}
            </button>
          )}{' '}
          {more && deliveries.length >= pageSize && (
            <button type="button" className="button button--secondary" onClick={() => void loadMore().catch(retry)}>
              {words.more}
            </button>
          )}
        </form>
      )}
    </>
  );
}

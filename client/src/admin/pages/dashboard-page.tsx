/**
 * `/admin/kennzahlen`: key figures of the caseworker's authorities for a period — submissions per
 * form and day, the delivery success rate, the queue lag, print letters waiting. Every chart has
 * a summary in words and a table with the same numbers; the charts themselves are pictures only.
 */
import { useRef, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { PageHeading } from '../../layout/page-heading.tsx';
import { LoadFailed, Loading } from '../../layout/load-states.tsx';
import { useLanguage } from '../../language.tsx';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi } from '../admin-api.ts';
import { useTexts } from '../use-texts.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { OpsBarChart } from './operations/bar-chart.tsx';
import { useLoad } from './operations/use-load.ts';

interface Dashboard {
  from: string;
  to: string;
  submissionsPerDay: Array<{ day: string; formId: string; count: number }>;
  deliveries: { delivered: number; dead: number; successRate: number | null };
  oldestDuePendingSeconds: number | null;
  piecesWaiting: { queued: number; batched: number };
}

const texts = {
  de: {
    title: 'Kennzahlen',
    intro: 'Kennzahlen Ihrer Behörden. Tage nach deutscher Zeit; Warteschlange und wartende Briefe zeigen den Stand jetzt.',
    period: 'Zeitraum',
    from: 'Von',
    to: 'Bis',
    show: 'Anzeigen',
    errorTitle: 'Bitte korrigieren Sie folgende Angaben',
    fromAfterTo: '„Von“ darf nicht nach „Bis“ liegen.',
    missing: 'Bitte ein Datum angeben.',
    refused: 'Der Zeitraum wurde abgelehnt (höchstens 366 Tage).',
    perDay: 'Anträge pro Tag und Formular',
    perDaySummary: (total: number, forms: number, top?: { day: string; count: number }) =>
      total === 0 ? 'Im Zeitraum gingen keine Anträge ein.' : `Im Zeitraum gingen ${total} Anträge zu ${forms} Formular${forms === 1 ? '' : 'en'} ein${top ? `, die meisten am ${top.day} (${top.count})` : ''}.`,
    perDayCaption: 'Anträge pro Tag und Formular (Daten des Diagramms)',
    perDayRegion: 'Tabelle: Anträge pro Tag',
    day: 'Tag',
    total: 'Summe',
    deliveries: 'Zustellungen',
    rate: (rate: number | null, delivered: number, dead: number) =>
      rate === null ? 'Im Zeitraum wurde keine Zustellung abgeschlossen.' : `Erfolgsquote ${pct(rate, 'de')}: ${delivered} zugestellt, ${dead} gescheitert.`,
    deliveriesCaption: 'Abgeschlossene Zustellungen im Zeitraum (Daten des Diagramms)',
    deliveriesRegion: 'Tabelle: Zustellungen',
    outcome: 'Ergebnis',
    count: 'Anzahl',
    delivered: 'zugestellt',
    dead: 'gescheitert',
    successRate: 'Erfolgsquote',
    lag: 'Warteschlange',
    lagText: (seconds: number | null) => (seconds === null ? 'Keine fällige Zustellung wartet.' : `Die älteste fällige Zustellung wartet seit ${duration(seconds, 'de')}.`),
    waiting: 'Wartende Briefe',
    waitingSummary: (queued: number, batched: number) => `${queued + batched} Briefe warten auf den Druck: ${queued} in der Warteschlange, ${batched} in Druckstapeln.`,
    waitingCaption: 'Wartende Briefe (Daten des Diagramms)',
    waitingRegion: 'Tabelle: wartende Briefe',
    queued: 'in der Warteschlange',
    batched: 'in Druckstapeln',
  },
  en: {
    title: 'Key figures',
    intro: 'Key figures of your authorities. Days in German time; the queue and waiting letters show the state now.',
    period: 'Period',
    from: 'From',
    to: 'To',
    show: 'Show',
    errorTitle: 'Please correct the following',
    fromAfterTo: '"From" must not be after "To".',
    missing: 'Please enter a date.',
    refused: 'The period was refused (at most 366 days).',
    perDay: 'Submissions per day and form',
    perDaySummary: (total: number, forms: number, top?: { day: string; count: number }) =>
      total === 0 ? 'No submissions arrived in the period.' : `${total} submissions to ${forms} form${forms === 1 ? '' : 's'} arrived in the period${top ? `, most on ${top.day} (${top.count})` : ''}.`,
    perDayCaption: 'Submissions per day and form (data of the chart)',
    perDayRegion: 'Table: submissions per day',
    day: 'Day',
    total: 'Total',
    deliveries: 'Deliveries',
    rate: (rate: number | null, delivered: number, dead: number) =>
      rate === null ? 'No delivery was completed in the period.' : `Success rate ${pct(rate, 'en')}: ${delivered} delivered, ${dead} failed.`,
    deliveriesCaption: 'Deliveries completed in the period (data of the chart)',
    deliveriesRegion: 'Table: deliveries',
    outcome: 'Outcome',
    count: 'Count',
    delivered: 'delivered',
    dead: 'failed',
    successRate: 'Success rate',
    lag: 'Queue',
    lagText: (seconds: number | null) => (seconds === null ? 'No due delivery is waiting.' : `The oldest due delivery has been waiting for ${duration(seconds, 'en')}.`),
    waiting: 'Letters waiting',
    waitingSummary: (queued: number, batched: number) => `${queued + batched} letters are waiting for print: ${queued} queued, ${batched} in print batches.`,
    waitingCaption: 'Letters waiting (data of the chart)',
    waitingRegion: 'Table: letters waiting',
    queued: 'queued',
    batched: 'in print batches',
  },
};

function pct(rate: number, lang: 'de' | 'en') {
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

function duration(seconds: number, lang: 'de' | 'en') {
  const [unit, value] = seconds < 120 ? (['second', seconds] as const) : seconds < 7200 ? (['minute', Math.floor(seconds / 60)] as const) : seconds < 172800 ? (['hour', Math.floor(seconds / 3600)] as const) : (['day', Math.floor(seconds / 86400)] as const);
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

export function DashboardPage(_props: AdminPageProps) {
  const { lang } = useLanguage();
  const words = useTexts(texts);
  const api = useAdminApi();
  const [period, setPeriod] = useState<{ from: string; to: string }>();
  const [input, setInput] = useState<{ from: string; to: string }>();
  const [problems, setProblems] = useState<Array<{ field: 'von' | 'bis'; message: string }>>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [state, retry] = useLoad(
    () => api.get<Dashboard>(`/api/admin/dashboard${period ? `?from=${period.from}&to=${period.to}` : ''}`),
    period ? `${period.from}/${period.to}` : 'default',
  );
  const shownInput = input ?? (state.kind === 'loaded' ? { from: state.value.from, to: state.value.to } : undefined);

  const apply = () => {
    if (!shownInput) return;
    const found: typeof problems = [];
    if (!shownInput.from) found.push({ field: 'von', message: words.missing });
    if (!shownInput.to) found.push({ field: 'bis', message: words.missing });
    if (found.length === 0 && shownInput.from > shownInput.to) found.push({ field: 'von', message: words.fromAfterTo });
    setProblems(found);
    if (found.length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setPeriod({ ...shownInput });
  };

  const problemOf = (field: 'von' | 'bis') => problems.find((p) => p.field === field);
  const field = (id: 'von' | 'bis', label: string, key: 'from' | 'to') => {
    const problem = problemOf(id);
    return (
      <div className={`field${problem ? ' field--invalid' : ''}`}>
        <label className="field-label" htmlFor={`zeitraum-${id}`}>
          {label}
        </label>
        {problem && (
          <p id={`zeitraum-${id}__error`} className="field-error field-error__message">
            {problem.message}
          </p>
        )}
        <input
          id={`zeitraum-${id}`}
          type="date"
          className="input"
          value={shownInput?.[key] ?? ''}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `zeitraum-${id}__error` : undefined}
          onChange={(event) => setInput({ ...(shownInput ?? { from: '', to: '' }), [key]: event.target.value })}
        />
      </div>
    );
  };

  return (
    <>
      <PageHeading title={words.title} />
      <p>{words.intro}</p>
      {problems.length > 0 && (
        <div className="error-summary" ref={summaryRef} tabIndex={-1} role="alert" aria-labelledby="period-errors-title">
          <h2 id="period-errors-title" className="error-summary__title">
            {words.errorTitle}
          </h2>
          <ul className="error-summary__list">
            {problems.map((p) => (
              <li key={p.field + p.message}>
                <a href={`#zeitraum-${p.field}`}>
                  {p.field === 'von' ? words.from : words.to}: {p.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form
        className="filters"
        aria-label={words.period}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        {field('von', words.from, 'from')}
        {field('bis', words.to, 'to')}
        <button type="submit" className="button button--secondary">
          {words.show}
        </button>
      </form>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'failed' &&
        (state.error instanceof ApiError && state.error.status === 400 ? (
          <p className="notice notice--error" role="alert">
            {words.refused}
          </p>
        ) : (
          <LoadFailed error={state.error} retry={retry} />
        ))}
      {state.kind === 'loaded' && <Figures figures={state.value} words={words} lang={lang} />}
    </>
  );
}

function Figures({ figures, words, lang }: { figures: Dashboard; words: (typeof texts)['de']; lang: 'de' | 'en' }) {
  const forms = [...new Set(figures.submissionsPerDay.map((r) => r.formId))].sort();
  const days = [...new Set(figures.submissionsPerDay.map((r) => r.day))].sort();
  const byDay = days.map((day) => {
    const row: Record<string, string | number> = { day };
    for (const form of forms) row[form] = figures.submissionsPerDay.find((r) => r.day === day && r.formId === form)?.count ?? 0;
    return row;
  });
  const totalOf = (row: Record<string, string | number>) => forms.reduce((sum, form) => sum + Number(row[form]), 0);
  const total = byDay.reduce((sum, row) => sum + totalOf(row), 0);
  const top = byDay.reduce<{ day: string; count: number } | undefined>((best, row) => (!best || totalOf(row) > best.count ? { day: String(row.day), count: totalOf(row) } : best), undefined);
  const { delivered, dead, successRate } = figures.deliveries;
  const { queued, batched } = figures.piecesWaiting;
  const number = (n: number) => new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB').format(n);
  // The two small tables beside the charts: a label and its figure per row.
  const countColumns: Array<Column<{ label: string; value: string }>> = [
    { header: words.outcome, rowHeader: true, cell: (row) => row.label },
    { header: words.count, cell: (row) => row.value },
  ];

  return (
    <div className="ops-figures">
      <section aria-labelledby="kennzahl-antraege">
        <h2 id="kennzahl-antraege">{words.perDay}</h2>
        <p>{words.perDaySummary(total, forms.length, top)}</p>
        {total > 0 && (
          <>
            <OpsBarChart data={byDay} category="day" series={forms.map((f) => ({ key: f, label: f }))} stacked />
            <div className="table-scroll" role="region" aria-label={words.perDayRegion} tabIndex={0}>
              <table className="data-table">
                <caption>{words.perDayCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{words.day}</th>
                    {forms.map((f) => (
                      <th scope="col" key={f}>
                        {f}
                      </th>
                    ))}
                    <th scope="col">{words.total}</th>
                  </tr>
                </thead>
                <tbody>
                  {byDay.map((row) => (
                    <tr key={String(row.day)}>
                      <th scope="row">{row.day}</th>
                      {forms.map((f) => (
                        <td key={f}>{number(Number(row[f]))}</td>
                      ))}
                      <td>{number(totalOf(row))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <section aria-labelledby="kennzahl-zustellungen">
        <h2 id="kennzahl-zustellungen">{words.deliveries}</h2>
        <p>{words.rate(successRate, delivered, dead)}</p>
        <p>
          <strong>{words.lag}:</strong> {words.lagText(figures.oldestDuePendingSeconds)}
        </p>
        {successRate !== null && (
          <>
            <OpsBarChart data={[{ outcome: words.delivered, count: delivered }, { outcome: words.dead, count: dead }]} category="outcome" series={[{ key: 'count', label: words.count }]} />
            <DataTable
              caption={words.deliveriesCaption}
              label={words.deliveriesRegion}
              rows={[
                { label: words.delivered, value: number(delivered) },
                { label: words.dead, value: number(dead) },
                { label: words.successRate, value: pct(successRate, lang) },
              ]}
              rowKey={(row) => row.label}
              columns={countColumns}
            />
          </>
        )}
      </section>
      <section aria-labelledby="kennzahl-druck">
        <h2 id="kennzahl-druck">{words.waiting}</h2>
        <p>{words.waitingSummary(queued, batched)}</p>
        <OpsBarChart data={[{ state: words.queued, count: queued }, { state: words.batched, count: batched }]} category="state" series={[{ key: 'count', label: words.count }]} />
        <DataTable
          caption={words.waitingCaption}
          label={words.waitingRegion}
          rows={[
            { label: words.queued, value: number(queued) },
            { label: words.batched, value: number(batched) },
          ]}
          rowKey={(row) => row.label}
          columns={countColumns}
        />
      </section>
    </div>
  );
}

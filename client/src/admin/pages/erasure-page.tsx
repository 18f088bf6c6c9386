/**
 * `/admin/loeschung` (administrators): what the periodic erasure deleted, run by run, counted
 * from the audit trail (its only record), and running it now after an inline confirmation.
 */
import { useState } from 'react';
import { formatShortDateTime } from '../../../../shared/form-view/format.ts';
import { useLanguage } from '../../language.tsx';
import { LoadFailed, Loading, useErrorMessage } from '../../layout/load-states.tsx';
import { PageHeading } from '../../layout/page-heading.tsx';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi } from '../admin-api.ts';
import { ConfirmAction } from '../components/confirm-action.tsx';
import { useTexts } from '../use-texts.ts';
import { useLoad } from './operations/use-load.ts';

const countNames = ['submissions', 'drafts', 'attachments', 'printDocuments', 'oidcLogins', 'sessions'] as const;
type Counts = Partial<Record<(typeof countNames)[number], number>>;

interface Run {
  id: number | string;
  at: string;
  counts: Counts;
}

const texts = {
  de: {
    title: 'Löschfristen',
    intro:
      'Jeder Antrag wird nach der Frist seines Formulars gelöscht, mit Dateien und Briefen; abgelaufene Entwürfe, Sitzungen und Anmeldevorgänge ebenso. Die Löschung läuft regelmäßig von selbst. Hier steht, was sie gelöscht hat.',
    runs: 'Letzte Löschläufe',
    caption: (n: number) => `Löschläufe, die etwas gelöscht haben (die neuesten ${n})`,
    region: 'Tabelle der Löschläufe',
    none: 'Bisher hat kein Löschlauf etwas gelöscht.',
    at: 'Zeitpunkt',
    counts: {
      submissions: 'Anträge',
      drafts: 'Entwürfe',
      attachments: 'Dateien',
      printDocuments: 'Druckdokumente',
      oidcLogins: 'Anmeldevorgänge',
      sessions: 'Sitzungen',
    } satisfies Record<(typeof countNames)[number], string>,
    runNow: 'Jetzt ausführen',
    runHeading: 'Löschung jetzt ausführen',
    runQuestion: 'Die Löschung jetzt ausführen? Alles, dessen Frist abgelaufen ist, wird endgültig gelöscht.',
    confirm: 'Ja, jetzt löschen',
    result: 'Die Löschung ist gelaufen. Gelöscht:',
    nothing: 'Die Löschung ist gelaufen. Es war nichts abgelaufen.',
    failed: 'Die Löschung hat nicht geklappt:',
  },
  en: {
    title: 'Retention',
    intro:
      "Every application is erased after its form's period, with its files and letters; expired drafts, sessions and sign-in attempts too. The erasure runs by itself at intervals. This is what it erased.",
    runs: 'Recent erasure runs',
    caption: (n: number) => `Erasure runs that erased something (the newest ${n})`,
    region: 'Table of erasure runs',
    none: 'No erasure run has erased anything so far.',
    at: 'When',
    counts: {
      submissions: 'Applications',
      drafts: 'Drafts',
      attachments: 'Files',
      printDocuments: 'Print documents',
      oidcLogins: 'Sign-in attempts',
      sessions: 'Sessions',
    } satisfies Record<(typeof countNames)[number], string>,
    runNow: 'Run now',
    runHeading: 'Run the erasure now',
    runQuestion: 'Run the erasure now? Everything whose period has ended is deleted for good.',
    confirm: 'Yes, erase now',
    result: 'The erasure has run. Erased:',
    nothing: 'The erasure has run. Nothing had expired.',
    failed: 'The erasure failed:',
  },
};

export function ErasurePage(_props: AdminPageProps) {
  const words = useTexts(texts);
  const { lang } = useLanguage();
  const api = useAdminApi();
  const errorMessage = useErrorMessage();
  const [runs, retry, replace] = useLoad(() => api.get<{ runs: Run[] }>('/api/admin/erasure').then((r) => r.runs), 'runs');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ counts?: Counts; error?: string }>();
  const [attempt, setAttempt] = useState(0);

  const run = async () => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const { counts } = await api.send<{ counts: Counts }>('POST', '/api/admin/erasure/run');
      setOutcome({ counts });
      replace((await api.get<{ runs: Run[] }>('/api/admin/erasure')).runs);
    } catch (error) {
      setOutcome({ error: `${words.failed} ${errorMessage(error)}` });
    } finally {
      setBusy(false);
      // The confirmation closes; the button is offered again.
      setAttempt((n) => n + 1);
      document.getElementById('jetzt-loeschen')?.focus();
    }
  };

  const erased = outcome?.counts ? countNames.filter((name) => (outcome.counts![name] ?? 0) > 0) : [];

  return (
    <>
      <PageHeading title={words.title} />
      <p>{words.intro}</p>
      <section aria-labelledby="jetzt-loeschen">
        <h2 id="jetzt-loeschen" tabIndex={-1}>
          {words.runHeading}
        </h2>
        <div role="status">
          {outcome?.error && <p className="notice notice--error">{outcome.error}</p>}
          {outcome?.counts &&
            (erased.length === 0 ? (
              <p className="notice">{words.nothing}</p>
            ) : (
              <div className="notice">
                <p>{words.result}</p>
                <ul>
                  {erased.map((name) => (
                    <li key={name}>
                      {words.counts[name]}: {outcome.counts![name]}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
        </div>
        <ConfirmAction key={attempt} label={words.runNow} question={words.runQuestion} confirm={words.confirm} busy={busy} onConfirm={() => void run()} />
      </section>
      <section aria-labelledby="loeschlaeufe">
        <h2 id="loeschlaeufe">{words.runs}</h2>
        {runs.kind === 'loading' && <Loading />}
        {runs.kind === 'failed' && <LoadFailed error={runs.error} retry={retry} />}
        {runs.kind === 'loaded' &&
          (runs.value.length === 0 ? (
            <p>{words.none}</p>
          ) : (
            <div className="table-scroll" role="region" aria-label={words.region} tabIndex={0}>
              <table className="data-table">
                <caption>{words.caption(runs.value.length)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{words.at}</th>
                    {countNames.map((name) => (
                      <th scope="col" key={name}>
                        {words.counts[name]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {runs.value.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">{formatShortDateTime(r.at, lang)}</th>
                      {countNames.map((name) => (
                        <td key={name}>{r.counts[name] ?? 0}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
      </section>
    </>
  );
}

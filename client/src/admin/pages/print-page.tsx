/**
 * `/admin/druck`: the print batches holding letters of the caseworker's authorities, by state,
 * with the counts of their own letters in each; and the letters given up after every print
 * attempt failed.
 */
import { formatShortDateTime } from '../../../../shared/form-view/format.ts';
import { useState } from 'react';
import { PageHeading } from '../../layout/page-heading.tsx';
import { LoadFailed, Loading } from '../../layout/load-states.tsx';
import { useLanguage } from '../../language.tsx';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi } from '../admin-api.ts';
import { useTexts } from '../use-texts.ts';
import { DataTable } from '../components/data-table.tsx';
import { useLoad } from './operations/use-load.ts';

const batchStates = ['sealing', 'ready', 'claimed', 'confirmed', 'withdrawn'] as const;
type BatchState = (typeof batchStates)[number];

interface Batch {
  id: string;
  profile: string;
  state: BatchState;
  claimedBy: string | null;
  createdAt: string;
  pieces: number;
  sheets: number;
  printed: number;
  failed: number;
  withdrawn: number;
}

interface GivenUp {
  id: string;
  reference: string;
  formId: string;
  profile: string;
  attempt: number;
  lastFailure: string | null;
  updatedAt: string;
}

const texts = {
  de: {
    title: 'Druck',
    intro: 'Druckstapel mit Briefen Ihrer Behörden und Briefe, deren Druck aufgegeben wurde. Ein Stapel kann Briefe mehrerer Behörden enthalten; gezählt werden nur Ihre.',
    batches: 'Druckstapel',
    filter: 'Status',
    any: 'alle',
    show: 'Anzeigen',
    state: { sealing: 'wird erstellt', ready: 'bereit zum Abholen', claimed: 'vom Druckzentrum abgeholt', confirmed: 'bestätigt', withdrawn: 'zurückgezogen' } satisfies Record<BatchState, string>,
    batchCaption: (n: number, state: string) => `Druckstapel, Status: ${state} (${n})`,
    batchRegion: 'Tabelle der Druckstapel',
    noBatches: 'Keine Druckstapel in diesem Status.',
    batch: 'Stapel',
    profile: 'Druckprofil',
    status: 'Status',
    pieces: 'Ihre Briefe',
    sheets: 'Blätter',
    printed: 'gedruckt',
    failed: 'fehlgeschlagen',
    withdrawn: 'zurückgezogen',
    created: 'Erstellt',
    centre: 'Druckzentrum',
    givenUp: 'Aufgegebene Briefe',
    givenUpIntro: 'Diese Briefe wurden nach allen Druckversuchen nicht gedruckt. Sie müssen auf anderem Weg versandt werden.',
    givenUpCaption: (n: number) => `Aufgegebene Briefe (${n})`,
    givenUpRegion: 'Tabelle der aufgegebenen Briefe',
    noneGivenUp: 'Keine aufgegebenen Briefe.',
    reference: 'Aktenzeichen',
    form: 'Formular',
    attempts: 'Druckversuche',
    reason: 'Letzter Grund',
    when: 'Aufgegeben am',
  },
  en: {
    title: 'Print',
    intro: 'Print batches with letters of your authorities, and letters whose printing was given up. A batch may hold letters of several authorities; only yours are counted.',
    batches: 'Print batches',
    filter: 'State',
    any: 'all',
    show: 'Show',
    state: { sealing: 'being sealed', ready: 'ready for collection', claimed: 'collected by the print centre', confirmed: 'confirmed', withdrawn: 'withdrawn' } satisfies Record<BatchState, string>,
    batchCaption: (n: number, state: string) => `Print batches, state: ${state} (${n})`,
    batchRegion: 'Table of print batches',
    noBatches: 'No print batches in this state.',
    batch: 'Batch',
    profile: 'Print profile',
    status: 'State',
    pieces: 'Your letters',
    sheets: 'Sheets',
    printed: 'printed',
    failed: 'failed',
    withdrawn: 'withdrawn',
    created: 'Created',
    centre: 'Print centre',
    givenUp: 'Letters given up',
    givenUpIntro: 'These letters were not printed after every print attempt. They have to be sent another way.',
    givenUpCaption: (n: number) => `Letters given up (${n})`,
    givenUpRegion: 'Table of letters given up',
    noneGivenUp: 'No letters given up.',
    reference: 'Reference',
    form: 'Form',
    attempts: 'Print attempts',
    reason: 'Last reason',
    when: 'Given up at',
  },
};

export function PrintPage(_props: AdminPageProps) {
  const { lang } = useLanguage();
  const words = useTexts(texts);
  const api = useAdminApi();
  const [choice, setChoice] = useState<BatchState | ''>('');
  const [shown, setShown] = useState<BatchState | ''>('');
  const [batches, retryBatches] = useLoad(
    () => api.get<{ batches: Batch[] }>(`/api/admin/print/batches?limit=500${shown ? `&state=${shown}` : ''}`).then((b) => b.batches),
    `batches:${shown}`,
  );
  const [givenUp, retryGivenUp] = useLoad(() => api.get<{ pieces: GivenUp[] }>('/api/admin/print/pieces?state=failed&limit=500').then((p) => p.pieces), 'failed');

  return (
    <>
      <PageHeading title={words.title} />
      <p>{words.intro}</p>
      <h2>{words.batches}</h2>
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setShown(choice);
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="stapel-status">
            {words.filter}
          </label>
          <select id="stapel-status" className="select" value={choice} onChange={(event) => setChoice(event.target.value as BatchState | '')}>
            <option value="">{words.any}</option>
            {batchStates.map((s) => (
              <option key={s} value={s}>
                {words.state[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {words.show}
        </button>
      </form>
      {batches.kind === 'loading' && <Loading />}
      {batches.kind === 'failed' && <LoadFailed error={batches.error} retry={retryBatches} />}
      {batches.kind === 'loaded' &&
        (batches.value.length === 0 ? (
          <p role="status">{words.noBatches}</p>
        ) : (
          <DataTable
            caption={words.batchCaption(batches.value.length, shown ? words.state[shown] : words.any)}
            label={words.batchRegion}
            rows={batches.value}
            rowKey={(b) => b.id}
            columns={[
              { header: words.batch, rowHeader: true, cell: (b) => <code title={b.id}>{b.id.slice(0, 8)}</code> },
              { header: words.profile, cell: (b) => b.profile },
              { header: words.status, cell: (b) => words.state[b.state] ?? b.state },
              { header: words.pieces, cell: (b) => b.pieces },
              { header: words.sheets, cell: (b) => b.sheets },
              { header: words.printed, cell: (b) => b.printed },
              { header: words.failed, cell: (b) => b.failed },
              { header: words.withdrawn, cell: (b) => b.withdrawn },
              { header: words.created, cell: (b) => formatShortDateTime(b.createdAt, lang) },
              { header: words.centre, cell: (b) => b.claimedBy ?? '–' },
            ]}
          />
        ))}
      <h2>{words.givenUp}</h2>
      <p>{words.givenUpIntro}</p>
      {givenUp.kind === 'loading' && <Loading />}
      {givenUp.kind === 'failed' && <LoadFailed error={givenUp.error} retry={retryGivenUp} />}
      {givenUp.kind === 'loaded' &&
        (givenUp.value.length === 0 ? (
          <p>{words.noneGivenUp}</p>
        ) : (
          <DataTable
            caption={words.givenUpCaption(givenUp.value.length)}
            label={words.givenUpRegion}
            rows={givenUp.value}
            rowKey={(p) => p.id}
            columns={[
              { header: words.reference, rowHeader: true, cell: (p) => p.reference },
              { header: words.form, cell: (p) => p.formId },
              { header: words.profile, cell: (p) => p.profile },
              { header: words.attempts, cell: (p) => p.attempt },
              { header: words.reason, cell: (p) => p.lastFailure ?? '–' },
              { header: words.when, cell: (p) => formatShortDateTime(p.updatedAt, lang) },
            ]}
          />
        ))}
    </>
  );
}

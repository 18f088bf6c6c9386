/**
 * The processing status of an application: the current one in words with its note, the history,
 * and (for whoever may process it) the form to set the next one with a note to the applicant.
 * Only the steps the server allows from here are offered.
 */
import { useState, type FormEvent } from 'react';
import { formatShortDateTime } from '../../../../../shared/form-view/format.ts';
import { useLanguage } from '../../../language.tsx';
import { processingStatusLabels, processingTransitions, statusNoteMaxLength, type ProcessingStatus } from '../../../../../shared/processing-status.ts';
import { useAdminApi } from '../../admin-api.ts';
import { Facts } from '../../components/facts.tsx';
import { ProblemSummary, SelectField, TextAreaField } from '../../components/fields.tsx';
import { useFormState } from '../../components/form-state.ts';
import { useTexts } from '../../use-texts.ts';
import type { SubmissionDetail } from './types.ts';

const texts = {
  de: {
    heading: 'Bearbeitungsstand',
    current: 'Aktueller Stand',
    note: 'Notiz an die Antragstellenden',
    changedAt: 'Geändert am',
    never: 'noch nicht geändert',
    history: 'Verlauf',
    historyCaption: (n: number) => `Verlauf des Bearbeitungsstands (${n} Änderungen)`,
    historyRegion: 'Tabelle des Verlaufs',
    when: 'Wann',
    from: 'Von',
    to: 'Nach',
    by: 'Durch',
    change: 'Stand ändern',
    labels: { '/status': 'Neuer Stand', '/note': 'Notiz an die Antragstellenden (optional)' } as Record<string, string>,
    noteHint: `Die Antragstellenden sehen diese Notiz auf der Statusseite ihres Antrags. Nur Text, höchstens ${statusNoteMaxLength.toLocaleString('de-DE')} Zeichen. Leer lassen entfernt eine frühere Notiz.`,
    same: (label: string) => `${label} (neue Notiz)`,
    submit: 'Stand setzen',
    saved: (label: string) => `Der Stand ist jetzt „${label}“. Die Antragstellenden sehen ihn auf der Statusseite.`,
  },
  en: {
    heading: 'Processing status',
    current: 'Current status',
    note: 'Note to the applicant',
    changedAt: 'Changed on',
    never: 'not changed yet',
    history: 'History',
    historyCaption: (n: number) => `History of the processing status (${n} changes)`,
    historyRegion: 'Table of the history',
    when: 'When',
    from: 'From',
    to: 'To',
    by: 'By',
    change: 'Change the status',
    labels: { '/status': 'New status', '/note': 'Note to the applicant (optional)' } as Record<string, string>,
    noteHint: `The applicant sees this note on the status page of the application. Plain text, at most ${statusNoteMaxLength.toLocaleString('en-GB')} characters. Leaving it empty removes an earlier note.`,
    same: (label: string) => `${label} (new note)`,
    submit: 'Set status',
    saved: (label: string) => `The status is now “${label}”. The applicant sees it on the status page.`,
  },
};

interface Props {
  detail: SubmissionDetail;
  mayChange: boolean;
  refresh(): Promise<void>;
}

export function StatusSection({ detail, mayChange, refresh }: Props) {
  const words = useTexts(texts);
  const { lang } = useLanguage();
  const api = useAdminApi();
  const form = useFormState();
  const { processing } = detail;
  const next = processingTransitions[processing.status];
  const [status, setStatus] = useState<ProcessingStatus>(next[0]!);
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<string>();
  const label = (s: ProcessingStatus) => processingStatusLabels[s][lang];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(undefined);
    const chosen = next.includes(status) ? status : next[0]!;
    const ok = await form.run(async () => {
      await api.send('POST', `/api/admin/submissions/${detail.id}/status`, { status: chosen, note: note === '' ? null : note });
      await refresh();
    });
    if (ok) {
      setSaved(words.saved(label(chosen)));
      setNote('');
      setStatus(processingTransitions[chosen][0]!);
    }
  };

  return (
    <section aria-labelledby="bearbeitungsstand">
      <h2 id="bearbeitungsstand">{words.heading}</h2>
      <Facts
        rows={[
          [words.current, label(processing.status)],
          [words.note, processing.note ?? undefined],
          [words.changedAt, processing.changedAt ? formatShortDateTime(processing.changedAt, lang) : words.never],
        ]}
      />
      {processing.history.length > 0 && (
        <div className="table-scroll" role="region" aria-label={words.historyRegion} tabIndex={0}>
          <table className="data-table">
            <caption>{words.historyCaption(processing.history.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{words.when}</th>
                <th scope="col">{words.from}</th>
                <th scope="col">{words.to}</th>
                <th scope="col">{words.note}</th>
                <th scope="col">{words.by}</th>
              </tr>
            </thead>
            <tbody>
              {[...processing.history].reverse().map((h, i) => (
                <tr key={`${h.changedAt} ${i}`}>
                  <th scope="row">{formatShortDateTime(h.changedAt, lang)}</th>
                  <td>{label(h.from)}</td>
                  <td>{label(h.to)}</td>
                  <td className="status-note">{h.note ?? '—'}</td>
                  <td className="data-table__wrap">{h.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div role="status">{saved && <p className="notice">{saved}</p>}</div>
      {mayChange && (
        <>
          <h3>{words.change}</h3>
          <ProblemSummary form={form} labels={words.labels} />
          <form className="form" onSubmit={(event) => void submit(event)} noValidate>
            <SelectField
              form={form}
              pointer="/status"
              label={words.labels['/status']!}
              value={next.includes(status) ? status : next[0]!}
              onChange={(value) => setStatus(value as ProcessingStatus)}
              options={next.map((s) => ({ value: s, label: s === processing.status ? words.same(label(s)) : label(s) }))}
            />
            <TextAreaField form={form} pointer="/note" label={words.labels['/note']!} hint={words.noteHint} value={note} onChange={setNote} />
            <div className="form-actions">
              <button type="submit" className="button" disabled={form.busy}>
                {words.submit}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}

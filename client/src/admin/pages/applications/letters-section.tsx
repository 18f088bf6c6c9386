/**
 * The application's letters (print pieces): state, print target, batches and attempt; a letter
 * no print centre has collected yet can be withdrawn after an inline confirmation.
 */
import { useState } from 'react';
import { formatShortDateTime } from '../../../../../shared/form-view/format.ts';
import { useLanguage } from '../../../language.tsx';
import { useErrorMessage } from '../../../layout/load-states.tsx';
import { useAdminApi } from '../../admin-api.ts';
import { ConfirmAction } from '../../components/confirm-action.tsx';
import { useTexts } from '../../use-texts.ts';
import type { Letter } from './types.ts';
import { applicationTexts } from './words.ts';

const texts = {
  de: {
    heading: 'Briefe',
    none: 'Zu diesem Antrag gibt es keine Briefe.',
    caption: (n: number) => `Briefe zu diesem Antrag (${n})`,
    region: 'Tabelle der Briefe',
    created: 'Erstellt',
    kind: 'Art',
    kinds: { delivery: 'Brief der Zustellung', letter: 'Antwort per Brief' },
    state: 'Stand',
    profile: 'Druckziel',
    batch: 'Druckstapel',
    attempt: 'Versuch',
    sheets: 'Blätter',
    action: 'Aktion',
    noBatch: 'noch in keinem',
    outcome: { printed: 'gedruckt', failed: 'fehlgeschlagen', withdrawn: 'zurückgezogen' } as Record<string, string>,
    cancel: 'Zurückziehen',
    cancelQuestion: 'Diesen Brief wirklich zurückziehen? Er wird dann nicht gedruckt.',
    confirmCancel: 'Ja, zurückziehen',
    cancelled: 'Der Brief ist zurückgezogen.',
    cancelFailed: 'Zurückziehen hat nicht geklappt:',
  },
  en: {
    heading: 'Letters',
    none: 'There are no letters for this application.',
    caption: (n: number) => `Letters for this application (${n})`,
    region: 'Table of letters',
    created: 'Created',
    kind: 'Kind',
    kinds: { delivery: "The delivery's letter", letter: 'Answer by letter' },
    state: 'State',
    profile: 'Print target',
    batch: 'Print batch',
    attempt: 'Attempt',
    sheets: 'Sheets',
    action: 'Action',
    noBatch: 'none yet',
    outcome: { printed: 'printed', failed: 'failed', withdrawn: 'withdrawn' } as Record<string, string>,
    cancel: 'Withdraw',
    cancelQuestion: 'Really withdraw this letter? It will not be printed then.',
    confirmCancel: 'Yes, withdraw',
    cancelled: 'The letter has been withdrawn.',
    cancelFailed: 'Withdrawing failed:',
  },
};

interface Props {
  letters: Letter[];
  mayCancel: boolean;
  refresh(): Promise<void>;
}

export function LettersSection({ letters, mayCancel, refresh }: Props) {
  const words = useTexts(texts);
  const shared = useTexts(applicationTexts);
  const { lang } = useLanguage();
  const api = useAdminApi();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState<{ text: string; error?: boolean }>();

  const cancel = async (letter: Letter) => {
    setBusy(true);
    try {
      await api.send('POST', letter.cancelUrl!);
      await refresh();
      setAnnouncement({ text: words.cancelled });
      document.getElementById('briefe')?.focus();
    } catch (error) {
      setAnnouncement({ text: `${words.cancelFailed} ${errorMessage(error)}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="briefe">
      <h2 id="briefe" tabIndex={-1}>
        {words.heading}
      </h2>
      <div role="status">{announcement && <p className={`notice${announcement.error ? ' notice--error' : ''}`}>{announcement.text}</p>}</div>
      {letters.length === 0 ? (
        <p>{words.none}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={words.region} tabIndex={0}>
          <table className="data-table">
            <caption>{words.caption(letters.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{words.created}</th>
                <th scope="col">{words.kind}</th>
                <th scope="col">{words.state}</th>
                <th scope="col">{words.profile}</th>
                <th scope="col">{words.batch}</th>
                <th scope="col">{words.attempt}</th>
                <th scope="col">{words.sheets}</th>
                <th scope="col">{words.action}</th>
              </tr>
            </thead>
            <tbody>
              {letters.map((letter) => (
                <tr key={letter.id}>
                  <th scope="row">{formatShortDateTime(letter.createdAt, lang)}</th>
                  <td>
                    {words.kinds[letter.kind]}
                    {letter.template && (
                      <>
                        {' '}
                        (<code>{letter.template}</code>)
                      </>
                    )}
                  </td>
                  <td>{shared.piece[letter.state] ?? letter.state}</td>
                  <td>{letter.profile}</td>
                  <td>
                    {letter.batches.length === 0 ? (
                      words.noBatch
                    ) : (
                      <ul className="plain-list">
                        {letter.batches.map((b) => (
                          <li key={`${b.batchId} ${b.attempt}`}>
                            <code title={b.batchId}>{b.batchId.slice(0, 8)}</code>
                            {b.outcome && ` – ${words.outcome[b.outcome] ?? b.outcome}`}
                            {b.reason && ` (${b.reason})`}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{letter.attempt}</td>
                  <td>{letter.sheets}</td>
                  <td>
                    {letter.cancelUrl && mayCancel ? (
                      <ConfirmAction label={words.cancel} question={words.cancelQuestion} confirm={words.confirmCancel} busy={busy} onConfirm={() => void cancel(letter)} />
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

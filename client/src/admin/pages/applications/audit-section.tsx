/** The application's own audit entries (about it, its deliveries and its letters), newest first. */
import { useLanguage } from '../../../language.tsx';
import { formatShortDateTime } from '../../../../../shared/form-view/format.ts';
import { useTexts } from '../../use-texts.ts';
import type { AuditEntry } from './types.ts';

const texts = {
  de: {
    heading: 'Protokoll',
    intro: 'Wer diesen Antrag, seine Zustellungen und Briefe gelesen oder geändert hat (die neuesten 200 Einträge).',
    none: 'Noch keine Einträge.',
    caption: (n: number) => `Protokolleinträge zu diesem Antrag (${n})`,
    region: 'Tabelle der Protokolleinträge',
    at: 'Zeitpunkt',
    actor: 'Wer',
    action: 'Aktion',
    outcome: 'Ergebnis',
    details: 'Details',
    outcomes: { success: 'erfolgreich', failure: 'fehlgeschlagen' } as Record<string, string>,
    actorKinds: { user: 'Konto', 'api-token': 'API-Token', system: 'System', anonymous: 'anonym' } as Record<string, string>,
  },
  en: {
    heading: 'Audit trail',
    intro: 'Who read or changed this application, its deliveries and letters (the newest 200 entries).',
    none: 'No entries yet.',
    caption: (n: number) => `Audit entries about this application (${n})`,
    region: 'Table of audit entries',
    at: 'When',
    actor: 'Who',
    action: 'Action',
    outcome: 'Outcome',
    details: 'Details',
    outcomes: { success: 'succeeded', failure: 'failed' } as Record<string, string>,
    actorKinds: { user: 'account', 'api-token': 'API token', system: 'system', anonymous: 'anonymous' } as Record<string, string>,
  },
};

function Details({ details }: { details: Record<string, unknown> | null }) {
  const entries = Object.entries(details ?? {});
  if (entries.length === 0) return <>—</>;
  return (
    <dl className="audit-details">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AuditSection({ entries }: { entries: AuditEntry[] }) {
  const words = useTexts(texts);
  const { lang } = useLanguage();
  return (
    <section aria-labelledby="protokoll">
      <h2 id="protokoll">{words.heading}</h2>
      <p>{words.intro}</p>
      {entries.length === 0 ? (
        <p>{words.none}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={words.region} tabIndex={0}>
          <table className="data-table">
            <caption>{words.caption(entries.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{words.at}</th>
                <th scope="col">{words.actor}</th>
                <th scope="col">{words.action}</th>
                <th scope="col">{words.outcome}</th>
                <th scope="col">{words.details}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{formatShortDateTime(e.at, lang)}</th>
                  <td className="data-table__wrap">
                    {words.actorKinds[e.actor.kind] ?? e.actor.kind}
                    {e.actor.name ? `: ${e.actor.name}` : ''}
                  </td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{words.outcomes[e.outcome] ?? e.outcome}</td>
                  <td className="data-table__wrap">
                    <Details details={e.details} />
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

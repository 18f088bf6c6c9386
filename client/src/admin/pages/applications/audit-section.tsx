/** The application's own audit entries (about it, its deliveries and its letters), newest first. */
import { AuditActor, AuditDetails, AuditOutcome } from '../../components/audit-entry.tsx';
import { DataTable } from '../../components/data-table.tsx';
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
  },
};


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
        <DataTable
          caption={words.caption(entries.length)}
          label={words.region}
          rows={entries}
          rowKey={(e) => String(e.id)}
          columns={[
            { header: words.at, rowHeader: true, cell: (e) => formatShortDateTime(e.at, lang) },
            { header: words.actor, className: 'data-table__wrap', cell: (e) => <AuditActor actor={e.actor} /> },
            { header: words.action, cell: (e) => <code>{e.action}</code> },
            { header: words.outcome, cell: (e) => <AuditOutcome outcome={e.outcome} /> },
            { header: words.details, className: 'data-table__wrap', cell: (e) => <AuditDetails details={e.details} /> },
          ]}
        />
      )}
    </section>
  );
}

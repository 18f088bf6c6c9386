/** How the back office words an audit entry's actor, outcome and details, wherever it lists entries. */
import { useTexts } from '../use-texts.ts';

const texts = {
  de: {
    outcomes: { success: 'erfolgreich', failure: 'fehlgeschlagen' } as Record<string, string>,
    actorKinds: { user: 'Konto', 'api-token': 'API-Token', system: 'System', anonymous: 'anonym' } as Record<string, string>,
  },
  en: {
    outcomes: { success: 'succeeded', failure: 'failed' } as Record<string, string>,
    actorKinds: { user: 'account', 'api-token': 'API token', system: 'system', anonymous: 'anonymous' } as Record<string, string>,
  },
};

export function AuditActor({ actor }: { actor: { kind: string; name?: string | null } }) {
  const words = useTexts(texts);
  return (
    <>
      {words.actorKinds[actor.kind] ?? actor.kind}
      {actor.name ? `: ${actor.name}` : ''}
    </>
  );
}

export function AuditOutcome({ outcome }: { outcome: string }) {
  return <>{useTexts(texts).outcomes[outcome] ?? outcome}</>;
}

/** The entry's details (ids, codes, counts) as a list of names and values. */
export function AuditDetails({ details }: { details: Record<string, unknown> | null }) {
  const entries = Object.entries(details ?? {});
  if (entries.length === 0) return <>—</>;
  return (
    <dl className="audit-details">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value, null, 1)}</dd>
        </div>
      ))}
    </dl>
  );
}

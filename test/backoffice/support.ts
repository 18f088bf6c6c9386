/** Submissions for inbox tests, written with SQL as the submit path leaves them. */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../server/db/database.ts';

export interface SeedSubmission {
  authority: string | null;
  /** Applicant's family name (stored in the data). */
  name?: string;
  /** Minutes before now. */
  minutesAgo?: number;
  status?: 'eingegangen' | 'in_bearbeitung' | 'abgeschlossen' | 'abgelehnt';
  delivery?: 'pending' | 'in_flight' | 'delivered' | 'dead';
  reference?: string;
}

let counter = 0;
/** A reference of the real alphabet, unique within a test process. */
export function nextReference(): string {
  counter += 1;
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let n = counter + Math.floor(Math.random() * 1000) * 100_000;
  let chars = '';
  for (let i = 0; i < 8; i++) {
    chars = alphabet[n % 32] + chars;
    n = Math.floor(n / 32);
  }
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export async function seed(db: Database, s: SeedSubmission): Promise<{ id: string; reference: string }> {
  const id = randomUUID();
  const reference = s.reference ?? nextReference();
  await db.query(
    `INSERT INTO submissions (id, reference, form_id, form_version, data, language, status_token_hash, erase_after, authority_id, submitted_at, processing_status)
     VALUES ($1, $2, 'testformular', 1, $3::jsonb, 'de', $4, now() + interval '30 days', $5, now() - make_interval(mins => $6), $7)`,
    [id, reference, JSON.stringify({ familienname: s.name ?? 'Muster' }), 'f'.repeat(64), s.authority, s.minutesAgo ?? 0, s.status ?? 'eingegangen'],
  );
  if (s.delivery)
    await db.query(
      `INSERT INTO deliveries (id, submission_id, route_index, target_id, message_uuid, state, attempts) VALUES ($1, $2, 0, 'fachverfahren', $3, $4, 1)`,
      [randomUUID(), id, randomUUID(), s.delivery],
    );
  return { id, reference };
}

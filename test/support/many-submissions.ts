/**
 * Many submissions in one statement (INSERT … SELECT generate_series): `count` rows spread over
 * `authorities` authorities and `forms` forms, one per minute back from now, with family names
 * `Name<n>`, the four processing statuses in turn and one delivery for every tenth row.
 */
import type { Queryable } from '../../server/db/database.ts';

export interface ManySubmissions {
  count: number;
  authorities: number;
  forms: number;
}

export const authorityIdOf = (i: number) => `behoerde-${i}`;
export const formIdOf = (i: number) => `formular-${i}`;

export async function seedMany(db: Queryable, { count, authorities, forms }: ManySubmissions): Promise<void> {
  await db.query(
    `INSERT INTO authorities (id, name, address, managed_by)
     SELECT 'behoerde-' || i, 'Behörde ' || i, '{"strasse":"Markt","hausnummer":"1","postleitzahl":"11111","ort":"Stadt"}', 'api'
       FROM generate_series(0, $1::int - 1) AS i ON CONFLICT (id) DO NOTHING`,
    [authorities],
  );
  await db.query(
    `INSERT INTO form_versions (form_id, version, content_hash, definition)
     SELECT 'formular-' || i, 1, md5(i::text), jsonb_build_object('id', 'formular-' || i, 'title', jsonb_build_object('de', 'Formular ' || i))
       FROM generate_series(0, $1::int - 1) AS i ON CONFLICT DO NOTHING`,
    [forms],
  );
  await db.query(
    `INSERT INTO submissions (id, reference, form_id, form_version, data, language, status_token_hash, erase_after, authority_id, submitted_at, processing_status)
     SELECT gen_random_uuid(),
            upper(substr(lpad(to_hex(n), 8, '0'), 1, 4) || '-' || substr(lpad(to_hex(n), 8, '0'), 5, 4)),
            'formular-' || (n % $3::int), 1,
            jsonb_build_object('vorname', 'Erika', 'familienname', 'Name' || n, 'ort', 'Musterstadt'),
            'de', 'f', now() + interval '365 days', 'behoerde-' || (n % $2::int),
            now() - make_interval(mins => n),
            (ARRAY['eingegangen', 'in_bearbeitung', 'abgeschlossen', 'abgelehnt'])[1 + (n / 7) % 4]
       FROM generate_series(1, $1::int) AS n`,
    [count, authorities, forms],
  );
  await db.query(
    `INSERT INTO deliveries (id, submission_id, route_index, target_id, message_uuid, state, attempts)
     SELECT gen_random_uuid(), id, 0, 'fachverfahren', gen_random_uuid(), (ARRAY['pending', 'delivered', 'dead'])[1 + (abs(hashtext(id::text)) % 3)], 1
       FROM submissions TABLESAMPLE BERNOULLI (10)`,
  );
  await db.exec('ANALYZE');
}

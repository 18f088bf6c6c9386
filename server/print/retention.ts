import type { Queryable } from '../db/database.ts';

/**
 * Batch PDFs hold personal data: deleted `days` after confirmation. The manifest, hash and
 * history stay. Chunks no finished render owns (an abandoned render that kept writing) go too.
 */
export async function eraseExpiredPrintDocuments(db: Queryable, days: number): Promise<number> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE print_batches SET document_deleted_at = now()
      WHERE state = 'confirmed' AND document_deleted_at IS NULL AND confirmed_at <= now() - make_interval(days => $1)
      RETURNING id`,
    [days],
  );
  await db.query(
    `DELETE FROM print_batch_chunks c USING print_batches b
      WHERE c.batch_id = b.id
        AND (b.document_deleted_at IS NOT NULL OR (b.state <> 'sealing' AND c.render_id IS DISTINCT FROM b.rendered_by))`,
  );
  return rows.length;
}

/**
 * The delivery life cycle in the outbox table: pending → in_flight (claimed under a lease) →
 * delivered | pending again (retry later) | dead. Workers claim with FOR UPDATE SKIP LOCKED, so
 * any number of them can share one PostgreSQL; a worker that dies loses its lease, and the
 * delivery becomes due again when the lease runs out.
 */
import type { Queryable } from '../db/database.ts';
import { cursorSql, type Cursor } from '../db/keyset.ts';

export interface ClaimedDelivery {
  id: string;
  submissionId: string;
  /** Index of the route in the form version that fired it. */
  routeIndex: number;
  targetId: string;
  messageUuid: string;
  attempts: number;
  message: string | null;
  createdAt: Date;
}

type ClaimRow = {
  id: string;
  submission_id: string;
  route_index: number;
  target_id: string;
  message_uuid: string;
  attempts: number;
  message: string | null;
  created_at: Date;
};

export async function claimDue(db: Queryable, worker: string, limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]> {
  const { rows } = await db.query<ClaimRow>(
    `UPDATE deliveries d
        SET state = 'in_flight', leased_by = $1, lease_until = now() + make_interval(secs => $3),
            attempts = d.attempts + 1, updated_at = now()
      WHERE d.id IN (
        SELECT id FROM deliveries
         WHERE (state = 'pending' AND next_attempt_at <= now())
            OR (state = 'in_flight' AND lease_until < now())
         ORDER BY next_attempt_at
         LIMIT $2
         FOR UPDATE SKIP LOCKED)
      RETURNING d.id, d.submission_id, d.route_index, d.target_id, d.message_uuid, d.attempts, d.message, d.created_at`,
    [worker, limit, leaseSeconds],
  );
  return rows.map((r) => ({
    id: r.id,
    submissionId: r.submission_id,
    routeIndex: r.route_index,
    targetId: r.target_id,
    messageUuid: r.message_uuid,
    attempts: r.attempts,
    message: r.message,
    createdAt: r.created_at,
  }));
}

/** Keeps the message as first built, so every later attempt sends the same bytes. */
export async function rememberMessage(db: Queryable, id: string, worker: string, message: string): Promise<void> {
  await db.query(`UPDATE deliveries SET message = $3 WHERE id = $1 AND leased_by = $2 AND message IS NULL`, [id, worker, message]);
}

/** Each outcome applies only while this worker still holds the lease. */
export async function markDelivered(db: Queryable, id: string, worker: string): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE deliveries SET state = 'delivered', delivered_at = now(), updated_at = now(),
            lease_until = NULL, leased_by = NULL, last_error = NULL
      WHERE id = $1 AND state = 'in_flight' AND leased_by = $2 RETURNING id`,
    [id, worker],
  );
  return rows.length === 1;
}

export async function markRetry(db: Queryable, id: string, worker: string, error: string, delayMs: number): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE deliveries SET state = 'pending', next_attempt_at = now() + make_interval(secs => $4),
            updated_at = now(), lease_until = NULL, leased_by = NULL, last_error = $3
      WHERE id = $1 AND state = 'in_flight' AND leased_by = $2 RETURNING id`,
    [id, worker, error, delayMs / 1000],
  );
  return rows.length === 1;
}

export async function markDead(
  db: Queryable,
  id: string,
  worker: string,
  error: string,
  validationErrors?: string[],
): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE deliveries SET state = 'dead', updated_at = now(), lease_until = NULL, leased_by = NULL,
            last_error = $3, validation_errors = $4::jsonb
      WHERE id = $1 AND state = 'in_flight' AND leased_by = $2 RETURNING id`,
    [id, worker, error, validationErrors ? JSON.stringify(validationErrors) : null],
  );
  return rows.length === 1;
}

export interface DeliveryView {
  id: string;
  submissionId: string;
  /** The submission's responsible authority; null until one is assigned. */
  authorityId: string | null;
  reference: string;
  formId: string;
  targetId: string;
  messageUuid: string;
  state: string;
  attempts: number;
  lastError: string | null;
  validationErrors: string[] | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
  /** Where the next page starts (`after`): this delivery's place in the order. */
  cursor: string;
}

type ViewRow = {
  id: string;
  submission_id: string;
  authority_id: string | null;
  reference: string;
  form_id: string;
  target_id: string;
  message_uuid: string;
  state: string;
  attempts: number;
  last_error: string | null;
  validation_errors: string[] | null;
  created_at: Date;
  updated_at: Date;
  delivered_at: Date | null;
  cursor: string;
};

export const deliveryStates = ['pending', 'in_flight', 'delivered', 'dead'] as const;

/**
 * Deliveries in `state` of submissions within `scope` (every authority, or these; a submission
 * without an authority is only within 'all'), most recently changed first; after `after` (a
 * cursor of the previous page's last delivery) when given.
 */
export async function listDeliveries(
  db: Queryable,
  state: (typeof deliveryStates)[number],
  limit: number,
  scope: 'all' | string[],
  after?: Cursor,
): Promise<DeliveryView[]> {
  const { rows } = await db.query<ViewRow>(
    `SELECT d.id, d.submission_id, s.authority_id, s.reference, s.form_id, d.target_id, d.message_uuid, d.state, d.attempts,
            d.last_error, d.validation_errors, d.created_at, d.updated_at, d.delivered_at,
            ${cursorSql('d.updated_at', 'd.id')} AS cursor
       FROM deliveries d JOIN submissions s ON s.id = d.submission_id
      WHERE d.state = $1 AND ($3::boolean OR s.authority_id = ANY($4::text[]))
        AND ($5::timestamptz IS NULL OR (d.updated_at, d.id) < ($5::timestamptz, $6::uuid))
      ORDER BY d.updated_at DESC, d.id DESC LIMIT $2`,
    [state, limit, scope === 'all', scope === 'all' ? [] : scope, after?.at ?? null, after?.id ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    submissionId: r.submission_id,
    authorityId: r.authority_id,
    reference: r.reference,
    formId: r.form_id,
    targetId: r.target_id,
    messageUuid: r.message_uuid,
    state: r.state,
    attempts: r.attempts,
    lastError: r.last_error,
    validationErrors: r.validation_errors,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    deliveredAt: r.delivered_at?.toISOString() ?? null,
    cursor: r.cursor,
  }));
}

/** The submission and authority a delivery belongs to, or undefined for an unknown one. */
export async function deliveryOwner(db: Queryable, id: string): Promise<{ submissionId: string; authorityId: string | null } | undefined> {
  const { rows } = await db.query<{ submission_id: string; authority_id: string | null }>(
    `SELECT d.submission_id, s.authority_id FROM deliveries d JOIN submissions s ON s.id = d.submission_id WHERE d.id = $1`,
    [id],
  );
  const row = rows[0];
  return row && { submissionId: row.submission_id, authorityId: row.authority_id };
}

/**
 * An operator sends a dead delivery again: due now, attempts counted afresh. The stored message
 * is dropped only if it failed validation (it may be rebuilt after a fix); otherwise the same
 * bytes go out again.
 */
export async function requeue(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE deliveries SET state = 'pending', attempts = 0, next_attempt_at = now(), updated_at = now(),
            message = CASE WHEN validation_errors IS NULL THEN message END, validation_errors = NULL
      WHERE id = $1 AND state = 'dead' RETURNING id`,
    [id],
  );
  return rows.length === 1;
}

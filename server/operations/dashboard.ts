/**
 * The back office's key figures for a period of calendar days (in the installation's time zone),
 * within the caller's authorities:
 * - submissions per form and day (by `submitted_at`),
 * - the delivery success rate: deliveries that ended in the period delivered, out of those that
 *   ended delivered or dead (`updated_at` is when a delivery reached its final state),
 * - the queue lag now: age of the oldest pending delivery that is due (`next_attempt_at` passed),
 * - print pieces waiting now: queued or in a batch not yet confirmed.
 * Each figure is one query the indexes answer: submissions by (authority_id, submitted_at) or
 * submitted_at, deliveries by (state, updated_at) and the due index, pieces by (state, updated_at).
 */
import type { Queryable } from '../db/database.ts';

export const dashboardTimeZone = 'Europe/Berlin';

export interface Dashboard {
  from: string;
  to: string;
  timeZone: string;
  /** Days with at least one submission, per form; ordered by day, then form. */
  submissionsPerDay: Array<{ day: string; formId: string; count: number }>;
  deliveries: { delivered: number; dead: number; /** delivered / (delivered + dead); null without either. */ successRate: number | null };
  /** Seconds since the oldest due pending delivery became due; null when none is due. */
  oldestDuePendingSeconds: number | null;
  piecesWaiting: { queued: number; batched: number };
}

/** `from` and `to` are calendar days (YYYY-MM-DD), both included. */
export async function dashboard(db: Queryable, options: { from: string; to: string; scope: 'all' | string[] }): Promise<Dashboard> {
  const { from, to, scope } = options;
  const all = scope === 'all';
  const authorities = all ? [] : scope;
  // Midnight at the start of `from` and after `to`, in the installation's time zone.
  const start = `(($1::date)::timestamp AT TIME ZONE '${dashboardTimeZone}')`;
  const end = `((($2::date) + 1)::timestamp AT TIME ZONE '${dashboardTimeZone}')`;

  const perDay = await db.query<{ day: string; formId: string; count: number }>(
    `SELECT to_char(s.submitted_at AT TIME ZONE '${dashboardTimeZone}', 'YYYY-MM-DD') AS day, s.form_id AS "formId", count(*)::int AS count
       FROM submissions s
      WHERE s.submitted_at >= ${start} AND s.submitted_at < ${end}
        AND ($3::boolean OR s.authority_id = ANY($4::text[]))
      GROUP BY 1, 2
      ORDER BY 1, 2`,
    [from, to, all, authorities],
  );
  const ended = await db.query<{ delivered: number; dead: number }>(
    `SELECT (count(*) FILTER (WHERE d.state = 'delivered'))::int AS delivered, (count(*) FILTER (WHERE d.state = 'dead'))::int AS dead
       FROM deliveries d JOIN submissions s ON s.id = d.submission_id
      WHERE d.state IN ('delivered', 'dead') AND d.updated_at >= ${start} AND d.updated_at < ${end}
        AND ($3::boolean OR s.authority_id = ANY($4::text[]))`,
    [from, to, all, authorities],
  );
  const lag = await db.query<{ seconds: number | null }>(
    `SELECT floor(extract(epoch FROM now() - min(d.next_attempt_at)))::int AS seconds
       FROM deliveries d JOIN submissions s ON s.id = d.submission_id
      WHERE d.state = 'pending' AND d.next_attempt_at <= now()
        AND ($1::boolean OR s.authority_id = ANY($2::text[]))`,
    [all, authorities],
  );
  const waiting = await db.query<{ queued: number; batched: number }>(
    `SELECT (count(*) FILTER (WHERE p.state = 'queued'))::int AS queued, (count(*) FILTER (WHERE p.state = 'batched'))::int AS batched
       FROM print_pieces p JOIN submissions s ON s.id = p.submission_id
      WHERE p.state IN ('queued', 'batched')
        AND ($1::boolean OR s.authority_id = ANY($2::text[]))`,
    [all, authorities],
  );
  const { delivered, dead } = ended.rows[0]!;
  return {
    from,
    to,
    timeZone: dashboardTimeZone,
    submissionsPerDay: perDay.rows,
    deliveries: { delivered, dead, successRate: delivered + dead === 0 ? null : delivered / (delivered + dead) },
    oldestDuePendingSeconds: lag.rows[0]?.seconds ?? null,
    piecesWaiting: waiting.rows[0]!,
  };
}

/** Today's calendar day in the installation's time zone. */
export async function today(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ day: string }>(`SELECT to_char(now() AT TIME ZONE '${dashboardTimeZone}', 'YYYY-MM-DD') AS day`);
  return rows[0]!.day;
}

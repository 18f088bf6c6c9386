/**
 * What became of a submission's deliveries, in the terms a citizen understands: per delivery a
 * message to an authority or a letter from one, a citizen-level state and the authority's name.
 * Target ids, addresses, error texts and attempt counts stay inside. No deliveries at all: the
 * application stays in Antragswerk with the authority (a form without a route, or no route fired).
 */
import type { Queryable } from '../db/database.ts';
import { authorityNameOf, type Target } from '../routing/targets.ts';

import type { ProgressStep } from '../../shared/submission-progress.ts';

export interface SubmissionProgress {
  steps: ProgressStep[];
}

/** Looks targets up at request time, so a renamed authority shows its current name. */
export type TargetLookup = (targetId: string) => Target | undefined;

type Row = {
  target_id: string;
  state: 'pending' | 'in_flight' | 'delivered' | 'dead';
  attempts: number;
  delivered_at: Date | null;
  piece_state: 'queued' | 'batched' | 'printed' | 'failed' | 'cancelled' | null;
  piece_attempt: number | null;
  piece_updated_at: Date | null;
  batch_state: string | null;
  /** The submission's responsible authority, if it has one. */
  authority_name: string | null;
};

/** The delivery is being retried: a pending one that has been tried, or a second try under way. */
const retrying = (r: Row) => (r.state === 'pending' && r.attempts > 0) || (r.state === 'in_flight' && r.attempts > 1);

function messageStep(r: Row): ProgressStep {
  if (r.state === 'delivered') return { kind: 'message', state: 'delivered', completedAt: r.delivered_at!.toISOString() };
  if (r.state === 'dead') return { kind: 'message', state: 'interrupted' };
  return { kind: 'message', state: retrying(r) ? 'delayed' : 'sending' };
}

function letterStep(r: Row): ProgressStep {
  switch (r.piece_state) {
    case 'printed':
      return { kind: 'letter', state: 'sent', completedAt: r.piece_updated_at!.toISOString() };
    case 'failed':
      return { kind: 'letter', state: 'interrupted' };
    case 'cancelled':
      return { kind: 'letter', state: 'cancelled' };
    case 'batched':
      if (r.batch_state === 'claimed') return { kind: 'letter', state: 'printing' };
      return { kind: 'letter', state: r.piece_attempt! > 1 ? 'delayed' : 'preparing' };
    case 'queued':
      // A later attempt is a reprint after a centre reported the letter failed.
      return { kind: 'letter', state: r.piece_attempt! > 1 ? 'delayed' : 'preparing' };
    default:
      // No piece yet: the letter is still being composed by the delivery worker.
      if (r.state === 'dead') return { kind: 'letter', state: 'interrupted' };
      return { kind: 'letter', state: retrying(r) ? 'delayed' : 'preparing' };
  }
}

/** The progress of the submission with this reference (the caller has checked its token). */
export async function findProgress(db: Queryable, reference: string, targetOf: TargetLookup): Promise<SubmissionProgress> {
  const { rows } = await db.query<Row>(
    `SELECT d.target_id, d.state, d.attempts, d.delivered_at,
            p.state AS piece_state, p.attempt AS piece_attempt, p.updated_at AS piece_updated_at,
            b.state AS batch_state, a.name AS authority_name
       FROM submissions s
       LEFT JOIN authorities a ON a.id = s.authority_id
       JOIN deliveries d ON d.submission_id = s.id
       LEFT JOIN print_pieces p ON p.delivery_id = d.id
       LEFT JOIN LATERAL (
         SELECT pb.state FROM print_batch_pieces bp JOIN print_batches pb ON pb.id = bp.batch_id
          WHERE bp.piece_id = p.id AND bp.outcome IS NULL AND pb.state IN ('sealing', 'ready', 'claimed')
          ORDER BY pb.created_at DESC LIMIT 1
       ) b ON true
      WHERE s.reference = $1
      ORDER BY d.route_index, d.created_at, d.id`,
    [reference],
  );
  const steps = rows.map((r): ProgressStep => {
    const target = targetOf(r.target_id);
    const isLetter = target ? target.type === 'print' : r.piece_state !== null;
    const step = isLetter ? letterStep(r) : messageStep(r);
    // A letter comes from the submission's authority (its letterhead); a message goes to the target's.
    const authority = (isLetter ? r.authority_name : null) ?? (target && authorityNameOf(target));
    return authority ? { ...step, authority } : step;
  });
  return { steps };
}

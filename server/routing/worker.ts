/**
 * A delivery worker: claims due deliveries, hands each to the channel of its target type and
 * records the outcome — delivered, retried later with backoff, or dead once attempts are used up
 * or the receiver refuses for good. Runs in the web process (embedded default) or alone
 * (`npm run worker`), as many as wanted against one PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { findVersion } from '../forms/versions.ts';
import type { AttachmentForDelivery, Channel, DeliveryJob, Outcome, SubmissionForDelivery } from './channel.ts';
import { claimDue, markDead, markDelivered, markRetry, rememberMessage, type ClaimedDelivery } from './outbox.ts';
import { retryDelayMs } from './backoff.ts';
import { polling } from './polling.ts';
import type { RoutingTable } from './routing-table.ts';
import { letterheadOf } from '../directory/directory.ts';

export interface WorkerOptions {
  maxAttempts: number;
  retryBaseMs: number;
  leaseSeconds: number;
  /** Deliveries claimed and sent concurrently per round. */
  batchSize?: number;
  /** Pause when nothing was due. */
  idleMs?: number;
}

export interface WorkerDependencies {
  db: Database;
  routing: RoutingTable;
  channels: Record<string, Channel>;
  logger: Logger;
  options: WorkerOptions;
}

export interface Worker {
  readonly id: string;
  /** One round: claim and process what is due; returns how many deliveries were processed. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

/** Form versions never change, so each is read (and its schema compiled) once per worker. */
type VersionCache = Map<string, Promise<FormDefinition | undefined>>;

async function loadJob(
  deps: WorkerDependencies,
  versions: VersionCache,
  delivery: ClaimedDelivery,
  workerId: string,
): Promise<DeliveryJob | string> {
  const { db, routing } = deps;
  const target = routing.target(delivery.targetId);
  if (!target) return `target "${delivery.targetId}" is no longer configured`;
  const sender = routing.sender;
  if (target.type === 'xoev-http') {
    if (!sender) return 'no sender (XÖV autor) is configured: "sender" in the provisioning file';
    if (target.url === undefined) return `target "${delivery.targetId}" names the demo receiver, which does not run in this process`;
  }
  const { rows } = await db.query<{
    reference: string;
    form_id: string;
    form_version: number;
    submitted_at: Date;
    data: unknown;
    language: string;
    authority_id: string | null;
  }>('SELECT reference, form_id, form_version, submitted_at, data, language, authority_id FROM submissions WHERE id = $1', [
    delivery.submissionId,
  ]);
  const s = rows[0];
  if (!s) return 'submission no longer exists';
  const key = `${s.form_id}@${s.form_version}`;
  let cached = versions.get(key);
  if (!cached) {
    cached = findVersion(db, s.form_id, s.form_version).then((v) => v?.definition);
    versions.set(key, cached);
  }
  const definition = await cached;
  if (!definition) {
    versions.delete(key);
    return `form version ${key} not found`;
  }
  const files = await db.query<{ id: string; file_name: string; media_type: string; size: number; sha512: string; sha256: string | null }>(
    'SELECT id, file_name, media_type, size, sha512, sha256 FROM attachments WHERE submission_id = $1 ORDER BY id',
    [delivery.submissionId],
  );
  const submission: SubmissionForDelivery = {
    id: delivery.submissionId,
    reference: s.reference,
    formId: s.form_id,
    formVersion: s.form_version,
    submittedAt: s.submitted_at,
    data: s.data,
    language: s.language,
  };
  const attachments: AttachmentForDelivery[] = files.rows.map((f) => ({
    id: f.id,
    fileName: f.file_name,
    mediaType: f.media_type,
    size: f.size,
    sha512: f.sha512,
    ...(f.sha256 ? { sha256: f.sha256 } : {}),
  }));
  return {
    delivery,
    target,
    sender: sender ?? { kennung: '', name: '' },
    submission,
    authority: s.authority_id === null ? undefined : letterheadOf(routing.authority(s.authority_id)),
    definition,
    attachments,
    remember: (message) => rememberMessage(db, delivery.id, workerId, message),
  };
}

export function createWorker(deps: WorkerDependencies): Worker {
  const { db, channels, logger, options } = deps;
  const id = `worker-${randomUUID()}`;
  const batchSize = options.batchSize ?? 25;
  const idleMs = options.idleMs ?? 500;
  const versions: VersionCache = new Map();

  async function deliverOne(delivery: ClaimedDelivery): Promise<void> {
    let outcome: Outcome;
    try {
      const job = await loadJob(deps, versions, delivery, id);
      if (typeof job === 'string') outcome = { kind: 'dead', error: job };
      else {
        const channel = channels[job.target.type];
        outcome = channel ? await channel.send(job) : { kind: 'dead', error: `no channel for target type ${job.target.type}` };
      }
    } catch (error) {
      outcome = { kind: 'retry', error: `internal: ${(error as Error).message}` };
    }
    const log = { delivery: delivery.id, target: delivery.targetId, attempt: delivery.attempts };
    if (outcome.kind === 'delivered') {
      await markDelivered(db, delivery.id, id);
      logger.info(log, 'delivered');
    } else if (outcome.kind === 'dead') {
      await markDead(db, delivery.id, id, outcome.error, outcome.validationErrors);
      logger.warn({ ...log, error: outcome.error }, 'delivery dead');
    } else if (delivery.attempts >= options.maxAttempts) {
      await markDead(db, delivery.id, id, `gave up after ${delivery.attempts} attempts: ${outcome.error}`);
      logger.warn({ ...log, error: outcome.error }, 'delivery dead after last attempt');
    } else {
      const delay = Math.max(retryDelayMs(delivery.attempts, options.retryBaseMs), outcome.retryAfterMs ?? 0);
      await markRetry(db, delivery.id, id, outcome.error, delay);
      logger.info({ ...log, error: outcome.error, retryInMs: delay }, 'delivery will be retried');
    }
  }

  async function runOnce(): Promise<number> {
    await deps.routing.refresh();
    const claimed = await claimDue(db, id, batchSize, options.leaseSeconds);
    await Promise.all(claimed.map(deliverOne));
    return claimed.length;
  }

  const loop = polling(runOnce, idleMs, (error) => logger.error({ err: error, worker: id }, 'worker round failed'));
  return { id, runOnce, start: loop.start, stop: loop.stop };
}

/**
 * The way from an accepted Antrag to the database, bounded and batched.
 *
 * Back-pressure: at most `maxPending` submissions are between admission and answer in this
 * process. One more is refused at once, before its body is read, with 503 `intake_busy` and
 * `Retry-After`; nothing of it is stored. A submission that has waited for the database longer
 * than `maxWaitMs` when its turn comes is refused the same way instead of written: the count
 * bounds the queue, the wait bounds the time in it when the machine is slower than the count
 * assumes. So a burst makes some citizens send again in a second instead of making everyone
 * wait for a queue that grows without end.
 *
 * Group commit: the writes of submissions waiting together go into one transaction (up to
 * `groupMax`), one commit for all of them — on the embedded database, where everything is
 * serialised, that is what keeps a burst's queue short. Up to `parallelGroups` groups run at
 * once (the embedded database: one). When one submission's write fails, the group is rolled
 * back and each of its submissions is written again on its own, so a failure stays with the
 * submission that caused it.
 */
import type { RequestHandler } from 'express';
import { AppError } from '../app-error.ts';
import type { Database, Queryable } from '../db/database.ts';

export interface IntakeOptions {
  maxPending: number;
  /** Longest wait for the database before a submission is refused instead of written. */
  maxWaitMs: number;
  /** Submissions per transaction at most; 1 writes each on its own. */
  groupMax: number;
  parallelGroups: number;
  retryAfterSeconds: number;
}

export interface IntakeWrite<T> {
  work: (q: Queryable) => Promise<T>;
  /** The work is one statement, atomic by itself: alone it needs no transaction. */
  atomic: boolean;
}

interface Waiting {
  write: IntakeWrite<unknown>;
  since: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class Intake {
  private pending = 0;
  private readonly waiting: Waiting[] = [];
  private groupsRunning = 0;

  constructor(
    private readonly db: Database,
    private readonly options: IntakeOptions,
  ) {}

  /** Submissions admitted and not yet answered. */
  get admitted(): number {
    return this.pending;
  }

  /** Admits a submission until its answer is sent, or refuses it before its body is read. */
  readonly admit: RequestHandler = (_req, res, next) => {
    if (this.pending >= this.options.maxPending) {
      return next(this.busy());
    }
    this.pending++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.pending--;
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };

  private busy(): AppError {
    const seconds = this.options.retryAfterSeconds;
    return new AppError('intake_busy', { retryAfterSeconds: seconds }, { 'Retry-After': String(seconds) });
  }

  /** Writes one submission, in a group with those waiting beside it; settles when committed. */
  write<T>(write: IntakeWrite<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ write: write as IntakeWrite<unknown>, since: performance.now(), resolve: resolve as (value: unknown) => void, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.groupsRunning < this.options.parallelGroups && this.waiting.length > 0) {
      const taken = this.waiting.splice(0, this.options.groupMax);
      const now = performance.now();
      const group = taken.filter((waiting) => {
        if (now - waiting.since <= this.options.maxWaitMs) return true;
        waiting.reject(this.busy());
        return false;
      });
      if (group.length === 0) continue;
      this.groupsRunning++;
      void this.run(group).finally(() => {
        this.groupsRunning--;
        this.drain();
      });
    }
  }

  private async run(group: Waiting[]): Promise<void> {
    if (group.length === 1) return this.alone(group[0]!);
    let results: unknown[];
    try {
      results = await this.db.transaction(async (tx) => {
        const done: unknown[] = [];
        for (const { write } of group) done.push(await write.work(tx));
        return done;
      });
    } catch {
      // Rolled back as a whole: each again on its own, so only the failing one fails.
      for (const waiting of group) await this.alone(waiting);
      return;
    }
    group.forEach((waiting, i) => waiting.resolve(results[i]));
  }

  private async alone({ write, resolve, reject }: Waiting): Promise<void> {
    try {
      resolve(write.atomic ? await write.work(this.db) : await this.db.transaction(write.work));
    } catch (error) {
      reject(error);
    }
  }
}

/**
 * Counters behind the rate limits (rate-limiter-flexible). On a PostgreSQL server they live in
 * the table `rate_limits`, so every web process counts together; the embedded database belongs
 * to one process, which counts in memory. Subjects (addresses, accounts, references) are
 * stored as SHA-256 hashes only.
 */
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Database } from '../db/database.ts';

export interface Counter {
  /** Adds `points`; answers the points now counted in the window and the milliseconds until it ends. */
  add(subject: string, points?: number): Promise<{ consumed: number; msBeforeNext: number }>;
  /** The points counted now (0 when the window has ended). */
  get(subject: string): Promise<{ consumed: number; msBeforeNext: number }>;
  /** Counts the subject as over any limit for `seconds`. */
  block(subject: string, seconds: number): Promise<void>;
  reset(subject: string): Promise<void>;
}

export interface CounterOptions {
  /** Distinguishes the counters sharing the table. */
  name: string;
  /** The window: a count is forgotten this long after its first point. */
  durationSeconds: number;
}

const hashed = (subject: string) => createHash('sha256').update(subject, 'utf8').digest('hex');

/**
 * What the library's PostgreSQL store needs of a client: `query({ text, values })`. Served by
 * the project's `Database`, so the store shares its pool (and its schema) and no driver type
 * leaves `db`.
 */
function storeClient(db: Database) {
  return {
    query: async ({ text, values }: { text: string; values?: unknown[] }) => {
      const { rows } = await db.query(text, values);
      return { rows, rowCount: rows.length };
    },
  };
}

export function counterFactory(db: Database): (options: CounterOptions) => Counter {
  let first = true;
  return ({ name, durationSeconds }) => {
    // Points are never refused by the counter itself: the callers compare with their limits.
    const options = { keyPrefix: name, points: 2_000_000_000, duration: durationSeconds };
    let limiter: RateLimiterAbstract;
    if (db.engine === 'postgres') {
      limiter = new RateLimiterPostgres({
        ...options,
        storeClient: storeClient(db),
        storeType: 'client',
        tableName: 'rate_limits',
        tableCreated: true,
        // One counter per process deletes rows that expired an hour ago, every five minutes.
        clearExpiredByTimeout: first,
      } as ConstructorParameters<typeof RateLimiterPostgres>[0]);
      first = false;
    } else limiter = new RateLimiterMemory(options);
    const answer = (res: RateLimiterRes | null) => ({ consumed: res?.consumedPoints ?? 0, msBeforeNext: res ? Math.max(res.msBeforeNext, 0) : 0 });
    return {
      add: async (subject, points = 1) => answer(await limiter.penalty(hashed(subject), points)),
      get: async (subject) => answer(await limiter.get(hashed(subject))),
      block: async (subject, seconds) => {
        await limiter.block(hashed(subject), seconds);
      },
      reset: async (subject) => {
        await limiter.delete(hashed(subject));
      },
    };
  };
}

/**
 * Priorities on the embedded database's one connection: PGlite runs one statement or
 * transaction at a time, in the order asked. Citizens' requests go through `foreground`, the
 * delivery worker, print batcher and erasure through `background`; whenever both wait, the
 * foreground goes first, except that the background gets every `fairness`-th turn so that
 * deliveries still move during a long burst. PostgreSQL has a connection per request and
 * needs none of this: both views are the database itself.
 */
import type { Database, Queryable } from './database.ts';

export interface PrioritisedDatabase {
  foreground: Database;
  background: Database;
}

/** Foreground turns before a waiting background task gets one. */
export const defaultFairness = 8;

export function prioritised(db: Database, fairness = defaultFairness): PrioritisedDatabase {
  if (db.engine !== 'pglite') return { foreground: db, background: db };
  const high: Array<() => void> = [];
  const low: Array<() => void> = [];
  let busy = false;
  let highInARow = 0;

  const next = () => {
    if (busy) return;
    const takeLow = low.length > 0 && (high.length === 0 || highInARow >= fairness);
    const turn = takeLow ? low.shift() : high.shift();
    if (!turn) return;
    highInARow = takeLow ? 0 : highInARow + 1;
    busy = true;
    turn();
  };

  const gated =
    (queue: Array<() => void>) =>
    async <T>(task: () => Promise<T>): Promise<T> => {
      await new Promise<void>((resolve) => {
        queue.push(resolve);
        next();
      });
      try {
        return await task();
      } finally {
        busy = false;
        next();
      }
    };

  const view = (run: <T>(task: () => Promise<T>) => Promise<T>): Database => ({
    engine: db.engine,
    query: <Row extends Record<string, unknown>>(sql: string, params?: unknown[]) => run(() => db.query<Row>(sql, params)),
    exec: (sql: string) => run(() => db.exec(sql)),
    transaction: <T>(work: (tx: Queryable) => Promise<T>) => run(() => db.transaction(work)),
    close: () => db.close(),
  });
  return { foreground: view(gated(high)), background: view(gated(low)) };
}

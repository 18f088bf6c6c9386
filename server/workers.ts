/**
 * The background work of a process: the delivery worker with a channel per target type in use,
 * and the print batcher. Used by `npm start` (in-process default) and `npm run worker`.
 */
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { createBatcher, type Batcher } from './print/batcher.ts';
import { printChannel } from './print/channel.ts';
import type { Channel } from './routing/channel.ts';
import { createWorker, type Worker } from './routing/worker.ts';
import type { RoutingSetup } from './setup.ts';

/**
 * Channels by target type. The XÖV channel is loaded on its first message only: it brings
 * libxml2's WebAssembly (about 150 MB resident), which a worker with print targets alone never
 * needs, nor one whose XÖV targets have nothing to deliver yet.
 */
function channelsFor(db: Database, setup: Pick<RoutingSetup, 'routing' | 'templates'>): Record<string, Channel> {
  let xoev: Promise<Channel> | undefined;
  const loadXoev = () =>
    (xoev ??= import('./xoev/channel.ts').then(
      (m) => m.xoevHttpChannel(process.env),
      (error: unknown) => {
        xoev = undefined; // the next delivery tries again
        throw error;
      },
    ));
  return {
    'xoev-http': { send: async (job) => (await loadXoev()).send(job) },
    print: printChannel(db, setup.templates),
  };
}

export async function workerFor(config: Config, db: Database, setup: Pick<RoutingSetup, 'routing' | 'templates'>, logger: Logger): Promise<Worker> {
  return createWorker({ db, routing: setup.routing, channels: channelsFor(db, setup), logger, options: config.delivery });
}

/** Seals and renders print batches; runs wherever delivery workers run. */
export function batcherFor(db: Database, setup: Pick<RoutingSetup, 'routing'>, logger: Logger): Batcher {
  const { routing } = setup;
  return createBatcher({ db, profiles: () => routing.printProfiles(), refresh: () => routing.refresh(), logger, options: { renderLeaseSeconds: 600 } });
}

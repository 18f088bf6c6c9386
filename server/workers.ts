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
 * Channels by target type, each loaded only when a target uses it: the XÖV channel brings
 * libxml2's WebAssembly (about 150 MB resident), which a worker with print targets alone never needs.
 */
async function channelsFor(db: Database, setup: Pick<RoutingSetup, 'routing' | 'templates'>): Promise<Record<string, Channel>> {
  const types = setup.routing.targetTypes();
  const channels: Record<string, Channel> = {};
  if (types.has('xoev-http')) channels['xoev-http'] = (await import('./xoev/channel.ts')).xoevHttpChannel(process.env);
  if (types.has('print')) channels.print = printChannel(db, setup.templates);
  return channels;
}

export async function workerFor(config: Config, db: Database, setup: Pick<RoutingSetup, 'routing' | 'templates'>, logger: Logger): Promise<Worker> {
  return createWorker({ db, routing: setup.routing, channels: await channelsFor(db, setup), logger, options: config.delivery });
}

/** Seals and renders print batches; runs wherever delivery workers run. */
export function batcherFor(db: Database, setup: Pick<RoutingSetup, 'routing'>, logger: Logger): Batcher {
  return createBatcher({ db, profiles: setup.routing.printProfiles(), logger, options: { renderLeaseSeconds: 600 } });
}

/**
 * The server under load for bench/intake.ts, in its own process so the load generator does not
 * share its event loop. BENCH_MODE:
 * - "ceiling": bare Express 5 that parses the same JSON body and answers 201;
 * - "receiver": the demo receiver alone (the XÖV target of the routed form, as a receiving
 *   authority runs it: not in the portal's process);
 * - "app": Antragswerk wired by start() exactly as `npm start` runs it (delivery worker and
 *   print batcher in-process, request log at info to stdout), with BENCH_ENV as its environment.
 * Reports its port to the parent over IPC.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { parseConfig } from '../server/config.ts';
import { createLogger } from '../server/log.ts';
import { startReceiver } from '../server/receiver/receiver.ts';
import { start } from '../server/start.ts';

const mode = process.env.BENCH_MODE;
const bodyLimitBytes = 1024 * 1024;

function ceiling(): Promise<number> {
  const app = express();
  app.post('/api/forms/:formId/submissions', express.json({ limit: bodyLimitBytes }), (req, res) => {
    res.status(201).json({ formId: req.params.formId, fields: Object.keys(req.body as object).length });
  });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

async function port(): Promise<number> {
  if (mode === 'ceiling') return ceiling();
  if (mode === 'receiver') {
    const receiver = await startReceiver({ port: 0, portalUrl: process.env.BENCH_PORTAL_URL!, logger: createLogger('silent') });
    return Number(new URL(receiver.url).port);
  }
  const config = parseConfig(JSON.parse(process.env.BENCH_ENV!) as Record<string, string>);
  const running = await start(config, createLogger(config.logLevel));
  return Number(new URL(running.url).port);
}

process.send!({ port: await port() });
// Exit cleanly when the parent is done, so --cpu-prof and friends can write their output.
process.on('SIGTERM', () => process.exit(0));

/**
 * The demo receiver: a stand-in Fachverfahren inbox. It validates each message against the
 * XSD it names (fetched from the portal by URL, as any Fachverfahren could), de-duplicates by
 * nachrichtenUUID, and can be told to fail, answer slowly or drop connections, for trying out
 * and testing delivery.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Logger } from 'pino';
import { readHeader, remoteSchema } from './remote-schemas.ts';

export interface Behaviour {
  /** The next N messages are answered with `failStatus`. */
  failNext: number;
  failStatus: number;
  /** Retry-After sent with failures, seconds. */
  retryAfterSeconds?: number;
  /** Every answer waits this long. */
  delayMs: number;
  /** The next N requests lose their connection without an answer. */
  dropNext: number;
}

export interface ReceivedMessage {
  uuid: string;
  xml: string;
  path: string;
  receivedAt: string;
  /** How often this UUID arrived (retries included). */
  arrivals: number;
}

export interface ReceiverOptions {
  port: number;
  host?: string;
  /** Where the XSDs of Antragswerk messages are served, e.g. http://127.0.0.1:3000. */
  portalUrl: string;
  logger?: Logger;
}

const formNamespace = /^urn:antragswerk:xoev:([a-z0-9-]+):([1-9][0-9]*)$/;
const xbauKernmodul = 'http://www.xleitstelle.de/xbau/kernmodul/1/3/0';

/** The XSD a message's namespace points to on the portal. */
export function schemaUrlFor(namespace: string, portalUrl: string): string | undefined {
  const form = formNamespace.exec(namespace);
  if (form) return `${portalUrl}/api/forms/${form[1]}/versions/${form[2]}/xsd`;
  if (namespace === xbauKernmodul) return `${portalUrl}/api/xoev/schemas/xbau-2.6/xbau-kernmodul-universellerAntrag.xsd`;
  return undefined;
}

export function createReceiver(options: ReceiverOptions) {
  const messages = new Map<string, ReceivedMessage>();
  const behaviour: Behaviour = { failNext: 0, failStatus: 503, delayMs: 0, dropNext: 0 };
  const state = { requests: 0, answers: {} as Record<number, number> };
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.on('finish', () => (state.answers[res.statusCode] = (state.answers[res.statusCode] ?? 0) + 1));
    next();
  });

  app.post(/^\/inbox(\/.*)?$/, express.text({ type: () => true, limit: '20mb' }), async (req, res) => {
    state.requests++;
    if (behaviour.dropNext > 0) {
      behaviour.dropNext--;
      req.socket.destroy();
      return;
    }
    if (behaviour.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
    if (behaviour.failNext > 0) {
      behaviour.failNext--;
      if (behaviour.retryAfterSeconds !== undefined) res.set('Retry-After', String(behaviour.retryAfterSeconds));
      return res.status(behaviour.failStatus).json({ error: 'failing on request' });
    }
    const xml = typeof req.body === 'string' ? req.body : '';
    const key = req.get('Idempotency-Key');
    const header = readHeader(xml);
    if ('error' in header) return res.status(400).json({ error: header.error });
    if (!key || header.uuid !== key)
      return res.status(400).json({ error: 'Idempotency-Key must equal the nachrichtenUUID' });
    const known = messages.get(key);
    if (known) {
      known.arrivals++;
      return res.status(200).json({ uuid: key, duplicate: true });
    }
    const url = schemaUrlFor(header.namespace, options.portalUrl);
    if (!url) return res.status(400).json({ error: `no schema known for namespace ${header.namespace}` });
    let errors: string[];
    try {
      errors = (await remoteSchema(url)).validate(xml);
    } catch (error) {
      return res.status(503).json({ error: `schema not available: ${(error as Error).message}` });
    }
    if (errors.length > 0) return res.status(400).json({ error: 'message does not validate', details: errors });
    const arrivedMeanwhile = messages.get(key);
    if (arrivedMeanwhile) {
      arrivedMeanwhile.arrivals++;
      return res.status(200).json({ uuid: key, duplicate: true });
    }
    messages.set(key, { uuid: key, xml, path: req.path, receivedAt: new Date().toISOString(), arrivals: 1 });
    options.logger?.info({ uuid: key, path: req.path }, 'message received');
    res.status(201).json({ uuid: key });
  });

  app.get('/messages', (_req, res) => {
    res.json([...messages.values()].map(({ xml: _, ...m }) => m));
  });
  app.get('/messages/:uuid', (req, res) => {
    const m = messages.get(req.params.uuid);
    if (!m) return res.status(404).json({ error: 'unknown message' });
    res.type('application/xml').send(m.xml);
  });
  app.post('/control', express.json(), (req, res) => {
    Object.assign(behaviour, req.body);
    res.json(behaviour);
  });

  return {
    app,
    messages,
    behaviour,
    state,
    /** Where to fetch schemas from, when the portal starts after the receiver. */
    setPortalUrl(url: string) {
      options.portalUrl = url;
    },
  };
}

export async function startReceiver(options: ReceiverOptions) {
  const receiver = createReceiver(options);
  const server = receiver.app.listen(options.port, options.host ?? '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    ...receiver,
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

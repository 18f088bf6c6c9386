/**
 * The demo receiver: a stand-in Fachverfahren inbox. It validates each message against the
 * XSD it names (fetched from the portal by URL, as any Fachverfahren could), de-duplicates by
 * nachrichtenUUID, and can be told to fail, answer slowly or drop connections, for trying out
 * and testing delivery. `GET /inbox` (and `/`) is a page of everything received, refused
 * messages included; `GET /messages` the same as JSON.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Logger } from 'pino';
import { inboxCss, inboxPage } from './page.ts';
import { readHeader, remoteSchema } from './remote-schemas.ts';
import { summarise } from './summary.ts';

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

/** A message the receiver turned away as invalid; kept so that the page can show why. */
export interface RefusedMessage {
  /** The receiver's own id for it (a refused message's UUID may be missing or repeated). */
  id: string;
  uuid: string | undefined;
  xml: string;
  path: string;
  receivedAt: string;
  problems: string[];
}

/** Refused messages kept, the most recent ones. */
const refusedKept = 100;

/** Pages and the XML as received: nothing in them may run, load or be framed. */
const pageHeaders = {
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};
const xmlHeaders = { ...pageHeaders, 'Content-Security-Policy': "default-src 'none'; sandbox" };

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
  const refused: RefusedMessage[] = [];
  const refuse = (req: express.Request, xml: string, uuid: string | undefined, problems: string[]) => {
    refused.push({ id: randomUUID(), uuid, xml, path: req.path, receivedAt: new Date().toISOString(), problems });
    if (refused.length > refusedKept) refused.splice(0, refused.length - refusedKept);
    options.logger?.warn({ uuid, path: req.path, problems: problems.slice(0, 5) }, 'message refused');
  };
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
    if ('error' in header) {
      refuse(req, xml, key, [header.error]);
      return res.status(400).json({ error: header.error });
    }
    if (!key || header.uuid !== key) {
      refuse(req, xml, header.uuid, ['Idempotency-Key must equal the nachrichtenUUID']);
      return res.status(400).json({ error: 'Idempotency-Key must equal the nachrichtenUUID' });
    }
    const known = messages.get(key);
    if (known) {
      known.arrivals++;
      return res.status(200).json({ uuid: key, duplicate: true });
    }
    const url = schemaUrlFor(header.namespace, options.portalUrl);
    if (!url) {
      refuse(req, xml, key, [`no schema known for namespace ${header.namespace}`]);
      return res.status(400).json({ error: `no schema known for namespace ${header.namespace}` });
    }
    let errors: string[];
    try {
      errors = (await remoteSchema(url)).validate(xml);
    } catch (error) {
      return res.status(503).json({ error: `schema not available: ${(error as Error).message}` });
    }
    if (errors.length > 0) {
      refuse(req, xml, key, errors);
      return res.status(400).json({ error: 'message does not validate', details: errors });
    }
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
    res.set(xmlHeaders).type('application/xml').send(m.xml);
  });
  app.get('/refused', (_req, res) => {
    res.json(refused.map(({ xml: _, ...m }) => m));
  });
  app.get('/refused/:id', (req, res) => {
    const m = refused.find((r) => r.id === req.params.id);
    if (!m) return res.status(404).json({ error: 'unknown message' });
    res.set(xmlHeaders).type('application/xml').send(m.xml);
  });
  const summaries = new WeakMap<object, ReturnType<typeof summarise>>();
  const summaryOf = (m: { xml: string }) => {
    let found = summaries.get(m);
    if (!found) summaries.set(m, (found = summarise(m.xml)));
    return found;
  };
  app.get(['/', '/inbox'], (_req, res) => {
    const entries = [
      ...[...messages.values()].map((m) => ({ ...summaryOf(m), receivedAt: m.receivedAt, path: m.path, valid: true, problems: [], href: `/messages/${encodeURIComponent(m.uuid)}` })),
      ...refused.map((m) => ({ ...summaryOf(m), receivedAt: m.receivedAt, path: m.path, valid: false, problems: m.problems, href: `/refused/${m.id}` })),
    ];
    res.set(pageHeaders).type('html').send(inboxPage(entries));
  });
  app.get('/inbox.css', (_req, res) => {
    res.set(pageHeaders).type('css').send(inboxCss);
  });
  app.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  app.post('/control', express.json(), (req, res) => {
    Object.assign(behaviour, req.body);
    res.json(behaviour);
  });

  return {
    app,
    messages,
    refused,
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

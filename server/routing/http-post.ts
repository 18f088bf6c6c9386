/**
 * Posting a message to a receiver over HTTP and reading the answer as an outcome: 2xx delivered;
 * 408, 429 and 5xx, timeouts and connection errors retried (honouring Retry-After); any other
 * answer refuses for good.
 */
import { readFileSync } from 'node:fs';
import { Agent, request, type Dispatcher } from 'undici';
import type { Outcome } from './channel.ts';
import { retryAfterMs } from './backoff.ts';
import { bearerTokenOf, type XoevHttpTarget } from './targets.ts';

const agents = new Map<string, Dispatcher>();

/**
 * One connection pool per target and client certificate (a target changed through the admin API
 * gets a new pool); with client certificates where the target asks for them.
 */
function agentFor(targetId: string, target: XoevHttpTarget): Dispatcher {
  const cert = target.auth && 'clientCertificate' in target.auth ? target.auth.clientCertificate : undefined;
  const key = `${targetId}\u0000${JSON.stringify(cert ?? null)}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({
      connect: cert
        ? {
            cert: readFileSync(cert.certFile),
            key: readFileSync(cert.keyFile),
            ...(cert.caFile ? { ca: readFileSync(cert.caFile) } : {}),
          }
        : {},
    });
    agents.set(key, agent);
  }
  return agent;
}

export interface PostInput {
  targetId: string;
  target: XoevHttpTarget;
  body: string;
  contentType: string;
  idempotencyKey: string;
  env: Record<string, string | undefined>;
}

export async function postMessage(input: PostInput): Promise<Outcome> {
  const { target } = input;
  if (target.url === undefined) return { kind: 'dead', error: `target "${input.targetId}" names the demo receiver, which does not run in this process` };
  const token = bearerTokenOf(target, input.env);
  try {
    const response = await request(target.url, {
      method: 'POST',
      dispatcher: agentFor(input.targetId, target),
      headers: {
        'content-type': input.contentType,
        'idempotency-key': input.idempotencyKey,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: input.body,
      headersTimeout: target.timeoutMs,
      bodyTimeout: target.timeoutMs,
      signal: AbortSignal.timeout(target.timeoutMs),
    });
    const text = (await response.body.text()).slice(0, 500);
    const status = response.statusCode;
    if (status >= 200 && status < 300) return { kind: 'delivered' };
    const error = `HTTP ${status}${text ? `: ${text}` : ''}`;
    if (status === 408 || status === 429 || status >= 500) {
      const header = response.headers['retry-after'];
      const after = retryAfterMs(Array.isArray(header) ? header[0] : header);
      return { kind: 'retry', error, ...(after === undefined ? {} : { retryAfterMs: after }) };
    }
    return { kind: 'dead', error };
  } catch (error) {
    const e = error as Error & { code?: string };
    return { kind: 'retry', error: `${e.code ?? e.name}: ${e.message}` };
  }
}

export async function closeAgents(): Promise<void> {
  await Promise.all([...agents.values()].map((a) => a.close()));
  agents.clear();
}

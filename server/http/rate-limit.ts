/**
 * The rate limits of the public routes, per client address (`req.ip`; behind a proxy correct
 * once the proxy is trusted): submissions, draft creation, attachment creation, status lookups;
 * failed status lookups per reference; and sign-in (see sign-in-limits.ts). Over a limit the
 * answer is 429 `rate_limited` with `Retry-After`, before the request body is read, so nothing
 * is stored. The counters hold across processes on PostgreSQL (rate-limit-store.ts).
 */
import type { Request, RequestHandler } from 'express';
import type { RateLimitConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { rateLimited } from './rate-limited.ts';
import { counterFactory } from './rate-limit-store.ts';
import { signInLimits, type SignInLimits } from './sign-in-limits.ts';

export interface RateLimits {
  submissions: RequestHandler;
  drafts: RequestHandler;
  attachments: RequestHandler;
  /** Status lookups and receipt downloads. */
  statusLookups: RequestHandler;
  /** Wrong tokens for one reference (or submission id): `check` before the lookup, `failed` after a miss. */
  statusReference: { check(reference: string): Promise<void>; failed(reference: string): Promise<void> };
  signIn: SignInLimits;
}

/**
 * The address a limit counts: IPv4 as it is, an IPv4-mapped IPv6 address as IPv4, other IPv6
 * addresses by their /64 prefix (one connection's usual allocation; counting single addresses
 * would let one client rotate through 2^64 of them).
 */
export function limitedAddress(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(8 - left.length - right.length, 0)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

const clientAddress = (req: Request) => limitedAddress(req.ip);
const pass: RequestHandler = (_req, _res, next) => next();

export function createRateLimits(db: Database, config: RateLimitConfig): RateLimits {
  if (!config.enabled)
    return {
      submissions: pass,
      drafts: pass,
      attachments: pass,
      statusLookups: pass,
      statusReference: { check: async () => {}, failed: async () => {} },
      signIn: { check: async () => {}, failed: async () => {}, succeeded: async () => {} },
    };
  const counter = counterFactory(db);
  const perAddressPerHour = (name: string, limit: number): RequestHandler => {
    const count = counter({ name, durationSeconds: 3600 });
    return async (req, _res, next) => {
      const { consumed, msBeforeNext } = await count.add(clientAddress(req));
      next(consumed > limit ? rateLimited(msBeforeNext) : undefined);
    };
  };
  const referenceFailures = counter({ name: 'status-reference-failures', durationSeconds: 3600 });
  return {
    submissions: perAddressPerHour('submissions', config.submissionsPerHour),
    drafts: perAddressPerHour('drafts', config.draftsPerHour),
    attachments: perAddressPerHour('attachments', config.attachmentsPerHour),
    statusLookups: perAddressPerHour('status-lookups', config.statusLookupsPerHour),
    statusReference: {
      async check(reference) {
        const { consumed, msBeforeNext } = await referenceFailures.get(reference);
        if (consumed >= config.statusFailuresPerReference) throw rateLimited(msBeforeNext);
      },
      async failed(reference) {
        await referenceFailures.add(reference);
      },
    },
    signIn: signInLimits(counter, config.signIn),
  };
}

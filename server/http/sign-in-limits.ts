/**
 * Guessing passwords is slowed per account and per client address. An account's first
 * consecutive failures are free; from the last free one on, each failure blocks the account
 * for twice as long as the one before (up to a maximum); a success forgets them. An address is blocked for the rest
 * of the hour after too many failures, whatever the accounts, and a success does not reset it
 * (one valid account must not buy unlimited guesses at others).
 *
 * The sign-in route calls these around its password check:
 *   await limits.signIn.check(email, ip);        // 429 rate_limited while blocked
 *   ok ? await limits.signIn.succeeded(email, ip) : await limits.signIn.failed(email, ip);
 * Attempts running at the very same moment may each pass `check` before any of them has
 * failed; the scrypt check (~0.3 s) and the per-address count bound what that gains.
 */
import type { RateLimitConfig } from '../config.ts';
import { rateLimited } from './rate-limited.ts';
import type { Counter, CounterOptions } from './rate-limit-store.ts';

export interface SignInLimits {
  /** Throws `rate_limited` (429, Retry-After) while the account or the address is blocked. */
  check(email: string, address: string): Promise<void>;
  failed(email: string, address: string): Promise<void>;
  succeeded(email: string, address: string): Promise<void>;
}

const account = (email: string) => email.trim().toLowerCase();

export function signInLimits(counter: (options: CounterOptions) => Counter, config: RateLimitConfig['signIn']): SignInLimits {
  // Consecutive failures of an account are forgotten a day after the first of them.
  const accountFailures = counter({ name: 'sign-in-account-failures', durationSeconds: 86_400 });
  const accountBlocks = counter({ name: 'sign-in-account-block', durationSeconds: config.maxBlockSeconds });
  const addressFailures = counter({ name: 'sign-in-address-failures', durationSeconds: 3600 });
  return {
    async check(email, address) {
      const [blocked, fromAddress] = await Promise.all([accountBlocks.get(account(email)), addressFailures.get(address)]);
      const waits = [
        blocked.consumed > 0 ? blocked.msBeforeNext : 0,
        fromAddress.consumed >= config.failuresPerAddressPerHour ? fromAddress.msBeforeNext : 0,
      ];
      const wait = Math.max(...waits);
      if (wait > 0) throw rateLimited(wait);
    },
    async failed(email, address) {
      const [{ consumed }] = await Promise.all([accountFailures.add(account(email)), addressFailures.add(address)]);
      // From the last free failure on, each failure blocks: backoff, 2 × backoff, 4 × …
      const beyond = consumed - config.freeFailures;
      if (beyond >= 0)
        await accountBlocks.block(account(email), Math.min(config.backoffSeconds * 2 ** Math.min(beyond, 30), config.maxBlockSeconds));
    },
    async succeeded(email) {
      await Promise.all([accountFailures.reset(account(email)), accountBlocks.reset(account(email))]);
    },
  };
}

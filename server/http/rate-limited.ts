import { AppError } from '../app-error.ts';

/** 429 `rate_limited` with the wait in whole seconds, as `Retry-After` and in the details. */
export function rateLimited(msBeforeNext: number): AppError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError('rate_limited', { retryAfterSeconds: seconds }, { 'Retry-After': String(seconds) });
}

import type { ErrorCode } from '../shared/errors.ts';

/** An error the API answers with its stable code; everything else becomes internal_error. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

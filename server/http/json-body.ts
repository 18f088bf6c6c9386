/**
 * Accepts a JSON object as request body, or answers with a clear error before any work is
 * done: wrong content type (415), too large (413), malformed (400 invalid_json), not an object
 * (400 invalid_body), prototype-polluting keys (400 forbidden_key), absurd nesting (400).
 */
import express, { type RequestHandler } from 'express';
import { AppError } from '../app-error.ts';

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
const maxDepth = 32;

function checkStructure(body: unknown): void {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: body, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) throw new AppError('too_deeply_nested', { maxDepth });
    const entries = Array.isArray(value) ? value.map((v) => ['', v] as const) : Object.entries(value);
    for (const [key, child] of entries) {
      if (forbiddenKeys.has(key)) throw new AppError('forbidden_key', { key });
      stack.push({ value: child, depth: depth + 1 });
    }
  }
}

export function jsonObjectBody(limitBytes: number): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    const type = req.is('application/json'); // null: the request has no body at all
    next(type === null ? new AppError('invalid_body') : type ? undefined : new AppError('unsupported_media_type'));
  };
  const parse = express.json({
    limit: limitBytes,
    strict: false,
    type: 'application/json',
    // The parser reads an empty body as {}; remember the size to tell the two apart.
    verify: (_req, res, buffer) => {
      (res as unknown as { locals: Record<string, unknown> }).locals.bodyBytes = buffer.length;
    },
  });
  const requireObject: RequestHandler = (req, res, next) => {
    const body: unknown = req.body;
    const empty = !res.locals.bodyBytes;
    if (empty || body === null || typeof body !== 'object' || Array.isArray(body)) return next(new AppError('invalid_body'));
    checkStructure(body);
    next();
  };
  return [requireJson, parse, requireObject];
}

/** Maps the errors of Express's body parser to the API's codes. */
export function bodyParserError(error: unknown): AppError | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  switch (type) {
    case 'entity.parse.failed':
    case 'request.size.invalid':
      return new AppError('invalid_json');
    case 'entity.too.large':
      return new AppError('payload_too_large', { limitBytes: (error as { limit?: number }).limit });
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError('unsupported_media_type');
    default:
      return undefined;
  }
}

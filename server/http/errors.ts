/** The one error handler: every failure leaves as { error: { code, message, details } }. */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { errorCatalogue, type ErrorBody, type ErrorCode } from '../../shared/errors.ts';
import { AppError, localizeDetails } from '../app-error.ts';
import { bodyParserError } from './json-body.ts';
import { languageOf } from './language.ts';
import { logOf } from './request-log.ts';

export function sendError(res: Response, code: ErrorCode, language: 'de' | 'en', details?: unknown): void {
  const entry = errorCatalogue[code];
  const body: ErrorBody = {
    error: { code, message: entry[language], ...(details === undefined ? {} : { details: localizeDetails(details, language) }) },
  };
  res.status(entry.status).json(body);
}

export const notFound: RequestHandler = (_req, _res, next) => next(new AppError('not_found'));

/** For `router.route(path).get(…).all(methodNotAllowed(['GET']))`. */
export function methodNotAllowed(allowed: string[]): RequestHandler {
  return (_req, _res, next) => next(new AppError('method_not_allowed', { allowed }, { Allow: allowed.join(', ') }));
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const known = error instanceof AppError ? error : bodyParserError(error);
    const language = languageOf(req);
    if (known) {
      res.set(known.headers);
      return sendError(res, known.code, language, known.details);
    }
    // The error only (type, code, message, stack: see server/log.ts); never the request's body
    // or headers, which hold what citizens typed and their tokens.
    logOf(res, logger).error({ err: error }, 'request failed');
    sendError(res, 'internal_error', language);
  };
}

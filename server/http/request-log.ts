import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';

const incomingId = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives every request an id (taken from X-Request-Id when sane) and a logger of its own that
 * puts the id on every line (`logOf(res)`), and logs one JSON line when the request ends: the
 * route, never the values in the path, the query string (status tokens travel there), headers
 * or bodies.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const header = req.get('x-request-id');
    const requestId = header && incomingId.test(header) ? header : randomUUID();
    const log = logger.child({ reqId: requestId });
    res.locals.requestId = requestId;
    res.locals.log = log;
    res.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      log.info(
        {
          method: req.method,
          path: loggedPath(req),
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    });
    next();
  };
}

/**
 * The path as logged: the matched route's pattern (`/api/submissions/:id`), never the values in
 * it; for requests no route matched (files, unknown addresses) only the first segment, since the
 * rest is whatever the client typed.
 */
function loggedPath(req: Request): string {
  const route = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof route === 'string') return `${req.baseUrl}${route}`;
  const [, first = '', ...rest] = req.path.split('/');
  return `/${/^[A-Za-z0-9._-]{1,40}$/.test(first) ? first : '…'}${rest.length > 0 ? '/…' : ''}`;
}

/** The logger of the request `res` answers: every line carries the request id. */
export function logOf(res: Response, fallback: Logger): Logger {
  return (res.locals.log as Logger | undefined) ?? fallback;
}

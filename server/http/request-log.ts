import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

const incomingId = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives every request an id (taken from X-Request-Id when sane) and logs one JSON line when it
 * ends. Only the path is logged, never the query string: status tokens travel there.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const header = req.get('x-request-id');
    const requestId = header && incomingId.test(header) ? header : randomUUID();
    res.locals.requestId = requestId;
    res.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info(
        {
          reqId: requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    });
    next();
  };
}

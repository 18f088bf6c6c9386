import type { RequestHandler } from 'express';

/**
 * Headers every API response carries (OWASP REST Security Cheat Sheet): JSON is never sniffed,
 * framed or sent on as a referrer (status tokens travel in URLs), and only over HTTPS once seen.
 */
const headers: Array<[string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];

export const apiSecurityHeaders: RequestHandler = (_req, res, next) => {
  for (const [name, value] of headers) res.setHeader(name, value);
  next();
};

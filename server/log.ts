/**
 * The one logger configuration: JSON lines, secrets redacted wherever they sit, errors reduced
 * to what locates a fault. Personal data is kept out by what is logged in the first place:
 * request lines carry method, path (never the query string), status and time; errors carry
 * type, code, message and stack, never request bodies, validation details or the driver's
 * quoted row values.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

/** Field names that hold credentials, at any of the first three levels of a log line. */
const secretFields = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'statusToken',
  'resumeToken',
  'apiToken',
  'accessToken',
  'refreshToken',
  'idToken',
  'csrfToken',
  'secret',
  'clientSecret',
];

export const redactPaths = secretFields.flatMap((field) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(field) ? `.${field}` : `["${field}"]`;
  return [key.startsWith('.') ? field : key, `*${key}`, `*.*${key}`];
});

/** What an error tells in a log line. */
function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.constructor.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    message: error.message,
    stack: error.stack,
    ...(error.cause === undefined ? {} : { cause: serializeError(error.cause) }),
  };
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: redactPaths, censor: '[Redacted]' },
      serializers: { err: serializeError, error: serializeError },
    },
    destination,
  );
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A secret handed to a citizen once (status token, draft resume token). Only its SHA-256 is
 * stored, so a database dump does not reveal it; 256 random bits make guessing pointless.
 */
export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function tokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

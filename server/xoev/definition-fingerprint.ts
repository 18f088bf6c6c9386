/**
 * A cheap identity of a definition's content for in-memory caches: SHA-256 of its JSON text.
 * The worker reads a form version from the database for every delivery (a new object each time,
 * with the same key order each time), so caches keyed by this fingerprint are hit again; a
 * different key order only costs one more cache entry. Computed once per object.
 */
import { createHash } from 'node:crypto';

const fingerprints = new WeakMap<object, string>();

export function definitionFingerprint(definition: object): string {
  let found = fingerprints.get(definition);
  if (!found) {
    found = createHash('sha256').update(JSON.stringify(definition)).digest('base64url');
    fingerprints.set(definition, found);
  }
  return found;
}

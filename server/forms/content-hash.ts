import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json.ts';

/** SHA-256 (hex) of a definition's content; equal content, equal hash. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

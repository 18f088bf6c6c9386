/**
 * Serving a validator module: JavaScript the browser imports (`import(url)`, allowed by the
 * page policy's `script-src 'self'`), with a strong ETag; Express answers a matching
 * `If-None-Match` with 304.
 */
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import ajvPackage from 'ajv/package.json' with { type: 'json' };
import type { FormDefinition } from '../../../shared/form-definition.ts';
import { contentHash } from '../content-hash.ts';
import type { ValidatorModule } from './cache.ts';

/** Bumped when the module's shape (its factory, the runtime it expects) changes. */
const moduleFormat = 1;

/**
 * What a module's content depends on: the definition, the ajv release and the module format.
 * Part of the module's address, so a cached copy never outlives any of them.
 */
export function moduleRevision(definitionHash: string): string {
  return createHash('sha256').update(`${definitionHash}\n${ajvPackage.version}\n${moduleFormat}`).digest('hex').slice(0, 20);
}

const revisions = new WeakMap<FormDefinition, { hash: string; revision: string }>();

/** The content hash and module revision of a (never changing) definition object, computed once. */
export function revisionOf(definition: FormDefinition): { hash: string; revision: string } {
  let found = revisions.get(definition);
  if (!found) {
    const hash = contentHash(definition);
    found = { hash, revision: moduleRevision(hash) };
    revisions.set(definition, found);
  }
  return found;
}

/**
 * Sends `module`. `lasting` (the address names exactly this content) lets caches keep it for a
 * year without asking; otherwise they ask again each time and get 304 while it is unchanged.
 */
export function sendValidatorModule(res: Response, module: ValidatorModule, options: { lasting: boolean; private: boolean }): void {
  const scope = options.private ? 'private' : 'public';
  res
    .set('Cache-Control', options.lasting ? `${scope}, max-age=31536000, immutable` : `${scope}, no-cache`)
    .set('ETag', module.etag)
    .set('X-Content-Type-Options', 'nosniff')
    .type('text/javascript; charset=utf-8')
    .send(module.code);
}

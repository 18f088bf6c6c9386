/**
 * Validator modules compiled once per content and kept: writing one takes a noticeable moment
 * (about half a second for a sample form), serving it again none. Bounded: the least recently
 * used module leaves first; a module asked for again is simply written anew.
 */
import { createHash } from 'node:crypto';
import type { FormDefinition } from '../../../shared/form-definition.ts';
import { validatorModuleCode } from './code.ts';

export interface ValidatorModule {
  code: string;
  /** Strong ETag: the SHA-256 of the code. */
  etag: string;
}

export class ValidatorModules {
  private readonly entries = new Map<string, ValidatorModule>();

  constructor(private readonly capacity: number) {}

  /** The module stored under `key`, if it is still kept. */
  find(key: string): ValidatorModule | undefined {
    const found = this.entries.get(key);
    if (found) {
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  /** The module of `definition`, kept under `key` (a content hash); written now when not kept. Throws when the schema does not compile. */
  of(key: string, definition: FormDefinition): ValidatorModule {
    const found = this.find(key);
    if (found) return found;
    const code = validatorModuleCode(definition);
    const written = { code, etag: `"${createHash('sha256').update(code).digest('hex').slice(0, 32)}"` };
    this.entries.set(key, written);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return written;
  }
}

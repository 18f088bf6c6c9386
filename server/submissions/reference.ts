import { randomBytes } from 'node:crypto';

/** Crockford's Base32: no I, L, O, U, so a reference read out on the phone is unambiguous. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A case number like "7K3M-9QXF": 40 random bits, so it says nothing about how many
 * submissions exist. Uniqueness is enforced by the database; on a clash the caller draws again.
 */
export function newReference(): string {
  const chars = [...randomBytes(8)].map((b) => alphabet[b % 32]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

export const referencePattern = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * A reference as people type or read it back, in its written form: surrounding and inner
 * blanks and any hyphen or dash are ignored, case too, and the letters Crockford's Base32 leaves
 * out are read as the digits they resemble (O as 0, I and L as 1). Undefined when what remains
 * is not eight characters of the alphabet.
 */
export function normaliseReference(typed: string): string | undefined {
  const characters = typed
    .replace(/[\s\p{Pd}]/gu, '')
    .toUpperCase()
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const written = `${characters.slice(0, 4)}-${characters.slice(4)}`;
  return referencePattern.test(written) ? written : undefined;
}

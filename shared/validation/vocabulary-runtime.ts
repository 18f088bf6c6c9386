/**
 * What the project's formats and keywords do at validation time, as plain functions and
 * definitions without ajv: the server's compiled validators call them, and so does the
 * precompiled validator module the browser loads (standalone-runtime.ts), so a verdict cannot
 * differ by where it was reached. ajv.ts declares them to ajv.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { isValidIBAN } from 'ibantools';
import { uuidPattern } from '../uuid.ts';
import { disallowedCharacters, type Din91379Datatype } from './din91379.ts';

type FormatDefinition = { type?: 'string'; validate: (value: string) => boolean; compare?: (a: string, b: string) => number | undefined };

const baseDate = fullFormats.date as FormatDefinition;

/** The project's own formats and its replacement of ajv-formats' `date`. */
export const projectFormats = {
  // XML Schema (xs:date, which XÖV messages use) has no year 0000; refuse it at the form rather
  // than let the message fail at delivery.
  date: {
    type: 'string',
    validate: (value: string) => !value.startsWith('0000') && baseDate.validate(value),
    ...(baseDate.compare ? { compare: baseDate.compare } : {}),
  } as FormatDefinition,
  /** German postcode: five digits, 01001–99998 (no postcode begins with 00). */
  postleitzahl: /^(?!00)[0-9]{5}$/,
  // An IBAN in its electronic form (normalise.ts removes the spaces people type first): country,
  // length and BBAN structure of that country, and the ISO 7064 check digits.
  iban: { type: 'string', validate: (value: string) => isValidIBAN(value) } as FormatDefinition,
};

/** Every format a form may name, as the validator finds them: ajv-formats' full set and the project's. */
export const validatorFormats: Record<string, unknown> = { ...fullFormats, ...projectFormats };

/** The functions the project's keywords call; validator code refers to them by these names. */
export const keywordFunctions = {
  /** `din91379`: the characters outside the datatype's repertoire (empty: permitted). */
  din91379: (data: string, datatype: Din91379Datatype): string[] => disallowedCharacters(data, datatype),
  /** `attachment`: whether the value has the shape of an attachment id. */
  attachment: (data: string): boolean => uuidPattern.test(data),
};

/** The module names validator code uses for the two objects above (see standalone-runtime.ts). */
export const runtimeModules = { formats: 'antragswerk/validator-formats', keywords: 'antragswerk/validator-keywords' } as const;

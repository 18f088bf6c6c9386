import { din91379UnitSources, type Din91379Datatype } from './din91379-patterns.ts';

export type { Din91379Datatype };
export const din91379Datatypes = Object.keys(din91379UnitSources) as Din91379Datatype[];

interface Compiled {
  whole: RegExp;
  unit: RegExp;
}
const compiled = new Map<Din91379Datatype, Compiled>();

function patterns(datatype: Din91379Datatype): Compiled {
  let found = compiled.get(datatype);
  if (!found) {
    const unit = din91379UnitSources[datatype];
    found = { whole: new RegExp(`^(?:${unit})*$`, 'u'), unit: new RegExp(`(?:${unit})`, 'uy') };
    compiled.set(datatype, found);
  }
  return found;
}

/**
 * The characters of `value` that DIN 91379 `datatype` does not permit, each once, in order of
 * appearance; empty when the value is permitted.
 */
export function disallowedCharacters(value: string, datatype: Din91379Datatype): string[] {
  const { whole, unit } = patterns(datatype);
  if (whole.test(value)) return [];
  const found = new Set<string>();
  let i = 0;
  while (i < value.length) {
    unit.lastIndex = i;
    if (unit.test(value)) {
      i = unit.lastIndex;
    } else {
      const char = String.fromCodePoint(value.codePointAt(i)!);
      found.add(char);
      i += char.length;
    }
  }
  return [...found];
}

/** "U+2603 ☃" — how a rejected character is named in messages. */
export function describeCharacter(char: string): string {
  const code = 'U+' + char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  const printable = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char);
  return printable ? `„${char}“ (${code})` : code;
}

/**
 * Characters no submitted string may contain: C0 controls except tab, line feed and carriage
 * return, DEL, C1 controls, unpaired surrogates and the non-characters U+FFFE/U+FFFF.
 * PostgreSQL cannot store U+0000 in JSONB at all; the others corrupt letters and XML.
 */
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function controlCharacters(value: string): string[] {
  const found = value.match(forbidden);
  return found ? [...new Set(found)] : [];
}

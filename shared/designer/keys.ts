/**
 * Field keys from labels: ASCII (German transliteration ä→ae, ß→ss, other accents dropped),
 * lower camel case like the sample forms (`bisherigeAusweisnummer`), unique within the object.
 * A key once given is stable: renaming a label does not change it (the designer keeps the key).
 */
const transliteration: Record<string, string> = {
  ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'Ss',
  æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', þ: 'th', Þ: 'Th',
};

/** ASCII letters and digits of `text`, German umlauts and ß spelt out, other marks dropped. */
export function asciiWords(text: string): string[] {
  const spelt = [...text].map((c) => transliteration[c] ?? c).join('');
  return spelt
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** `Name der Halterin (Firma)` → `nameDerHalterinFirma`; a key never starts with a digit. */
export function keyFromLabel(label: string, fallback = 'feld'): string {
  const words = asciiWords(label).slice(0, 6);
  if (words.length === 0) return fallback;
  const key = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
  return /^[0-9]/.test(key) ? `${fallback}${key[0]!.toUpperCase()}${key.slice(1)}` : key;
}

/** `key` itself when free, else `key2`, `key3`, … */
export function uniqueKey(key: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(key)) return key;
  for (let n = 2; ; n++) if (!used.has(`${key}${n}`)) return `${key}${n}`;
}

/** The key for a new element labelled `label` among `taken` keys of the same object. */
export function newKey(label: string, taken: Iterable<string>): string {
  return uniqueKey(keyFromLabel(label), taken);
}

/** Kebab-case id for a form or step (`Hundesteuer – Anmeldung` → `hundesteuer-anmeldung`). */
export function idFromTitle(title: string, fallback = 'formular'): string {
  const id = asciiWords(title).join('-').toLowerCase();
  return id.length > 0 ? id : fallback;
}

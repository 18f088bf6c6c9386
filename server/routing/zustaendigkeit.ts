/**
 * Finding the responsible authority's target for a service (Leistung) from a regional key
 * (AGS, 8 digits, or ARS, 12 digits): the most specific directory entry wins, stepping from the
 * Gemeinde through Gemeindeverband, Kreis and Regierungsbezirk to the Land.
 */
import type { ZustaendigkeitInput } from '../directory/schemas.ts';

/**
 * Directory keys to try, most specific first. An ARS (12 digits: Land 2, RB 1, Kreis 2,
 * Verband 4, Gemeinde 3) also matches entries by its AGS (Land, RB, Kreis, Gemeinde: 8 digits).
 */
function candidateKeys(key: string): string[] {
  if (/^\d{8}$/.test(key)) return [key, key.slice(0, 5), key.slice(0, 3), key.slice(0, 2)];
  if (/^\d{12}$/.test(key))
    return [key, key.slice(0, 9), key.slice(0, 5) + key.slice(9), key.slice(0, 5), key.slice(0, 3), key.slice(0, 2)];
  return [];
}

export function findZustaendigkeit(
  directory: readonly ZustaendigkeitInput[],
  leistung: string,
  regionalschluessel: string,
): string | undefined {
  const entries = directory.filter((e) => e.leistung === leistung);
  for (const key of candidateKeys(regionalschluessel)) {
    const hit = entries.find((e) => e.regionalschluessel === key);
    if (hit) return hit.target;
  }
  return undefined;
}

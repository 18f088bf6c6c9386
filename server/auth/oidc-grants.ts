/**
 * What an OpenID provider's role claim grants: each value of the configured claim is looked up
 * in OIDC_ROLE_MAP (claim value → "admin" | "<role>:<authority>" or a list of them), or, without a
 * map, read as such a grant itself. Values that grant nothing are reported, not guessed at.
 */
import { grantPattern } from '../config.ts';
import type { AuthorityRole, Grant } from '../../shared/auth-policy.ts';

export interface MappedGrants {
  admin: boolean;
  grants: Grant[];
  /** Claim values that map to nothing. */
  unmapped: string[];
}

/** The value at a dotted path (`realm_access.roles`) of the claims. */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  let value: unknown = claims;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function grantsFromClaims(
  claims: Record<string, unknown>,
  rolesClaim: string,
  roleMap: Record<string, string | string[]> | undefined,
): MappedGrants {
  const raw = claimAt(claims, rolesClaim);
  const values = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(' ') : []).filter(
    (v): v is string => typeof v === 'string' && v !== '',
  );
  const result: MappedGrants = { admin: false, grants: [], unmapped: [] };
  for (const value of values) {
    const mapped = roleMap ? roleMap[value] : value;
    const texts = (Array.isArray(mapped) ? mapped : mapped === undefined ? [] : [mapped]).filter((t) => grantPattern.test(t));
    if (texts.length === 0) result.unmapped.push(value);
    for (const text of texts) {
      if (text === 'admin') {
        result.admin = true;
        continue;
      }
      const [role, authorityId] = text.split(':') as [AuthorityRole, string];
      if (!result.grants.some((g) => g.role === role && g.authorityId === authorityId)) result.grants.push({ role, authorityId });
    }
  }
  return result;
}

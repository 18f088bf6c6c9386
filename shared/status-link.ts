/**
 * The status link printed on the receipt (page and PDF):
 * `<portal origin>/status#reference=<REFERENCE>&token=<TOKEN>`, values URL-encoded. Both travel
 * in the fragment, which a browser never sends to a server; the status page reads them, looks the
 * status up with POST and removes the fragment from the address bar.
 */
export const statusPagePath = '/status';

export function statusLinkPath(reference: string, token: string): string {
  return `${statusPagePath}#reference=${encodeURIComponent(reference)}&token=${encodeURIComponent(token)}`;
}

/** The absolute link for `origin` (e.g. `https://portal.musterstadt.de`, a trailing slash is fine). */
export function statusLink(origin: string, reference: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}${statusLinkPath(reference, token)}`;
}

/** Reference and token from a status link's fragment (`#reference=…&token=…`), if it has both. */
export function readStatusFragment(hash: string): { reference: string; token: string } | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const reference = params.get('reference');
  const token = params.get('token');
  return reference && token ? { reference, token } : undefined;
}

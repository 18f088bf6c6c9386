/**
 * The link to a submission's status: reference and token in the fragment, which browsers never
 * send to a server (no request log, no Referer, no proxy sees the token).
 */
export function statusLink(origin: string, reference: string, token: string): string {
  const base = origin.replace(/\/+$/, '');
  return `${base}/status#reference=${encodeURIComponent(reference)}&token=${encodeURIComponent(token)}`;
}

/** What a download link of the portal returns, fetched from inside the page (its origin, its CSP). */
import type { Page } from 'playwright-core';

export interface FetchedPdf {
  status: number;
  type: string | null;
  disposition: string | null;
  /** The first five bytes: "%PDF-" for a PDF. */
  magic: string;
}

export function fetchPdf(page: Page, href: string): Promise<FetchedPdf> {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      magic: String.fromCharCode(...bytes.slice(0, 5)),
    };
  }, href);
}

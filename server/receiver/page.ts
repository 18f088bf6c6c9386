/**
 * The demo receiver's page: every message it received, newest first, with form, reference,
 * time, whether it was valid against its XSD, and a link to its XML. Static HTML (no script),
 * every value escaped: the messages are untrusted input.
 */
import type { MessageSummary } from './summary.ts';

export interface PageEntry extends MessageSummary {
  receivedAt: string;
  /** The inbox path it was posted to, which names the demo target. */
  path: string;
  valid: boolean;
  /** Why it was refused, when it was. */
  problems: string[];
  /** Link to the XML as received. */
  href: string;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => escapes[c]!);

const berlin = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/Berlin' });

function row(entry: PageEntry): string {
  const e = escapeHtml;
  const form = entry.form ?? entry.root ?? 'unbekannt';
  const root = entry.form && entry.root ? `<br><span class="detail">${e(entry.root)}</span>` : '';
  const problems =
    entry.problems.length === 0
      ? ''
      : `<ul class="problems">${entry.problems.slice(0, 10).map((p) => `<li>${e(p)}</li>`).join('')}${entry.problems.length > 10 ? `<li>… und ${entry.problems.length - 10} weitere</li>` : ''}</ul>`;
  return `<tr>
<td><time datetime="${e(entry.receivedAt)}">${e(berlin.format(new Date(entry.receivedAt)))}</time></td>
<td>${e(form)}${root}</td>
<td>${entry.reference ? e(entry.reference) : '–'}</td>
<td>${e(entry.path)}</td>
<td>${entry.valid ? 'ja' : `<strong>nein</strong>${problems}`}</td>
<td><a href="${e(entry.href)}">XML<span class="visually-hidden"> der Nachricht vom ${e(berlin.format(new Date(entry.receivedAt)))}</span></a></td>
</tr>`;
}

export function inboxPage(entries: PageEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0));
  const count = sorted.length === 1 ? '1 Nachricht' : `${sorted.length} Nachrichten`;
  const body =
    sorted.length === 0
      ? '<p>Noch keine Nachricht eingegangen. Senden Sie im Portal einen Antrag ab und laden Sie diese Seite neu.</p>'
      : `<div class="scroll" role="region" aria-labelledby="caption" tabindex="0">
<table>
<caption id="caption">${count}, neueste zuerst</caption>
<thead><tr><th scope="col">Eingang</th><th scope="col">Formular</th><th scope="col">Referenz</th><th scope="col">Posteingang</th><th scope="col">XSD-gültig</th><th scope="col">Nachricht</th></tr></thead>
<tbody>
${sorted.map(row).join('\n')}
</tbody>
</table>
</div>`;
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo-Empfänger – ${count}</title>
<link rel="stylesheet" href="/inbox.css">
</head>
<body>
<main>
<h1>Demo-Empfänger</h1>
<p>Dieser Empfänger steht für die Fachverfahren der Demo: Er prüft jede XÖV-Nachricht gegen das XSD, das sie nennt, und zeigt hier alles, was ankam – auch abgewiesene Nachrichten. <a href="/inbox">Seite neu laden</a></p>
${body}
</main>
</body>
</html>
`;
}

export const inboxCss = `body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; color: #1a1a1a; background: #fff; }
main { max-width: 80rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
a { color: #0b4f9c; }
a:focus-visible, .scroll:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: bold; padding: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid #767676; overflow-wrap: anywhere; }
.detail { color: #4a4a4a; font-size: .9em; }
.problems { margin: .25rem 0 0; padding-left: 1.2rem; font-size: .9em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;

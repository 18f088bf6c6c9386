/**
 * What the demo receiver's page shows of a message: the form (from the namespace of the form
 * data) and the reference Antragswerk wrote into it. Read from untrusted XML: any part may be
 * missing, and nothing read here is trusted beyond being text.
 */
import { XmlDocument } from 'libxml2-wasm';

export interface MessageSummary {
  /** Form id and version, e.g. "hundesteuer-anmeldung, Version 2"; undefined when not recognisable. */
  form: string | undefined;
  /** The root element, e.g. "antrag.hundesteuer-anmeldung.0001". */
  root: string | undefined;
  /** `identifikation.antrag/referenz`; in an XBau message the Antragsservice reference (submission id). */
  reference: string | undefined;
}

const formNamespace = /^urn:antragswerk:xoev:([a-z0-9-]+):([1-9][0-9]*)$/;

function formOf(namespace: string | undefined): string | undefined {
  const match = namespace === undefined ? null : formNamespace.exec(namespace);
  return match ? `${match[1]}, Version ${match[2]}` : undefined;
}

export function summarise(xml: string): MessageSummary {
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml);
  } catch {
    return { form: undefined, root: undefined, reference: undefined };
  }
  try {
    const root = doc.root;
    const local = root.name.includes(':') ? root.name.slice(root.name.indexOf(':') + 1) : root.name;
    // Own messages are in the form's namespace; XBau carries the form data in its extension point.
    const data = doc.get('/*/bezug/anbindungFachverfahren/anwendungsspezifischeErweiterung/*');
    const form = formOf(root.namespaceUri) ?? formOf(data && 'namespaceUri' in data ? (data.namespaceUri as string) : undefined);
    const reference =
      doc.get('/*/identifikation.antrag/referenz')?.content ?? doc.get('/*/referenzAntragsservice/referenzAntragsservice')?.content;
    return { form, root: local, reference: reference?.trim() || undefined };
  } finally {
    doc.dispose();
  }
}

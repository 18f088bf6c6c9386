/** Files to upload, made in the test: real PDF and PNG bytes, and mislabelled or oversized ones. */
export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export function pdfFile(name = 'zulassungsbescheinigung.pdf'): UploadFile {
  const body = '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(body, 'latin1') };
}

/** A 1×1 PNG. */
export function pngBytes(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
}

/** PNG content under a .pdf name: the browser believes the name, the server reads the content. */
export function pngNamedPdf(name = 'scan.pdf'): UploadFile {
  return { name, mimeType: 'application/pdf', buffer: pngBytes() };
}

/** Plain text under a .pdf name. */
export function textNamedPdf(name = 'notiz.pdf'): UploadFile {
  return { name, mimeType: 'application/pdf', buffer: Buffer.from('Das ist keine PDF-Datei.\n', 'utf8') };
}

/** A PDF one byte larger than `maxBytes`. */
export function oversizedPdf(maxBytes: number, name = 'gross.pdf'): UploadFile {
  const head = pdfFile(name).buffer;
  return { name, mimeType: 'application/pdf', buffer: Buffer.concat([head, Buffer.alloc(maxBytes + 1 - head.length, 0x20)]) };
}

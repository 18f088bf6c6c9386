/** What the `attachment` keyword may declare (ajv.ts); apart, so pages that offer it need no ajv. */

/** Media types an attachment field may accept: those the server recognises by content. */
export const attachmentMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const attachmentMaxBytesLimit = 50 * 1024 * 1024;

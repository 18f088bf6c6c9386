/** A UUID in its canonical 8-4-4-4-12 hex form (ids of submissions, drafts, attachments, deliveries). */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

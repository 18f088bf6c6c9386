import type { Queryable } from './db/database.ts';
import { eraseOrphanAttachments } from './attachments/attachments.ts';
import { eraseExpiredDrafts } from './drafts/drafts.ts';
import { eraseExpiredSubmissions } from './submissions/erase.ts';

/** Everything whose time is up: submissions past retention, expired drafts, orphaned files. */
export async function eraseExpired(db: Queryable) {
  return {
    submissions: await eraseExpiredSubmissions(db),
    drafts: await eraseExpiredDrafts(db),
    attachments: await eraseOrphanAttachments(db),
  };
}

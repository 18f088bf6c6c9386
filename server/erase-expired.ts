import type { Queryable } from './db/database.ts';
import { eraseOrphanAttachments } from './attachments/attachments.ts';
import { eraseExpiredSessions } from './auth/sessions.ts';
import { eraseExpiredDrafts } from './drafts/drafts.ts';
import { eraseExpiredPrintDocuments } from './print/retention.ts';
import { eraseExpiredSubmissions } from './submissions/erase.ts';
import { eraseExpiredOidcLogins } from './auth/oidc.ts';

/**
 * Everything whose time is up: submissions past retention, expired drafts, orphaned files,
 * printed batch PDFs, ended sign-in sessions, unfinished OpenID Connect sign-ins.
 */
export async function eraseExpired(db: Queryable, printRetentionDays: number, sessionIdleMinutes: number) {
  return {
    submissions: await eraseExpiredSubmissions(db),
    drafts: await eraseExpiredDrafts(db),
    attachments: await eraseOrphanAttachments(db),
    printDocuments: await eraseExpiredPrintDocuments(db, printRetentionDays),
    oidcLogins: await eraseExpiredOidcLogins(db),
    sessions: await eraseExpiredSessions(db, sessionIdleMinutes),
  };
}

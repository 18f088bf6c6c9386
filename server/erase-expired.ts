import type { Database } from './db/database.ts';
import { appendAudit, type AuditActor } from './audit/audit.ts';
import { eraseOrphanAttachments } from './attachments/attachments.ts';
import { eraseExpiredSessions } from './auth/sessions.ts';
import { eraseExpiredDrafts } from './drafts/drafts.ts';
import { eraseExpiredPrintDocuments } from './print/retention.ts';
import { eraseExpiredSubmissions } from './submissions/erase.ts';
import { eraseExpiredOidcLogins } from './auth/oidc.ts';

/**
 * Everything whose time is up: submissions past retention, expired drafts, orphaned files,
 * printed batch PDFs, ended sign-in sessions, unfinished OpenID Connect sign-ins. One
 * transaction: a run that erased anything enters the audit trail with its counts exactly when
 * the erasure commits. Periodic runs that find nothing are not recorded; a run an administrator
 * starts (`startedBy`) always is, under their name.
 */
export async function eraseExpired(
  db: Database,
  printRetentionDays: number,
  sessionIdleMinutes: number,
  startedBy?: { actor: AuditActor; requestId?: string | undefined },
) {
  return db.transaction(async (tx) => {
    const counts = {
      submissions: await eraseExpiredSubmissions(tx),
      drafts: await eraseExpiredDrafts(tx),
      attachments: await eraseOrphanAttachments(tx),
      printDocuments: await eraseExpiredPrintDocuments(tx, printRetentionDays),
      oidcLogins: await eraseExpiredOidcLogins(tx),
      sessions: await eraseExpiredSessions(tx, sessionIdleMinutes),
    };
    if (startedBy || Object.values(counts).some((n) => n > 0))
      await appendAudit(tx, {
        actor: startedBy?.actor ?? { kind: 'system', name: 'erasure' },
        action: 'data.erase-expired',
        details: counts,
        requestId: startedBy?.requestId,
      });
    return counts;
  });
}

/**
 * A separate OS process appending to the audit trail of the PostgreSQL schema in DATABASE_URL:
 * APPEND_COUNT entries, in APPEND_LANES concurrent lanes, named after APPEND_WRITER.
 */
import { recordAudit } from '../../server/audit/audit.ts';
import { openPostgres } from '../../server/db/postgres.ts';

const url = process.env.DATABASE_URL!;
const count = Number(process.env.APPEND_COUNT ?? 200);
const lanes = Number(process.env.APPEND_LANES ?? 4);
const writer = process.env.APPEND_WRITER ?? 'writer';

const db = await openPostgres(url, { poolSize: lanes });
let next = 0;
await Promise.all(
  Array.from({ length: lanes }, async () => {
    while (next < count) {
      const n = next++;
      await recordAudit(db, { actor: { kind: 'system', name: writer }, action: 'test.append', details: { n } });
    }
  }),
);
await db.close();

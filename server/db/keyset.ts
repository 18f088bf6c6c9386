/**
 * Keyset paging over (timestamptz, uuid), newest first: a row's cursor is its timestamp at full
 * (microsecond) precision and its id; the next page starts after it. JavaScript dates keep
 * milliseconds only, so the cursor is made in SQL.
 */
import { uuidPattern } from '../../shared/uuid.ts';

/** SQL giving the cursor of a row from its timestamp column and id column. */
export const cursorSql = (at: string, id: string) => `to_char(${at} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '_' || ${id}::text`;

const cursorPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([0-9a-f-]{36})$/;

export interface Cursor {
  at: string;
  id: string;
}

/** The cursor's parts, or undefined for anything that is not a cursor. */
export function parseCursor(value: string): Cursor | undefined {
  const match = cursorPattern.exec(value);
  if (!match || !uuidPattern.test(match[2]!)) return undefined;
  // A real instant only (no 30 February, no 24:00), so that the database never refuses it.
  const at = new Date(match[1]!);
  if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 19) !== match[1]!.slice(0, 19)) return undefined;
  return { at: match[1]!, id: match[2]! };
}

/** Who makes a change through the admin API, as the audit trail records it. */
import type { Response } from 'express';
import { principalOf } from './policy-http.ts';
import type { ChangeContext } from './users.ts';

export function changeContextOf(res: Response): ChangeContext {
  const principal = principalOf(res);
  return {
    actor: { kind: principal.kind, id: principal.id, name: principal.name },
    requestId: res.locals.requestId as string | undefined,
  };
}

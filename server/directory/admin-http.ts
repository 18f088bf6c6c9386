/**
 * Admin API of the directory: authorities, targets and Zuständigkeiten, for installation
 * administrators. Input is checked by the same schemas as the provisioning file; records managed
 * by the file are read-only here. Every change is audited in its own transaction and takes effect
 * for routing at once (other processes notice through the directory version).
 */
import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import type { z } from 'zod';
import type { Database, Queryable } from '../db/database.ts';
import { AppError, LocalizedText } from '../app-error.ts';
import { appendAudit } from '../audit/audit.ts';
import { allow, principalOf } from '../auth/policy-http.ts';
import type { FormRegistry } from '../forms/registry.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { jsonObjectBody } from '../http/json-body.ts';
import { problemsOf } from '../http/zod-problems.ts';
import type { RoutingTable } from '../routing/routing-table.ts';
import { noStore } from '../submissions/http.ts';
import { uuidPattern } from '../../shared/uuid.ts';
import type { Texts } from '../../shared/i18n.ts';
import {
  authorityReferences,
  bumpDirectoryVersion,
  deleteRecord,
  findAuthority,
  findTarget,
  findZustaendigkeitRecord,
  inUse,
  listAuthorities,
  listTargets,
  listZustaendigkeiten,
  targetReferences,
  writeAuthority,
  writeTarget,
  writeZustaendigkeit,
  type ManagedBy,
  type TargetRecord,
} from './records.ts';
import { authority, checkTargetContext, slug, target, zustaendigkeit, type TargetContext, type TargetInput } from './schemas.ts';

/** Directory records are small: a larger body is not one. */
const bodyLimitBytes = 64 * 1024;

export interface DirectoryAdminDependencies {
  db: Database;
  routing: RoutingTable;
  forms: FormRegistry;
  /** Whether a demo receiver runs with this process (targets may then name it). */
  demoReceiver: boolean;
  env: Record<string, string | undefined>;
}

type Problem = { path: string; message: LocalizedText };
const problem = (path: string, texts: Texts): Problem => ({ path, message: new LocalizedText(texts) });

/** The body parsed by `schema` (and its `id` by the id schema when `withId`), or every problem at once. */
function parseBody<T extends z.ZodType>(schema: T, body: Record<string, unknown>, extra: (value: z.output<T>) => Problem[] = () => []) {
  const parsed = schema.safeParse(body, { reportInput: true });
  const problems = parsed.success ? extra(parsed.data) : problemsOf(parsed.error.issues);
  if (problems.length > 0) throw new AppError('validation_failed', problems);
  return parsed.data as z.output<T>;
}

/** A new record's id: checked along with the rest of the body, so every problem is listed at once. */
function splitId(body: Record<string, unknown>, idSchema: z.ZodType | undefined): { id: string | undefined; rest: Record<string, unknown>; problems: Problem[] } {
  const { id, ...rest } = body;
  if (!idSchema) return { id: undefined, rest: body, problems: [] };
  const parsed = idSchema.safeParse(id, { reportInput: true });
  return { id: parsed.success ? (parsed.data as string) : undefined, rest, problems: parsed.success ? [] : problemsOf(parsed.error.issues, ['id']) };
}

/** JSON merge patch on the top level: a field given replaces it, `null` removes it. */
function merged(stored: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const next = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

const declared = <T extends { id: string; managedBy: ManagedBy }>({ id: _id, managedBy: _m, ...rest }: T) => rest as Record<string, unknown>;

/** A target as shown: a bearer token written into the record is never shown again. */
function shown(t: TargetRecord): TargetRecord {
  if (t.type !== 'xoev-http' || !t.auth || !('bearerToken' in t.auth) || typeof t.auth.bearerToken !== 'string') return t;
  return { ...t, auth: { bearerToken: '(set)' } };
}

export function directoryAdminRouter(deps: DirectoryAdminDependencies): Router {
  const { db, routing, forms } = deps;
  const router = Router();
  const manage = allow('installation.manage');
  const body = jsonObjectBody(bodyLimitBytes);
  const context: TargetContext = { env: deps.env, demoReceiver: deps.demoReceiver };

  /** Runs a change with its audit entry in one transaction, then applies it to routing here. */
  async function change<T>(res: Response, work: (tx: Queryable, audit: (action: string, objectType: string, objectId: string, authorityId: string | null, details?: Record<string, unknown>) => Promise<void>) => Promise<T>): Promise<T> {
    const p = principalOf(res);
    const result = await db.transaction(async (tx) => {
      const value = await work(tx, (action, objectType, objectId, authorityId, details = {}) =>
        appendAudit(tx, {
          actor: { kind: p.kind, id: p.id, name: p.name },
          action,
          objectType,
          objectId,
          authorityId,
          details,
          requestId: res.locals.requestId as string | undefined,
        }),
      );
      await bumpDirectoryVersion(tx);
      return value;
    });
    await routing.reload();
    return result;
  }

  const formsNaming = (predicate: (d: ReturnType<FormRegistry['list']>[number]['definition']) => boolean) =>
    forms.list().filter((f) => predicate(f.definition)).length;

  // --- authorities -------------------------------------------------------------------------

  /** What an authority must offer the targets that use it. */
  async function authorityProblems(q: Queryable, id: string, value: { kennung?: string | undefined }): Promise<Problem[]> {
    if (value.kennung) return [];
    const { rows } = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM targets WHERE authority_id = $1 AND type = 'xoev-http'`, [id]);
    return rows[0]!.n > 0
      ? [problem('/kennung', { de: 'XÖV-Ziele dieser Behörde brauchen ihre DVDV-Kennung.', en: 'XÖV targets of this authority need its DVDV kennung.' })]
      : [];
  }

  router
    .route('/api/admin/authorities')
    .get(manage, noStore, async (_req, res) => {
      res.json({ authorities: await listAuthorities(db) });
    })
    .post(manage, ...body, async (req, res) => {
      const { id, rest, problems } = splitId(req.body, slug);
      const parsed = authority.safeParse(rest, { reportInput: true });
      const all = [...problems, ...(parsed.success ? [] : problemsOf(parsed.error.issues))];
      if (all.length > 0 || !parsed.success || !id) throw new AppError('validation_failed', all);
      const created = await change(res, async (tx, audit) => {
        if (!(await writeAuthority(tx, id, parsed.data, 'api', false))) throw new AppError('already_exists');
        await audit('authority.create', 'authority', id, id);
        return (await findAuthority(tx, id))!;
      });
      res.status(201).json(created);
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'POST']));

  router
    .route('/api/admin/authorities/:id')
    .get(manage, noStore, async (req, res) => {
      const found = await findAuthority(db, req.params.id);
      if (!found) throw new AppError('authority_not_found');
      res.json(found);
    })
    .patch(manage, ...body, async (req, res) => {
      const id = req.params.id;
      const updated = await change(res, async (tx, audit) => {
        const stored = await findAuthority(tx, id);
        if (!stored) throw new AppError('authority_not_found');
        if (stored.managedBy === 'file') throw new AppError('managed_by_file');
        const next = parseBody(authority, merged(declared(stored), req.body));
        const problems = await authorityProblems(tx, id, next);
        if (problems.length > 0) throw new AppError('validation_failed', problems);
        await writeAuthority(tx, id, next, 'api', true);
        await audit('authority.update', 'authority', id, id, { fields: Object.keys(req.body).sort() });
        return (await findAuthority(tx, id))!;
      });
      res.json(updated);
    })
    .delete(manage, async (req, res) => {
      const id = req.params.id;
      await change(res, async (tx, audit) => {
        const stored = await findAuthority(tx, id);
        if (!stored) throw new AppError('authority_not_found');
        if (stored.managedBy === 'file') throw new AppError('managed_by_file');
        const references = { ...(await authorityReferences(tx, id)), forms: formsNaming((d) => d.authority === id) };
        if (inUse(references)) throw new AppError('authority_in_use', references);
        await deleteRecord(tx, 'authorities', id);
        await audit('authority.delete', 'authority', id, id);
      });
      res.status(204).end();
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'PATCH', 'DELETE']));

  // --- targets -----------------------------------------------------------------------------

  /** A target's references to the directory and the process, as validation problems. */
  async function targetProblems(q: Queryable, value: TargetInput): Promise<Problem[]> {
    const problems: Problem[] = [];
    const issues: z.core.$ZodIssue[] = [];
    checkTargetContext(value, context, { addIssue: (issue: unknown) => issues.push(issue as z.core.$ZodIssue) } as unknown as z.core.$RefinementCtx);
    for (const issue of issues) {
      const at = `/${issue.path.join('/')}`;
      problems.push(
        at === '/url'
          ? problem(at, { de: 'Der Demo-Empfänger läuft in dieser Installation nicht.', en: 'The demo receiver does not run in this installation.' })
          : problem(at, { de: 'Diese Umgebungsvariable ist nicht gesetzt.', en: 'This environment variable is not set.' }),
      );
    }
    if (value.authority !== undefined) {
      const owner = await findAuthority(q, value.authority);
      if (!owner) problems.push(problem('/authority', { de: 'Diese Behörde gibt es nicht.', en: 'This authority does not exist.' }));
      else if (value.type === 'xoev-http' && !owner.kennung)
        problems.push(
          problem('/authority', {
            de: 'Diese Behörde hat keine DVDV-Kennung; XÖV-Nachrichten brauchen sie als Leser.',
            en: 'This authority has no DVDV kennung, which XÖV messages need as their leser.',
          }),
        );
    }
    return problems;
  }

  router
    .route('/api/admin/targets')
    .get(manage, noStore, async (_req, res) => {
      res.json({ targets: (await listTargets(db)).map(shown) });
    })
    .post(manage, ...body, async (req, res) => {
      const { id, rest, problems } = splitId(req.body, slug);
      const parsed = target.safeParse(rest, { reportInput: true });
      const all = [...problems, ...(parsed.success ? [] : problemsOf(parsed.error.issues))];
      if (all.length > 0 || !parsed.success || !id) throw new AppError('validation_failed', all);
      const created = await change(res, async (tx, audit) => {
        const references = await targetProblems(tx, parsed.data);
        if (references.length > 0) throw new AppError('validation_failed', references);
        if (!(await writeTarget(tx, id, parsed.data, 'api', false))) throw new AppError('already_exists');
        await audit('target.create', 'target', id, parsed.data.authority ?? null, { type: parsed.data.type });
        return (await findTarget(tx, id))!;
      });
      res.status(201).json(shown(created));
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'POST']));

  router
    .route('/api/admin/targets/:id')
    .get(manage, noStore, async (req, res) => {
      const found = await findTarget(db, req.params.id);
      if (!found) throw new AppError('target_not_found');
      res.json(shown(found));
    })
    .patch(manage, ...body, async (req, res) => {
      const id = req.params.id;
      const updated = await change(res, async (tx, audit) => {
        const stored = await findTarget(tx, id);
        if (!stored) throw new AppError('target_not_found');
        if (stored.managedBy === 'file') throw new AppError('managed_by_file');
        const next = parseBody(target, merged(declared(stored), req.body));
        const problems = await targetProblems(tx, next);
        if (problems.length > 0) throw new AppError('validation_failed', problems);
        await writeTarget(tx, id, next, 'api', true);
        await audit('target.update', 'target', id, next.authority ?? null, { fields: Object.keys(req.body).sort() });
        return (await findTarget(tx, id))!;
      });
      res.json(shown(updated));
    })
    .delete(manage, async (req, res) => {
      const id = req.params.id;
      await change(res, async (tx, audit) => {
        const stored = await findTarget(tx, id);
        if (!stored) throw new AppError('target_not_found');
        if (stored.managedBy === 'file') throw new AppError('managed_by_file');
        const references = { ...(await targetReferences(tx, id)), forms: formsNaming((d) => (d.routes ?? []).some((r) => r.to === id)) };
        if (inUse(references)) throw new AppError('target_in_use', references);
        await deleteRecord(tx, 'targets', id);
        await audit('target.delete', 'target', id, stored.authority ?? null);
      });
      res.status(204).end();
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'PATCH', 'DELETE']));

  // --- Zuständigkeiten ---------------------------------------------------------------------

  async function zustaendigkeitProblems(q: Queryable, targetId: string): Promise<Problem[]> {
    return (await findTarget(q, targetId)) ? [] : [problem('/target', { de: 'Dieses Ziel gibt es nicht.', en: 'This target does not exist.' })];
  }
  const taken = () =>
    new AppError('validation_failed', [
      problem('/regionalschluessel', {
        de: 'Für diese Leistung und diesen Regionalschlüssel ist bereits eine Zuständigkeit eingetragen.',
        en: 'A Zuständigkeit for this Leistung and regional key already exists.',
      }),
    ]);
  const findZ = (q: Queryable, id: string) => (uuidPattern.test(id) ? findZustaendigkeitRecord(q, id) : Promise.resolve(undefined));

  router
    .route('/api/admin/zustaendigkeiten')
    .get(manage, noStore, async (_req, res) => {
      res.json({ zustaendigkeiten: await listZustaendigkeiten(db) });
    })
    .post(manage, ...body, async (req, res) => {
      const value = parseBody(zustaendigkeit, req.body);
      const created = await change(res, async (tx, audit) => {
        const problems = await zustaendigkeitProblems(tx, value.target);
        if (problems.length > 0) throw new AppError('validation_failed', problems);
        const id = randomUUID();
        if (!(await writeZustaendigkeit(tx, id, value, 'api'))) throw taken();
        await audit('zustaendigkeit.create', 'zustaendigkeit', id, null, { target: value.target });
        return (await findZustaendigkeitRecord(tx, id))!;
      });
      res.status(201).json(created);
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'POST']));

  router
    .route('/api/admin/zustaendigkeiten/:id')
    .get(manage, noStore, async (req, res) => {
      const found = await findZ(db, req.params.id);
      if (!found) throw new AppError('zustaendigkeit_not_found');
      res.json(found);
    })
    .patch(manage, ...body, async (req, res) => {
      const id = req.params.id;
      const updated = await change(res, async (tx, audit) => {
        const stored = await findZ(tx, id);
        if (!stored) throw new AppError('zustaendigkeit_not_found');
        if (stored.managedBy === 'file') throw new AppError('managed_by_file');
        const next = parseBody(zustaendigkeit, merged(declared(stored), req.body));
        const problems = await zustaendigkeitProblems(tx, next.target);
        if (problems.length > 0) throw new AppError('validation_failed', problems);
        if (!(await writeZustaendigkeit(tx, id, next, 'api'))) throw taken();
        await audit('zustaendigkeit.update', 'zustaendigkeit', id, null, { target: next.target });
        return (await findZustaendigkeitRecord(tx, id))!;
      });
      res.json(updated);
    })
    .delete(manage, async (req, res) => {
      const id = req.params.id;
      await change(res, async (tx, audit) => {
        const stored = await findZ(tx, id);
        if (!stored) throw new AppError('zustaendigkeit_not_found');
        if (stored.managedBy === 'file') throw new AppError('managed_by_file');
        await deleteRecord(tx, 'zustaendigkeiten', id);
        await audit('zustaendigkeit.delete', 'zustaendigkeit', id, null, { target: stored.target });
      });
      res.status(204).end();
    })
    .all(methodNotAllowed(['GET', 'HEAD', 'PATCH', 'DELETE']));

  return router;
}

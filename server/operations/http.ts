/**
 * `GET /api/admin/dashboard?from&to`: the key figures of the back office (operations/dashboard.ts)
 * for whoever may see deliveries, within the authorities they may see them for. Counts only, no
 * applicant's data. Without a period: the last 14 days up to today.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { AppError, LocalizedText } from '../app-error.ts';
import { allow, principalOf } from '../auth/policy-http.ts';
import { scopeOf } from '../../shared/auth-policy.ts';
import { methodNotAllowed } from '../http/errors.ts';
import { parseRequest } from '../http/zod-problems.ts';
import { noStore } from '../submissions/http.ts';
import { dashboard, today } from './dashboard.ts';

/** The longest period one request may ask for. */
export const maxDashboardDays = 366;
const defaultDays = 14;

const day = z.stringFormat('date', (value) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && value >= '2000-01-01' && value <= '2999-12-31';
});
const query = z.strictObject({ from: day.optional(), to: day.optional() });

const dayMs = 86_400_000;
const shift = (value: string, days: number) => new Date(Date.parse(`${value}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
const span = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs) + 1;

const badPeriod = new LocalizedText({
  de: `„from“ darf nicht nach „to“ liegen, und der Zeitraum umfasst höchstens ${maxDashboardDays} Tage.`,
  en: `"from" must not be after "to", and the period spans at most ${maxDashboardDays} days.`,
});

export function operationsRouter(db: Database): Router {
  const router = Router();

  router
    .route('/api/admin/dashboard')
    .get(allow('deliveries.read'), noStore, async (req, res) => {
      const period = parseRequest(query, { ...req.query }, 'invalid_query');
      const to = period.to ?? (period.from ? shift(period.from, defaultDays - 1) : await today(db));
      const from = period.from ?? shift(to, -(defaultDays - 1));
      if (from > to || span(from, to) > maxDashboardDays) throw new AppError('invalid_query', [{ path: '', message: badPeriod }]);
      res.json(await dashboard(db, { from, to, scope: scopeOf(principalOf(res), 'deliveries.read') }));
    })
    .all(methodNotAllowed(['GET', 'HEAD']));

  return router;
}

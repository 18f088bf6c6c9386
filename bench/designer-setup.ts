/**
 * What the designer benchmark runs against: the real server with the built client and the sample
 * forms, a designer account of the demo authority `steueramt`, and the 200-field benchmark form
 * created through the admin API as that designer's draft and published, so the citizen form of the
 * same size is offered at `/formulare/<id>` beside the designer at `/admin/formulare/<id>`.
 */
import { randomUUID } from 'node:crypto';
import { request, type APIRequestContext, type BrowserContext } from 'playwright-core';
import { hashPassword } from '../server/auth/passwords.ts';
import { startPortal, type PortalServer } from '../test/browser/support/portal-server.ts';
import { benchDefinition, benchFormId } from './client-form.ts';

const email = 'gestaltung@steueramt.example';
const password = 'ein sicheres Passwort für Messungen';
const authority = 'steueramt';

/** The benchmark form as a designer draft of `steueramt`. */
export const designerBenchDefinition = () => ({ ...benchDefinition(), authority });

export interface DesignerBench {
  portal: PortalServer;
  designerUrl: string;
  citizenUrl: string;
  /** Signs a browser context in as the designer (its pages share the session cookie). */
  signIn(context: BrowserContext): Promise<void>;
  /** Puts the draft back to the benchmark form, so every round edits the same draft. */
  resetDraft(): Promise<void>;
  close(): Promise<void>;
}

async function login(api: APIRequestContext, url: string): Promise<string> {
  const response = await api.post(`${url}/api/auth/login`, { data: { email, password } });
  if (response.status() !== 200) throw new Error(`sign-in: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

async function expectStatus(what: string, response: { status(): number; text(): Promise<string> }, status: number): Promise<void> {
  if (response.status() !== status) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
}

export async function startDesignerBench(): Promise<DesignerBench> {
  const portal = await startPortal();
  const userId = randomUUID();
  await portal.db.query(`INSERT INTO users (id, email, name, password_hash, managed_by) VALUES ($1, $2, 'Gestaltung', $3, 'api')`, [
    userId,
    email,
    await hashPassword(password),
  ]);
  await portal.db.query(`INSERT INTO role_grants (user_id, role, authority_id, managed_by) VALUES ($1, 'designer', $2, 'api')`, [userId, authority]);

  const api = await request.newContext({ baseURL: portal.url });
  const csrf = await login(api, portal.url);
  const headers = { 'X-CSRF-Token': csrf };
  const formPath = `/api/admin/forms/${benchFormId}`;
  await expectStatus('creating the draft', await api.post('/api/admin/forms', { data: designerBenchDefinition(), headers }), 201);
  await expectStatus('publishing', await api.post(`${formPath}/publish`, { headers: { ...headers, 'If-Match': '"1"' } }), 200);

  return {
    portal,
    designerUrl: `${portal.url}/admin/formulare/${benchFormId}`,
    citizenUrl: `${portal.url}/formulare/${benchFormId}`,
    async signIn(context) {
      await login(context.request, portal.url);
    },
    async resetDraft() {
      const draft = await api.get(`${formPath}/draft`);
      await expectStatus('reading the draft', draft, 200);
      const etag = draft.headers()['etag'] ?? '';
      const saved = await api.put(`${formPath}/draft`, { data: designerBenchDefinition(), headers: { ...headers, 'If-Match': etag } });
      await expectStatus('resetting the draft', saved, 200);
      const { problems } = (await saved.json()) as { problems: unknown[] };
      if (problems.length > 0) throw new Error(`the benchmark draft has problems: ${JSON.stringify(problems)}`);
    },
    async close() {
      await api.dispose();
      await portal.close();
    },
  };
}

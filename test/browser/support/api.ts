/** Direct calls to the portal's API, for what a test needs to arrange (a submission, a draft). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from './portal-server.ts';

export async function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** The valid submissions of test/fixtures/submissions/<formId>.valid.json. */
export function validFixtures(formId: string): Array<Record<string, unknown>> {
  return JSON.parse(readFileSync(path.join(repositoryRoot, 'test/fixtures/submissions', `${formId}.valid.json`), 'utf8')) as Array<
    Record<string, unknown>
  >;
}

export interface CreatedDraft {
  id: string;
  resumeToken: string;
  expiresAt: string;
}

/** A draft standing at `step` (0-based), and the address that resumes it. */
export async function draftAt(baseUrl: string, formId: string, step: number, data: Record<string, unknown> = {}) {
  const { status, body } = await postJson<CreatedDraft>(`${baseUrl}/api/forms/${formId}/drafts`, { data, step });
  if (status !== 201) throw new Error(`draft: ${status} ${JSON.stringify(body)}`);
  return { ...body, path: `/formulare/${formId}#entwurf=${body.id}.${body.resumeToken}` };
}

/** Shared pieces of the XÖV tests: sample definitions, fixtures and a complete message input. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FormDefinition } from '../../shared/form-definition.ts';
import { loadDefinitions } from '../../server/forms/load-definitions.ts';
import type { MessageInput } from '../../server/xoev/message-build.ts';

export const sampleFormsDir = fileURLToPath(new URL('../../forms/', import.meta.url));
export const sampleFormIds = ['bauvoranfrage', 'bewohnerparkausweis', 'gewerbeanmeldung', 'hundesteuer-anmeldung'];

export async function sampleDefinitions(): Promise<Map<string, FormDefinition>> {
  return new Map((await loadDefinitions(sampleFormsDir)).map((d) => [d.id, d]));
}

export function validFixtures(formId: string): unknown[] {
  const file = fileURLToPath(new URL(`../fixtures/submissions/${formId}.valid.json`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as unknown[];
}

export const sender = { kennung: 'psw:06412000', name: 'Antragsportal Musterstadt' };
export const leser = { kennung: 'bab:06412000', name: 'Bauaufsicht Musterstadt' };

export function messageInput(definition: FormDefinition, data: unknown, overrides: Partial<MessageInput> = {}): MessageInput {
  return {
    sender,
    leser,
    nachrichtenUUID: '0f1e2d3c-4b5a-4978-8877-665544332211',
    erstellungszeitpunkt: new Date('2026-01-15T10:00:00.123Z'),
    submission: {
      id: '11111111-2222-4333-8444-555555555555',
      reference: '7K3M-9QXF',
      formId: definition.id,
      formVersion: 3,
      submittedAt: new Date('2026-01-15T09:59:58.500Z'),
      data,
    },
    definition,
    attachments: [],
    ...overrides,
  };
}

/** Attachments for the bauvoranfrage upload fields, with awkward names. */
export const bauvoranfrageAttachments = [
  { id: 'cccccccc-1111-4222-8333-444444444444', fileName: 'Ansicht Süd (Entwurf).png', mediaType: 'image/png', size: 2048, sha512: 'c'.repeat(128) },
  { id: 'aaaaaaaa-1111-4222-8333-444444444444', fileName: 'Lageplan 1:500 – Stand März.pdf', mediaType: 'application/pdf', size: 123456, sha512: 'a'.repeat(128), sha256: 'd'.repeat(64) },
  { id: 'bbbbbbbb-1111-4222-8333-444444444444', fileName: 'skizze', mediaType: 'image/jpeg', size: 999, sha512: 'b'.repeat(128) },
];

export function withBauvoranfrageUploads(data: unknown): unknown {
  return {
    ...(data as Record<string, unknown>),
    unterlagen: { lageplan: bauvoranfrageAttachments[1]!.id, skizzen: [bauvoranfrageAttachments[2]!.id, bauvoranfrageAttachments[0]!.id] },
  };
}

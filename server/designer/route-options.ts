/**
 * What a designer form's routes may name, read from the directory as it stands and the letter
 * templates of the installation: exactly what the draft check (`check.ts`: routing, profile and
 * print checks) accepts for a route of this form. Nothing of a target's connection (URL,
 * credentials, bearer tokens) leaves the server: only its id, its authority and its channel.
 */
import { xoevProfiles, type XoevProfil } from '../../shared/form-definition.ts';
import type { DirectorySnapshot } from '../directory/directory.ts';
import type { LetterTemplate } from '../print/templates.ts';

export interface TargetOption {
  id: string;
  /** The authority's name (as citizens know it), with the id when two targets share it; the id for a target without authority. */
  label: string;
  /** The target's type, which names its delivery channel. */
  channel: 'xoev-http' | 'print';
  /** The target's authority id; null for a print target without one. */
  authority: string | null;
  /** Print targets: the letter template used when a route names none. */
  template?: string;
}

export interface RouteOptions {
  targets: TargetOption[];
  /** Services (Leistungen) some authority in the directory is responsible for. */
  zustaendigkeiten: Array<{ service: string; label: string }>;
  /** Letter templates a route to a print target may name for this form. */
  templates: Array<{ id: string; label: string }>;
  profiles: XoevProfil[];
}

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'de');

/** A template a delivery may send for `formId`: meant for every form or this one, and no caseworker text required. */
const usableFor = (template: LetterTemplate, formId: string): boolean =>
  (template.form === undefined || template.form === formId) && !template.fields.some((f) => f.required);

export function routeOptions(formId: string, directory: DirectorySnapshot, templates: ReadonlyMap<string, LetterTemplate>): RouteOptions {
  const named = [...directory.targets].map(([id, target]) => ({ id, target, name: target.authorityName ?? id }));
  const nameCount = new Map<string, number>();
  for (const { name } of named) nameCount.set(name, (nameCount.get(name) ?? 0) + 1);
  const targets = named
    .map(({ id, target, name }): TargetOption => ({
      id,
      label: (nameCount.get(name) ?? 0) > 1 && name !== id ? `${name} (${id})` : name,
      channel: target.type,
      authority: target.authority ?? null,
      ...(target.type === 'print' ? { template: target.template } : {}),
    }))
    .sort(byLabel);
  const services = [...new Set(directory.zustaendigkeiten.map((z) => z.leistung))];
  return {
    targets,
    zustaendigkeiten: services.map((service) => ({ service, label: service })).sort(byLabel),
    templates: [...templates.values()]
      .filter((t) => usableFor(t, formId))
      .map((t) => ({ id: t.id, label: t.title }))
      .sort(byLabel),
    profiles: [...xoevProfiles],
  };
}

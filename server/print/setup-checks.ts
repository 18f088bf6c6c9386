/**
 * Start-up checks between forms, print targets and letter templates: every print target's
 * template exists; a route to a print target uses a template meant for any form or for this
 * form; `template` and `profil` are only where they have a meaning. A template with required
 * free fields is written by a caseworker for each letter, so no delivery can send it.
 */
import type { FormDefinition } from '../../shared/form-definition.ts';
import type { FileProblem } from '../forms/load-definitions.ts';
import type { DirectorySnapshot } from '../directory/directory.ts';
import type { LetterTemplate } from './templates.ts';

const needsCaseworker = (template: LetterTemplate): boolean => template.fields.some((f) => f.required);
const caseworkerOnly = (id: string) =>
  `letter template "${id}" has required free fields a caseworker fills in; it cannot be sent by a delivery`;

/** Targets a route can reach: the named one, or every authority offering its service. */
function candidates(route: NonNullable<FormDefinition['routes']>[number], directory: DirectorySnapshot): string[] {
  if (typeof route.to === 'string') return [route.to];
  const service = route.to.zustaendigkeit;
  return [...new Set(directory.zustaendigkeiten.filter((z) => z.leistung === service).map((z) => z.target))];
}

/** Every print target's template exists; `sourceOf` names where a target is declared. */
export function printTargetProblems(
  sourceOf: (targetId: string) => string,
  directory: DirectorySnapshot,
  templates: ReadonlyMap<string, LetterTemplate>,
): FileProblem[] {
  return [...directory.targets].flatMap(([id, target]) => {
    if (target.type !== 'print') return [];
    const template = templates.get(target.template);
    if (!template) return [{ file: sourceOf(id), path: `/targets/${id}/template`, message: `unknown letter template "${target.template}"` }];
    if (needsCaseworker(template)) return [{ file: sourceOf(id), path: `/targets/${id}/template`, message: caseworkerOnly(target.template) }];
    return [];
  });
}

export function printRouteProblems(
  file: string,
  definition: FormDefinition,
  directory: DirectorySnapshot,
  templates: ReadonlyMap<string, LetterTemplate>,
): FileProblem[] {
  const problems: FileProblem[] = [];
  (definition.routes ?? []).forEach((route, i) => {
    for (const id of candidates(route, directory)) {
      const target = directory.targets.get(id);
      if (!target) continue; // reported by the routing checks
      if (target.type !== 'print') {
        if (route.template !== undefined)
          problems.push({ file, path: `/routes/${i}/template`, message: `target "${id}" is not a print target; "template" has no meaning there` });
        continue;
      }
      const mapped = definition.applicant ?? {};
      if (!mapped.postleitzahl || !mapped.ort || !(mapped.familienname || mapped.strasse))
        problems.push({ file, path: `/routes/${i}/to`, message: `a letter to target "${id}" needs the applicant's postal address: map familienname or strasse, postleitzahl and ort in "applicant"` });
      if (route.profil !== undefined)
        problems.push({ file, path: `/routes/${i}/profil`, message: `target "${id}" is a print target; "profil" applies to XÖV targets only` });
      const templateId = route.template ?? target.template;
      const template = templates.get(templateId);
      if (!template) problems.push({ file, path: `/routes/${i}/template`, message: `unknown letter template "${templateId}"` });
      else if (template.form !== undefined && template.form !== definition.id)
        problems.push({
          file,
          path: `/routes/${i}/${route.template === undefined ? 'to' : 'template'}`,
          message: `letter template "${templateId}" is written for form "${template.form}"`,
        });
      else if (route.template !== undefined && needsCaseworker(template))
        problems.push({ file, path: `/routes/${i}/template`, message: caseworkerOnly(templateId) });
    }
  });
  return problems;
}

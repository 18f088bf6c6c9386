import path from 'node:path';
import type { Config } from './config.ts';
import type { Ajv } from '../shared/validation/ajv.ts';
import { DefinitionError, loadDefinitions } from './forms/load-definitions.ts';
import { loadTargets, TargetsError } from './routing/targets.ts';
import { RoutingTable, routingProblems } from './routing/routing-table.ts';
import { xbauProfileProblems } from './xoev/profiles/xbau-universeller-antrag.ts';
import { loadTemplates, TemplateError } from './print/templates.ts';
import { printRouteProblems, printTargetProblems } from './print/setup-checks.ts';

/** A route in the XBau profile needs the form parts the XBau message is made of. */
function profileProblems(file: string, definition: Parameters<typeof xbauProfileProblems>[0]) {
  const routes = definition.routes ?? [];
  return routes.flatMap((route, i) =>
    route.profil === 'xbau-universellerAntrag'
      ? xbauProfileProblems(definition).map((message) => ({ file, path: `/routes/${i}/profil`, message }))
      : [],
  );
}

/**
 * Definitions, targets and letter templates, checked together: a route to an unknown target, in
 * a profile the form cannot fill, or to a print target without a fitting template stops
 * start-up like any other definition problem.
 */
export async function loadRoutingSetup(config: Pick<Config, 'formsDir' | 'targetsFile' | 'templatesDir'>, ajv: Ajv) {
  const definitions = await loadDefinitions(config.formsDir, ajv);
  const targets = await loadTargets(config.targetsFile, process.env);
  const templates = await loadTemplates(config.templatesDir, definitions);
  const problems = [
    ...printTargetProblems(config.targetsFile, targets, templates),
    ...definitions.flatMap((d) => {
      const file = path.join(config.formsDir, `${d.id}.json`);
      return [...routingProblems(file, d, targets), ...profileProblems(file, d), ...printRouteProblems(file, d, targets, templates)];
    }),
  ];
  if (problems.length > 0) throw new DefinitionError(problems);
  return { definitions, templates, routing: new RoutingTable(ajv, targets) };
}

/**
 * Forms without a route: legitimate (their applications stay in Antragswerk for the back office),
 * but nothing is delivered for them, so start-up names them.
 */
export const formsWithoutRoute = (definitions: RoutingSetup['definitions']): string[] =>
  definitions.filter((d) => (d.routes ?? []).length === 0).map((d) => d.id);

export type RoutingSetup = Awaited<ReturnType<typeof loadRoutingSetup>>;

/** Problems in the files an operator edits: reported as a list, not as a crash. */
export const isSetupError = (error: unknown): error is Error =>
  error instanceof DefinitionError || error instanceof TargetsError || error instanceof TemplateError;

import path from 'node:path';
import type { Config } from './config.ts';
import type { Ajv } from '../shared/validation/ajv.ts';
import { DefinitionError, loadDefinitions } from './forms/load-definitions.ts';
import { loadTargets } from './routing/targets.ts';
import { RoutingTable, routingProblems } from './routing/routing-table.ts';
import { xbauProfileProblems } from './xoev/profiles/xbau-universeller-antrag.ts';

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
 * Definitions and targets, checked together: a route to an unknown target, or in a profile the
 * form cannot fill, stops start-up like any other definition problem.
 */
export async function loadRoutingSetup(config: Pick<Config, 'formsDir' | 'targetsFile'>, ajv: Ajv) {
  const definitions = await loadDefinitions(config.formsDir, ajv);
  const targets = await loadTargets(config.targetsFile, process.env);
  const problems = definitions.flatMap((d) => {
    const file = path.join(config.formsDir, `${d.id}.json`);
    return [...routingProblems(file, d, targets), ...profileProblems(file, d)];
  });
  if (problems.length > 0) throw new DefinitionError(problems);
  return { definitions, routing: new RoutingTable(ajv, targets) };
}

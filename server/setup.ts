import path from 'node:path';
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';
import type { Ajv } from '../shared/validation/ajv.ts';
import type { Database } from './db/database.ts';
import { DefinitionError, readDefinitions, type FileProblem } from './forms/load-definitions.ts';
import { Directory } from './directory/directory.ts';
import { readProvisioning, type ProvisioningRead } from './directory/provisioning-file.ts';
import { provision } from './directory/provision.ts';
import { RoutingTable, formsWithoutAuthority as withoutAuthority, routingProblems } from './routing/routing-table.ts';
import { xbauProfileProblems } from './xoev/profiles/xbau-universeller-antrag.ts';
import { readTemplates, TemplateError } from './print/templates.ts';
import { printRouteProblems, printTargetProblems } from './print/setup-checks.ts';

/** A route in the XBau profile needs the form parts the XBau message is made of. */
export function profileProblems(file: string, definition: Parameters<typeof xbauProfileProblems>[0]) {
  const routes = definition.routes ?? [];
  return routes.flatMap((route, i) =>
    route.profil === 'xbau-universellerAntrag'
      ? xbauProfileProblems(definition).map((message) => ({ file, path: `/routes/${i}/profil`, message }))
      : [],
  );
}

/** One problem in a file an operator edits; `where` is a JSON Pointer or a placeholder. */
export interface SetupProblem {
  file: string;
  where: string;
  message: string;
}

/** Every problem of every stage: definitions, provisioning file, letter templates, routes. */
export class SetupError extends Error {
  constructor(readonly problems: SetupProblem[]) {
    super(
      `Start-up stopped: ${problems.length} problem${problems.length === 1 ? '' : 's'} in form definitions, targets and letter templates:\n` +
        problems.map((p) => `  ${p.file}${p.where ? ` ${p.where}` : ''}: ${p.message}`).join('\n'),
    );
    this.name = 'SetupError';
  }
}

const fromFile = (p: FileProblem): SetupProblem => ({ file: p.file, where: p.path || '/', message: p.message });

/** "/targets/a/url: message" → its pointer and message. */
function fromProvisioning(file: string, problem: string): SetupProblem {
  const match = /^(\/\S*): ([\s\S]*)$/.exec(problem);
  return match ? { file, where: match[1]!, message: match[2]! } : { file, where: '/', message: problem };
}

export interface SetupOptions {
  /** Where the demo receiver of this process listens, for targets that name it. */
  demoReceiverUrl?: string | undefined;
  logger?: Logger | undefined;
}

/** The demo receiver's address as far as the configuration alone tells it (not with port 0). */
export function configuredDemoReceiverUrl(config: Pick<Config, 'demoReceiverPort'>): string | undefined {
  return config.demoReceiverPort ? `http://127.0.0.1:${config.demoReceiverPort}` : undefined;
}

/** Where directory records not declared in the provisioning file come from, in problem lists. */
export const databaseSource = 'directory (admin API)';

/**
 * Definitions, provisioning file and letter templates are read and checked first; then the
 * provisioning file is written into the database (after migrations, before serving) and the
 * routes are checked against the directory as it then stands — file and admin-API records
 * alike: a route to an unknown target, in a profile the form cannot fill, or to a print target
 * without a fitting template stops start-up like any other problem, and every problem of every
 * stage is listed. A broken definition does not keep the others' routes from being checked.
 */
export async function loadRoutingSetup(
  config: Pick<Config, 'formsDir' | 'provisioningFile' | 'templatesDir' | 'demoReceiverPort'>,
  ajv: Ajv,
  db: Database,
  options: SetupOptions = { demoReceiverUrl: configuredDemoReceiverUrl(config) },
) {
  const read = await readDefinitions(config.formsDir, ajv);
  const { definitions } = read;
  const context = { env: process.env, demoReceiver: options.demoReceiverUrl !== undefined };
  const provisioning: ProvisioningRead | undefined = config.provisioningFile ? await readProvisioning(config.provisioningFile, context) : undefined;
  const { templates, problems: templateProblems } = config.templatesDir
    ? await readTemplates(config.templatesDir, definitions, read.broken)
    : { templates: new Map(), problems: [] };
  const problems: SetupProblem[] = [
    ...read.problems.map(fromFile),
    ...(provisioning?.problems ?? []).map((p) => fromProvisioning(config.provisioningFile!, p)),
    ...templateProblems.map((p) => ({ file: p.file, where: p.placeholder ? `{{${p.placeholder}}}` : '', message: p.message })),
  ];
  // Without a usable provisioning file the directory is unknown: routes cannot be judged yet.
  if (provisioning && !provisioning.file) throw new SetupError(problems);
  if (provisioning?.file) await provision(db, provisioning.file, process.env, options.logger ?? silent);
  const directory = await Directory.load(db, { demoReceiverUrl: options.demoReceiverUrl });
  const declared = provisioning?.file?.targets ?? {};
  const sourceOf = (id: string) => (Object.hasOwn(declared, id) ? config.provisioningFile! : databaseSource);
  problems.push(...printTargetProblems(sourceOf, directory.current, templates).map(fromFile));
  for (const d of definitions) {
    const file = path.join(config.formsDir, `${d.id}.json`);
    problems.push(
      ...[...routingProblems(file, d, directory.current), ...profileProblems(file, d), ...printRouteProblems(file, d, directory.current, templates)].map(fromFile),
    );
  }
  if (problems.length > 0) throw new SetupError(problems);
  return { definitions, templates, directory, routing: new RoutingTable(ajv, directory) };
}

const silent = pino({ level: 'silent' });

/**
 * Forms without a route: legitimate (their applications stay in Antragswerk for the back office),
 * but nothing is delivered for them, so start-up names them.
 */
export const formsWithoutRoute = (definitions: RoutingSetup['definitions']): string[] =>
  definitions.filter((d) => (d.routes ?? []).length === 0).map((d) => d.id);

export type RoutingSetup = Awaited<ReturnType<typeof loadRoutingSetup>>;

/** Forms whose submissions get no responsible authority (only installation administrators see them). */
export const formsWithoutAuthority = (setup: Pick<RoutingSetup, 'definitions' | 'directory'>): string[] =>
  withoutAuthority(setup.definitions, setup.directory.current);

/** Problems in the files an operator edits: reported as a list, not as a crash. */
export const isSetupError = (error: unknown): error is Error =>
  error instanceof SetupError || error instanceof DefinitionError || error instanceof TemplateError;

/**
 * Targets (where deliveries go) and the directory of authorities (Zuständigkeiten), read once
 * at start from TARGETS_FILE and checked as a whole; every problem is listed.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const kennung = z.string().regex(/^[a-z]{3}:\d+$/, 'DVDV kennung must look like "psw:06412000"');
const party = z.object({ kennung, name: z.string().min(1).max(255) }).strict();
const secret = z.union([z.string().min(1), z.object({ env: z.string().min(1) }).strict()]);

const xoevHttpTarget = z
  .object({
    type: z.literal('xoev-http'),
    url: z.url({ protocol: /^https?$/ }),
    leser: party,
    auth: z
      .union([
        z.object({ bearerToken: secret }).strict(),
        z.object({ clientCertificate: z.object({ certFile: z.string(), keyFile: z.string(), caFile: z.string().optional() }).strict() }).strict(),
      ])
      .optional(),
    timeoutMs: z.number().int().min(100).max(300_000).default(10_000),
  })
  .strict();

const authority = z
  .object({
    name: z.string().min(1).max(120),
    abteilung: z.string().min(1).max(120).optional(),
    strasse: z.string().min(1).max(80),
    hausnummer: z.string().min(1).max(12),
    postleitzahl: z.string().regex(/^\d{5}$/, 'five digits'),
    ort: z.string().min(1).max(60),
    ansprechperson: z.string().min(1).max(80).optional(),
    telefon: z.string().min(1).max(40).optional(),
    email: z.string().min(1).max(120).optional(),
    ruecksendeangabe: z.string().min(1).max(120).optional(),
  })
  .strict();

/** A print profile: letters for this target are batched and pulled by print centres. */
const printTarget = z
  .object({
    type: z.literal('print'),
    template: z.string().regex(/^[a-z0-9-]+$/, 'a template id (file name in templates/ without .json)'),
    /** The letterhead and return address. */
    authority,
    envelope: z.enum(['DL', 'C6/5', 'C4']),
    duplex: z.boolean().default(false),
    postage: z.string().regex(/^[a-z0-9-]{1,40}$/, 'a postage class agreed with the print centre, e.g. "standard"'),
    maxSheetsPerEnvelope: z.number().int().min(1).max(100),
    batch: z
      .object({
        maxPieces: z.number().int().min(1).max(10_000),
        maxSheets: z.number().int().min(1).max(50_000),
        maxAgeSeconds: z.number().int().min(1).max(7 * 86_400),
      })
      .strict(),
    dataMatrix: z.boolean().default(false),
  })
  .strict();

const file = z
  .object({
    $schema: z.string().optional(),
    sender: party,
    targets: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/), z.discriminatedUnion('type', [xoevHttpTarget, printTarget])),
    zustaendigkeiten: z
      .array(
        z
          .object({
            leistung: z.string().min(1),
            regionalschluessel: z.string().regex(/^(\d{2}|\d{3}|\d{5}|\d{8}|\d{9}|\d{12})$/, 'AGS/ARS prefix of 2, 3, 5, 8, 9 or 12 digits'),
            target: z.string(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export type Party = z.infer<typeof party>;
export type XoevHttpTarget = z.infer<typeof xoevHttpTarget>;
export type PrintTarget = z.infer<typeof printTarget>;
export type Target = XoevHttpTarget | PrintTarget;
export type TargetsConfig = z.infer<typeof file>;

export class TargetsError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Targets file ${file} is not usable:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TargetsError';
  }
}

export interface TargetsOptions {
  /**
   * Base URL of the demo receiver running with this process, e.g. http://127.0.0.1:4010. A
   * target's `"url": { "demoReceiver": "/inbox" }` resolves against it; without it such a
   * target is a problem.
   */
  demoReceiverUrl?: string | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Replaces each `{ "demoReceiver": path }` URL by the demo receiver's actual address. */
function resolveDemoReceiver(content: unknown, options: TargetsOptions, problems: string[]): unknown {
  if (!isRecord(content) || !isRecord(content.targets)) return content;
  const targets: Record<string, unknown> = {};
  for (const [id, target] of Object.entries(content.targets)) {
    targets[id] = target;
    if (!isRecord(target) || !isRecord(target.url) || !('demoReceiver' in target.url)) continue;
    const at = target.url.demoReceiver;
    if (Object.keys(target.url).length !== 1 || typeof at !== 'string' || !at.startsWith('/'))
      problems.push(`/targets/${id}/url: expected a URL or { "demoReceiver": "/path" }`);
    else if (options.demoReceiverUrl === undefined)
      problems.push(`/targets/${id}/url: names the demo receiver, which does not run (it runs with the shipped targets, or when DEMO_RECEIVER_PORT is set)`);
    else targets[id] = { ...target, url: options.demoReceiverUrl + at };
  }
  return { ...content, targets };
}

/** Checks across the file, on whatever parts are well-formed enough to be read. */
function crossProblems(content: unknown, env: Record<string, string | undefined>): string[] {
  if (!isRecord(content)) return [];
  const problems: string[] = [];
  const targets = isRecord(content.targets) ? content.targets : {};
  if (Array.isArray(content.zustaendigkeiten))
    content.zustaendigkeiten.forEach((entry: unknown, i) => {
      if (isRecord(entry) && typeof entry.target === 'string' && !Object.hasOwn(targets, entry.target))
        problems.push(`/zustaendigkeiten/${i}/target: unknown target "${entry.target}"`);
    });
  for (const [id, target] of Object.entries(targets)) {
    if (!isRecord(target)) continue;
    const batch = target.batch;
    if (target.type === 'print' && isRecord(batch) && typeof batch.maxSheets === 'number' && typeof target.maxSheetsPerEnvelope === 'number' && batch.maxSheets < target.maxSheetsPerEnvelope)
      problems.push(`/targets/${id}/batch/maxSheets: smaller than maxSheetsPerEnvelope, the largest letter would never fit a batch`);
    const token = isRecord(target.auth) && isRecord(target.auth.bearerToken) ? target.auth.bearerToken.env : undefined;
    if (target.type === 'xoev-http' && typeof token === 'string' && token !== '' && !env[token])
      problems.push(`/targets/${id}/auth/bearerToken: environment variable ${token} is not set`);
  }
  return problems;
}

/** Every problem of a targets file (shape and cross-references), or the parsed targets. */
export function readTargetsContent(
  content: unknown,
  env: Record<string, string | undefined>,
  options: TargetsOptions = {},
): { targets: TargetsConfig; problems: [] } | { targets: undefined; problems: string[] } {
  const problems: string[] = [];
  const resolved = resolveDemoReceiver(content, options, problems);
  const result = file.safeParse(resolved);
  if (!result.success) {
    // A demo receiver reference already reported is not reported again as "not a URL".
    const reported = new Set(problems.map((p) => p.slice(0, p.indexOf(': '))));
    problems.push(...result.error.issues.map((i) => `/${i.path.join('/')}`).flatMap((at, n) => (reported.has(at) ? [] : [`${at}: ${result.error.issues[n]!.message}`])));
  }
  problems.push(...crossProblems(resolved, env));
  if (problems.length > 0 || !result.success) return { targets: undefined, problems };
  return { targets: result.data, problems: [] };
}

export function parseTargets(content: unknown, source: string, env: Record<string, string | undefined>, options: TargetsOptions = {}): TargetsConfig {
  const { targets, problems } = readTargetsContent(content, env, options);
  if (!targets) throw new TargetsError(source, problems);
  return targets;
}

export async function readTargets(
  path: string,
  env: Record<string, string | undefined>,
  options: TargetsOptions = {},
): Promise<ReturnType<typeof readTargetsContent>> {
  let content: unknown;
  try {
    content = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return { targets: undefined, problems: [(error as Error).message] };
  }
  return readTargetsContent(content, env, options);
}

export async function loadTargets(path: string, env: Record<string, string | undefined>, options: TargetsOptions = {}): Promise<TargetsConfig> {
  const { targets, problems } = await readTargets(path, env, options);
  if (!targets) throw new TargetsError(path, problems);
  return targets;
}

/** The bearer token a target authenticates with, resolved from the environment if named there. */
export function bearerTokenOf(target: XoevHttpTarget, env: Record<string, string | undefined>): string | undefined {
  if (!target.auth || !('bearerToken' in target.auth)) return undefined;
  const token = target.auth.bearerToken;
  return typeof token === 'string' ? token : env[token.env];
}

/** The authority a target stands for, by the name citizens know it by. */
export function authorityNameOf(target: Target): string {
  return target.type === 'xoev-http' ? target.leser.name : target.authority.name;
}

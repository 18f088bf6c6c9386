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

const file = z
  .object({
    $schema: z.string().optional(),
    sender: party,
    targets: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/), z.discriminatedUnion('type', [xoevHttpTarget])),
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
export type Target = XoevHttpTarget;
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

export function parseTargets(content: unknown, source: string, env: Record<string, string | undefined>): TargetsConfig {
  const result = file.safeParse(content);
  if (!result.success)
    throw new TargetsError(source, result.error.issues.map((i) => `/${i.path.join('/')}: ${i.message}`));
  const config = result.data;
  const problems: string[] = [];
  for (const [i, entry] of config.zustaendigkeiten.entries())
    if (!config.targets[entry.target]) problems.push(`/zustaendigkeiten/${i}/target: unknown target "${entry.target}"`);
  for (const [id, target] of Object.entries(config.targets)) {
    const token = target.auth && 'bearerToken' in target.auth ? target.auth.bearerToken : undefined;
    if (token && typeof token === 'object' && !env[token.env])
      problems.push(`/targets/${id}/auth/bearerToken: environment variable ${token.env} is not set`);
  }
  if (problems.length > 0) throw new TargetsError(source, problems);
  return config;
}

export async function loadTargets(path: string, env: Record<string, string | undefined>): Promise<TargetsConfig> {
  let content: unknown;
  try {
    content = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new TargetsError(path, [(error as Error).message]);
  }
  return parseTargets(content, path, env);
}

/** The bearer token a target authenticates with, resolved from the environment if named there. */
export function bearerTokenOf(target: Target, env: Record<string, string | undefined>): string | undefined {
  if (!target.auth || !('bearerToken' in target.auth)) return undefined;
  const token = target.auth.bearerToken;
  return typeof token === 'string' ? token : env[token.env];
}

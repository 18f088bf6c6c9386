/**
 * The directory's records as declared: authorities, targets, Zuständigkeiten and (in the
 * provisioning file only) users. One definition each, used by the provisioning file and the
 * admin API alike; unknown fields are refused everywhere.
 */
import { z } from 'zod';
import { authorityRoles } from '../../shared/auth-policy.ts';

/** No control characters in anything an operator types. */
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

export const slug = z.stringFormat('slug', /^[a-z0-9][a-z0-9-]{0,62}$/, {
  error: 'an id of a-z, 0-9 and "-", starting with a letter or digit, at most 63 characters',
});
export const dvdvKennung = z.stringFormat('dvdv-kennung', /^[a-z]{3}:\d{1,20}$/, { error: 'DVDV kennung must look like "psw:06412000"' });
export const regionalschluessel = z.stringFormat('regionalschluessel', /^(\d{2}|\d{3}|\d{5}|\d{8}|\d{9}|\d{12})$/, {
  error: 'AGS/ARS prefix of 2, 3, 5, 8, 9 or 12 digits',
});
const postleitzahl = z.stringFormat('postleitzahl', /^\d{5}$/, { error: 'five digits' });

export const sender = z.object({ kennung: dvdvKennung, name: text(255) }).strict();

export const authority = z
  .object({
    name: text(120),
    department: text(120).optional(),
    address: z.object({ strasse: text(80), hausnummer: text(12), postleitzahl, ort: text(60) }).strict(),
    contact: z.object({ person: text(80).optional(), phone: text(40).optional(), email: z.email().max(120).optional() }).strict().default({}),
    kennung: dvdvKennung.optional(),
    /** The authority's own AGS (8 digits) or ARS (12 digits). */
    regionalschluessel: z.stringFormat('regionalschluessel', /^(\d{8}|\d{12})$/, { error: 'AGS (8 digits) or ARS (12 digits)' }).optional(),
    letterhead: z.object({ ruecksendeangabe: text(120).optional() }).strict().default({}),
  })
  .strict();

const envName = z.stringFormat('env-name', /^[A-Za-z_][A-Za-z0-9_]{0,127}$/, { error: 'the name of an environment variable' });
const secret = z.union([text(4096), z.object({ env: envName }).strict()]);
const demoReceiverUrl = z.object({ demoReceiver: z.string().regex(/^\/[A-Za-z0-9/_.-]{0,200}$/, 'a path such as "/inbox/x"') }).strict();

const xoevHttpTarget = z
  .object({
    type: z.literal('xoev-http'),
    /** The responsible authority: the `leser` of the messages (its kennung and name). */
    authority: slug,
    url: z.union([z.url({ protocol: /^https?$/, error: 'expected an http(s) URL or { "demoReceiver": "/path" }' }).max(2000), demoReceiverUrl], {
      error: 'expected an http(s) URL or { "demoReceiver": "/path" }',
    }),
    auth: z
      .union([
        z.object({ bearerToken: secret }).strict(),
        z
          .object({ clientCertificate: z.object({ certFile: text(1000), keyFile: text(1000), caFile: text(1000).optional() }).strict() })
          .strict(),
      ])
      .optional(),
    timeoutMs: z.number().int().min(100).max(300_000).default(10_000),
  })
  .strict();

/** A print profile: letters for this target are batched and pulled by print centres. */
const printTarget = z
  .object({
    type: z.literal('print'),
    /** Letterhead and return address when the submission has no authority of its own. */
    authority: slug.optional(),
    template: z.string().regex(/^[a-z0-9-]{1,100}$/, 'a template id (file name in templates/ without .json)'),
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
  .strict()
  .superRefine((t, ctx) => {
    if (t.batch.maxSheets < t.maxSheetsPerEnvelope)
      ctx.addIssue({
        code: 'custom',
        path: ['batch', 'maxSheets'],
        message: 'smaller than maxSheetsPerEnvelope, the largest letter would never fit a batch',
      });
  });

export const target = z.discriminatedUnion('type', [xoevHttpTarget, printTarget]);

export const zustaendigkeit = z.object({ leistung: text(200), regionalschluessel, target: slug }).strict();

export const user = z
  .object({
    email: z.email().max(254),
    name: text(200),
    admin: z.boolean().default(false),
    password: z.object({ env: envName }).strict().optional(),
    grants: z.array(z.object({ role: z.enum(authorityRoles), authority: slug }).strict()).max(1000).default([]),
  })
  .strict();

export type SenderInput = z.infer<typeof sender>;
export type AuthorityInput = z.infer<typeof authority>;
export type TargetInput = z.infer<typeof target>;
export type XoevHttpTargetInput = z.infer<typeof xoevHttpTarget>;
export type PrintTargetInput = z.output<typeof printTarget>;
export type ZustaendigkeitInput = z.infer<typeof zustaendigkeit>;
export type UserInput = z.infer<typeof user>;

/** What the process around a target offers: its environment and whether a demo receiver runs. */
export interface TargetContext {
  env: Record<string, string | undefined>;
  demoReceiver: boolean;
}

type Ctx = z.core.$RefinementCtx;
type Loose = Record<string, unknown>;

/** Cross-checks also run when other parts of the file are malformed: they read defensively. */
const loose = (value: unknown): Loose => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Checks of a target against the process: a named token variable is set, the demo receiver runs. */
export function checkTargetContext(value: unknown, context: TargetContext, ctx: Ctx, at: (string | number)[] = []): void {
  const t = loose(value);
  if (t.type !== 'xoev-http') return;
  if ('demoReceiver' in loose(t.url) && !context.demoReceiver)
    ctx.addIssue({
      code: 'custom',
      path: [...at, 'url'],
      message: 'names the demo receiver, which does not run (it runs with the demo forms, or when DEMO_RECEIVER_PORT is set)',
    });
  const token = str(loose(loose(t.auth).bearerToken).env);
  if (token && !context.env[token])
    ctx.addIssue({ code: 'custom', path: [...at, 'auth', 'bearerToken'], message: `environment variable ${token} is not set` });
}

const keyError = (issue: { code?: string }) =>
  issue.code === 'invalid_key' ? 'an id of a-z, 0-9 and "-", starting with a letter or digit, at most 63 characters' : undefined;

/**
 * The provisioning file. Cross-references are checked here too, on whatever parts are readable,
 * so that one run lists every problem: a target's authority exists (and has a kennung when the
 * target sends XÖV messages), a Zuständigkeit's target exists, grants name known authorities,
 * password variables are set, no e-mail address is declared twice.
 */
export function provisioningFile(context: TargetContext) {
  return z
    .object({
      $schema: z.string().optional(),
      sender,
      authorities: z.record(slug, authority, { error: keyError }).default({}),
      targets: z.record(slug, target, { error: keyError }).default({}),
      zustaendigkeiten: z.array(zustaendigkeit).default([]),
      users: z.array(user).default([]),
    })
    .strict()
    .superRefine(
      (file, ctx) => {
        const authorities = loose(file.authorities);
        const targets = loose(file.targets);
        for (const [id, value] of Object.entries(targets)) {
          checkTargetContext(value, context, ctx, ['targets', id]);
          const t = loose(value);
          const owner = str(t.authority);
          if (owner === undefined) continue;
          if (!Object.hasOwn(authorities, owner))
            ctx.addIssue({ code: 'custom', path: ['targets', id, 'authority'], message: `unknown authority "${owner}"` });
          else if (t.type === 'xoev-http' && !loose(authorities[owner]).kennung)
            ctx.addIssue({
              code: 'custom',
              path: ['targets', id, 'authority'],
              message: `authority "${owner}" has no kennung, which XÖV messages need as their leser`,
            });
        }
        const seen = new Set<string>();
        list(file.zustaendigkeiten).forEach((value, i) => {
          const z = loose(value);
          const target = str(z.target);
          if (target !== undefined && !Object.hasOwn(targets, target))
            ctx.addIssue({ code: 'custom', path: ['zustaendigkeiten', i, 'target'], message: `unknown target "${target}"` });
          const key = `${str(z.leistung)}\u0000${str(z.regionalschluessel)}`;
          if (seen.has(key))
            ctx.addIssue({ code: 'custom', path: ['zustaendigkeiten', i], message: `"${str(z.leistung)}" for ${str(z.regionalschluessel)} is declared twice` });
          seen.add(key);
        });
        const emails = new Set<string>();
        list(file.users).forEach((value, i) => {
          const u = loose(value);
          const email = str(u.email)?.toLowerCase();
          if (email !== undefined && emails.has(email)) ctx.addIssue({ code: 'custom', path: ['users', i, 'email'], message: `${email} is declared twice` });
          if (email !== undefined) emails.add(email);
          const password = str(loose(u.password).env);
          if (password && !context.env[password])
            ctx.addIssue({ code: 'custom', path: ['users', i, 'password'], message: `environment variable ${password} is not set` });
          list(u.grants).forEach((grant, j) => {
            const owner = str(loose(grant).authority);
            if (owner !== undefined && !Object.hasOwn(authorities, owner))
              ctx.addIssue({ code: 'custom', path: ['users', i, 'grants', j, 'authority'], message: `unknown authority "${owner}"` });
          });
        });
      },
      { when: () => true },
    );
}

export type ProvisioningFile = z.output<ReturnType<typeof provisioningFile>>;

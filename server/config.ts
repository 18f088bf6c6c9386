/**
 * Configuration: read from the environment once at start, checked as a whole. Start-up fails
 * with every problem listed, never with the first only.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Shipped provisioning: the demo authorities and targets; every sample form's deliveries go to the demo receiver. */
export const demoProvisioningFile = fileURLToPath(new URL('../config/provisioning.json', import.meta.url));
/** The shipped sample forms, and the letter templates written for them. */
export const demoFormsDir = fileURLToPath(new URL('../forms', import.meta.url));
export const demoTemplatesDir = fileURLToPath(new URL('../templates', import.meta.url));

export const defaultDemoReceiverPort = 4010;

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

const schema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: positiveInt.max(200).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  FORMS_DIR: z.string().min(1).optional(),
  BODY_LIMIT_BYTES: positiveInt.max(100 * 1024 * 1024).default(1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ERASE_INTERVAL_SECONDS: positiveInt.default(3600),
  DRAFT_TTL_DAYS: positiveInt.max(365).default(30),
  CLIENT_DIST_DIR: z.string().min(1).default('./client/dist'),
  PORTAL_NAME: z.string().min(1).max(200).default('Antragsportal Musterstadt'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .refine((value) => {
      if (!URL.canParse(value)) return true; // said by the check above
      const url = new URL(value);
      return url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
    }, 'must be the portal origin only, e.g. https://antrag.musterstadt.de (no path, query or credentials)')
    .optional(),
  ACCESSIBILITY_CONTACT_EMAIL: z.email().default('barrierefreiheit@musterstadt.example'),
  TARGETS_FILE: z
    .string()
    .refine(() => false, 'renamed to PROVISIONING_FILE, which declares authorities, targets and Zuständigkeiten (format: docs/provisioning.md)')
    .optional(),
  PROVISIONING_FILE: z.string().min(1).optional(),
  DEMO_RECEIVER_PORT: port.optional(),
  ADMIN_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  WORKER: z.enum(['in-process', 'off']).default('in-process'),
  DELIVERY_MAX_ATTEMPTS: positiveInt.max(100).default(8),
  DELIVERY_RETRY_BASE_MS: positiveInt.max(3_600_000).default(2000),
  DELIVERY_LEASE_SECONDS: positiveInt.max(3600).default(60),
  TEMPLATES_DIR: z.string().min(1).optional(),
  PRINT_CENTRE_TOKENS: z
    .string()
    .transform((value, ctx) => {
      const centres = new Map<string, string>();
      for (const entry of value.split(',')) {
        const match = /^([a-z0-9][a-z0-9-]{0,62}):(.{32,})$/.exec(entry.trim());
        if (!match) {
          ctx.addIssue({ code: 'custom', message: 'expected name:token[,name:token…], names a-z 0-9 -, tokens at least 32 characters' });
          return z.NEVER;
        }
        if (centres.has(match[1]!) || [...centres.values()].includes(match[2]!)) {
          ctx.addIssue({ code: 'custom', message: `print centre "${match[1]}" or its token is given twice` });
          return z.NEVER;
        }
        centres.set(match[1]!, match[2]!);
      }
      return centres;
    })
    .optional(),
  PRINT_LEASE_SECONDS: positiveInt.max(7 * 86_400).default(4 * 3600),
  PRINT_MAX_ATTEMPTS: positiveInt.max(20).default(3),
  PRINT_RETENTION_DAYS: positiveInt.max(3650).default(30),
});

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server; absent means the embedded database under dataDir. */
  databaseUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  formsDir: string;
  bodyLimitBytes: number;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  eraseIntervalSeconds: number;
  draftTtlDays: number;
  /** Built citizen portal (static files); not served when the directory does not exist. */
  clientDistDir: string;
  portal: { name: string; accessibilityContactEmail: string };
  /** Origin citizens reach the portal at, e.g. https://antrag.musterstadt.de (no trailing slash): links in documents. */
  publicUrl: string;
  /**
   * Authorities, targets, Zuständigkeiten and users declared as code: PROVISIONING_FILE; the
   * shipped demo provisioning with the shipped forms; none with own forms (then the admin API
   * creates them).
   */
  provisioningFile: string | undefined;
  /** The shipped demo provisioning is in use (shipped forms, PROVISIONING_FILE unset). */
  demoProvisioning: boolean;
  /**
   * Port of the demo receiver started with the server (0: a free one): DEMO_RECEIVER_PORT, or
   * 4010 with the demo provisioning; otherwise it runs only when DEMO_RECEIVER_PORT is set.
   */
  demoReceiverPort: number | undefined;
  adminToken: string | undefined;
  /** Run a delivery worker inside the web process (the embedded default), or not. */
  workerInProcess: boolean;
  delivery: { maxAttempts: number; retryBaseMs: number; leaseSeconds: number };
  /** Letter templates (<id>.json); the shipped ones with the shipped forms, none with own forms unless TEMPLATES_DIR is set. */
  templatesDir: string | undefined;
  print: {
    /** Print centre name → bearer token; no print-centre API access without it. */
    centres: Map<string, string>;
    /** How long a claim holds a batch for one centre. */
    leaseSeconds: number;
    /** Print attempts of one piece before it is given up as failed. */
    maxAttempts: number;
    /** Days after confirmation until a batch PDF is deleted (manifest and history stay). */
    retentionDays: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty variable counts as unset, as shells and container runtimes often produce them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const c = result.data;
  const formsDir = path.resolve(c.FORMS_DIR ?? demoFormsDir);
  // Demo content belongs to the demo forms: with own forms it would refer to forms that are not there.
  const demoForms = formsDir === path.resolve(demoFormsDir);
  const demoProvisioning = demoForms && !c.PROVISIONING_FILE;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    databasePoolSize: c.DATABASE_POOL_SIZE,
    dataDir: path.resolve(c.DATA_DIR),
    formsDir,
    bodyLimitBytes: c.BODY_LIMIT_BYTES,
    logLevel: c.LOG_LEVEL,
    eraseIntervalSeconds: c.ERASE_INTERVAL_SECONDS,
    draftTtlDays: c.DRAFT_TTL_DAYS,
    clientDistDir: path.resolve(c.CLIENT_DIST_DIR),
    portal: { name: c.PORTAL_NAME, accessibilityContactEmail: c.ACCESSIBILITY_CONTACT_EMAIL },
    publicUrl: c.PUBLIC_URL ? new URL(c.PUBLIC_URL).origin : `http://localhost:${c.PORT}`,
    provisioningFile: c.PROVISIONING_FILE ? path.resolve(c.PROVISIONING_FILE) : demoProvisioning ? demoProvisioningFile : undefined,
    demoProvisioning,
    demoReceiverPort: c.DEMO_RECEIVER_PORT ?? (demoProvisioning ? defaultDemoReceiverPort : undefined),
    adminToken: c.ADMIN_TOKEN,
    workerInProcess: c.WORKER === 'in-process',
    delivery: { maxAttempts: c.DELIVERY_MAX_ATTEMPTS, retryBaseMs: c.DELIVERY_RETRY_BASE_MS, leaseSeconds: c.DELIVERY_LEASE_SECONDS },
    templatesDir: c.TEMPLATES_DIR ? path.resolve(c.TEMPLATES_DIR) : demoForms ? demoTemplatesDir : undefined,
    print: {
      centres: c.PRINT_CENTRE_TOKENS ?? new Map(),
      leaseSeconds: c.PRINT_LEASE_SECONDS,
      maxAttempts: c.PRINT_MAX_ATTEMPTS,
      retentionDays: c.PRINT_RETENTION_DAYS,
    },
  };
}

/** For entry points: the configuration, or every problem on stderr and exit code 1. */
export function configOrExit(env: Record<string, string | undefined>): Config {
  try {
    return parseConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/**
 * Configuration: read from the environment once at start, checked as a whole. Start-up fails
 * with every problem listed, never with the first only.
 */
import { isIP } from 'node:net';
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

/** An address with a host part (admin@localhost is one); stricter checks would refuse valid local setups. */
const emailAddress = z.string().max(320).regex(/^[^\s@]+@[^\s@]+$/, 'must be an e-mail address');

/**
 * Express's `trust proxy`: `true`/`false`, a number of proxy hops, or a comma-separated list of
 * addresses, CIDR ranges and the names loopback, linklocal, uniquelocal.
 */
const trustProxy = z.string().transform((value, ctx): boolean | number | string[] => {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  const valid = (entry: string) => {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    if (family === 0 || extra !== undefined) return false;
    return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  };
  if (entries.every(valid)) return entries;
  ctx.addIssue({ code: 'custom', message: 'expected true, false, a number of hops, or addresses/CIDR ranges (or loopback, linklocal, uniquelocal), comma-separated' });
  return z.NEVER;
});
const positiveInt = z.coerce.number().int().positive();

/** A grant written as a claim value: "admin" or "<role>:<authority id>". */
export const grantPattern = /^(admin|(designer|sachbearbeitung|auditor):[a-z0-9][a-z0-9-]{0,62})$/;
const grantText = z.string().regex(grantPattern, 'expected "admin" or "<role>:<authority id>" with role designer, sachbearbeitung or auditor');
const oidcRoleMap = z.record(z.string().min(1), z.union([grantText, z.array(grantText)]));

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
  // Replaced by named API tokens and the first administrator's account; refused so that an old
  // deployment does not believe its operator token still works.
  ADMIN_TOKEN: z
    .never({
      error:
        'is no longer supported: machines use named API tokens (POST /api/admin/tokens), and the first administrator signs in with the account from ADMIN_EMAIL and ADMIN_PASSWORD; remove ADMIN_TOKEN',
    })
    .optional(),
  ADMIN_EMAIL: emailAddress.default('admin@localhost'),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(1024, 'must be at most 1024 characters').optional(),
  SESSION_IDLE_MINUTES: positiveInt.max(24 * 60).default(30),
  SESSION_MAX_HOURS: positiveInt.max(7 * 24).default(10),
  TRUST_PROXY: trustProxy.optional(),
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
  OIDC_ISSUER: z.url({ protocol: /^https?$/, error: 'must be the issuer URL of the OpenID provider, e.g. https://login.land.de/realms/kommunen' }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(255).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URL: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_SCOPES: z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'space-separated scopes').default('openid email profile'),
  OIDC_ROLES_CLAIM: z.string().regex(/^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*$/, 'a claim name, dotted for nested claims (e.g. realm_access.roles)').default('roles'),
  OIDC_ROLE_MAP: z
    .string()
    .transform((value, ctx) => {
      try {
        return oidcRoleMap.parse(JSON.parse(value));
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `expected a JSON object of claim value → "admin" | "<role>:<authority>" or a list of them (${(error as Error).message.split('\n')[0]})` });
        return z.NEVER;
      }
    })
    .optional(),
  PRINT_LEASE_SECONDS: positiveInt.max(7 * 86_400).default(4 * 3600),
  PRINT_MAX_ATTEMPTS: positiveInt.max(20).default(3),
  PRINT_RETENTION_DAYS: positiveInt.max(3650).default(30),
  INTAKE_MAX_PENDING: positiveInt.max(100_000).default(100),
  INTAKE_MAX_WAIT_MS: positiveInt.max(600_000).default(500),
  INTAKE_GROUP_COMMIT_MAX: positiveInt.max(1000).default(32),
  INTAKE_RETRY_AFTER_SECONDS: positiveInt.max(3600).default(1),
  PRINT_THREADS: positiveInt.max(16).default(1),
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  RATE_LIMIT_SUBMISSIONS_PER_HOUR: positiveInt.max(10_000_000).default(300),
  RATE_LIMIT_DRAFTS_PER_HOUR: positiveInt.max(10_000_000).default(300),
  RATE_LIMIT_ATTACHMENTS_PER_HOUR: positiveInt.max(10_000_000).default(1000),
  RATE_LIMIT_STATUS_LOOKUPS_PER_HOUR: positiveInt.max(10_000_000).default(600),
  RATE_LIMIT_STATUS_FAILURES_PER_REFERENCE: positiveInt.max(10_000_000).default(20),
  RATE_LIMIT_SIGN_IN_FREE_FAILURES: positiveInt.max(1000).default(5),
  RATE_LIMIT_SIGN_IN_BACKOFF_SECONDS: positiveInt.max(3600).default(2),
  RATE_LIMIT_SIGN_IN_MAX_BLOCK_SECONDS: positiveInt.max(86_400).default(900),
  RATE_LIMIT_SIGN_IN_FAILURES_PER_ADDRESS_PER_HOUR: positiveInt.max(10_000_000).default(100),
});

const oidcTrio = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

export interface OidcConfig {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back; unset: PUBLIC_URL + /api/auth/oidc/callback. */
  redirectUrl: string | undefined;
  scopes: string;
  /** Dotted path of the claim that lists the user's roles. */
  rolesClaim: string;
  /** Claim value → grants ("admin" | "<role>:<authority>"); without a map, values are taken as grants themselves. */
  roleMap: Record<string, string | string[]> | undefined;
}

/** Limits per client address (and per reference, per account) that hold across processes. */
export interface RateLimitConfig {
  /** Off only for benchmarks: RATE_LIMITS=off. */
  enabled: boolean;
  submissionsPerHour: number;
  draftsPerHour: number;
  attachmentsPerHour: number;
  /** Status lookups and receipt downloads per address. */
  statusLookupsPerHour: number;
  /** Failed lookups (wrong token) of one reference or submission id per hour. */
  statusFailuresPerReference: number;
  signIn: {
    /** Consecutive failures of one account before the next attempt has to wait. */
    freeFailures: number;
    /** The first block; each further failure doubles it. */
    backoffSeconds: number;
    maxBlockSeconds: number;
    /** Failed sign-ins from one address per hour, whatever the account. */
    failuresPerAddressPerHour: number;
  };
}

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
  /** The first administrator, created at start when the installation has none. */
  firstAdmin: {
    email: string;
    /** ADMIN_PASSWORD; absent: a generated one, logged once. */
    password: string | undefined;
  };
  session: {
    /** A session unused this long ends. */
    idleMinutes: number;
    /** A session ends this long after sign-in, used or not. */
    maxHours: number;
  };
  /** Express's `trust proxy` setting (TRUST_PROXY): which proxies' X-Forwarded-* headers count. */
  trustProxy: boolean | number | string[];
  /** Run a delivery worker inside the web process (the embedded default), or not. */
  workerInProcess: boolean;
  delivery: { maxAttempts: number; retryBaseMs: number; leaseSeconds: number };
  /** Letter templates (<id>.json); the shipped ones with the shipped forms, none with own forms unless TEMPLATES_DIR is set. */
  templatesDir: string | undefined;
  /** OpenID Connect sign-in for caseworkers; absent when OIDC_ISSUER is unset. */
  oidc: OidcConfig | undefined;
  print: {
    /** Print centre name → bearer token; no print-centre API access without it. */
    centres: Map<string, string>;
    /** How long a claim holds a batch for one centre. */
    leaseSeconds: number;
    /** Print attempts of one piece before it is given up as failed. */
    maxAttempts: number;
    /** Days after confirmation until a batch PDF is deleted (manifest and history stay). */
    retentionDays: number;
    /** Worker threads of a process that lay letters out and render batches and previews. */
    threads: number;
  };
  rateLimits: RateLimitConfig;
  /** Submissions on their way to the database (server/submissions/intake.ts). */
  intake: {
    /** Admitted and not yet answered, at most; one more is refused with 503 intake_busy. */
    maxPending: number;
    /** Waited this long for the database: refused with 503 intake_busy instead of written. */
    maxWaitMs: number;
    /** Submissions written in one transaction at most (group commit); 1 = each on its own. */
    groupMax: number;
    /** The wait a refused client is told (Retry-After). */
    retryAfterSeconds: number;
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
  const oidcSet = oidcTrio.filter((name) => c[name] !== undefined);
  if (oidcSet.length > 0 && oidcSet.length < oidcTrio.length)
    throw new ConfigError([`${oidcTrio.filter((name) => c[name] === undefined).join(', ')}: OpenID Connect needs ${oidcTrio.join(', ')} together`]);
  const publicUrl = c.PUBLIC_URL ? new URL(c.PUBLIC_URL).origin : `http://localhost:${c.PORT}`;
  if (c.ADMIN_PASSWORD !== undefined && c.ADMIN_PASSWORD.trim().toLowerCase() === c.ADMIN_EMAIL.trim().toLowerCase())
    throw new ConfigError(['ADMIN_PASSWORD: must not be the e-mail address']);
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
    publicUrl,
    provisioningFile: c.PROVISIONING_FILE ? path.resolve(c.PROVISIONING_FILE) : demoProvisioning ? demoProvisioningFile : undefined,
    demoProvisioning,
    demoReceiverPort: c.DEMO_RECEIVER_PORT ?? (demoProvisioning ? defaultDemoReceiverPort : undefined),
    firstAdmin: { email: c.ADMIN_EMAIL, password: c.ADMIN_PASSWORD },
    session: { idleMinutes: c.SESSION_IDLE_MINUTES, maxHours: c.SESSION_MAX_HOURS },
    trustProxy: c.TRUST_PROXY ?? false,
    workerInProcess: c.WORKER === 'in-process',
    delivery: { maxAttempts: c.DELIVERY_MAX_ATTEMPTS, retryBaseMs: c.DELIVERY_RETRY_BASE_MS, leaseSeconds: c.DELIVERY_LEASE_SECONDS },
    templatesDir: c.TEMPLATES_DIR ? path.resolve(c.TEMPLATES_DIR) : demoForms ? demoTemplatesDir : undefined,
    oidc:
      c.OIDC_ISSUER && c.OIDC_CLIENT_ID && c.OIDC_CLIENT_SECRET
        ? {
            issuer: new URL(c.OIDC_ISSUER),
            clientId: c.OIDC_CLIENT_ID,
            clientSecret: c.OIDC_CLIENT_SECRET,
            redirectUrl: c.OIDC_REDIRECT_URL,
            scopes: c.OIDC_SCOPES,
            rolesClaim: c.OIDC_ROLES_CLAIM,
            roleMap: c.OIDC_ROLE_MAP,
          }
        : undefined,
    print: {
      centres: c.PRINT_CENTRE_TOKENS ?? new Map(),
      leaseSeconds: c.PRINT_LEASE_SECONDS,
      maxAttempts: c.PRINT_MAX_ATTEMPTS,
      retentionDays: c.PRINT_RETENTION_DAYS,
      threads: c.PRINT_THREADS,
    },
    intake: { maxPending: c.INTAKE_MAX_PENDING, maxWaitMs: c.INTAKE_MAX_WAIT_MS, groupMax: c.INTAKE_GROUP_COMMIT_MAX, retryAfterSeconds: c.INTAKE_RETRY_AFTER_SECONDS },
    rateLimits: {
      enabled: c.RATE_LIMITS === 'on',
      submissionsPerHour: c.RATE_LIMIT_SUBMISSIONS_PER_HOUR,
      draftsPerHour: c.RATE_LIMIT_DRAFTS_PER_HOUR,
      attachmentsPerHour: c.RATE_LIMIT_ATTACHMENTS_PER_HOUR,
      statusLookupsPerHour: c.RATE_LIMIT_STATUS_LOOKUPS_PER_HOUR,
      statusFailuresPerReference: c.RATE_LIMIT_STATUS_FAILURES_PER_REFERENCE,
      signIn: {
        freeFailures: c.RATE_LIMIT_SIGN_IN_FREE_FAILURES,
        backoffSeconds: c.RATE_LIMIT_SIGN_IN_BACKOFF_SECONDS,
        maxBlockSeconds: c.RATE_LIMIT_SIGN_IN_MAX_BLOCK_SECONDS,
        failuresPerAddressPerHour: c.RATE_LIMIT_SIGN_IN_FAILURES_PER_ADDRESS_PER_HOUR,
      },
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

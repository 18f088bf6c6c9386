/**
 * Who may do what, for which authority. Every `/api/admin/*` request is decided here: the
 * route names the action it performs, the principal's grants name the authorities on which it
 * may. `admin` is the installation (authorities, targets, users, tokens) and sees operational
 * state (deliveries, print pieces, audit) everywhere, but not applicants' data: reading
 * submissions takes a `sachbearbeitung` grant of the submission's authority.
 */
export const authorityRoles = ['designer', 'sachbearbeitung', 'auditor'] as const;
export type AuthorityRole = (typeof authorityRoles)[number];
export type Role = 'admin' | AuthorityRole;

export interface Grant {
  role: AuthorityRole;
  authorityId: string;
}

/** The signed-in caseworker or the API token behind a request. */
export interface Principal {
  kind: 'user' | 'api-token';
  /** users.id or api_tokens.id */
  id: string;
  /** For the audit trail and the UI: the user's e-mail address or the token's name. */
  name: string;
  admin: boolean;
  grants: readonly Grant[];
}

export const actions = [
  'installation.manage',
  'submissions.read',
  'submissions.process',
  'deliveries.read',
  'deliveries.requeue',
  'print.read',
  'print.cancel',
  'letters.send',
  'audit.read',
  'forms.design',
] as const;
export type Action = (typeof actions)[number];

const byRole: Record<AuthorityRole, readonly Action[]> = {
  designer: ['forms.design'],
  // Sending a letter composes it from the application: as much a read of applicants' data as
  // `submissions.read`, so never an administrator's action.
  sachbearbeitung: ['submissions.read', 'submissions.process', 'deliveries.read', 'deliveries.requeue', 'print.read', 'print.cancel', 'letters.send'],
  auditor: ['audit.read'],
};

const adminActions: readonly Action[] = [
  'installation.manage',
  'deliveries.read',
  'deliveries.requeue',
  'print.read',
  'print.cancel',
  'audit.read',
];

/** The authorities on which `principal` may perform `action`: every one, or these (maybe none). */
export function scopeOf(principal: Principal, action: Action): 'all' | string[] {
  if (principal.admin && adminActions.includes(action)) return 'all';
  return [...new Set(principal.grants.filter((g) => byRole[g.role].includes(action)).map((g) => g.authorityId))];
}

/**
 * Whether `principal` may perform `action` on an object of `authorityId` (null: an object that
 * belongs to no authority, which only an installation-wide scope covers).
 */
export function may(principal: Principal, action: Action, authorityId: string | null): boolean {
  const scope = scopeOf(principal, action);
  return scope === 'all' || (authorityId !== null && scope.includes(authorityId));
}

/** Whether `principal` may perform `action` anywhere at all: the gate before a route runs. */
export function mayAtAll(principal: Principal, action: Action): boolean {
  const scope = scopeOf(principal, action);
  return scope === 'all' || scope.length > 0;
}

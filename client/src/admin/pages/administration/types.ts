/** The admin API's records as the administration pages read them (docs/provisioning.md, docs/identity.md). */
export type ManagedBy = 'file' | 'api';

export interface Authority {
  id: string;
  name: string;
  department?: string;
  address: { strasse: string; hausnummer: string; postleitzahl: string; ort: string };
  contact: { person?: string; phone?: string; email?: string };
  kennung?: string;
  regionalschluessel?: string;
  letterhead: { ruecksendeangabe?: string };
  managedBy: ManagedBy;
}

export interface XoevTarget {
  id: string;
  type: 'xoev-http';
  authority: string;
  url: string | { demoReceiver: string };
  auth?: { bearerToken: string | { env: string } } | { clientCertificate: Record<string, string> };
  timeoutMs: number;
  managedBy: ManagedBy;
}

export interface PrintTarget {
  id: string;
  type: 'print';
  authority?: string;
  template: string;
  envelope: 'DL' | 'C6/5' | 'C4';
  duplex: boolean;
  postage: string;
  maxSheetsPerEnvelope: number;
  batch: { maxPieces: number; maxSheets: number; maxAgeSeconds: number };
  dataMatrix: boolean;
  managedBy: ManagedBy;
}

export type Target = XoevTarget | PrintTarget;

export interface Zustaendigkeit {
  id: string;
  leistung: string;
  regionalschluessel: string;
  target: string;
  managedBy: ManagedBy;
}

export interface GrantRow {
  role: string;
  authority: string;
}

export interface Account {
  id: string;
  email: string;
  name: string;
  admin: boolean;
  disabled: boolean;
  managedBy: string;
  hasPassword: boolean;
  passwordChangedAt: string | null;
  createdAt: string;
  grants: GrantRow[];
}

export interface ApiToken {
  id: string;
  name: string;
  role: string;
  authority: string | null;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  token?: string;
}

export interface AuditEntry {
  id: number | string;
  at: string;
  actor: { kind: string; id: string | null; name: string | null };
  action: string;
  objectType: string | null;
  objectId: string | null;
  authorityId: string | null;
  outcome: string;
  details: Record<string, unknown>;
  requestId: string | null;
}

/** A number field's text as the API wants it: digits become a number, anything else stays for the server to refuse. */
export const numberOrText = (value: string): number | string => (/^\s*\d+\s*$/.test(value) ? Number(value) : value);


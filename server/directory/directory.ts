/**
 * This process's copy of the directory: authorities, resolved targets and Zuständigkeiten,
 * loaded from the tables. Reloaded at once after a change made in this process, and — for
 * changes made by other processes — when the directory version in the database moved, which is
 * checked at most every few seconds before use.
 */
import type { Database } from '../db/database.ts';
import type { Authority as Letterhead } from '../print/compose.ts';
import type { Party, Target } from '../routing/targets.ts';
import { directoryState, directoryVersion, listAuthorities, listTargets, listZustaendigkeiten, type AuthorityRecord } from './records.ts';
import type { ZustaendigkeitInput } from './schemas.ts';

export interface DirectorySnapshot {
  version: number;
  /** The installation's XÖV `autor`; absent until a provisioning file declares one. */
  sender: Party | undefined;
  authorities: ReadonlyMap<string, AuthorityRecord>;
  targets: ReadonlyMap<string, Target>;
  zustaendigkeiten: readonly ZustaendigkeitInput[];
}

export interface DirectoryOptions {
  /** Base URL of the demo receiver running with this process; `{ demoReceiver: path }` URLs resolve against it. */
  demoReceiverUrl?: string | undefined;
  /** How stale the copy may get before the version is checked again. */
  checkIntervalMs?: number;
}

/** An authority as the letterhead and return address of a letter. */
export function letterheadOf(a: AuthorityRecord): Letterhead;
export function letterheadOf(a: AuthorityRecord | undefined): Letterhead | undefined;
export function letterheadOf(a: AuthorityRecord | undefined): Letterhead | undefined {
  if (!a) return undefined;
  return {
    name: a.name,
    ...(a.department ? { abteilung: a.department } : {}),
    ...a.address,
    ...(a.contact.person ? { ansprechperson: a.contact.person } : {}),
    ...(a.contact.phone ? { telefon: a.contact.phone } : {}),
    ...(a.contact.email ? { email: a.contact.email } : {}),
    ...(a.letterhead.ruecksendeangabe ? { ruecksendeangabe: a.letterhead.ruecksendeangabe } : {}),
  };
}

export async function loadSnapshot(db: Database, options: DirectoryOptions): Promise<DirectorySnapshot> {
  return db.transaction(async (tx) => {
    const state = await directoryState(tx);
    const authorities = new Map((await listAuthorities(tx)).map((a) => [a.id, a]));
    const targets = new Map<string, Target>();
    for (const record of await listTargets(tx)) {
      const { id, managedBy: _managedBy, ...declared } = record;
      const owner = declared.authority === undefined ? undefined : authorities.get(declared.authority);
      if (declared.type === 'xoev-http') {
        const url =
          typeof declared.url === 'string'
            ? declared.url
            : options.demoReceiverUrl === undefined
              ? undefined
              : options.demoReceiverUrl + declared.url.demoReceiver;
        const name = owner?.name ?? declared.authority;
        targets.set(id, { ...declared, url, leser: { kennung: owner?.kennung ?? '', name }, authorityName: name });
      } else {
        targets.set(id, { ...declared, letterhead: owner && letterheadOf(owner), authorityName: owner?.name });
      }
    }
    const zustaendigkeiten = (await listZustaendigkeiten(tx)).map(({ leistung, regionalschluessel, target }) => ({ leistung, regionalschluessel, target }));
    return { version: state.version, sender: state.sender ?? undefined, authorities, targets, zustaendigkeiten };
  });
}

export class Directory {
  private checkedAt = Date.now();
  private checking: Promise<void> | undefined;

  private constructor(
    private readonly db: Database,
    private readonly options: DirectoryOptions,
    private snapshot: DirectorySnapshot,
  ) {}

  static async load(db: Database, options: DirectoryOptions = {}): Promise<Directory> {
    return new Directory(db, options, await loadSnapshot(db, options));
  }

  get current(): DirectorySnapshot {
    return this.snapshot;
  }

  /** After a change in this process: the new state, now. */
  async reload(): Promise<void> {
    this.snapshot = await loadSnapshot(this.db, this.options);
    this.checkedAt = Date.now();
  }

  /** Before use: reloads when another process changed the directory (checked at most every few seconds). */
  async refresh(): Promise<void> {
    if (Date.now() - this.checkedAt < (this.options.checkIntervalMs ?? 2000)) return;
    this.checking ??= (async () => {
      try {
        if ((await directoryVersion(this.db)) !== this.snapshot.version) await this.reload();
        this.checkedAt = Date.now();
      } finally {
        this.checking = undefined;
      }
    })();
    await this.checking;
  }
}

/**
 * Targets as the routing and the channels see them: the declared target (server/directory)
 * resolved against its authority — an XÖV target carries its `leser` (the authority's kennung
 * and name), a print target its letterhead — and a demo receiver URL bound to this process's
 * receiver.
 */
import type { Authority as Letterhead } from '../print/compose.ts';
import type { PrintTargetInput, XoevHttpTargetInput } from '../directory/schemas.ts';

export interface Party {
  kennung: string;
  name: string;
}

export type XoevHttpTarget = Omit<XoevHttpTargetInput, 'url'> & {
  /** Where messages are posted; undefined for a demo receiver target when no demo receiver runs here. */
  url: string | undefined;
  /** The responsible authority: the messages' `leser`. */
  leser: Party;
  authorityName: string;
};

export type PrintTarget = PrintTargetInput & {
  /** The print target's own authority as a letterhead, when it has one. */
  letterhead: Letterhead | undefined;
  authorityName: string | undefined;
};

export type Target = XoevHttpTarget | PrintTarget;

/** The bearer token a target authenticates with, resolved from the environment if named there. */
export function bearerTokenOf(target: XoevHttpTarget, env: Record<string, string | undefined>): string | undefined {
  if (!target.auth || !('bearerToken' in target.auth)) return undefined;
  const token = target.auth.bearerToken;
  return typeof token === 'string' ? token : env[token.env];
}

/** The authority a target stands for, by the name citizens know it by. */
export const authorityNameOf = (target: Target): string | undefined => target.authorityName;

/**
 * Which print target (print profile) a caseworker's letter goes to: the one the form's routes use
 * for the submission's authority, else the only print target of that authority; otherwise the
 * caseworker chooses among the candidates.
 */
import { AppError } from '../app-error.ts';
import type { PrintTarget } from '../routing/targets.ts';

export interface PrintTargetChoice {
  /** Every print target the letter may go to, sorted. */
  choices: string[];
  /** The one it goes to without a choice, if there is exactly one obvious one. */
  default: string | null;
}

/**
 * `profiles`: every print target; `routed`: the targets the form's routes can reach. A routed
 * print target counts for the authority when it is the authority's or belongs to none.
 */
export function printTargetChoice(profiles: ReadonlyMap<string, PrintTarget>, routed: readonly string[], authorityId: string): PrintTargetChoice {
  const ofAuthority = [...profiles].filter(([, t]) => t.authority === authorityId).map(([id]) => id);
  const viaRoutes = routed.filter((id) => {
    const target = profiles.get(id);
    return target !== undefined && (target.authority === authorityId || target.authority === undefined);
  });
  const choices = [...new Set([...viaRoutes, ...ofAuthority])].sort();
  const fallback = viaRoutes.length === 0 && ofAuthority.length === 1 ? ofAuthority[0]! : null;
  return { choices, default: viaRoutes.length === 1 ? viaRoutes[0]! : fallback };
}

/** The print target of the letter: the requested one if it is a choice, else the default; else a 422 naming the choices. */
export function resolvePrintTarget(choice: PrintTargetChoice, requested: string | undefined): string {
  if (choice.choices.length === 0) throw new AppError('letter_no_print_target');
  if (requested !== undefined) {
    if (!choice.choices.includes(requested)) throw new AppError('letter_print_target_unknown', { printTarget: requested, choices: choice.choices });
    return requested;
  }
  if (choice.default === null) throw new AppError('letter_print_target_required', { choices: choice.choices });
  return choice.default;
}

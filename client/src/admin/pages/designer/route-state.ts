/**
 * The routes editor's operations on plain `Route` objects, without React: a route's destination
 * (a target or a Zuständigkeit) and what goes with it (the XÖV profile, the letter template),
 * its condition read and written with the designer's condition pattern (any other `when` is kept
 * untouched), and adding, removing and reordering routes.
 */
import type { Route, RouteTarget } from '../../../../../shared/form-definition.ts';
import { compileCondition, readCondition } from '../../../../../shared/designer/conditions.ts';
import type { Condition } from '../../../../../shared/designer/model.ts';

/** `GET /api/admin/forms/:id/route-options`. */
export interface RouteOptions {
  targets: Array<{ id: string; label: string; channel: string; authority: string | null; template?: string }>;
  zustaendigkeiten: Array<{ service: string; label: string }>;
  templates: Array<{ id: string; label: string }>;
  profiles: string[];
}

export type Destination = { kind: 'target'; id: string } | { kind: 'zustaendigkeit'; service: string };

export const destinationOf = (route: Route): Destination =>
  typeof route.to === 'string' ? { kind: 'target', id: route.to } : { kind: 'zustaendigkeit', service: route.to.zustaendigkeit };

/** How the route delivers: a target's channel, by Zuständigkeit, or unknown (a target not in the directory). */
export type RouteChannel = 'xoev-http' | 'print' | 'zustaendigkeit' | 'unknown';

export function channelOf(route: Route, options: RouteOptions): RouteChannel {
  if (typeof route.to !== 'string') return 'zustaendigkeit';
  const id = route.to;
  const channel = options.targets.find((t) => t.id === id)?.channel;
  return channel === 'xoev-http' || channel === 'print' ? channel : 'unknown';
}

/**
 * The route sent elsewhere: the profile stays only where a message is sent (XÖV targets and
 * Zuständigkeiten), the template only for print targets — the draft check refuses them elsewhere.
 */
export function withDestination(route: Route, to: Destination, options: RouteOptions): Route {
  const target: RouteTarget = to.kind === 'target' ? to.id : { zustaendigkeit: to.service };
  const { template, profil, ...rest } = route;
  const next: Route = { ...rest, to: target };
  const channel = channelOf(next, options);
  if (profil !== undefined && (channel === 'xoev-http' || channel === 'zustaendigkeit')) next.profil = profil;
  if (template !== undefined && channel === 'print') next.template = template;
  return next;
}

/** The first destination of the kind, for switching between target and Zuständigkeit. */
export function firstDestination(kind: Destination['kind'], options: RouteOptions): Destination | undefined {
  if (kind === 'target') {
    const first = options.targets[0];
    return first && { kind, id: first.id };
  }
  const first = options.zustaendigkeiten[0];
  return first && { kind, service: first.service };
}

/** A new route: to the first target offered, else to the first Zuständigkeit; none when the directory offers nothing. */
export function newRoute(options: RouteOptions): Route | undefined {
  const to = firstDestination('target', options) ?? firstDestination('zustaendigkeit', options);
  return to && withDestination({ to: '' }, to, options);
}

/** The route's `profil` chosen; the default (`antragswerk`) is written only where it was written before. */
export function withProfile(route: Route, profil: string, wasExplicit = route.profil !== undefined): Route {
  const { profil: _old, ...rest } = route;
  if (profil === 'antragswerk' && !wasExplicit) return rest;
  return { ...rest, profil: profil as NonNullable<Route['profil']> };
}

/** The route's own letter template; '' = none (the print target's own template is used). */
export function withTemplate(route: Route, template: string): Route {
  const { template: _old, ...rest } = route;
  return template === '' ? rest : { ...rest, template };
}

export type RouteWhen = { kind: 'always' } | { kind: 'condition'; condition: Condition } | { kind: 'custom' };

/** The route's `when`: none, a designer condition, or a schema of its own (kept as written). */
export function whenOf(route: Route): RouteWhen {
  if (route.when === undefined) return { kind: 'always' };
  const condition = readCondition(route.when);
  return condition ? { kind: 'condition', condition } : { kind: 'custom' };
}

export function withCondition(route: Route, condition: Condition | undefined): Route {
  const { when: _old, ...rest } = route;
  if (!condition) return rest;
  // Comments belong to a field's conditional declaration; a route's `when` has no place for them.
  const { comments: _comments, ...plain } = condition;
  return { ...rest, when: compileCondition(plain) };
}

/** The list with the entry at `from` moved to `to` (routes, and the editor's keys along with them). */
export function moveRoute<T>(routes: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= routes.length || to >= routes.length) return [...routes];
  const next = [...routes];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

export const removeRoute = (routes: readonly Route[], index: number): Route[] => routes.filter((_, i) => i !== index);

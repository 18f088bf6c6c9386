/**
 * Which deliveries a submission creates: every route whose `when` accepts the data fires (no
 * `when`: always); its target is named or found by Zuständigkeit. Compiled once per published
 * form version.
 */
import type { ValidateFunction } from 'ajv';
import type { Ajv } from '../../shared/validation/ajv.ts';
import type { FormDefinition, RouteTarget } from '../../shared/form-definition.ts';
import type { Language } from '../../shared/i18n.ts';
import type { ValidationProblem } from '../../shared/validation/messages.ts';
import { getAt } from '../../shared/json-pointer.ts';
import type { FileProblem } from '../forms/load-definitions.ts';
import type { Directory, DirectorySnapshot } from '../directory/directory.ts';
import type { Party, PrintTarget, Target } from './targets.ts';
import { findZustaendigkeit } from './zustaendigkeit.ts';

export interface PlannedDelivery {
  routeIndex: number;
  targetId: string;
}

export type RoutingResult = {
  deliveries: PlannedDelivery[];
  problems: ValidationProblem[];
  /**
   * The responsible authority: the definition's own, else that of the first fired route's
   * target that has one, else none (only installation administrators see the submission).
   */
  authorityId: string | null;
};

interface CompiledRoute {
  index: number;
  when?: ValidateFunction;
  to: RouteTarget;
}

const noAuthority: Record<Language, string> = {
  de: 'Für den angegebenen Ort ist für diesen Antrag keine zuständige Stelle hinterlegt. Bitte prüfen Sie die Angabe oder wenden Sie sich an Ihre Gemeinde.',
  en: 'No responsible authority is registered for this application at the given place. Please check the entry or contact your municipality.',
};

/**
 * Start-up check: every named target exists; Zuständigkeit routes know where the regional key
 * is and find someone offering the service; the definition's own authority exists.
 */
export function routingProblems(file: string, definition: FormDefinition, directory: DirectorySnapshot): FileProblem[] {
  const problems: FileProblem[] = [];
  if (definition.authority !== undefined && !directory.authorities.has(definition.authority))
    problems.push({ file, path: '/authority', message: `unknown authority "${definition.authority}"` });
  (definition.routes ?? []).forEach((route, i) => {
    if (typeof route.to === 'string') {
      if (!directory.targets.has(route.to)) problems.push({ file, path: `/routes/${i}/to`, message: `unknown target "${route.to}"` });
    } else if (!definition.regionalschluessel) {
      problems.push({ file, path: `/routes/${i}/to`, message: 'a Zuständigkeit route needs "regionalschluessel" in the definition' });
    } else if (!directory.zustaendigkeiten.some((z) => z.leistung === (route.to as { zustaendigkeit: string }).zustaendigkeit)) {
      problems.push({ file, path: `/routes/${i}/to/zustaendigkeit`, message: 'no authority in the directory offers this service' });
    }
  });
  return problems;
}

/**
 * Forms whose submissions would have no responsible authority: no `authority` of their own and
 * no route to a target that has one. Only installation administrators see such submissions.
 */
export function formsWithoutAuthority(definitions: readonly FormDefinition[], directory: DirectorySnapshot): string[] {
  const targetsOf = (to: RouteTarget): string[] =>
    typeof to === 'string' ? [to] : directory.zustaendigkeiten.filter((z) => z.leistung === to.zustaendigkeit).map((z) => z.target);
  return definitions
    .filter(
      (d) =>
        d.authority === undefined &&
        !(d.routes ?? []).some((r) => targetsOf(r.to).some((id) => directory.targets.get(id)?.authority !== undefined)),
    )
    .map((d) => d.id);
}

export class RoutingTable {
  private readonly routes = new Map<string, CompiledRoute[]>();

  constructor(
    private readonly ajv: Ajv,
    private readonly directory: Directory,
  ) {}

  /** Picks up directory changes made by other processes (cheap when nothing changed). */
  refresh(): Promise<void> {
    return this.directory.refresh();
  }

  /** Picks up a directory change made in this process, at once. */
  reload(): Promise<void> {
    return this.directory.reload();
  }

  private get current(): DirectorySnapshot {
    return this.directory.current;
  }

  /** The directory as this process knows it now (for checking a form's routes against it). */
  get snapshot(): DirectorySnapshot {
    return this.directory.current;
  }

  private compiled(definition: FormDefinition, version: number): CompiledRoute[] {
    const key = `${definition.id}@${version}`;
    let found = this.routes.get(key);
    if (!found) {
      found = (definition.routes ?? []).map((route, index) => ({
        index,
        to: route.to,
        ...(route.when === undefined ? {} : { when: this.ajv.compile(route.when) }),
      }));
      this.routes.set(key, found);
    }
    return found;
  }

  plan(definition: FormDefinition, version: number, data: unknown, lang: Language): RoutingResult {
    return this.planWith(this.compiled(definition, version), definition, data, lang);
  }

  /**
   * The plan for a definition that is not published (the designer's test submission): its
   * routes' conditions are compiled on `ajv` for this once and kept nowhere here; the caller
   * removes them from `ajv` again.
   */
  planUnpublished(definition: FormDefinition, data: unknown, lang: Language, ajv: Ajv): RoutingResult {
    const routes = (definition.routes ?? []).map((route, index) => ({
      index,
      to: route.to,
      ...(route.when === undefined ? {} : { when: ajv.compile(route.when) }),
    }));
    return this.planWith(routes, definition, data, lang);
  }

  private planWith(routes: CompiledRoute[], definition: FormDefinition, data: unknown, lang: Language): RoutingResult {
    const deliveries: PlannedDelivery[] = [];
    const problems: ValidationProblem[] = [];
    for (const route of routes) {
      if (route.when && !route.when(data)) continue;
      if (typeof route.to === 'string') {
        deliveries.push({ routeIndex: route.index, targetId: route.to });
        continue;
      }
      const pointer = definition.regionalschluessel!;
      const key = getAt(data, pointer);
      const targetId =
        typeof key === 'string' ? findZustaendigkeit(this.current.zustaendigkeiten, route.to.zustaendigkeit, key) : undefined;
      if (targetId) deliveries.push({ routeIndex: route.index, targetId });
      else if (!problems.some((p) => p.path === pointer)) problems.push({ path: pointer, message: noAuthority[lang] });
    }
    const authorityId =
      definition.authority ?? deliveries.map((d) => this.target(d.targetId)?.authority).find((id) => id !== undefined) ?? null;
    return { deliveries, problems, authorityId };
  }

  target(id: string): Target | undefined {
    return this.current.targets.get(id);
  }

  authority(id: string) {
    return this.current.authorities.get(id);
  }

  /** The installation's XÖV `autor`, from the provisioning file. */
  get sender(): Party | undefined {
    return this.current.sender;
  }

  /** The target types in use: a process loads only their channels. */
  targetTypes(): Set<string> {
    return new Set([...this.current.targets.values()].map((t) => t.type));
  }

  /** The targets the routes of `definition` can reach: the named ones, and every one offering a Zuständigkeit route's service. */
  reachableTargets(definition: FormDefinition): string[] {
    const ids = (definition.routes ?? []).flatMap((route) =>
      typeof route.to === 'string'
        ? [route.to]
        : this.current.zustaendigkeiten.filter((z) => z.leistung === (route.to as { zustaendigkeit: string }).zustaendigkeit).map((z) => z.target),
    );
    return [...new Set(ids)];
  }

  /** Print targets by id: each is a print profile with its own batches. */
  printProfiles(): Map<string, PrintTarget> {
    return new Map([...this.current.targets].flatMap(([id, t]) => (t.type === 'print' ? [[id, t] as const] : [])));
  }
}

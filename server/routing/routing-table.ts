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
import type { PrintTarget, TargetsConfig } from './targets.ts';
import { findZustaendigkeit } from './zustaendigkeit.ts';

export interface PlannedDelivery {
  routeIndex: number;
  targetId: string;
}

export type RoutingResult = { deliveries: PlannedDelivery[]; problems: ValidationProblem[] };

interface CompiledRoute {
  index: number;
  when?: ValidateFunction;
  to: RouteTarget;
}

const noAuthority: Record<Language, string> = {
  de: 'Für den angegebenen Ort ist für diesen Antrag keine zuständige Stelle hinterlegt. Bitte prüfen Sie die Angabe oder wenden Sie sich an Ihre Gemeinde.',
  en: 'No responsible authority is registered for this application at the given place. Please check the entry or contact your municipality.',
};

/** Start-up check: every named target exists; Zuständigkeit routes know where the regional key is. */
export function routingProblems(file: string, definition: FormDefinition, targets: TargetsConfig): FileProblem[] {
  const problems: FileProblem[] = [];
  (definition.routes ?? []).forEach((route, i) => {
    if (typeof route.to === 'string') {
      if (!targets.targets[route.to]) problems.push({ file, path: `/routes/${i}/to`, message: `unknown target "${route.to}"` });
    } else if (!definition.regionalschluessel) {
      problems.push({ file, path: `/routes/${i}/to`, message: 'a Zuständigkeit route needs "regionalschluessel" in the definition' });
    } else if (!targets.zustaendigkeiten.some((z) => z.leistung === (route.to as { zustaendigkeit: string }).zustaendigkeit)) {
      problems.push({ file, path: `/routes/${i}/to/zustaendigkeit`, message: 'no authority in the directory offers this service' });
    }
  });
  return problems;
}

export class RoutingTable {
  private readonly routes = new Map<string, CompiledRoute[]>();

  constructor(
    private readonly ajv: Ajv,
    private readonly targets: TargetsConfig,
  ) {}

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
    const deliveries: PlannedDelivery[] = [];
    const problems: ValidationProblem[] = [];
    for (const route of this.compiled(definition, version)) {
      if (route.when && !route.when(data)) continue;
      if (typeof route.to === 'string') {
        deliveries.push({ routeIndex: route.index, targetId: route.to });
        continue;
      }
      const pointer = definition.regionalschluessel!;
      const key = getAt(data, pointer);
      const targetId =
        typeof key === 'string' ? findZustaendigkeit(this.targets.zustaendigkeiten, route.to.zustaendigkeit, key) : undefined;
      if (targetId) deliveries.push({ routeIndex: route.index, targetId });
      else if (!problems.some((p) => p.path === pointer)) problems.push({ path: pointer, message: noAuthority[lang] });
    }
    return { deliveries, problems };
  }

  target(id: string) {
    return this.targets.targets[id];
  }

  get sender() {
    return this.targets.sender;
  }

  /** The target types in use: a process loads only their channels. */
  targetTypes(): Set<string> {
    return new Set(Object.values(this.targets.targets).map((t) => t.type));
  }

  /** Print targets by id: each is a print profile with its own batches. */
  printProfiles(): Map<string, PrintTarget> {
    return new Map(Object.entries(this.targets.targets).flatMap(([id, t]) => (t.type === 'print' ? [[id, t] as const] : [])));
  }
}

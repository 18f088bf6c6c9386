/**
 * A field a condition can test, as `shared/designer/edit.ts` declares it (`conditionFields`):
 * key path relative to the element's object (dot-separated, as `Condition.field`), label, kind,
 * and options where it has them. A copy of that declaration until edit.ts is on this branch.
 */
import type { Element, Option } from '../../../../../shared/designer/model.ts';

export interface FieldChoice {
  field: string;
  label: string;
  kind: Element['kind'];
  options?: Option[];
}

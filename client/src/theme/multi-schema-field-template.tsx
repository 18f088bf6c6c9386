/** Alternatives (`oneOf`/`anyOf`): the selector (labelled by the select widget), then the chosen one. */
import type { MultiSchemaFieldTemplateProps } from '@rjsf/utils';

export function MultiSchemaFieldTemplate({ selector, optionSchemaField }: MultiSchemaFieldTemplateProps) {
  return (
    <div className="alternatives">
      {selector}
      {optionSchemaField}
    </div>
  );
}

/**
 * A tuple (`prefixItems`): a fieldset with the list's title, one field per fixed position with
 * that position's own schema, title (else "Koordinate 1") and uiSchema (`uiSchema.prefixItems[i]`), never moved or
 * removed; after them, if `items` allows more, further entries with the `items` schema
 * (`uiSchema.items`), each named "Bemerkung 1" and removable, and an add button up to `maxItems`.
 */
import { toFieldPathId, type FieldProps, type RJSFSchema, type UiSchema } from '@rjsf/utils';
import { useLanguage } from '../language.tsx';
import { FieldDescriptionAndHelp, FieldProblems, fieldTexts, useFieldAria } from './field-texts.tsx';
import { SectionHeading } from './heading.tsx';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export const isTuple = (schema: RJSFSchema) => schema.type === 'array' && Array.isArray(schema.prefixItems);

export function TupleField(props: FieldProps) {
  const { schema, uiSchema = {}, fieldPathId, formData, registry, onChange, onBlur, onFocus, errorSchema, disabled, readonly } = props;
  const { t } = useLanguage();
  const SchemaField = registry.fields.SchemaField!;
  const id = fieldPathId.$id;
  const aria = useFieldAria(id, schema, uiSchema);
  const values = Array.isArray(formData) ? (formData as unknown[]) : [];
  const prefix = (schema.prefixItems as unknown[]).map((member) => (isObject(member) ? (member as RJSFSchema) : {}));
  const rest = isObject(schema.items) ? (schema.items as RJSFSchema) : undefined;
  const prefixUi = Array.isArray(uiSchema.prefixItems) ? (uiSchema.prefixItems as UiSchema[]) : [];
  const restUi = isObject(uiSchema.items) ? (uiSchema.items as UiSchema) : {};
  const minItems = schema.minItems ?? 0;
  const maxItems = schema.maxItems ?? Infinity;
  const uiTitle = uiSchema['ui:title'];
  const title = typeof uiTitle === 'string' ? uiTitle : (schema.title ?? props.name);
  const restTitle = (typeof restUi['ui:title'] === 'string' ? restUi['ui:title'] : undefined) ?? rest?.title ?? t.defaultItemTitle;
  const depth = fieldPathId.path.length;

  const field = (index: number, itemSchema: RJSFSchema, itemUi: UiSchema) => (
    <SchemaField
      key={index}
      name={String(index)}
      schema={registry.schemaUtils.retrieveSchema(itemSchema, values[index])}
      uiSchema={itemUi}
      fieldPathId={toFieldPathId(index, registry.globalFormOptions, fieldPathId)}
      formData={values[index]}
      errorSchema={(errorSchema as Record<number, FieldProps['errorSchema']> | undefined)?.[index]}
      required={index < minItems}
      disabled={disabled}
      readonly={readonly}
      registry={registry}
      onChange={onChange}
      onBlur={onBlur}
      onFocus={onFocus}
    />
  );
  const extra = rest ? values.slice(prefix.length) : [];
  const remove = (index: number) => onChange(values.filter((_, i) => i !== index), fieldPathId.path);
  const add = () => onChange([...Array.from({ length: prefix.length }, (_, i) => values[i]), ...extra, undefined], fieldPathId.path);
  return (
    <fieldset id={id} className="section section--list" aria-describedby={aria['aria-describedby']}>
      <legend className="section__legend">
        <SectionHeading depth={depth} className="section__title">
          {title}
        </SectionHeading>
      </legend>
      <FieldDescriptionAndHelp id={id} texts={fieldTexts(schema, uiSchema)} />
      <FieldProblems id={id} />
      {prefix.map((itemSchema, index) => field(index, { title: t.itemTitle(title, index + 1), ...itemSchema }, prefixUi[index] ?? {}))}
      {rest &&
        extra.map((_, offset) => {
          const index = prefix.length + offset;
          const name = t.itemTitle(restTitle, offset + 1);
          return (
            <div key={index} className="list-item">
              {field(index, { ...rest, title: name }, restUi)}
              {index >= minItems && !disabled && !readonly && (
                <div className="list-item__actions">
                  <button type="button" className="button button--warning" onClick={() => remove(index)}>
                    {t.removeItem(name)}
                  </button>
                </div>
              )}
            </div>
          );
        })}
      {rest && prefix.length + extra.length < maxItems && !disabled && !readonly && (
        <button type="button" className="button button--secondary" onClick={add}>
          {t.addItem(restTitle)}
        </button>
      )}
    </fieldset>
  );
}

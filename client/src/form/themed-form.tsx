/**
 * rjsf's Form with the portal's theme. It keeps the data itself (uncontrolled): a keystroke
 * re-renders the form, not the page around it. The page reads the data through `onData`, shows
 * problems through FieldProblemsContext, and chooses the step's fields through
 * VisibleFieldsContext. rjsf never validates (noValidate): the verdict is the shared one.
 */
import Form from '@rjsf/core';
import { englishStringTranslator, TranslatableString, type RJSFSchema, type UiSchema, type ValidatorType } from '@rjsf/utils';
import { memo, type ReactNode } from 'react';
import { useLanguage } from '../language.tsx';
import { fields, templates, widgets } from '../theme/index.ts';
import { FieldProblemsContext, RootAlternativesShownContext, VisibleFieldsContext } from '../theme/contexts.ts';
import { idPrefix as portalIdPrefix, idSeparator } from './field-ids.ts';

/**
 * Defaults the form fills in by itself: none for answers the citizen must give. A `const` is
 * never pre-set (a consent, `const: true`, must be given by ticking the box), a required yes/no
 * question starts unanswered rather than "no", and a list gets its `minItems` entries only where
 * the list itself is required.
 */
const defaultFormStateBehavior = {
  constAsDefaults: 'never',
  requiredBooleanDefault: 'skip',
  arrayMinItems: { populate: 'requiredOnly' },
} as const;

interface ThemedFormProps {
  schema: RJSFSchema;
  /** rjsf's validator for `schema` (precompiled: form-validation.ts). */
  validator: ValidatorType;
  uiSchema: UiSchema;
  initialData: Record<string, unknown>;
  visibleFields: ReadonlySet<string>;
  /** Whether this step draws the selector of a root oneOf/anyOf. */
  rootAlternativesShown: boolean;
  problemsById: ReadonlyMap<string, string[]>;
  onData(data: Record<string, unknown>): void;
  onSubmit(): void;
  children: ReactNode;
  /** The ids' prefix (field-ids.ts); another than the portal's where a second form shares the page. */
  idPrefix?: string;
}

export const ThemedForm = memo(function ThemedForm(props: ThemedFormProps) {
  const { schema, validator, uiSchema, initialData, visibleFields, rootAlternativesShown, problemsById, onData, onSubmit, children, idPrefix = portalIdPrefix } = props;
  const { t } = useLanguage();
  const translateString = (key: TranslatableString, params: string[] = []) => {
    switch (key) {
      case TranslatableString.YesLabel:
        return t.yes;
      case TranslatableString.NoLabel:
        return t.no;
      // Untitled alternatives of a oneOf/anyOf: "Möglichkeit 2"
      case TranslatableString.OptionPrefix:
        return t.alternative(params[0] ?? '');
      case TranslatableString.TitleOptionPrefix:
        return `${params[0] ?? ''}: ${t.alternative(params[1] ?? '')}`;
      // A new map entry of type string starts empty, not with English "New Value".
      case TranslatableString.NewStringDefault:
        return '';
      default:
        return englishStringTranslator(key, params);
    }
  };
  return (
    <VisibleFieldsContext.Provider value={visibleFields}>
      <RootAlternativesShownContext.Provider value={rootAlternativesShown}>
        <FieldProblemsContext.Provider value={problemsById}>
          <Form
            className="form"
            schema={schema}
            uiSchema={uiSchema}
            validator={validator}
            templates={templates}
            widgets={widgets}
            fields={fields}
            initialFormData={initialData}
            idPrefix={idPrefix}
            idSeparator={idSeparator}
            experimental_defaultFormStateBehavior={defaultFormStateBehavior}
            translateString={translateString}
            noValidate
            noHtml5Validate
            showErrorList={false}
            onChange={(event) => onData((event.formData ?? {}) as Record<string, unknown>)}
            onSubmit={() => onSubmit()}
          >
            {children}
          </Form>
        </FieldProblemsContext.Provider>
      </RootAlternativesShownContext.Provider>
    </VisibleFieldsContext.Provider>
  );
});

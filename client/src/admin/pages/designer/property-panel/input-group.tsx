/**
 * "Eingabe": whether the field is required, its default value, and what its kind can be told —
 * length and pattern of a text, bounds of a number, display and options of a choice, number of
 * choices, file types and size, number of entries of a repeated group and the name of one entry,
 * whether a person or address block fills in the applicant's details.
 */
import type { AddressBlock, Element, PersonBlock } from '../../../../../../shared/designer/model.ts';
import { isPublished } from '../../../../../../shared/designer/key-edit.ts';
import { CheckField, SelectField } from '../../../components/fields.tsx';
import { useTexts } from '../../../use-texts.ts';
import { useEditor } from '../editor-context.tsx';
import { DefaultValue, hasDefault } from './default-value.tsx';
import { FileLimits } from './file-limits.tsx';
import { localProblems } from './local-input.ts';
import { OptionsEditor } from './options-editor.tsx';
import { RangeFields } from './range-fields.tsx';
import { TextRules, withConstraints } from './text-rules.tsx';
import { TextsFields } from './texts-group.tsx';
import { panelTexts } from './texts.ts';
import { useSelected, withProperty } from './use-element.ts';

const withoutRequired: ReadonlySet<Element['kind']> = new Set(['info', 'section']);

export function InputGroup() {
  const words = useTexts(panelTexts);
  const editor = useEditor();
  const { at, element, change, base } = useSelected();
  const none = localProblems({});
  if (element.kind === 'info' || element.kind === 'section') return null;
  const published = isPublished(editor.form, at, editor.publishedKeys);
  return (
    <fieldset className="designer-panel__group">
      <legend>{words.groups.input}</legend>
      {!withoutRequired.has(element.kind) && (
        <CheckField form={none} pointer={`${base}/required`} label={words.required} checked={element.required === true} onChange={(required) => change(withProperty(element, 'required', required || undefined))} />
      )}
      {hasDefault(element.kind) && <DefaultValue />}
      {(element.kind === 'text' || element.kind === 'textarea') && <TextRules />}
      {(element.kind === 'number' || element.kind === 'integer') && (
        <RangeFields
          pointer={`${base}/range`}
          labels={{ min: words.minimum, max: words.maximum }}
          kind={element.kind}
          min={element.constraints?.minimum}
          max={element.constraints?.maximum}
          onChange={(minimum, maximum) => change(withConstraints(element, { minimum, maximum }))}
        />
      )}
      {element.kind === 'choice' && (
        <>
          <SelectField
            form={none}
            pointer={`${base}/display`}
            label={words.display}
            value={element.display}
            options={[
              { value: 'radio', label: words.displays.radio },
              { value: 'dropdown', label: words.displays.dropdown },
            ]}
            onChange={(display) => change({ ...element, display: display === 'dropdown' ? 'dropdown' : 'radio' })}
          />
          <OptionsEditor
            pointer={`${base}/options`}
            options={element.options}
            valueType={element.valueType}
            follows={!published}
            onChange={(options) => {
              const next = { ...element, options };
              change(options.some((o) => o.value === element.default) ? next : withProperty(next, 'default', undefined));
            }}
          />
        </>
      )}
      {element.kind === 'multiChoice' && (
        <>
          <OptionsEditor pointer={`${base}/options`} options={element.options} valueType="string" follows={!published} onChange={(options) => change({ ...element, options })} />
          <RangeFields
            pointer={`${base}/items`}
            labels={{ min: words.minItems, max: words.maxItems }}
            kind="count"
            min={element.minItems}
            max={element.maxItems}
            onChange={(minItems, maxItems) => change(withProperty(withProperty(element, 'minItems', minItems), 'maxItems', maxItems))}
          />
        </>
      )}
      {element.kind === 'file' && <FileLimits />}
      {element.kind === 'repeat' && (
        <>
          <RangeFields
            pointer={`${base}/entries`}
            labels={{ min: words.minEntries, max: words.maxEntries }}
            kind="count"
            min={element.minItems}
            max={element.maxItems}
            onChange={(minItems, maxItems) => change(withProperty(withProperty(element, 'minItems', minItems), 'maxItems', maxItems))}
          />
          <p className="field-hint">{words.itemLabelHint}</p>
          <TextsFields
            pointer={`${base}/itemLabel`}
            label={words.itemLabel}
            labelEn={words.itemLabelEn}
            value={element.item.kind === 'raw' ? undefined : element.item.label}
            onChange={(label) => element.item.kind !== 'raw' && change({ ...element, item: withProperty(element.item, 'label', label) })}
          />
        </>
      )}
      {(element.kind === 'person' || element.kind === 'address') && <FillsApplicant element={element} />}
    </fieldset>
  );
}

function FillsApplicant({ element }: { element: PersonBlock | AddressBlock }) {
  const words = useTexts(panelTexts);
  const editor = useEditor();
  const { change, base } = useSelected();
  const other = editor.form.steps
    .flatMap((s) => s.elements)
    .flatMap(function all(e: Element): Element[] {
      return e.kind === 'section' ? [e, ...e.elements.flatMap(all)] : [e];
    })
    .find((e) => e !== element && e.kind === element.kind && (e as PersonBlock).fillsApplicant);
  const id = `${base.replace(/\W+/g, '-').replace(/^-/, '')}-fills-applicant`;
  return (
    <div className="field">
      <div className="choice">
        <input
          id={id}
          className="choice__input"
          type="checkbox"
          checked={element.fillsApplicant === true}
          disabled={!element.fillsApplicant && other !== undefined}
          aria-describedby={other && !element.fillsApplicant ? `${id}__hint` : undefined}
          onChange={(event) => change(withProperty(element, 'fillsApplicant', event.target.checked || undefined))}
        />
        <label htmlFor={id} className="choice__label">
          {words.fillsApplicant}
        </label>
      </div>
      {other && !element.fillsApplicant && (
        <p id={`${id}__hint`} className="field-hint">
          {words.fillsApplicantTaken(('label' in other && other.label?.de) || other.key)}
        </p>
      )}
    </div>
  );
}

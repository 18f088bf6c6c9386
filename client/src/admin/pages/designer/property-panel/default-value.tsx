/** The default value, its input following the kind: text, date, number, yes/no, one of the options. */
import type { ChoiceElement, Element } from '../../../../../../shared/designer/model.ts';
import { numberText, parseNumberText } from '../../../../../../shared/designer/property-input.ts';
import { SelectField, TextField } from '../../../components/fields.tsx';
import { useLanguage } from '../../../../language.tsx';
import { useTexts } from '../../../use-texts.ts';
import { localProblems, useLocalText } from './local-input.ts';
import { panelTexts } from './texts.ts';
import { useSelected, withProperty } from './use-element.ts';

const textKinds: ReadonlySet<Element['kind']> = new Set(['text', 'textarea', 'email', 'phone', 'iban', 'date']);

export const hasDefault = (kind: Element['kind']): boolean => textKinds.has(kind) || ['number', 'integer', 'boolean', 'choice'].includes(kind);

export function DefaultValue() {
  const words = useTexts(panelTexts);
  const { element, change, base } = useSelected();
  const pointer = `${base}/default`;
  const none = localProblems({});
  const current = element.kind === 'raw' ? undefined : element.default;
  const set = (value: unknown) => change(withProperty(element, 'default', value));
  if (textKinds.has(element.kind))
    return (
      <TextField
        form={none}
        pointer={pointer}
        label={words.default}
        hint={words.defaultHint}
        type={element.kind === 'date' ? 'date' : 'text'}
        value={typeof current === 'string' ? current : ''}
        onChange={(text) => set(text === '' ? undefined : text)}
      />
    );
  if (element.kind === 'number' || element.kind === 'integer') return <NumberDefault kind={element.kind} />;
  if (element.kind === 'boolean')
    return (
      <SelectField
        form={none}
        pointer={pointer}
        label={words.default}
        hint={words.defaultHint}
        value={current === true ? 'true' : current === false ? 'false' : ''}
        options={[
          { value: '', label: words.noDefault },
          { value: 'true', label: words.yes },
          { value: 'false', label: words.no },
        ]}
        onChange={(value) => set(value === '' ? undefined : value === 'true')}
      />
    );
  if (element.kind === 'choice') return <ChoiceDefault element={element} />;
  return null;
}

function NumberDefault({ kind }: { kind: 'number' | 'integer' }) {
  const words = useTexts(panelTexts);
  const { element, change, base } = useSelected();
  const current = element.kind === 'raw' ? undefined : element.default;
  const model = typeof current === 'number' ? current : undefined;
  const [text, typed] = useLocalText(numberText(model));
  const parsed = parseNumberText(text, kind);
  const pointer = `${base}/default`;
  return (
    <TextField
      form={localProblems({ [pointer]: parsed.ok ? undefined : words.numberProblems[parsed.problem] })}
      pointer={pointer}
      label={words.default}
      hint={words.defaultHint}
      inputMode={kind === 'integer' ? 'numeric' : 'text'}
      value={text}
      onChange={(next) => {
        const reading = parseNumberText(next, kind);
        if (!reading.ok) return typed(next, numberText(model));
        typed(next, numberText(reading.value));
        if (reading.value !== model) change(withProperty(element, 'default', reading.value));
      }}
    />
  );
}

function ChoiceDefault({ element }: { element: ChoiceElement }) {
  const words = useTexts(panelTexts);
  const { lang } = useLanguage();
  const { change, base } = useSelected();
  const index = element.options.findIndex((o) => o.value === element.default);
  return (
    <SelectField
      form={localProblems({})}
      pointer={`${base}/default`}
      label={words.default}
      hint={words.defaultHint}
      value={index < 0 ? '' : String(index)}
      options={[
        { value: '', label: words.noDefault },
        ...element.options.map((o, i) => ({ value: String(i), label: (lang === 'en' ? o.label?.en : undefined) || o.label?.de || String(o.value) })),
      ]}
      onChange={(value) => change(withProperty(element, 'default', value === '' ? undefined : element.options[Number(value)]?.value))}
    />
  );
}

/**
 * The condition editor, shared by the property panel (a field shown only under a condition) and
 * the routes (a route taken only under a condition): "only when ‹field› ‹is / is not / is one of /
 * is filled› ‹value›", the value control following the field (an option of a choice, yes/no, a
 * number, a text). It keeps what the designer has chosen so far and hands on only complete
 * conditions; while one is incomplete it says what is missing and what still applies.
 */
import { useEffect, useState } from 'react';
import type { Condition } from '../../../../../shared/designer/model.ts';
import { useLanguage } from '../../../language.tsx';
import { useTexts } from '../../use-texts.ts';
import { controlFor, draftOf, opsFor, readDraft, sameCondition, withField, withOp, type ConditionDraft, type Op } from './condition-state.ts';
import { conditionTexts, describeCondition } from './condition-texts.ts';
import type { FieldChoice } from '../../../../../shared/designer/edit.ts';

export interface ConditionEditorProps {
  condition: Condition | undefined;
  fields: FieldChoice[];
  onChange(condition: Condition | undefined): void;
  /** Prefix of the controls' ids: unique on the page. */
  idPrefix: string;
  /** Words for a field ('show', default) or a route ('route'). */
  wording?: 'show' | 'route';
}

export function ConditionEditor({ condition, fields, onChange, idPrefix, wording = 'show' }: ConditionEditorProps) {
  const words = useTexts(conditionTexts);
  const { lang } = useLanguage();
  const [draft, setDraft] = useState<ConditionDraft>(() => draftOf(condition, fields));

  // A condition changed from outside (undo, another panel): the editor shows it.
  useEffect(() => {
    setDraft((current) => (sameCondition(readDraft(current, fields).condition, condition) ? current : draftOf(condition, fields)));
  }, [condition, fields]);

  const update = (next: ConditionDraft) => {
    setDraft(next);
    const read = readDraft(next, fields);
    if (read.missing) return;
    if (!sameCondition(read.condition, condition)) onChange(read.condition);
  };

  const id = (part: string) => `${idPrefix}-${part}`;
  const choice = fields.find((f) => f.field === draft.field);
  const ops = opsFor(draft.field === '' ? undefined : choice);
  if (!ops.includes(draft.op)) ops.push(draft.op);
  const control = controlFor(choice, draft.op, draft.value);
  const { missing } = readDraft(draft, fields);
  const knownField = draft.field === '' || choice !== undefined;

  return (
    <fieldset className="field condition-editor">
      <legend className="field-label">{words.legend[wording]}</legend>
      <div className="choice">
        <input
          id={id('on')}
          className="choice__input"
          type="checkbox"
          checked={draft.on}
          onChange={(event) => update(event.target.checked ? { ...draft, on: true } : { on: false, field: '', op: 'is', text: '' })}
        />
        <label htmlFor={id('on')} className="choice__label">
          {words.toggle[wording]}
        </label>
      </div>
      {draft.on && (
        <div className="condition-editor__rule">
          <p className="field-hint">{words.sentence[wording]}</p>
          {fields.length === 0 && draft.field === '' ? (
            <p className="field-hint">{words.noFields}</p>
          ) : (
            <>
              <div className="field">
                <label htmlFor={id('field')} className="field-label">
                  {words.field}
                </label>
                <select id={id('field')} className="select" value={draft.field} onChange={(event) => update(withField(draft, event.target.value, fields))}>
                  <option value="">{words.chooseField}</option>
                  {fields.map((f) => (
                    <option key={f.field} value={f.field}>
                      {f.label}
                    </option>
                  ))}
                  {!knownField && <option value={draft.field}>{words.unknownField(draft.field)}</option>}
                </select>
              </div>
              {draft.field !== '' && (
                <div className="field">
                  <label htmlFor={id('op')} className="field-label">
                    {words.op}
                  </label>
                  {ops.length === 1 && <p className="field-hint" id={id('op-hint')}>{words.onlyFilled}</p>}
                  <select
                    id={id('op')}
                    className="select"
                    value={draft.op}
                    aria-describedby={ops.length === 1 ? id('op-hint') : undefined}
                    onChange={(event) => update(withOp(draft, event.target.value as Op))}
                  >
                    {ops.map((op) => (
                      <option key={op} value={op}>
                        {words.ops[op]}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              {draft.field !== '' && control !== 'none' && (
                <ValueControl draft={draft} choice={choice} control={control} id={id} update={update} lang={lang} />
              )}
            </>
          )}
          <p className="field-hint" role="status" id={id('state')}>
            {missing
              ? `${words.missing[missing]} ${condition ? words.kept(describeCondition(condition, fields, words, lang)) : words.keptNone}`
              : condition
                ? `${words.current(describeCondition(condition, fields, words, lang))} ${words.emptyNote}`
                : ''}
          </p>
        </div>
      )}
    </fieldset>
  );
}

interface ValueControlProps {
  draft: ConditionDraft;
  choice: FieldChoice | undefined;
  control: Exclude<ReturnType<typeof controlFor>, 'none'>;
  id(part: string): string;
  update(next: ConditionDraft): void;
  lang: 'de' | 'en';
}

function ValueControl({ draft, choice, control, id, update, lang }: ValueControlProps) {
  const words = useTexts(conditionTexts);
  const list = draft.op === 'oneOf';

  if (control === 'options' || control === 'boolean') {
    const options =
      control === 'boolean'
        ? [
            { value: true as unknown, label: words.yes },
            { value: false as unknown, label: words.no },
          ]
        : (choice?.options ?? []).map((o) => ({
            value: o.value as unknown,
            label: (lang === 'en' ? o.label?.en : undefined) ?? o.label?.de ?? String(o.value),
          }));
    const chosen: unknown[] = list ? (Array.isArray(draft.value) ? draft.value : []) : draft.value === undefined ? [] : [draft.value];
    // A value the field no longer offers stays visible (and chosen) until the designer picks another.
    for (const value of chosen)
      if (!options.some((o) => o.value === value)) options.push({ value, label: words.unknownValue(typeof value === 'string' ? value : JSON.stringify(value)) });

    if (list)
      return (
        <fieldset className="field">
          <legend className="field-label">{words.values}</legend>
          <div className="choices">
            {options.map((o, i) => (
              <div className="choice" key={i}>
                <input
                  id={id(`value-${i}`)}
                  className="choice__input"
                  type="checkbox"
                  checked={chosen.includes(o.value)}
                  onChange={(event) => {
                    const picked = event.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value);
                    update({ ...draft, value: options.map((x) => x.value).filter((v) => picked.includes(v)) });
                  }}
                />
                <label htmlFor={id(`value-${i}`)} className="choice__label">
                  {o.label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      );

    if (control === 'boolean')
      return (
        <fieldset className="field">
          <legend className="field-label">{words.value}</legend>
          <div className="choices choices--inline">
            {options.map((o, i) => (
              <div className="choice" key={i}>
                <input
                  id={id(`value-${i}`)}
                  className="choice__input"
                  type="radio"
                  name={id('value')}
                  checked={draft.value === o.value}
                  onChange={() => update({ ...draft, value: o.value })}
                />
                <label htmlFor={id(`value-${i}`)} className="choice__label">
                  {o.label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      );

    const index = options.findIndex((o) => o.value === draft.value);
    return (
      <div className="field">
        <label htmlFor={id('value')} className="field-label">
          {words.value}
        </label>
        <select
          id={id('value')}
          className="select"
          value={index < 0 ? '' : String(index)}
          onChange={(event) => {
            const picked = event.target.value === '' ? undefined : options[Number(event.target.value)];
            const { value: _value, ...rest } = draft;
            update(picked ? { ...rest, value: picked.value } : rest);
          }}
        >
          <option value="">{words.chooseValue}</option>
          {options.map((o, i) => (
            <option key={i} value={String(i)}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    );
  }

  const numeric = control === 'number' || control === 'integer';
  if (list)
    return (
      <div className="field">
        <label htmlFor={id('value')} className="field-label">
          {words.values}
        </label>
        <p className="field-hint" id={id('value-hint')}>
          {words.valuesHint}
        </p>
        <textarea
          id={id('value')}
          className="textarea"
          rows={4}
          value={draft.text}
          aria-describedby={id('value-hint')}
          inputMode={numeric ? 'decimal' : undefined}
          onChange={(event) => update({ ...draft, text: event.target.value })}
        />
      </div>
    );
  return (
    <div className="field">
      <label htmlFor={id('value')} className="field-label">
        {words.value}
      </label>
      <input
        id={id('value')}
        className="input"
        type={numeric ? 'number' : 'text'}
        step={control === 'integer' ? 1 : numeric ? 'any' : undefined}
        value={draft.text}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => update({ ...draft, text: event.target.value })}
      />
    </div>
  );
}

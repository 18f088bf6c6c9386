/** The words of the condition editor, German and English, for a field ('show') and for a route ('route'). */
import type { Condition } from '../../../../../shared/designer/model.ts';
import type { Missing, Op } from './condition-state.ts';
import type { FieldChoice } from '../../../../../shared/designer/edit.ts';

export const conditionTexts = {
  de: {
    legend: { show: 'Bedingung für die Anzeige', route: 'Bedingung der Weiterleitung' },
    toggle: { show: 'Nur unter einer Bedingung zeigen', route: 'Nur unter einer Bedingung weiterleiten' },
    sentence: { show: 'Nur zeigen (und verlangen), wenn …', route: 'Nur weiterleiten, wenn …' },
    field: 'Feld',
    chooseField: '– Feld wählen –',
    unknownField: (key: string) => `${key} (kein Feld dieses Formulars)`,
    op: 'Vergleich',
    ops: { is: 'ist', isNot: 'ist nicht', oneOf: 'ist eines von', filled: 'ist ausgefüllt' } satisfies Record<Op, string>,
    value: 'Wert',
    values: 'Werte',
    chooseValue: '– Wert wählen –',
    unknownValue: (value: string) => `${value} (keine Option des Felds)`,
    yes: 'Ja',
    no: 'Nein',
    valuesHint: 'Ein Wert je Zeile.',
    onlyFilled: 'Bei diesem Feld lässt sich nur prüfen, ob es ausgefüllt ist.',
    noFields: 'Es gibt noch kein Feld, das sich prüfen lässt. Legen Sie zuerst ein Feld an.',
    missing: {
      field: 'Die Bedingung ist noch unvollständig: Wählen Sie ein Feld.',
      value: 'Die Bedingung ist noch unvollständig: Geben Sie einen Wert an.',
      values: 'Die Bedingung ist noch unvollständig: Wählen Sie mindestens einen Wert.',
      number: 'Die Bedingung ist noch unvollständig: Der Wert muss eine Zahl sein.',
      integer: 'Die Bedingung ist noch unvollständig: Der Wert muss eine ganze Zahl sein.',
    } satisfies Record<Missing, string>,
    kept: (d: string) => `Bis dahin bleibt die bisherige Bedingung: ${d}.`,
    keptNone: 'Bis dahin gilt keine Bedingung.',
    current: (d: string) => `Bedingung: ${d}.`,
    quoted: (s: string) => `„${s}“`,
    emptyNote: 'Ein leeres Feld erfüllt keine Bedingung, auch nicht „ist nicht“.',
  },
  en: {
    legend: { show: 'Condition for showing', route: 'Condition of the route' },
    toggle: { show: 'Show only under a condition', route: 'Route only under a condition' },
    sentence: { show: 'Show (and require) only when …', route: 'Route only when …' },
    field: 'Field',
    chooseField: '– choose a field –',
    unknownField: (key: string) => `${key} (no field of this form)`,
    op: 'Comparison',
    ops: { is: 'is', isNot: 'is not', oneOf: 'is one of', filled: 'is filled in' } satisfies Record<Op, string>,
    value: 'Value',
    values: 'Values',
    chooseValue: '– choose a value –',
    unknownValue: (value: string) => `${value} (no option of the field)`,
    yes: 'Yes',
    no: 'No',
    valuesHint: 'One value per line.',
    onlyFilled: 'For this field, only whether it is filled in can be tested.',
    noFields: 'There is no field yet that can be tested. Add a field first.',
    missing: {
      field: 'The condition is incomplete: choose a field.',
      value: 'The condition is incomplete: enter a value.',
      values: 'The condition is incomplete: choose at least one value.',
      number: 'The condition is incomplete: the value must be a number.',
      integer: 'The condition is incomplete: the value must be a whole number.',
    } satisfies Record<Missing, string>,
    kept: (d: string) => `Until then the previous condition stays: ${d}.`,
    keptNone: 'Until then no condition applies.',
    current: (d: string) => `Condition: ${d}.`,
    quoted: (s: string) => `“${s}”`,
    emptyNote: 'An empty field meets no condition, not even “is not”.',
  },
};

export type ConditionWords = (typeof conditionTexts)['de'];

/** A condition in words: "„Art“ ist „Gewerbe“", with the field's label and the options' labels where there are any. */
export function describeCondition(condition: Condition, fields: readonly FieldChoice[], words: ConditionWords, lang: 'de' | 'en'): string {
  const choice = fields.find((f) => f.field === condition.field);
  const valueWords = (value: unknown): string => {
    const option = choice?.options?.find((o) => o.value === value);
    if (option) return words.quoted((lang === 'en' ? option.label?.en : undefined) ?? option.label?.de ?? String(option.value));
    if (typeof value === 'boolean') return value ? words.yes : words.no;
    return words.quoted(typeof value === 'string' ? value : JSON.stringify(value));
  };
  const subject = `${words.quoted(choice?.label ?? condition.field)} ${words.ops[condition.op]}`;
  if (condition.op === 'filled') return subject;
  if (condition.op === 'oneOf') {
    const values = (Array.isArray(condition.value) ? condition.value : []).map(valueWords);
    return `${subject} ${values.join(', ')}`;
  }
  return `${subject} ${valueWords(condition.value)}`;
}

/**
 * What the designer's canvas says about elements without asking per card: the reference counts
 * of one walk of the form equal `referencesTo` for every element of every sample form and of a
 * form with conditions in sections, repeated groups and routes; condition summaries name the
 * field's label and the option's label.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { childSegments, childrenOf, conditionSummary, elementsByKey, referenceCounts, segmentsKey } from '../../client/src/admin/pages/designer/canvas/describe.ts';
import { canvasTexts } from '../../client/src/admin/pages/designer/canvas/texts.ts';
import { referencesTo, type ElementAddress } from '../../shared/designer/edit.ts';
import { compileCondition } from '../../shared/designer/conditions.ts';
import { fromDefinition } from '../../shared/designer/from-definition.ts';
import type { DesignerForm, Element } from '../../shared/designer/model.ts';
import type { FormDefinition } from '../../shared/form-definition.ts';

const formsDir = fileURLToPath(new URL('../../forms/', import.meta.url));

function assertCountsMatch(form: DesignerForm, name: string): number {
  const counts = referenceCounts(form);
  let referenced = 0;
  const walk = (elements: Element[], step: number, path: number[], holder: string[]) =>
    elements.forEach((element, i) => {
      const at: ElementAddress = { step, path: [...path, i] };
      const expected = referencesTo(form, at).length;
      referenced += expected;
      assert.equal(counts.get(segmentsKey([...holder, element.key])) ?? 0, expected, `${name}: references to ${[...holder, element.key].join('.')}`);
      const children = childrenOf(element);
      if (children) walk(children, step, at.path, childSegments(holder, element));
    });
  form.steps.forEach((s, i) => walk(s.elements, i, [], []));
  return referenced;
}

const text = (key: string, extra: Partial<Element> = {}): Element => ({ kind: 'text', key, label: { de: key.toUpperCase() }, ...extra }) as Element;

const nested: DesignerForm = {
  id: 'verweise',
  title: { de: 'Verweise' },
  steps: [
    {
      key: 'eins',
      title: { de: 'Eins' },
      elements: [
        {
          kind: 'choice',
          key: 'art',
          label: { de: 'Art' },
          display: 'radio',
          valueType: 'string',
          options: [
            { value: 'hund', label: { de: 'Hund' } },
            { value: 'katze', label: { de: 'Katze' } },
          ],
        },
        {
          kind: 'section',
          key: 'halter',
          label: { de: 'Halter' },
          elements: [text('name'), text('firma', { condition: { field: 'name', op: 'filled' } }), text('ort')],
        },
        text('rasse', { condition: { field: 'art', op: 'oneOf', value: ['hund', 'katze'] } }),
      ],
    },
    {
      key: 'zwei',
      title: { de: 'Zwei' },
      elements: [
        text('notiz', { condition: { field: 'halter.ort', op: 'is', value: 'Bonn' } }),
        { kind: 'repeat', key: 'kinder', label: { de: 'Kinder' }, item: { kind: 'section', key: '', elements: [text('vorname'), text('alter', { condition: { field: 'vorname', op: 'filled' } })] } },
      ],
    },
  ],
  routes: [{ to: 'steueramt', when: compileCondition({ field: 'art', op: 'is', value: 'hund' }) } as never],
};

describe('canvas descriptions', () => {
  test('reference counts equal referencesTo in a form with sections, repeated groups and routes', () => {
    assert.equal(assertCountsMatch(nested, 'nested'), 6);
    const counts = referenceCounts(nested);
    assert.equal(counts.get('art'), 2, 'a condition and a route');
    assert.equal(counts.get('halter'), 1, 'the note on step 2 refers into the section; the condition inside it does not count');
  });

  test('reference counts equal referencesTo for every sample form', () => {
    const files = readdirSync(formsDir).filter((f) => f.endsWith('.json'));
    assert.ok(files.length > 0);
    let total = 0;
    for (const file of files) {
      const definition = JSON.parse(readFileSync(formsDir + file, 'utf8')) as FormDefinition;
      total += assertCountsMatch(fromDefinition(definition), file);
    }
    assert.ok(total > 0, 'some sample form has conditions');
  });

  test('condition summaries name the field and the option by their labels', () => {
    const steps = nested.steps;
    const top = elementsByKey(steps.flatMap((s) => s.elements));
    const rasse = steps[0]!.elements[2]!;
    assert.equal(conditionSummary(rasse.condition!, top, canvasTexts.de, 'de'), 'nur wenn „Art“ ist eines von „Hund“, „Katze“');
    const notiz = steps[1]!.elements[0]!;
    assert.equal(conditionSummary(notiz.condition!, top, canvasTexts.de, 'de'), 'nur wenn „Halter › ORT“ ist „Bonn“');
    const halter = steps[0]!.elements[1]!;
    const firma = childrenOf(halter)![1]!;
    assert.equal(conditionSummary(firma.condition!, elementsByKey(childrenOf(halter)!), canvasTexts.en, 'en'), 'only if “NAME” is filled in');
    assert.equal(conditionSummary({ field: 'weg', op: 'is', value: true }, top, canvasTexts.de, 'de'), 'nur wenn „weg“ ist Ja');
  });
});

/**
 * A form built only with the designer's edit actions, from every kind of the palette (also inside
 * a section and a repeated group, on two steps, with a condition): its definition passes the
 * start-up checks and reads back into the same model.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkDefinition } from '../../server/forms/check-definition.ts';
import { definitionMetaSchema } from '../../server/forms/load-definitions.ts';
import { formXsd } from '../../server/xoev/xsd-generate.ts';
import { applyEdit, containerElements, elementAt, type EditAction } from '../../shared/designer/edit.ts';
import { fromDefinition } from '../../shared/designer/from-definition.ts';
import type { DesignerForm } from '../../shared/designer/model.ts';
import { paletteEntries } from '../../shared/designer/palette.ts';
import { toDefinition } from '../../shared/designer/to-definition.ts';
import { createAjv } from '../../shared/validation/ajv.ts';
import { compileFormValidator } from '../../shared/validation/form-validator.ts';

const empty: DesignerForm = {
  id: 'palette',
  title: { de: 'Alles aus der Palette', en: 'Everything from the palette' },
  authority: 'steueramt',
  steps: [{ key: 'schritt-1', title: { de: 'Schritt 1', en: 'Step 1' }, elements: [] }],
};

function build(): DesignerForm {
  let form = empty;
  const run = (action: EditAction) => {
    const result = applyEdit(form, action);
    assert.notEqual(result.form, form, JSON.stringify(action));
    form = result.form;
    return result.selected;
  };
  for (const { kind } of paletteEntries) run({ type: 'add', kind, into: { step: 0, path: [] } });
  run({ type: 'addStep' });
  // The same again on step 2 (new keys, and the second blocks do not fill the applicant) …
  for (const { kind } of paletteEntries) run({ type: 'add', kind, into: { step: 1, path: [] } });
  // … inside the section and inside the repeated group's item.
  const section = form.steps[0]!.elements.findIndex((e) => e.kind === 'section');
  const repeat = form.steps[0]!.elements.findIndex((e) => e.kind === 'repeat');
  for (const { kind } of paletteEntries) {
    run({ type: 'add', kind, into: { step: 0, path: [section] } });
    run({ type: 'add', kind, into: { step: 0, path: [repeat] } });
  }
  // A condition on the choice, written by the property panel.
  const at = { step: 1, path: [1] };
  run({ type: 'update', at, element: { ...elementAt(form, at)!, condition: { field: 'auswahl', op: 'is', value: 'option2' } } });
  return form;
}

describe('a form built from every kind of the palette', () => {
  const form = build();
  const definition = toDefinition(form);
  const ajv = createAjv();

  test('the keys are unique in each object and the item has its own', () => {
    const top = [...form.steps[0]!.elements, ...form.steps[1]!.elements].map((e) => e.key);
    assert.equal(new Set(top).size, top.length);
    assert.ok(top.includes('kurzerText2') && top.includes('anschrift2'));
    const repeat = form.steps[0]!.elements.findIndex((e) => e.kind === 'repeat');
    const item = containerElements(form, { step: 0, path: [repeat] })!.map((e) => e.key);
    assert.equal(new Set(item).size, item.length);
    assert.deepEqual(item.slice(0, 3), ['kurzerText', 'kurzerText2', 'langerText']);
  });

  test('passes the start-up checks and gives an XSD', () => {
    assert.deepEqual(checkDefinition(ajv, ajv.compile(definitionMetaSchema), definition, 'palette'), []);
    assert.match(formXsd(definition, 1), /<xs:element name="wiederholteGruppe"/);
  });

  test('the first blocks fill the applicant', () => {
    assert.deepEqual(definition.applicant, {
      vorname: '/person/vorname',
      familienname: '/person/familienname',
      strasse: '/anschrift/strasse',
      hausnummer: '/anschrift/hausnummer',
      postleitzahl: '/anschrift/postleitzahl',
      ort: '/anschrift/ort',
    });
  });

  test('every text has its English translation', () => {
    const en = definition.i18n!.en!;
    assert.equal(en['/schema/properties/kurzerText/title'], 'Short text');
    assert.equal(en['/uiSchema/auswahl/ui:enumNames/1'], 'Option 2');
    assert.equal(en['/schema/properties/hinweis/description'], 'Note');
    assert.equal(en['/uiSchema/ui:steps/1/title'], 'Step 2');
  });

  test('empty data of the required blocks is refused, the condition holds', () => {
    const validate = compileFormValidator(ajv, definition);
    const paths = validate({}, 'de').map((p) => p.path);
    assert.ok(paths.includes('/person') && paths.includes('/anschrift'), paths.join());
    const wrong = validate({ auswahl: 'option2', kurzerText2: 5 }, 'de').map((p) => p.path);
    assert.ok(wrong.includes('/kurzerText2'), wrong.join());
  });

  test('reads back into the same model', () => {
    assert.deepEqual(fromDefinition(definition), { ...form, root: {} });
  });
});

describe('edited further', () => {
  const ajv = createAjv();
  const validateDefinition = ajv.compile(definitionMetaSchema);
  const sound = (form: DesignerForm) => {
    const definition = toDefinition(form);
    assert.deepEqual(checkDefinition(ajv, validateDefinition, definition, 'palette'), []);
    assert.deepEqual(fromDefinition(definition), { ...form, root: {} });
  };

  test('a section and a group emptied of their fields stay a section and a group', () => {
    let form = build();
    const section = form.steps[1]!.elements.findIndex((e) => e.kind === 'section');
    const repeat = form.steps[1]!.elements.findIndex((e) => e.kind === 'repeat');
    form = applyEdit(form, { type: 'remove', at: { step: 1, path: [section, 0] } }).form;
    form = applyEdit(form, { type: 'remove', at: { step: 1, path: [repeat, 0] } }).form;
    assert.deepEqual(containerElements(form, { step: 1, path: [section] }), []);
    assert.deepEqual(containerElements(form, { step: 1, path: [repeat] }), []);
    sound(form);
  });

  test('after moves between steps, into and out of groups, renames and a removed step', () => {
    let form = build();
    const run = (action: EditAction) => {
      const result = applyEdit(form, action);
      assert.notEqual(result.form, form, JSON.stringify(action));
      form = result.form;
      return result.selected!;
    };
    const section = form.steps[0]!.elements.findIndex((e) => e.kind === 'section');
    const repeat = form.steps[0]!.elements.findIndex((e) => e.kind === 'repeat');
    // The conditional field of step 2 into the section: its condition (auswahl, a root field) goes.
    const moved = run({ type: 'move', from: { step: 1, path: [1] }, into: { step: 0, path: [section] }, index: 0 });
    assert.equal(elementAt(form, moved)!.condition, undefined);
    assert.equal(elementAt(form, moved)!.key, 'langerText2', 'free in the section: the key stays');
    // The root's choice into the group, then a field of the group out to step 2 (key taken there).
    run({ type: 'move', from: { step: 0, path: [10] }, into: { step: 0, path: [repeat] }, index: 0 });
    const out = run({ type: 'move', from: { step: 0, path: [repeat - 1, 1] }, into: { step: 1, path: [] }, index: 0 });
    assert.equal(elementAt(form, out)!.key, 'kurzerText3');
    // The choice of step 2 renamed: the condition on it follows.
    const conditional = run({ type: 'update', at: { step: 1, path: [2] }, element: { ...elementAt(form, { step: 1, path: [2] })!, condition: { field: 'auswahl2', op: 'is', value: 'option1' } } });
    const choice = form.steps[1]!.elements.findIndex((e) => e.key === 'auswahl2');
    run({ type: 'update', at: { step: 1, path: [choice] }, element: { ...elementAt(form, { step: 1, path: [choice] })!, key: 'art' } });
    assert.deepEqual(elementAt(form, conditional)!.condition, { field: 'art', op: 'is', value: 'option1' });
    run({ type: 'addStep', title: { de: 'Abschluss', en: 'Finish' }, index: 1 });
    // An empty step is a problem of the draft (every step names a field) until it has one.
    assert.deepEqual(checkDefinition(ajv, validateDefinition, toDefinition(form), 'palette').map((p) => p.path), ['/uiSchema/ui:steps/1/fields']);
    run({ type: 'add', kind: 'boolean', into: { step: 1, path: [] } });
    run({ type: 'moveStep', from: 2, to: 0 });
    run({ type: 'removeStep', step: 0 });
    sound(form);
  });
});

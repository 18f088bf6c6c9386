import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileCondition, readCondition } from './conditions.ts';
import { applyEdit, conditionFields, containerElements, elementAt, moveTargets, referencesTo, type EditAction } from './edit.ts';
import { fromDefinition } from './from-definition.ts';
import type { ChoiceElement, DesignerForm, Element } from './model.ts';
import { toDefinition } from './to-definition.ts';

/** Freezes the whole form: an edit that changed its input would throw. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const text = (key: string, de: string, extra: Partial<Element> = {}): Element => ({ kind: 'text', key, label: { de }, ...extra }) as Element;

function sample(): DesignerForm {
  return deepFreeze<DesignerForm>({
    id: 'hundesteuer',
    title: { de: 'Hundesteuer' },
    regionalschluessel: '/halter/anschrift/ort',
    applicant: { email: '/email', ort: '/halter/anschrift/ort' },
    routes: [
      { when: compileCondition({ field: 'art', op: 'is', value: 'firma' }), to: 'gewerbeamt' },
      { when: compileCondition({ field: 'halter.staat', op: 'isNot', value: 'DE' }), to: 'auslaenderbehoerde' },
      { when: { required: ['art'], not: { required: ['email'] } }, to: 'sonderfall' },
      { to: 'steueramt' },
    ],
    steps: [
      {
        key: 'halter',
        title: { de: 'Halter', en: 'Keeper' },
        elements: [
          {
            kind: 'choice', key: 'art', label: { de: 'Art' }, display: 'radio', valueType: 'string',
            options: [{ value: 'privat' }, { value: 'firma' }],
          },
          text('firma', 'Firma', { condition: { field: 'art', op: 'is', value: 'firma' } }),
          {
            kind: 'section',
            key: 'halter',
            label: { de: 'Halter' },
            elements: [
              text('name', 'Name'),
              { kind: 'choice', key: 'staat', label: { de: 'Staat' }, display: 'dropdown', valueType: 'string', options: [{ value: 'DE' }, { value: 'AT' }] },
              text('pass', 'Passnummer', { condition: { field: 'staat', op: 'isNot', value: 'DE' } }),
              text('geburtsname', 'Geburtsname', { condition: { field: 'name', op: 'filled' } }),
              { kind: 'section', key: 'anschrift', label: { de: 'Anschrift' }, elements: [text('ort', 'Ort')] },
            ],
          },
          { kind: 'email', key: 'email', label: { de: 'E-Mail' } },
        ],
      },
      {
        key: 'hund',
        title: { de: 'Hund', en: 'Dog' },
        elements: [
          {
            kind: 'repeat',
            key: 'hunde',
            label: { de: 'Hunde' },
            item: { kind: 'section', key: '', elements: [text('name', 'Name'), text('rasse', 'Rasse', { condition: { field: 'name', op: 'filled' } })] },
          },
          { kind: 'info', key: 'hinweis', text: { de: 'Ausweis mitbringen' }, condition: { field: 'halter.staat', op: 'is', value: 'AT' } },
          text('name', 'Rufname'),
          { kind: 'repeat', key: 'fotos', label: { de: 'Fotos' }, item: { kind: 'file', key: '', mediaTypes: ['image/png'], maxBytes: 1000 } },
          { kind: 'person', key: 'person', label: { de: 'Person' }, fillsApplicant: true },
        ],
      },
    ],
  });
}

const keys = (elements: Element[] | undefined) => (elements ?? []).map((e) => e.key);
const edit = (form: DesignerForm, action: EditAction) => applyEdit(form, action);
const routeField = (form: DesignerForm, i: number) => readCondition(form.routes![i]!.when)?.field;

describe('addresses', () => {
  test('elements by step and path, through sections and the item section of a repeat', () => {
    const form = sample();
    assert.equal(elementAt(form, { step: 0, path: [2, 4, 0] })?.key, 'ort');
    assert.equal(elementAt(form, { step: 1, path: [0, 1] })?.key, 'rasse');
    assert.equal(elementAt(form, { step: 1, path: [3, 0] }), undefined, 'a repeat of a single field holds no elements');
    assert.equal(elementAt(form, { step: 2, path: [0] }), undefined);
    assert.equal(elementAt(form, { step: 0, path: [] }), undefined);
    assert.equal(elementAt(form, { step: 0, path: [-1] }), undefined);
    assert.equal(elementAt(form, { step: 0, path: [1.5] }), undefined);
    assert.deepEqual(keys(containerElements(form, { step: 0, path: [] })), ['art', 'firma', 'halter', 'email']);
    assert.deepEqual(keys(containerElements(form, { step: 1, path: [0] })), ['name', 'rasse']);
    assert.equal(containerElements(form, { step: 0, path: [0] }), undefined, 'a choice holds nothing');
    assert.equal(containerElements(form, { step: 1, path: [3] }), undefined, 'nor does a repeat of files');
    assert.equal(containerElements(form, { step: 5, path: [] }), undefined);
  });
});

describe('add', () => {
  test('at the end of a step by default, keys unique across all steps (one root object), selected', () => {
    const form = sample();
    const one = edit(form, { type: 'add', kind: 'text', into: { step: 1, path: [] } });
    assert.deepEqual(one.selected, { step: 1, path: [5] });
    assert.equal(elementAt(one.form, one.selected!)?.key, 'kurzerText');
    const two = edit(one.form, { type: 'add', kind: 'text', into: { step: 0, path: [] }, index: 1 });
    assert.deepEqual(two.selected, { step: 0, path: [1] });
    assert.deepEqual(elementAt(two.form, two.selected!), { kind: 'text', key: 'kurzerText2', label: { de: 'Kurzer Text', en: 'Short text' } });
    assert.deepEqual(keys(two.form.steps[0]!.elements), ['art', 'kurzerText2', 'firma', 'halter', 'email']);
    // The key of a root element named like one in a section is its own matter.
    const nameAgain = edit(form, { type: 'update', at: { step: 0, path: [3] }, element: { kind: 'email', key: 'rufname', label: { de: 'Rufname' } } });
    assert.equal(elementAt(nameAgain.form, { step: 0, path: [3] })?.key, 'rufname');
  });

  test('into a section and into a repeat of a section: the key is unique within that object only', () => {
    const form = sample();
    const inSection = edit(form, { type: 'add', kind: 'text', into: { step: 0, path: [2] }, index: 0 });
    assert.deepEqual(inSection.selected, { step: 0, path: [2, 0] });
    assert.deepEqual(keys(containerElements(inSection.form, { step: 0, path: [2] })), ['kurzerText', 'name', 'staat', 'pass', 'geburtsname', 'anschrift']);
    let f = form;
    for (let i = 0; i < 3; i++) f = edit(f, { type: 'add', kind: 'text', into: { step: 1, path: [0] } }).form;
    assert.deepEqual(keys(containerElements(f, { step: 1, path: [0] })), ['name', 'rasse', 'kurzerText', 'kurzerText2', 'kurzerText3']);
    const named = edit(form, { type: 'update', at: { step: 1, path: [0, 0] }, element: text('kurzerText', 'Kurzer Text') }).form;
    const next = edit(named, { type: 'add', kind: 'text', into: { step: 1, path: [0] } });
    assert.equal(elementAt(next.form, next.selected!)?.key, 'kurzerText2');
    // The root has no kurzerText: a new root field takes the plain key.
    assert.equal(elementAt(edit(next.form, { type: 'add', kind: 'text', into: { step: 0, path: [] } }).form, { step: 0, path: [4] })?.key, 'kurzerText');
  });

  test('person and address blocks fill the applicant unless one of their kind does, and never inside a list', () => {
    const form = sample();
    const person = edit(form, { type: 'add', kind: 'person', into: { step: 0, path: [] } });
    assert.equal(elementAt(person.form, person.selected!)?.key, 'person2');
    assert.equal((elementAt(person.form, person.selected!) as { fillsApplicant?: boolean }).fillsApplicant, undefined);
    // The form names the applicant's town itself: a new address does not take it over.
    const named = edit(form, { type: 'add', kind: 'address', into: { step: 0, path: [] } });
    assert.deepEqual(elementAt(named.form, named.selected!), { kind: 'address', key: 'anschrift', label: { de: 'Anschrift', en: 'Address' } });
    const address = edit({ ...form, applicant: { email: '/email' } }, { type: 'add', kind: 'address', into: { step: 0, path: [] } });
    assert.deepEqual(elementAt(address.form, address.selected!), {
      kind: 'address', key: 'anschrift', label: { de: 'Anschrift', en: 'Address' }, required: true, fillsApplicant: true,
    });
    const listed = edit(form, { type: 'add', kind: 'address', into: { step: 1, path: [0] } });
    assert.equal((elementAt(listed.form, listed.selected!) as { fillsApplicant?: boolean }).fillsApplicant, undefined);
  });

  test('no container there: nothing changes', () => {
    const form = sample();
    for (const into of [{ step: 0, path: [0] }, { step: 1, path: [3] }, { step: 9, path: [] }, { step: 0, path: [7] }])
      assert.equal(edit(form, { type: 'add', kind: 'text', into }).form, form, JSON.stringify(into));
    assert.equal(edit(form, { type: 'add', kind: 'text', into: { step: 0, path: [] }, index: Number.NaN }).form, form);
    assert.equal(edit(form, { type: 'add', kind: 'raw' as never, into: { step: 0, path: [] } }).form, form);
    assert.equal(edit(form, { type: 'unknown' } as never).form, form);
    const clamped = edit(form, { type: 'add', kind: 'text', into: { step: 0, path: [] }, index: 99 });
    assert.deepEqual(clamped.selected, { step: 0, path: [4] });
  });
});

describe('remove', () => {
  test('removes the element; conditions and routes that referred to it stay as they are', () => {
    const form = sample();
    const { form: next, selected } = edit(form, { type: 'remove', at: { step: 0, path: [0] } });
    assert.equal(selected, undefined);
    assert.deepEqual(keys(next.steps[0]!.elements), ['firma', 'halter', 'email']);
    assert.deepEqual(next.steps[0]!.elements[0]!.condition, { field: 'art', op: 'is', value: 'firma' });
    assert.equal(routeField(next, 0), 'art');
    assert.equal(next.steps[1], form.steps[1], 'the other step is shared');
  });

  test('inside a section and a repeat; a block filling the applicant is just removed', () => {
    const form = sample();
    assert.deepEqual(keys(containerElements(edit(form, { type: 'remove', at: { step: 0, path: [2, 4, 0] } }).form, { step: 0, path: [2, 4] })), []);
    assert.deepEqual(keys(containerElements(edit(form, { type: 'remove', at: { step: 1, path: [0, 0] } }).form, { step: 1, path: [0] })), ['rasse']);
    const without = edit(form, { type: 'remove', at: { step: 1, path: [4] } }).form;
    assert.deepEqual(keys(without.steps[1]!.elements), ['hunde', 'hinweis', 'name', 'fotos']);
    assert.deepEqual(without.applicant, form.applicant);
    assert.equal(edit(form, { type: 'remove', at: { step: 0, path: [9] } }).form, form);
  });
});

describe('update', () => {
  test('a changed label keeps the key and everything referring to it', () => {
    const form = sample();
    const art = elementAt(form, { step: 0, path: [0] }) as ChoiceElement;
    const { form: next, selected } = edit(form, { type: 'update', at: { step: 0, path: [0] }, element: { ...art, label: { de: 'Art des Halters' } } });
    assert.deepEqual(selected, { step: 0, path: [0] });
    assert.deepEqual((elementAt(next, { step: 0, path: [0] }) as ChoiceElement).label, { de: 'Art des Halters' });
    assert.equal(next.routes, form.routes);
    assert.equal(next.steps[1], form.steps[1]);
  });

  test('a new key of a top-level field renames sibling conditions on every step, routes and applicant pointers', () => {
    const form = sample();
    const art = elementAt(form, { step: 0, path: [0] })!;
    const next = edit(form, { type: 'update', at: { step: 0, path: [0] }, element: { ...art, key: 'rechtsform' } }).form;
    assert.deepEqual(next.steps[0]!.elements[1]!.condition, { field: 'rechtsform', op: 'is', value: 'firma' });
    assert.deepEqual(next.routes![0]!.when, compileCondition({ field: 'rechtsform', op: 'is', value: 'firma' }));
    assert.equal(next.routes![1], form.routes![1]);
    assert.equal(next.routes![2], form.routes![2], 'a route condition the designer does not write stays as written');
    const email = elementAt(form, { step: 0, path: [3] })!;
    const mail = edit(form, { type: 'update', at: { step: 0, path: [3] }, element: { ...email, key: 'mail' } }).form;
    assert.deepEqual(mail.applicant, { email: '/mail', ort: '/halter/anschrift/ort' });
  });

  test('a new key of a section renames the paths into it from outside, not the conditions inside it', () => {
    const form = sample();
    const halter = elementAt(form, { step: 0, path: [2] })!;
    const next = edit(form, { type: 'update', at: { step: 0, path: [2] }, element: { ...halter, key: 'person' } });
    // "person" is taken in the root object (the block on step 2): the key is made unique.
    assert.equal(elementAt(next.form, { step: 0, path: [2] })?.key, 'person2');
    assert.deepEqual(elementAt(next.form, { step: 1, path: [1] })?.condition, { field: 'person2.staat', op: 'is', value: 'AT' });
    assert.equal(routeField(next.form, 1), 'person2.staat');
    assert.deepEqual(elementAt(next.form, { step: 0, path: [2, 2] })?.condition, { field: 'staat', op: 'isNot', value: 'DE' });
    assert.deepEqual(next.form.applicant, { email: '/email', ort: '/person2/anschrift/ort' });
    assert.equal(next.form.regionalschluessel, '/person2/anschrift/ort');
  });

  test('a new key inside a section renames conditions relative to each holder', () => {
    const form = sample();
    const staat = elementAt(form, { step: 0, path: [2, 1] })!;
    const next = edit(form, { type: 'update', at: { step: 0, path: [2, 1] }, element: { ...staat, key: 'land' } }).form;
    assert.deepEqual(elementAt(next, { step: 0, path: [2, 2] })?.condition, { field: 'land', op: 'isNot', value: 'DE' });
    assert.deepEqual(elementAt(next, { step: 1, path: [1] })?.condition, { field: 'halter.land', op: 'is', value: 'AT' });
    assert.deepEqual(next.routes![1]!.when, compileCondition({ field: 'halter.land', op: 'isNot', value: 'DE' }));
    const ort = elementAt(form, { step: 0, path: [2, 4, 0] })!;
    const town = edit(form, { type: 'update', at: { step: 0, path: [2, 4, 0] }, element: { ...ort, key: 'wohnort' } }).form;
    assert.deepEqual(town.applicant, { email: '/email', ort: '/halter/anschrift/wohnort' });
  });

  test('fields of the same name in other objects are not touched', () => {
    const form = sample();
    // The top-level "name" (step 2) shares its key with fields in the section and in the dogs' list.
    const rufname = edit(form, { type: 'update', at: { step: 1, path: [2] }, element: text('rufname', 'Rufname') }).form;
    assert.deepEqual(elementAt(rufname, { step: 0, path: [2, 3] })?.condition, { field: 'name', op: 'filled' });
    assert.deepEqual(elementAt(rufname, { step: 1, path: [0, 1] })?.condition, { field: 'name', op: 'filled' });
    const inSection = edit(form, { type: 'update', at: { step: 0, path: [2, 0] }, element: text('vorname', 'Vorname') }).form;
    assert.deepEqual(elementAt(inSection, { step: 0, path: [2, 3] })?.condition, { field: 'vorname', op: 'filled' });
    assert.deepEqual(elementAt(inSection, { step: 1, path: [0, 1] })?.condition, { field: 'name', op: 'filled' });
    const inList = edit(form, { type: 'update', at: { step: 1, path: [0, 0] }, element: text('hundename', 'Name') }).form;
    assert.deepEqual(elementAt(inList, { step: 1, path: [0, 1] })?.condition, { field: 'hundename', op: 'filled' });
    assert.deepEqual(elementAt(inList, { step: 0, path: [2, 3] })?.condition, { field: 'name', op: 'filled' });
  });

  test('a key taken by a sibling is made unique; a missing element changes nothing', () => {
    const form = sample();
    const next = edit(form, { type: 'update', at: { step: 0, path: [1] }, element: text('email', 'Firma', { condition: { field: 'art', op: 'is', value: 'firma' } }) });
    assert.equal(elementAt(next.form, { step: 0, path: [1] })?.key, 'email2');
    assert.equal(edit(form, { type: 'update', at: { step: 3, path: [0] }, element: text('x', 'X') }).form, form);
    for (const key of ['', 'a.b'])
      assert.equal(edit(form, { type: 'update', at: { step: 0, path: [1] }, element: text(key, 'Firma') }).form, form, `key ${JSON.stringify(key)}`);
  });
});

describe('move', () => {
  test('within a list: the index counts as before the removal', () => {
    const form = sample();
    const down = edit(form, { type: 'move', from: { step: 0, path: [0] }, into: { step: 0, path: [] }, index: 3 });
    assert.deepEqual(keys(down.form.steps[0]!.elements), ['firma', 'halter', 'art', 'email']);
    assert.deepEqual(down.selected, { step: 0, path: [2] });
    const up = edit(form, { type: 'move', from: { step: 0, path: [3] }, into: { step: 0, path: [] }, index: 0 });
    assert.deepEqual(keys(up.form.steps[0]!.elements), ['email', 'art', 'firma', 'halter']);
    assert.deepEqual(up.selected, { step: 0, path: [0] });
    const end = edit(form, { type: 'move', from: { step: 0, path: [0] }, into: { step: 0, path: [] }, index: 4 });
    assert.deepEqual(keys(end.form.steps[0]!.elements), ['firma', 'halter', 'email', 'art']);
    assert.deepEqual(end.selected, { step: 0, path: [3] });
    assert.equal(end.form.routes, form.routes);
  });

  test('between steps the key and the conditions stay: all steps are one object', () => {
    const form = sample();
    const next = edit(form, { type: 'move', from: { step: 0, path: [1] }, into: { step: 1, path: [] }, index: 0 });
    assert.deepEqual(next.selected, { step: 1, path: [0] });
    assert.deepEqual(elementAt(next.form, next.selected!), form.steps[0]!.elements[1]);
    assert.equal(next.form.routes, form.routes);
  });

  test('out of a section: a reachable condition is addressed from the new object, references follow', () => {
    const form = sample();
    // "pass" (condition staat) moves to the root: its condition becomes halter.staat.
    const pass = edit(form, { type: 'move', from: { step: 0, path: [2, 2] }, into: { step: 0, path: [] }, index: 4 });
    assert.deepEqual(pass.selected, { step: 0, path: [4] });
    assert.deepEqual(elementAt(pass.form, pass.selected!)?.condition, { field: 'halter.staat', op: 'isNot', value: 'DE' });
    // "staat" moves to the root: what pointed at halter.staat now points at staat.
    const staat = edit(form, { type: 'move', from: { step: 0, path: [2, 1] }, into: { step: 1, path: [] }, index: 0 });
    assert.deepEqual(staat.selected, { step: 1, path: [0] });
    assert.deepEqual(elementAt(staat.form, { step: 1, path: [2] })?.condition, { field: 'staat', op: 'is', value: 'AT' });
    assert.equal(routeField(staat.form, 1), 'staat');
    // "pass" stays in the section and cannot reach the root's staat: left as it is (the references list shows it).
    assert.deepEqual(elementAt(staat.form, { step: 0, path: [2, 1] })?.condition, { field: 'staat', op: 'isNot', value: 'DE' });
  });

  test('into a section: the condition goes when its field cannot be reached, and a taken key is made unique', () => {
    const form = sample();
    // "firma" depends on art, a root field: inside the section art cannot be tested.
    const firma = edit(form, { type: 'move', from: { step: 0, path: [1] }, into: { step: 0, path: [2] }, index: 0 });
    // The target came after "firma": its address moved up by one.
    assert.deepEqual(firma.selected, { step: 0, path: [1, 0] });
    assert.deepEqual(elementAt(firma.form, firma.selected!), text('firma', 'Firma'));
    const name = edit(form, { type: 'move', from: { step: 1, path: [2] }, into: { step: 0, path: [2] }, index: 5 });
    assert.deepEqual(name.selected, { step: 0, path: [2, 5] });
    assert.equal(elementAt(name.form, name.selected!)?.key, 'name2');
    assert.deepEqual(elementAt(name.form, { step: 0, path: [2, 3] })?.condition, { field: 'name', op: 'filled' }, 'the sibling condition keeps its field');
    // "hinweis" (halter.staat) into the section: there it tests staat.
    const hinweis = edit(form, { type: 'move', from: { step: 1, path: [1] }, into: { step: 0, path: [2] }, index: 0 });
    assert.deepEqual(elementAt(hinweis.form, hinweis.selected!)?.condition, { field: 'staat', op: 'is', value: 'AT' });
    // Into the section "anschrift" the field halter.staat is out of reach.
    const deeper = edit(form, { type: 'move', from: { step: 1, path: [1] }, into: { step: 0, path: [2, 4] }, index: 1 });
    assert.deepEqual(deeper.selected, { step: 0, path: [2, 4, 1] });
    assert.equal(elementAt(deeper.form, deeper.selected!)?.condition, undefined);
  });

  test('into and out of a repeat: keys unique within the item, applicant pointers follow only where there is data', () => {
    const form = sample();
    const into = edit(form, { type: 'move', from: { step: 1, path: [2] }, into: { step: 1, path: [0] }, index: 0 });
    // The list came before "name": its address stays.
    assert.deepEqual(into.selected, { step: 1, path: [0, 0] });
    assert.deepEqual(keys(containerElements(into.form, { step: 1, path: [0] })), ['name2', 'name', 'rasse']);
    const out = edit(form, { type: 'move', from: { step: 1, path: [0, 1] }, into: { step: 1, path: [] }, index: 5 });
    assert.deepEqual(out.selected, { step: 1, path: [5] });
    assert.deepEqual(elementAt(out.form, out.selected!), text('rasse', 'Rasse'), 'the item field "name" cannot be reached from the root');
    const email = edit(form, { type: 'move', from: { step: 0, path: [3] }, into: { step: 1, path: [0] }, index: 2 });
    assert.deepEqual(email.form.applicant, form.applicant, 'no data pointer inside a list: left as it was');
    const ort = edit(form, { type: 'move', from: { step: 0, path: [2, 4, 0] }, into: { step: 0, path: [] }, index: 0 });
    assert.deepEqual(ort.form.applicant, { email: '/email', ort: '/ort' });
    assert.equal(ort.form.regionalschluessel, '/ort');
    const block = edit(form, { type: 'move', from: { step: 1, path: [4] }, into: { step: 1, path: [0] }, index: 2 });
    assert.deepEqual(elementAt(block.form, block.selected!), { kind: 'person', key: 'person', label: { de: 'Person' } });
  });

  test('refused: into itself, into its descendants, from or to nowhere', () => {
    const form = sample();
    const refused: EditAction[] = [
      { type: 'move', from: { step: 0, path: [2] }, into: { step: 0, path: [2] }, index: 0 },
      { type: 'move', from: { step: 0, path: [2] }, into: { step: 0, path: [2, 4] }, index: 0 },
      { type: 'move', from: { step: 1, path: [0] }, into: { step: 1, path: [0] }, index: 0 },
      { type: 'move', from: { step: 0, path: [8] }, into: { step: 1, path: [] }, index: 0 },
      { type: 'move', from: { step: 0, path: [0] }, into: { step: 0, path: [1] }, index: 0 },
      { type: 'move', from: { step: 0, path: [0] }, into: { step: 4, path: [] }, index: 0 },
    ];
    for (const action of refused) {
      const result = edit(form, action);
      assert.equal(result.form, form, JSON.stringify(action));
      assert.equal(result.selected, undefined);
    }
  });
});

describe('steps', () => {
  test('add: a default title and a key of its own; a one-page form gets steps', () => {
    const form = { ...sample(), singlePage: true, steps: [sample().steps[0]!] };
    const next = edit(form, { type: 'addStep' }).form;
    assert.equal(next.singlePage, undefined);
    assert.deepEqual(next.steps[1], { key: 'schritt-2', title: { de: 'Schritt 2', en: 'Step 2' }, elements: [] });
    const first = edit(next, { type: 'addStep', title: { de: 'Halter' }, index: 0 }).form;
    assert.deepEqual(first.steps.map((s) => s.key), ['halter2', 'halter', 'schritt-2']);
  });

  test('update the title, move', () => {
    const form = sample();
    const titled = edit(form, { type: 'updateStep', step: 1, title: { de: 'Ihr Hund', en: 'Your dog' } }).form;
    assert.deepEqual(titled.steps[1]!.title, { de: 'Ihr Hund', en: 'Your dog' });
    assert.equal(titled.steps[0], form.steps[0]);
    const moved = edit(form, { type: 'moveStep', from: 1, to: 0 }).form;
    assert.deepEqual(moved.steps.map((s) => s.key), ['hund', 'halter']);
    assert.equal(edit(form, { type: 'moveStep', from: 0, to: 2 }).form, form);
    assert.equal(edit(form, { type: 'updateStep', step: 2, title: { de: 'x' } }).form, form);
  });

  test('a title given to the step of a one-page form is kept: the form gets steps', () => {
    const form = { ...sample(), singlePage: true, steps: [sample().steps[0]!] };
    const titled = edit(form, { type: 'updateStep', step: 0, title: { de: 'Angaben', en: 'Details' } }).form;
    assert.equal(titled.singlePage, undefined);
    const definition = toDefinition(titled);
    assert.deepEqual((definition.uiSchema as Record<string, Array<{ title: string }>>)['ui:steps']!.map((s) => s.title), ['Angaben']);
    assert.deepEqual(fromDefinition(definition).steps[0]!.title, { de: 'Angaben', en: 'Details' });
  });

  test('remove: its elements go to the step before, or after for the first; the only step stays', () => {
    const form = edit(sample(), { type: 'addStep' }).form;
    const second = edit(form, { type: 'removeStep', step: 1 }).form;
    assert.deepEqual(keys(second.steps[0]!.elements), ['art', 'firma', 'halter', 'email', 'hunde', 'hinweis', 'name', 'fotos', 'person']);
    const first = edit(form, { type: 'removeStep', step: 0 }).form;
    assert.deepEqual(keys(first.steps[0]!.elements), ['art', 'firma', 'halter', 'email', 'hunde', 'hinweis', 'name', 'fotos', 'person']);
    assert.deepEqual(first.steps.map((s) => s.key), ['hund', 'schritt-3']);
    const only = edit(second, { type: 'removeStep', step: 1 }).form;
    assert.equal(only.steps.length, 1);
    assert.equal(edit(only, { type: 'removeStep', step: 0 }).form, only);
  });
});

describe('updateForm', () => {
  test('sets and removes the form-wide properties it names, nothing else', () => {
    const form = sample();
    const next = edit(form, { type: 'updateForm', patch: { title: { de: 'Hundesteuer', en: 'Dog tax' }, leika: '99001001000000', retentionDays: 365 } }).form;
    assert.deepEqual(next.title, { de: 'Hundesteuer', en: 'Dog tax' });
    assert.equal(next.leika, '99001001000000');
    assert.equal(next.steps, form.steps);
    const cleared = edit(next, { type: 'updateForm', patch: { leika: undefined, regionalschluessel: undefined } }).form;
    assert.equal('leika' in cleared, false);
    assert.equal('regionalschluessel' in cleared, false);
    const sneaky = edit(form, { type: 'updateForm', patch: { id: 'anders', steps: [] } as never }).form;
    assert.equal(sneaky.id, 'hundesteuer');
    assert.equal(sneaky.steps, form.steps);
  });
});

describe('what the panel asks', () => {
  test('condition fields: the element\'s own object, sections entered, no lists, notes, blocks or itself', () => {
    const form = sample();
    const forFirma = conditionFields(form, { step: 0, path: [1] });
    assert.deepEqual(forFirma.map((f) => f.field), ['art', 'halter.name', 'halter.staat', 'halter.pass', 'halter.geburtsname', 'halter.anschrift.ort', 'email', 'name']);
    assert.deepEqual(forFirma[0], { field: 'art', label: 'Art', kind: 'choice', options: [{ value: 'privat' }, { value: 'firma' }] });
    assert.deepEqual(forFirma[2]!.label, 'Halter › Staat');
    assert.deepEqual(conditionFields(form, { step: 0, path: [2, 2] }).map((f) => f.field), ['name', 'staat', 'geburtsname', 'anschrift.ort']);
    assert.deepEqual(conditionFields(form, { step: 0, path: [2] }).map((f) => f.field), ['art', 'firma', 'email', 'name']);
    assert.deepEqual(conditionFields(form, { step: 1, path: [0, 1] }).map((f) => f.field), ['name']);
    assert.deepEqual(conditionFields(form).map((f) => f.field), ['art', 'firma', 'halter.name', 'halter.staat', 'halter.pass', 'halter.geburtsname', 'halter.anschrift.ort', 'email', 'name']);
    assert.deepEqual(conditionFields(form, { step: 0, path: [9] }), []);
  });

  test('move targets: every step and group except the element and what is inside it', () => {
    const form = sample();
    assert.deepEqual(moveTargets(form, { step: 0, path: [2] }), [
      { into: { step: 0, path: [] }, label: 'Schritt 1: Halter' },
      { into: { step: 1, path: [] }, label: 'Schritt 2: Hund' },
      { into: { step: 1, path: [0] }, label: 'Schritt 2: Hund › Hunde' },
    ]);
    assert.deepEqual(moveTargets(form, { step: 0, path: [0] }, 'en').map((t) => t.label), [
      'Step 1: Keeper', 'Step 1: Keeper › Halter', 'Step 1: Keeper › Halter › Anschrift', 'Step 2: Dog', 'Step 2: Dog › Hunde',
    ]);
  });

  test('references: conditions from anywhere that can reach the element, and routes', () => {
    const form = sample();
    assert.deepEqual(referencesTo(form, { step: 0, path: [0] }), [
      { kind: 'condition', label: 'Firma', at: { step: 0, path: [1] } },
      { kind: 'route', label: 'Weiterleitung 1 (gewerbeamt)', route: 0 },
    ]);
    assert.deepEqual(referencesTo(form, { step: 0, path: [2, 1] }), [
      { kind: 'condition', label: 'Passnummer', at: { step: 0, path: [2, 2] } },
      { kind: 'condition', label: 'hinweis', at: { step: 1, path: [1] } },
      { kind: 'route', label: 'Weiterleitung 2 (auslaenderbehoerde)', route: 1 },
    ]);
    // The section: only what lies outside it counts.
    assert.deepEqual(referencesTo(form, { step: 0, path: [2] }).map((r) => r.label), ['hinweis', 'Weiterleitung 2 (auslaenderbehoerde)']);
    assert.deepEqual(referencesTo(form, { step: 1, path: [2] }), []);
    assert.deepEqual(referencesTo(form, { step: 1, path: [0, 0] }), [{ kind: 'condition', label: 'Rasse', at: { step: 1, path: [0, 1] } }]);
  });
});

/**
 * The condition and routes editors' state without a browser: conditions typed as the field's
 * values, incomplete ones not handed on, routes' destinations with only the parts that fit them,
 * foreign `when` schemas kept, and the words of a condition.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Route } from '../../shared/form-definition.ts';
import type { Condition } from '../../shared/designer/model.ts';
import { compileCondition } from '../../shared/designer/conditions.ts';
import { controlFor, draftOf, opsFor, readDraft, sameCondition, withField, withOp } from '../../client/src/admin/pages/designer/condition-state.ts';
import { conditionTexts, describeCondition } from '../../client/src/admin/pages/designer/condition-texts.ts';
import type { FieldChoice } from '../../shared/designer/edit.ts';
import {
  channelOf,
  moveRoute,
  newRoute,
  removeRoute,
  whenOf,
  withCondition,
  withDestination,
  withProfile,
  withTemplate,
  type RouteOptions,
} from '../../client/src/admin/pages/designer/route-state.ts';

const fields: FieldChoice[] = [
  { field: 'art', label: 'Art', kind: 'choice', options: [{ value: 'gewerbe', label: { de: 'Gewerbe', en: 'Trade' } }, { value: 'privat', label: { de: 'Privat' } }] },
  { field: 'stufe', label: 'Stufe', kind: 'choice', options: [{ value: 1, label: { de: 'Eins' } }, { value: 2, label: { de: 'Zwei' } }] },
  { field: 'verheiratet', label: 'Verheiratet', kind: 'boolean' },
  { field: 'anzahl', label: 'Anzahl', kind: 'integer' },
  { field: 'betrag', label: 'Betrag', kind: 'number' },
  { field: 'halter.name', label: 'Halter › Name', kind: 'text' },
  { field: 'anlagen', label: 'Anlagen', kind: 'multiChoice', options: [{ value: 'a' }] },
];

const complete = (draft: ReturnType<typeof draftOf>) => readDraft(draft, fields).condition;

describe('condition editor state', () => {
  test('comparisons and value control follow the field', () => {
    assert.deepEqual(opsFor(fields[0]), ['is', 'isNot', 'oneOf', 'filled']);
    assert.deepEqual(opsFor(fields[2]), ['is', 'isNot', 'filled']);
    assert.deepEqual(opsFor(fields[6]), ['filled']);
    assert.equal(controlFor(fields[0], 'is'), 'options');
    assert.equal(controlFor(fields[0], 'filled'), 'none');
    assert.equal(controlFor(fields[2], 'is'), 'boolean');
    assert.equal(controlFor(fields[3], 'is'), 'integer');
    assert.equal(controlFor(fields[4], 'oneOf'), 'number');
    assert.equal(controlFor(fields[5], 'is'), 'text');
    // A field not (or no longer) in the form: judged by the value the condition has.
    assert.equal(controlFor(undefined, 'is', 3), 'number');
    assert.equal(controlFor(undefined, 'oneOf', [true]), 'boolean');
  });

  test('off is no condition; on without a field, or without a value, is incomplete and says what is missing', () => {
    assert.deepEqual(readDraft(draftOf(undefined, fields), fields), {});
    const on = { ...draftOf(undefined, fields), on: true };
    assert.deepEqual(readDraft(on, fields), { missing: 'field' });
    const field = withField(on, 'art', fields);
    assert.deepEqual(readDraft(field, fields), { missing: 'value' });
    assert.deepEqual(readDraft(withOp(field, 'oneOf'), fields), { missing: 'values' });
    assert.deepEqual(readDraft({ ...withField(on, 'anzahl', fields), text: '2.5' }, fields), { missing: 'integer' });
    assert.deepEqual(readDraft({ ...withField(on, 'betrag', fields), text: 'viel' }, fields), { missing: 'number' });
    assert.deepEqual(readDraft(withOp(field, 'filled'), fields), { condition: { field: 'art', op: 'filled' } });
  });

  test('values are typed as the field has them', () => {
    const on = { ...draftOf(undefined, fields), on: true };
    assert.deepEqual(complete({ ...withField(on, 'stufe', fields), value: 2 }), { field: 'stufe', op: 'is', value: 2 });
    assert.deepEqual(complete({ ...withField(on, 'verheiratet', fields), op: 'isNot', value: false }), { field: 'verheiratet', op: 'isNot', value: false });
    assert.deepEqual(complete({ ...withField(on, 'anzahl', fields), text: ' 3 ' }), { field: 'anzahl', op: 'is', value: 3 });
    assert.deepEqual(complete({ ...withField(on, 'betrag', fields), text: '12,5' }), { field: 'betrag', op: 'is', value: 12.5 });
    assert.deepEqual(complete({ ...withField(on, 'halter.name', fields), text: '0815' }), { field: 'halter.name', op: 'is', value: '0815' });
    assert.deepEqual(complete({ ...withOp(withField(on, 'betrag', fields), 'oneOf'), text: '1\n\n2,5\n1' }), { field: 'betrag', op: 'oneOf', value: [1, 2.5] });
    assert.deepEqual(complete({ ...withOp(withField(on, 'art', fields), 'oneOf'), value: ['privat'] }), { field: 'art', op: 'oneOf', value: ['privat'] });
  });

  test('a condition read into the editor comes out the same, with its comments', () => {
    const conditions: Condition[] = [
      { field: 'art', op: 'is', value: 'gewerbe', comments: { rules: 'nur Gewerbe' } },
      { field: 'stufe', op: 'oneOf', value: [1, 2] },
      { field: 'verheiratet', op: 'is', value: true },
      { field: 'anzahl', op: 'isNot', value: 0 },
      { field: 'betrag', op: 'oneOf', value: [1.5, 3] },
      { field: 'halter.name', op: 'filled' },
      { field: 'entfernt', op: 'is', value: 7 },
      { field: 'entfernt', op: 'is', value: 'text' },
    ];
    for (const condition of conditions) assert.deepEqual(complete(draftOf(condition, fields)), condition, JSON.stringify(condition));
  });

  test('another field keeps a fitting comparison and clears the value; is ↔ is one of keep the value', () => {
    const draft = draftOf({ field: 'art', op: 'oneOf', value: ['gewerbe'] }, fields);
    assert.deepEqual(withField(draft, 'verheiratet', fields), { on: true, field: 'verheiratet', op: 'is', text: '' });
    assert.deepEqual(complete(withOp(draft, 'is')), { field: 'art', op: 'is', value: 'gewerbe' });
    assert.deepEqual(complete(withOp(withOp(draft, 'is'), 'oneOf')), { field: 'art', op: 'oneOf', value: ['gewerbe'] });
    assert.deepEqual(complete(withOp(draftOf({ field: 'anzahl', op: 'oneOf', value: [4, 5] }, fields), 'isNot')), { field: 'anzahl', op: 'isNot', value: 4 });
    assert.ok(sameCondition(undefined, undefined));
    assert.ok(sameCondition({ op: 'is', field: 'a', value: 1 }, { field: 'a', op: 'is', value: 1 }));
    assert.ok(!sameCondition({ field: 'a', op: 'is', value: 1 }, { field: 'a', op: 'is', value: '1' }));
  });

  test('a condition in words, with the labels of field and options', () => {
    const de = conditionTexts.de;
    assert.equal(describeCondition({ field: 'art', op: 'is', value: 'gewerbe' }, fields, de, 'de'), '„Art“ ist „Gewerbe“');
    assert.equal(describeCondition({ field: 'art', op: 'oneOf', value: ['gewerbe', 'privat'] }, fields, conditionTexts.en, 'en'), '“Art” is one of “Trade”, “Privat”');
    assert.equal(describeCondition({ field: 'verheiratet', op: 'isNot', value: true }, fields, de, 'de'), '„Verheiratet“ ist nicht Ja');
    assert.equal(describeCondition({ field: 'halter.name', op: 'filled' }, fields, de, 'de'), '„Halter › Name“ ist ausgefüllt');
    assert.equal(describeCondition({ field: 'weg', op: 'is', value: 3 }, fields, de, 'de'), '„weg“ ist „3“');
  });
});

const options: RouteOptions = {
  targets: [
    { id: 'steueramt', label: 'Steueramt Musterstadt', channel: 'xoev-http', authority: 'steueramt' },
    { id: 'brief', label: 'brief', channel: 'print', authority: null, template: 'eingangsbestaetigung' },
  ],
  zustaendigkeiten: [{ service: 'gewerbeanzeige', label: 'gewerbeanzeige' }],
  templates: [{ id: 'eingangsbestaetigung', label: 'Eingangsbestätigung' }],
  profiles: ['antragswerk', 'xbau-universellerAntrag'],
};

describe('routes editor state', () => {
  test('a new route goes to the first target, or to the first Zuständigkeit, or cannot be made', () => {
    assert.deepEqual(newRoute(options), { to: 'steueramt' });
    assert.deepEqual(newRoute({ ...options, targets: [] }), { to: { zustaendigkeit: 'gewerbeanzeige' } });
    assert.equal(newRoute({ ...options, targets: [], zustaendigkeiten: [] }), undefined);
  });

  test('another destination keeps the profile only for messages and the template only for letters', () => {
    const xoev: Route = { to: 'steueramt', profil: 'xbau-universellerAntrag', when: { required: ['a'] } };
    const toPrint = withDestination(xoev, { kind: 'target', id: 'brief' }, options);
    assert.deepEqual(toPrint, { to: 'brief', when: { required: ['a'] } });
    assert.equal(channelOf(toPrint, options), 'print');
    const letter = withTemplate(toPrint, 'eingangsbestaetigung');
    assert.deepEqual(letter, { to: 'brief', when: { required: ['a'] }, template: 'eingangsbestaetigung' });
    assert.deepEqual(withTemplate(letter, ''), toPrint);
    assert.deepEqual(withDestination(letter, { kind: 'zustaendigkeit', service: 'gewerbeanzeige' }, options), { to: { zustaendigkeit: 'gewerbeanzeige' }, when: { required: ['a'] } });
    assert.deepEqual(withDestination(xoev, { kind: 'zustaendigkeit', service: 'gewerbeanzeige' }, options), { ...xoev, to: { zustaendigkeit: 'gewerbeanzeige' } });
    assert.equal(channelOf({ to: 'weg' }, options), 'unknown');
    assert.equal(channelOf({ to: { zustaendigkeit: 'x' } }, options), 'zustaendigkeit');
  });

  test('the profile: the default is written only where it was written before', () => {
    assert.deepEqual(withProfile({ to: 'steueramt' }, 'antragswerk'), { to: 'steueramt' });
    assert.deepEqual(withProfile({ to: 'steueramt', profil: 'antragswerk' }, 'antragswerk'), { to: 'steueramt', profil: 'antragswerk' });
    assert.deepEqual(withProfile({ to: 'steueramt' }, 'xbau-universellerAntrag'), { to: 'steueramt', profil: 'xbau-universellerAntrag' });
    assert.deepEqual(withProfile({ to: 'steueramt', profil: 'xbau-universellerAntrag' }, 'antragswerk'), { to: 'steueramt', profil: 'antragswerk' });
  });

  test('conditions: read from `when`, written as the compiled pattern; any other `when` is custom and kept', () => {
    const condition: Condition = { field: 'halter.art', op: 'is', value: 'gewerbe' };
    const route = withCondition({ to: 'steueramt' }, { ...condition, comments: { rules: 'x' } });
    assert.deepEqual(route, { to: 'steueramt', when: compileCondition(condition) });
    assert.deepEqual(whenOf(route), { kind: 'condition', condition });
    assert.deepEqual(whenOf({ to: 'steueramt' }), { kind: 'always' });
    for (const when of [true, false, {}, { properties: { art: { const: 'a' } } }, { required: ['a'], minProperties: 2 }])
      assert.deepEqual(whenOf({ to: 'steueramt', when }), { kind: 'custom' }, JSON.stringify(when));
    assert.deepEqual(withCondition({ to: 'steueramt', when: { required: ['a'] }, template: 'x' }, undefined), { to: 'steueramt', template: 'x' });
  });

  test('reorder and remove', () => {
    const routes: Route[] = [{ to: 'a' }, { to: 'b' }, { to: 'c' }];
    assert.deepEqual(moveRoute(routes, 0, 1), [{ to: 'b' }, { to: 'a' }, { to: 'c' }]);
    assert.deepEqual(moveRoute(routes, 2, 0), [{ to: 'c' }, { to: 'a' }, { to: 'b' }]);
    assert.deepEqual(moveRoute(routes, 2, 3), routes);
    assert.deepEqual(removeRoute(routes, 1), [{ to: 'a' }, { to: 'c' }]);
    assert.deepEqual(routes, [{ to: 'a' }, { to: 'b' }, { to: 'c' }], 'the routes given are not changed');
  });
});

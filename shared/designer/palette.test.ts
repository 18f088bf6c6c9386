import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newElement, paletteEntries } from './palette.ts';
import type { DesignerForm } from './model.ts';

test('the palette lists every kind once, in groups, with German and English labels', () => {
  assert.deepEqual(
    paletteEntries.map((e) => e.kind).sort(),
    ['address', 'boolean', 'choice', 'date', 'email', 'file', 'iban', 'info', 'integer', 'multiChoice', 'number', 'person', 'phone', 'repeat', 'section', 'text', 'textarea'],
  );
  for (const entry of paletteEntries) {
    assert.ok(entry.label.de.length > 0 && (entry.label.en ?? '').length > 0, entry.kind);
    assert.ok(['input', 'choice', 'layout', 'block'].includes(entry.group), entry.kind);
  }
  const labels = Object.fromEntries(paletteEntries.map((e) => [e.kind, e.label.de]));
  assert.deepEqual(labels, {
    text: 'Kurzer Text', textarea: 'Langer Text', number: 'Zahl', integer: 'Ganze Zahl', date: 'Datum', email: 'E-Mail-Adresse',
    phone: 'Telefonnummer', iban: 'IBAN', boolean: 'Ja/Nein', choice: 'Auswahl', multiChoice: 'Mehrfachauswahl', file: 'Datei',
    info: 'Hinweis', section: 'Abschnitt', repeat: 'Wiederholte Gruppe', person: 'Person', address: 'Anschrift',
  });
});

test('new elements: the label, a free key from it, and the defaults', () => {
  assert.deepEqual(newElement('text', []), { kind: 'text', key: 'kurzerText', label: { de: 'Kurzer Text', en: 'Short text' } });
  assert.equal(newElement('text', ['kurzerText', 'kurzerText2']).key, 'kurzerText3');
  assert.equal(newElement('email', []).key, 'eMailAdresse');
  assert.equal(newElement('boolean', []).key, 'jaNein');
  assert.deepEqual(newElement('choice', []), {
    kind: 'choice', key: 'auswahl', label: { de: 'Auswahl', en: 'Choice' }, display: 'radio', valueType: 'string',
    options: [{ value: 'option1', label: { de: 'Option 1', en: 'Option 1' } }, { value: 'option2', label: { de: 'Option 2', en: 'Option 2' } }],
  });
  assert.deepEqual(newElement('file', []), {
    kind: 'file', key: 'datei', label: { de: 'Datei', en: 'File' }, mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'], maxBytes: 10485760,
  });
  assert.deepEqual(newElement('info', []), { kind: 'info', key: 'hinweis', text: { de: 'Hinweis', en: 'Note' } });
  assert.deepEqual(newElement('repeat', []), {
    kind: 'repeat', key: 'wiederholteGruppe', label: { de: 'Wiederholte Gruppe', en: 'Repeated group' },
    item: { kind: 'section', key: '', elements: [{ kind: 'text', key: 'kurzerText', label: { de: 'Kurzer Text', en: 'Short text' } }] },
  });
  assert.equal(newElement('section', []).kind === 'section' && newElement('section', []).key, 'abschnitt');
  // Two calls give separate objects: editing one never changes another.
  const a = newElement('multiChoice', []);
  const b = newElement('multiChoice', []);
  assert.notEqual(a.kind === 'multiChoice' && a.options, b.kind === 'multiChoice' && b.options);
});

test('a block fills the applicant unless a block of its kind does already', () => {
  assert.deepEqual(newElement('person', []), { kind: 'person', key: 'person', label: { de: 'Person', en: 'Person' }, required: true, fillsApplicant: true });
  const form: DesignerForm = {
    id: 'f', title: { de: 'F' },
    steps: [{ key: 's', title: { de: 'S' }, elements: [{ kind: 'section', key: 'a', elements: [{ kind: 'person', key: 'halter', fillsApplicant: true }] }] }],
  };
  assert.equal((newElement('person', ['a'], form) as { fillsApplicant?: boolean }).fillsApplicant, undefined);
  assert.equal((newElement('address', ['a'], form) as { fillsApplicant?: boolean }).fillsApplicant, true);
});

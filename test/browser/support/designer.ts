/**
 * What the designer's end-to-end tests share: a designer account of `steueramt`, the form both
 * build (by mouse and by keyboard) and what its stored draft must hold, axe and 320 px checks of
 * the designer's states, and the path of the published form through the portal — a citizen fills
 * it in and submits, the worker delivers the XÖV message (validated here again against the
 * version's XSD) and queues the letter, which is rendered and read back as text.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { hashPassword } from '../../../server/auth/passwords.ts';
import type { Database } from '../../../server/db/database.ts';
import type { Letter } from '../../../server/print/compose.ts';
import { renderLetters } from '../../../server/print/letter.ts';
import { compileSchema } from '../../../server/xoev/xsd-validator.ts';
import type { FormDefinition } from '../../../shared/form-definition.ts';
import { labelPattern } from './answers.ts';
import { assertAccessible } from './axe.ts';
import { dateOrder, hasFocus, tabTo, typeAnswers } from './fill-by-keyboard.ts';
import { fillAnswers } from './fill-by-pointer.ts';
import { pdfFile } from './files.ts';
import type { PortalSuite } from './suite.ts';
import { assertStep } from './wizard.ts';

export const designerPassword = 'ein sicheres Passwort';

/** A designer of `steueramt` (as the back office's administration would create one). */
export async function addDesigner(db: Database, email: string): Promise<void> {
  const userId = randomUUID();
  await db.query(`INSERT INTO users (id, email, name, password_hash, managed_by) VALUES ($1, $2, 'Gestaltung', $3, 'api')`, [
    userId,
    email,
    await hashPassword(designerPassword),
  ]);
  await db.query(`INSERT INTO role_grants (user_id, role, authority_id, managed_by) VALUES ($1, 'designer', 'steueramt', 'api')`, [userId]);
}

/** Signs in on the back office's sign-in page. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(designerPassword);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
}

const pageWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

/** axe on the page as it is; with `narrow`, also at 320 px, where it must not scroll sideways. */
export async function assertState(page: Page, what: string, narrow = false): Promise<void> {
  await assertAccessible(page, what);
  if (!narrow) return;
  const before = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 640 });
  assert.ok((await pageWidth(page)) <= 320, `${what} is ${await pageWidth(page)} px wide at 320 px`);
  await assertAccessible(page, `${what} at 320 px`);
  await page.setViewportSize(before);
}

/** The form both tests build, in the words a caseworker types. */
export const built = {
  title: 'Hundehaltung melden',
  titleEn: 'Dog keeping notice',
  step1: { de: 'Angaben zur Person', en: 'Personal details' },
  step2: { de: 'Hunde', en: 'Dogs' },
  choice: { de: 'Art der Meldung', en: 'Type of notice' },
  options: [
    { de: 'Anmeldung', en: 'Registration', value: 'anmeldung' },
    { de: 'Abmeldung', en: 'Deregistration', value: 'abmeldung' },
  ],
  conditional: { de: 'Grund der Abmeldung', en: 'Reason for deregistration' },
  file: { de: 'Nachweis der Haftpflichtversicherung', en: 'Proof of liability insurance' },
  repeat: { de: 'Hunde', en: 'Dogs' },
  item: { de: 'Hund', en: 'Dog' },
  dogName: { de: 'Name des Hundes', en: 'Name of the dog' },
};

/** The stored draft of `id` once `ready` holds (the autosave sends a second after the last change). */
export async function waitForDraft(db: Database, id: string, ready: (draft: FormDefinition) => boolean, what: string): Promise<FormDefinition> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { rows } = await db.query<{ draft: FormDefinition }>(`SELECT draft FROM designer_forms WHERE id = $1`, [id]);
    const draft = rows[0]?.draft;
    if (draft && ready(draft)) return draft;
    if (Date.now() > deadline) assert.fail(`the draft of ${id} did not come to hold ${what}: ${JSON.stringify(draft)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

type Json = Record<string, any>;

/** What the draft (or the published version) of the built form must hold, whichever way it was built. */
export function assertBuiltDefinition(definition: FormDefinition): void {
  const d = definition as unknown as Json;
  assert.deepEqual(d.title, { de: built.title, en: built.titleEn });
  assert.equal(d.authority, 'steueramt');
  const steps = d.uiSchema['ui:steps'] as Array<{ title: string; fields: string[] }>;
  assert.deepEqual(
    steps.map((s) => s.title),
    [built.step1.de, built.step2.de],
  );
  assert.deepEqual(steps[0]!.fields, ['person', 'anschrift', 'artDerMeldung', 'grundDerAbmeldung']);
  assert.deepEqual(steps[1]!.fields, ['nachweisDerHaftpflichtversicherung', 'hunde']);
  const en = d.i18n.en as Record<string, string>;
  assert.equal(en['/uiSchema/ui:steps/0/title'], built.step1.en);
  assert.equal(en['/uiSchema/ui:steps/1/title'], built.step2.en);
  const schema = d.schema as Json;
  assert.deepEqual(schema.properties.artDerMeldung, { type: 'string', title: built.choice.de, enum: built.options.map((o) => o.value) });
  assert.equal(en['/schema/properties/artDerMeldung/title'], built.choice.en);
  assert.equal(en['/uiSchema/artDerMeldung/ui:enumNames/1'], built.options[1]!.en);
  assert.ok((schema.required as string[]).includes('artDerMeldung'), 'the choice is required');
  // The conditional field: declared, then required only when the choice is "abmeldung".
  const ifAbmeldung = { required: ['artDerMeldung'], properties: { artDerMeldung: { const: 'abmeldung' } } };
  assert.deepEqual(schema.allOf[0], { if: ifAbmeldung, then: { properties: { grundDerAbmeldung: true } } });
  assert.deepEqual(schema.allOf[1].if, ifAbmeldung);
  assert.equal(schema.allOf[1].then.properties.grundDerAbmeldung.title, built.conditional.de);
  assert.deepEqual(schema.allOf[1].then.required, ['grundDerAbmeldung']);
  // The repeated group of dogs, each with its name.
  const hunde = schema.properties.hunde as Json;
  assert.equal(hunde.type, 'array');
  assert.equal(hunde.title, built.repeat.de);
  assert.equal(hunde.items.title, built.item.de);
  assert.deepEqual(Object.keys(hunde.items.properties), ['nameDesHundes']);
  assert.equal(hunde.items.properties.nameDesHundes.title, built.dogName.de);
  assert.deepEqual(hunde.items.required, ['nameDesHundes']);
  // The upload, PDF, JPEG or PNG up to 10 MiB.
  assert.deepEqual(schema.properties.nachweisDerHaftpflichtversicherung.attachment, {
    mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'],
    maxBytes: 10 * 1024 * 1024,
  });
  // The blocks fill the applicant.
  assert.deepEqual(d.applicant, {
    vorname: '/person/vorname',
    familienname: '/person/familienname',
    strasse: '/anschrift/strasse',
    hausnummer: '/anschrift/hausnummer',
    postleitzahl: '/anschrift/postleitzahl',
    ort: '/anschrift/ort',
  });
  assert.deepEqual(d.routes, [{ to: 'steueramt' }, { to: 'brief-musterstadt', template: 'eingangsbestaetigung' }]);
}

// ---------------------------------------------------------------------------------------------
// Keyboard alone

const maxPresses = 250;

/** Whether the focused element shows that it has the focus (an outline or a ring). */
export async function assertFocusVisible(target: Locator, what: string): Promise<void> {
  const shown = await target.evaluate((element) => {
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return element.matches(':focus-visible') && (outline || style.boxShadow !== 'none');
  });
  assert.ok(shown, `the focus on ${what} is visible`);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, at most 250 times, and checks that the
 * focus is visible there; fails naming `what` when the key never reaches it.
 */
export async function tabUntil(page: Page, target: Locator, what: string, backwards = false): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses <= maxPresses; presses += 1) {
    if (await hasFocus(target)) {
      await assertFocusVisible(target, what);
      return;
    }
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  assert.fail(`${maxPresses} presses of ${backwards ? 'Shift+Tab' : 'Tab'} did not reach ${what} (the focus is on ${focused})`);
}

/** Tabs to a button and presses Enter. */
export async function pressKey(page: Page, target: Locator, what: string, key: 'Enter' | 'Space' = 'Enter', backwards = false): Promise<void> {
  await tabUntil(page, target, what, backwards);
  await page.keyboard.press(key);
}

/** Tabs to a text input, selects what it holds and types `text` instead. */
export async function typeInto(page: Page, target: Locator, text: string, what: string, backwards = false): Promise<void> {
  await tabUntil(page, target, what, backwards);
  await page.keyboard.press('Control+a');
  if (text === '') await page.keyboard.press('Delete');
  else await page.keyboard.type(text);
}

/** Tabs to a select and chooses the option labelled `label` with the arrow keys. */
export async function chooseOption(page: Page, select: Locator, label: string, what: string, backwards = false): Promise<void> {
  await tabUntil(page, select, what, backwards);
  const labels = (await select.locator('option').allTextContents()).map((l) => l.trim());
  const wanted = labels.indexOf(label);
  assert.ok(wanted >= 0, `${what} offers ${label} (it offers ${JSON.stringify(labels)})`);
  const current = await select.evaluate((element) => (element as HTMLSelectElement).selectedIndex);
  for (let i = current; i < wanted; i += 1) await page.keyboard.press('ArrowDown');
  for (let i = wanted; i < current; i += 1) await page.keyboard.press('ArrowUp');
  assert.equal((await select.locator('option:checked').textContent())?.trim(), label, `${what} shows ${label}`);
}

// ---------------------------------------------------------------------------------------------
// The citizen, and what the server did with the application

export const citizen = { vorname: 'Erika', familienname: 'Mustermann-Özdemir', strasse: 'Lindenallee', hausnummer: '7a', postleitzahl: '12345', ort: 'Musterstadt' };
const dogs = ['Bello', 'Luna'];

export interface Submitted {
  reference: string;
  submissionId: string;
}

/**
 * A citizen, in a fresh browser context, opens the published form from the catalogue and fills it
 * in: the conditional field appears only once "Abmeldung" is chosen, two dogs are entered, a PDF is
 * uploaded; the application is submitted and the receipt shown. By pointer or by keyboard.
 */
export async function citizenSubmits(portal: PortalSuite, mode: 'pointer' | 'keyboard'): Promise<Submitted> {
  const portalPage = await portal.open('/');
  const { page } = portalPage;
  const link = page.getByRole('main').getByRole('link', { name: built.title });
  if (mode === 'pointer') await link.click();
  else await pressKey(page, link, 'the form in the catalogue');
  await page.getByRole('heading', { level: 1, name: built.title }).waitFor();
  await assertStep(page, 'Schritt 1 von 3', built.step1.de);
  const order = await dateOrder(portal.browser);
  const next = page.getByRole('button', { name: 'Weiter' });
  const enter = mode === 'pointer' ? (answers: Parameters<typeof fillAnswers>[1]) => fillAnswers(page, answers) : (answers: Parameters<typeof fillAnswers>[1]) => typeAnswers(page, answers, order);
  await enter([
    { field: 'Vorname', value: citizen.vorname },
    { field: 'Familienname', value: citizen.familienname },
    { field: 'Geburtsdatum', value: '1980-04-12' },
    { field: 'Straße', value: citizen.strasse },
    { field: 'Hausnummer', value: citizen.hausnummer },
    { field: 'Postleitzahl', value: citizen.postleitzahl },
    { field: 'Ort', value: citizen.ort },
  ]);
  const reason = page.getByLabel(/^Grund der Abmeldung/);
  assert.equal(await reason.count(), 0, 'the conditional field is hidden before the choice');
  await enter([{ group: built.choice.de, choose: built.options[0]!.de }]);
  assert.equal(await reason.count(), 0, 'the conditional field stays hidden for "Anmeldung"');
  await enter([{ group: built.choice.de, choose: built.options[1]!.de }]);
  await reason.waitFor();
  await enter([{ field: built.conditional.de, value: 'Umzug in eine andere Stadt' }]);
  await assertAccessible(page, 'the built form, step 1, as a citizen');
  if (mode === 'pointer') await next.click();
  else await pressKey(page, next, 'Weiter');
  await assertStep(page, 'Schritt 2 von 3', built.step2.de);

  // The upload: a real PDF, chosen in the file chooser the click or the Space key opens.
  const fileInput = page.getByLabel(labelPattern(built.file.de));
  if (mode === 'pointer') {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), fileInput.click()]);
    await chooser.setFiles(pdfFile('haftpflicht.pdf'));
  } else {
    await tabTo(page, fileInput, 'the upload');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles(pdfFile('haftpflicht.pdf'));
  }
  await page.getByText('„haftpflicht.pdf“ wurde hochgeladen.').waitFor();

  // Two dogs: the first entry is there, the second is added.
  const first = page.getByRole('group', { name: `${built.item.de} 1` });
  if ((await first.count()) === 0) {
    const add = page.getByRole('button', { name: `${built.item.de} hinzufügen` });
    if (mode === 'pointer') await add.click();
    else await pressKey(page, add, `${built.item.de} hinzufügen`);
  }
  await enter([{ field: built.dogName.de, value: dogs[0]!, within: `${built.item.de} 1` }]);
  const add = page.getByRole('button', { name: `${built.item.de} hinzufügen` });
  if (mode === 'pointer') await add.click();
  else await pressKey(page, add, `${built.item.de} hinzufügen`);
  await page.getByRole('group', { name: `${built.item.de} 2` }).waitFor();
  await enter([{ field: built.dogName.de, value: dogs[1]!, within: `${built.item.de} 2` }]);
  await assertAccessible(page, 'the built form, step 2, as a citizen');
  if (mode === 'pointer') await next.click();
  else await pressKey(page, next, 'Weiter');
  await assertStep(page, 'Schritt 3 von 3', 'Angaben prüfen und absenden');
  const send = page.getByRole('button', { name: 'Antrag verbindlich absenden' });
  if (mode === 'pointer') await send.click();
  else await pressKey(page, send, 'Antrag verbindlich absenden');
  await page.getByRole('heading', { level: 1, name: 'Ihr Antrag ist eingegangen' }).waitFor();
  await assertAccessible(page, 'the receipt of the built form');
  const { rows } = await portal.db.query<{ id: string; reference: string }>(
    `SELECT s.id, s.reference FROM submissions s WHERE s.form_id = 'hundehaltung' ORDER BY s.submitted_at DESC LIMIT 1`,
  );
  assert.ok(rows[0], 'the application is stored');
  assert.ok((await page.getByRole('main').textContent())?.includes(rows[0].reference), 'the receipt names the reference');
  const { rows: data } = await portal.db.query<{ data: Json }>(`SELECT data FROM submissions WHERE id = $1`, [rows[0].id]);
  assert.deepEqual(
    (data[0]!.data.hunde as Array<{ nameDesHundes: string }>).map((h) => h.nameDesHundes),
    dogs,
  );
  assert.equal(data[0]!.data.artDerMeldung, 'abmeldung');
  assert.equal(data[0]!.data.person.familienname, citizen.familienname);
  await portalPage.close();
  return { reference: rows[0].reference, submissionId: rows[0].id };
}

const run = promisify(execFile);

/**
 * Waits (at most 30 s) until the worker has delivered both routes: the XÖV message without
 * validation problems — validated here once more against the version's XSD as served — and the
 * letter queued as a print piece, which is rendered with the server's renderer and read back.
 */
export async function assertDelivered(portal: PortalSuite, submitted: Submitted): Promise<void> {
  type Row = { target_id: string; state: string; message: string | null; validation_errors: unknown; last_error: string | null };
  const deadline = Date.now() + 30_000;
  let rows: Row[] = [];
  for (;;) {
    rows = (
      await portal.db.query<Row>(`SELECT target_id, state, message, validation_errors, last_error FROM deliveries WHERE submission_id = $1 ORDER BY route_index`, [
        submitted.submissionId,
      ])
    ).rows;
    if (rows.length === 2 && rows.every((r) => r.state === 'delivered' || r.state === 'dead')) break;
    if (Date.now() > deadline) assert.fail(`the deliveries did not finish within 30 s: ${JSON.stringify(rows)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.deepEqual(
    rows.map((r) => r.target_id),
    ['steueramt', 'brief-musterstadt'],
  );
  const [xoev, print] = rows as [Row, Row];
  assert.equal(xoev.state, 'delivered', `the XÖV delivery: ${xoev.last_error}`);
  assert.equal(xoev.validation_errors, null, `the worker found the message valid: ${JSON.stringify(xoev.validation_errors)}`);
  assert.ok(xoev.message, 'the message is kept');
  assert.ok(xoev.message.includes(submitted.reference), 'the message names the reference');
  assert.ok(xoev.message.includes(citizen.familienname), 'the message holds the applicant');

  // The XSD of the published version, as the portal serves it, validates the message too.
  const { rows: version } = await portal.db.query<{ form_version: number }>(`SELECT form_version FROM submissions WHERE id = $1`, [submitted.submissionId]);
  const xsdPath = `/api/forms/hundehaltung/versions/${version[0]!.form_version}/xsd`;
  const response = await fetch(portal.url + xsdPath);
  assert.equal(response.status, 200);
  const schema = compileSchema(await response.text(), xsdPath);
  try {
    assert.deepEqual(schema.validate(xoev.message), [], 'the message is valid against the published XSD');
  } finally {
    schema.dispose();
  }

  // The letter: one print piece with pages, rendered by the server's renderer, naming the applicant.
  assert.equal(print.state, 'delivered', `the print delivery: ${print.last_error}`);
  const { rows: pieces } = await portal.db.query<{ letter: Letter; pages: number }>(`SELECT letter, pages FROM print_pieces WHERE submission_id = $1`, [
    submitted.submissionId,
  ]);
  assert.equal(pieces.length, 1, 'one letter');
  assert.ok(pieces[0]!.pages > 0, 'the letter has pages');
  const dir = await mkdtemp(path.join(tmpdir(), 'antragswerk-letter-'));
  try {
    const pdf = path.join(dir, 'brief.pdf');
    await renderLetters([pieces[0]!.letter], createWriteStream(pdf));
    assert.equal((await readFile(pdf)).subarray(0, 5).toString('latin1'), '%PDF-');
    const { stdout } = await run('pdftotext', ['-layout', pdf, '-']);
    assert.ok(stdout.includes(citizen.familienname), `the letter names the applicant:\n${stdout}`);
    assert.ok(stdout.includes(submitted.reference), 'the letter names the reference');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Drags with the mouse from the middle of `from` to `point` of `to` (default: its middle). The
 * designer's page is taller than the window, and the mouse reaches only what is in it: for the
 * drag the window grows to the page's height, then takes its size again.
 */
export async function dragWithMouse(page: Page, from: Locator, to: Locator, point = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 })): Promise<void> {
  const size = page.viewportSize()!;
  const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.min(height + 100, 6000)) });
  await page.evaluate('window.scrollTo(0, 0)');
  const a = (await from.boundingBox())!;
  const b = point((await to.boundingBox())!);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  // A few pixels first: the drag starts only after the pointer has moved.
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 - 10, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 20 });
  await page.mouse.up();
  await page.setViewportSize(size);
}

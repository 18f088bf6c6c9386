/**
 * The published forms of this process: the current version of every loaded definition with
 * its compiled validator; submissions are validated against it. Forms from FORMS_DIR are fixed
 * at start. Forms published in the designer are loaded beside them and reloaded at once after a
 * publication or retirement in this process, and — for those made by other processes — when the
 * designer's version counter in the database moved, checked at most every few seconds before use.
 * A file form wins over a designer form of the same id.
 */
import { createAjv, type Ajv } from '../../shared/validation/ajv.ts';
import { compileFormValidator, type FormValidator } from '../../shared/validation/form-validator.ts';
import { compileNormaliser, type Normaliser } from '../../shared/validation/normalise.ts';
import { definitionText } from '../../shared/form-view/definition-texts.ts';
import type { Database } from '../db/database.ts';
import type { FormVersion } from './versions.ts';
import { designerFormsVersion, publishedDesignerVersions } from '../designer/records.ts';

export interface PublishedForm extends FormVersion {
  /** The data as it is validated and stored (normalise.ts); validate applies it itself. */
  normalise: Normaliser;
  validate: FormValidator;
}

export interface LiveOptions {
  /** How stale the designer's forms may get before the version counter is checked again. */
  checkIntervalMs?: number;
}

export class FormRegistry {
  private readonly files: Map<string, PublishedForm>;
  private designer = new Map<string, PublishedForm>();
  private readonly onOwnValidator = new WeakSet<PublishedForm>();
  private live: { db: Database; version: number; checkedAt: number; intervalMs: number; checking?: Promise<void> | undefined } | undefined;

  constructor(
    private readonly ajv: Ajv,
    versions: FormVersion[],
  ) {
    this.files = new Map(versions.map((v) => [v.definition.id, this.compiled(v)]));
  }

  private compiled(v: FormVersion, ajv: Ajv = this.ajv): PublishedForm {
    return { ...v, normalise: compileNormaliser(v.definition.schema), validate: compileFormValidator(ajv, v.definition) };
  }

  /**
   * A designer version's validator. The version it replaces leaves the shared validator first
   * (a schema's `$id` may be registered once per instance); a schema whose `$id` another form
   * still holds is compiled on an instance of its own.
   */
  private compiledDesigner(v: FormVersion, replaced: PublishedForm | undefined): PublishedForm {
    if (replaced) this.forget(replaced);
    try {
      return this.compiled(v);
    } catch {
      const own = this.compiled(v, createAjv());
      this.onOwnValidator.add(own);
      return own;
    }
  }

  /** Takes a designer version's schema out of the shared validator (not one compiled on its own). */
  private forget(form: PublishedForm): void {
    if (!this.onOwnValidator.delete(form)) this.ajv.removeSchema(form.definition.schema);
  }

  /** Loads the forms published in the designer and keeps them current from now on. */
  async loadDesigner(db: Database, options: LiveOptions = {}): Promise<void> {
    this.live = { db, version: -1, checkedAt: 0, intervalMs: options.checkIntervalMs ?? 2000 };
    await this.reload();
  }

  /** After a publication or retirement in this process: the new state, now. */
  async reload(): Promise<void> {
    const live = this.live;
    if (!live) return;
    const { version, forms } = await publishedDesignerVersions(live.db);
    const next = new Map<string, PublishedForm>();
    for (const v of forms) {
      if (this.files.has(v.definition.id)) continue;
      const known = this.designer.get(v.definition.id);
      next.set(v.definition.id, known && known.version === v.version ? known : this.compiledDesigner(v, known));
    }
    // Retired forms leave the shared validator too.
    for (const [id, gone] of this.designer) if (!next.has(id)) this.forget(gone);
    this.designer = next;
    live.version = version;
    live.checkedAt = Date.now();
  }

  /** Before use: reloads when another process published or retired a form (checked at most every few seconds). */
  async refresh(): Promise<void> {
    const live = this.live;
    if (!live || Date.now() - live.checkedAt < live.intervalMs) return;
    live.checking ??= (async () => {
      try {
        if ((await designerFormsVersion(live.db)) !== live.version) await this.reload();
        live.checkedAt = Date.now();
      } finally {
        live.checking = undefined;
      }
    })();
    await live.checking;
  }

  /** Whether `formId` is a form of FORMS_DIR (read-only in the designer). */
  isFileForm(formId: string): boolean {
    return this.files.has(formId);
  }

  get(formId: string): PublishedForm | undefined {
    return this.files.get(formId) ?? this.designer.get(formId);
  }

  list(): PublishedForm[] {
    return [...this.files.values(), ...this.designer.values()].sort((a, b) =>
      definitionText(a.definition.title, 'de').localeCompare(definitionText(b.definition.title, 'de'), 'de'),
    );
  }

  /** The forms of FORMS_DIR only. */
  fileForms(): PublishedForm[] {
    return [...this.files.values()];
  }
}

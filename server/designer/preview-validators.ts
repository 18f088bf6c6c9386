/**
 * The designer preview's validator modules: the preview sends the definition as it stands in the
 * browser (saved or not) and loads the module written for it, addressed by its content hash, as
 * the portal loads a published version's. Half-edited definitions are previewed too: only a
 * schema that does not compile is refused (422 `definition_invalid`, the problem at `/schema`).
 */
import type { FormDefinition } from '../../shared/form-definition.ts';
import { AppError } from '../app-error.ts';
import { contentHash } from '../forms/content-hash.ts';
import { ValidatorModules, type ValidatorModule } from '../forms/validator-module/cache.ts';

/** Preview modules kept at once; one per definition a preview showed recently. */
const keptPreviews = 32;

export const previewModuleFile = /^([0-9a-f]{64})\.js$/;

export class PreviewValidators {
  private readonly modules = new ValidatorModules(keptPreviews);

  /** Writes (or finds) the module of `definition` for form `formId`; answers where it is. */
  prepare(formId: string, definition: Record<string, unknown>): { module: string } {
    const schema = definition.schema;
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema))
      throw new AppError('definition_invalid', { problems: [{ path: '/schema', message: 'must be object' }] });
    const hash = contentHash(definition);
    try {
      this.modules.of(`${formId}/${hash}`, definition as unknown as FormDefinition);
    } catch (error) {
      throw new AppError('definition_invalid', { problems: [{ path: '/schema', message: (error as Error).message }] });
    }
    return { module: `/api/admin/forms/${encodeURIComponent(formId)}/preview-validators/${hash}.js` };
  }

  /**
   * The module named by `file` (`<hash>.js`) for form `formId`: kept from `prepare`, or written
   * for `current` (the saved draft or file definition) when that is the content named.
   */
  find(formId: string, file: string, current: FormDefinition): ValidatorModule {
    const hash = previewModuleFile.exec(file)?.[1];
    if (!hash) throw new AppError('validator_module_not_found');
    const key = `${formId}/${hash}`;
    const kept = this.modules.find(key);
    if (kept) return kept;
    if (contentHash(current) !== hash) throw new AppError('validator_module_not_found');
    return this.modules.of(key, current);
  }
}

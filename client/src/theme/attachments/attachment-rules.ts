/**
 * The attachment rule of a field (`"attachment": { mediaTypes, maxBytes }`) and the checks the
 * browser makes before sending a file. They save a pointless upload; the server checks again,
 * by content, and its verdict counts.
 */
import type { RJSFSchema } from '@rjsf/utils';
import { formatBytes } from '../../../../shared/form-view/format.ts';
import type { Language } from '../../../../shared/i18n.ts';
import type { UiTexts } from '../../i18n.ts';

export interface AttachmentRule {
  mediaTypes: string[];
  maxBytes: number;
}

const typeNames: Record<string, { name: string; extensions: string[] }> = {
  'application/pdf': { name: 'PDF', extensions: ['.pdf'] },
  'image/jpeg': { name: 'JPEG', extensions: ['.jpg', '.jpeg'] },
  'image/png': { name: 'PNG', extensions: ['.png'] },
};

export function attachmentRule(schema: RJSFSchema): AttachmentRule {
  const rule = schema.attachment as Partial<AttachmentRule> | undefined;
  return { mediaTypes: rule?.mediaTypes ?? [], maxBytes: rule?.maxBytes ?? Number.MAX_SAFE_INTEGER };
}

export const typeList = (rule: AttachmentRule) => rule.mediaTypes.map((type) => typeNames[type]?.name ?? type).join(', ');

/** For the file picker's `accept`: the media types and their usual extensions. */
export const acceptOf = (rule: AttachmentRule) =>
  [...rule.mediaTypes, ...rule.mediaTypes.flatMap((type) => typeNames[type]?.extensions ?? [])].join(',');

/** Why the file cannot be accepted, as far as the browser can tell; undefined when it may go up. */
export function precheck(file: File, rule: AttachmentRule, t: UiTexts, lang: Language): string | undefined {
  if (file.size === 0) return t.attachmentEmpty(file.name);
  if (file.size > rule.maxBytes)
    return t.attachmentTooLarge(file.name, formatBytes(file.size, lang), formatBytes(rule.maxBytes, lang));
  // An unknown type (empty string) is for the server to recognise from the content.
  if (file.type !== '' && !rule.mediaTypes.includes(file.type)) return t.attachmentWrongType(file.name, typeList(rule));
  return undefined;
}

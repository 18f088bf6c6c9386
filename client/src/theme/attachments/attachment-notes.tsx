/** What an attachment field tells before and after an upload: the accepted types and size, and the last refusal. */
import { formatBytes } from '../../../../shared/form-view/format.ts';
import { useLanguage } from '../../language.tsx';
import { typeList, type AttachmentRule } from './attachment-rules.ts';

export function AttachmentNotes(props: { rule: AttachmentRule; rulesId: string; errorId: string; error: string | undefined }) {
  const { t, lang } = useLanguage();
  return (
    <>
      <p id={props.rulesId} className="field-hint">
        {t.attachmentRules(typeList(props.rule), formatBytes(props.rule.maxBytes, lang))}
      </p>
      {props.error && (
        <p id={props.errorId} className="field-error field-error__message" role="alert">
          <span className="visually-hidden">{t.errorPrefix} </span>
          {props.error}
        </p>
      )}
    </>
  );
}

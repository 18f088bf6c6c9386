/**
 * Several files (an array whose items have an `attachment` rule, at most `maxItems`): the list
 * of uploaded files, each with its remove button, and a file control for the next one, labelled
 * with how many more are possible. The group's fieldset and legend come from the FieldTemplate.
 * Where uploads are off (the designer's preview) the control is disabled and says so.
 */
import type { FieldProps } from '@rjsf/utils';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useLanguage } from '../../language.tsx';
import { pointerOfPath } from '../../form/field-ids.ts';
import { AttachmentNotes } from './attachment-notes.tsx';
import { acceptOf, attachmentRule } from './attachment-rules.ts';
import { useAttachments } from './attachments-context.tsx';
import { FileRow } from './file-row.tsx';
import { useUpload } from './use-upload.ts';
import type { RJSFSchema } from '@rjsf/utils';

export function AttachmentListField(props: FieldProps) {
  const { fieldPathId, formData, onChange, schema, disabled, readonly } = props;
  const { t } = useLanguage();
  const id = fieldPathId.$id;
  const inputId = `${id}__file`;
  const rulesId = `${id}__rules`;
  const uploadErrorId = `${id}__upload-error`;
  const offId = `${id}__uploads-off`;
  const { uploadsOff } = useAttachments();
  const rule = attachmentRule(schema.items as RJSFSchema);
  const { upload, status, setStatus, error, busy } = useUpload(rule);
  const files: string[] = Array.isArray(formData) ? formData.filter((f): f is string => typeof f === 'string') : [];
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
  const remaining = maxItems - files.length;
  const containerRef = useRef<HTMLDivElement>(null);
  const [focusAfterRender, setFocusAfterRender] = useState(false);

  // The file control keeps the focus while it is there; when the last possible file took its
  // place, the focus goes to that file's remove button.
  useEffect(() => {
    if (!focusAfterRender) return;
    const container = containerRef.current;
    const target =
      container?.querySelector<HTMLElement>('input[type=file]') ?? container?.querySelector<HTMLElement>('.file:last-child button');
    if (target && target !== document.activeElement) target.focus();
    setFocusAfterRender(false);
  }, [focusAfterRender, files.length]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file || uploadsOff !== undefined) return;
    const stored = await upload(file, pointerOfPath([...fieldPathId.path, files.length]));
    if (!stored) return;
    onChange([...files, stored.id], fieldPathId.path);
    setFocusAfterRender(true);
  };
  const remove = (index: number, name: string) => {
    const rest = files.filter((_, i) => i !== index);
    onChange(rest.length > 0 ? rest : undefined, fieldPathId.path);
    setStatus(t.attachmentRemoved(name));
    setFocusAfterRender(true);
  };

  return (
    <div className="attachment" ref={containerRef}>
      <AttachmentNotes rule={rule} rulesId={rulesId} errorId={uploadErrorId} error={error} />
      {uploadsOff && (
        <p id={offId} className="field-hint">
          {uploadsOff}
        </p>
      )}
      {files.length > 0 && (
        <ul className="files">
          {files.map((attachmentId, index) => (
            <FileRow
              key={attachmentId}
              id={`${id}_${index}`}
              attachmentId={attachmentId}
              disabled={disabled || readonly}
              onRemove={(name) => remove(index, name)}
            />
          ))}
        </ul>
      )}
      {remaining > 0 ? (
        <div className="attachment__choose">
          <label htmlFor={inputId} className="field-label field-label--secondary">
            {files.length === 0 ? t.attachmentChoose : t.attachmentChooseAnother(remaining)}
          </label>
          <input
            type="file"
            id={inputId}
            className="file-input"
            accept={acceptOf(rule)}
            disabled={disabled || readonly || busy || uploadsOff !== undefined}
            aria-describedby={[rulesId, ...(uploadsOff ? [offId] : []), ...(error ? [uploadErrorId] : [])].join(' ')}
            aria-invalid={error ? true : undefined}
            onChange={choose}
          />
        </div>
      ) : (
        <p className="field-hint">{t.attachmentLimitReached}</p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {status}
      </p>
    </div>
  );
}

/**
 * A single file (a string field with an `attachment` rule): a native file control, labelled by
 * the field's <label for>; once uploaded, the file's name and size with a remove button. The
 * focus follows: to the remove button after an upload, back to the file control after removal.
 * Where uploads are off (the designer's preview) the control is disabled and says so.
 */
import type { FieldProps } from '@rjsf/utils';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useLanguage } from '../../language.tsx';
import { pointerOfPath } from '../../form/field-ids.ts';
import { useFieldAria } from '../field-texts.tsx';
import { AttachmentNotes } from './attachment-notes.tsx';
import { acceptOf, attachmentRule } from './attachment-rules.ts';
import { useAttachments } from './attachments-context.tsx';
import { FileRow } from './file-row.tsx';
import { useUpload } from './use-upload.ts';

export function AttachmentField(props: FieldProps) {
  const { fieldPathId, formData, onChange, schema, uiSchema, disabled, readonly } = props;
  const { t } = useLanguage();
  const id = fieldPathId.$id;
  const rule = attachmentRule(schema);
  const { upload, status, setStatus, error, busy } = useUpload(rule);
  const { uploadsOff } = useAttachments();
  const rulesId = `${id}__rules`;
  const uploadErrorId = `${id}__upload-error`;
  const offId = `${id}__uploads-off`;
  const aria = useFieldAria(id, schema, uiSchema, [rulesId, ...(uploadsOff ? [offId] : []), ...(error ? [uploadErrorId] : [])]);
  const containerRef = useRef<HTMLDivElement>(null);
  const [focusAfterRender, setFocusAfterRender] = useState<'remove' | 'input' | undefined>();
  const attachmentId = typeof formData === 'string' && formData !== '' ? formData : undefined;

  useEffect(() => {
    if (!focusAfterRender) return;
    const selector = focusAfterRender === 'remove' ? 'button' : 'input[type=file]';
    containerRef.current?.querySelector<HTMLElement>(selector)?.focus();
    setFocusAfterRender(undefined);
  }, [focusAfterRender, attachmentId]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file || uploadsOff !== undefined) return;
    const stored = await upload(file, pointerOfPath(fieldPathId.path));
    if (!stored) return;
    onChange(stored.id, fieldPathId.path);
    setFocusAfterRender('remove');
  };
  const remove = (name: string) => {
    onChange(undefined, fieldPathId.path);
    setStatus(t.attachmentRemoved(name));
    setFocusAfterRender('input');
  };

  return (
    <div className="attachment" ref={containerRef}>
      <AttachmentNotes rule={rule} rulesId={rulesId} errorId={uploadErrorId} error={error} />
      {uploadsOff && (
        <p id={offId} className="field-hint">
          {uploadsOff}
        </p>
      )}
      {attachmentId ? (
        <ul className="files">
          <FileRow id={id} attachmentId={attachmentId} disabled={disabled || readonly} onRemove={remove} />
        </ul>
      ) : (
        <input
          type="file"
          id={id}
          className="file-input"
          accept={acceptOf(rule)}
          disabled={disabled || readonly || busy || uploadsOff !== undefined}
          {...aria}
          aria-invalid={aria['aria-invalid'] ?? (error ? true : undefined)}
          onChange={choose}
        />
      )}
      <p className="visually-hidden" aria-live="polite">
        {status}
      </p>
    </div>
  );
}

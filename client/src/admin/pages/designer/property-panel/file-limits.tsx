/**
 * What an upload field accepts: file types as checkboxes (stored as media types; those the
 * installation cannot recognise by content yet are shown but cannot be chosen) and the largest
 * file in MiB. At least one type stays chosen.
 */
import { useState } from 'react';
import type { FileElement } from '../../../../../../shared/designer/model.ts';
import { maxMiB, mibText, parseMiB } from '../../../../../../shared/designer/property-input.ts';
import { attachmentMediaTypes } from '../../../../../../shared/validation/attachment-rule.ts';
import { TextField } from '../../../components/fields.tsx';
import { fieldId } from '../../../components/form-state.ts';
import { useTexts } from '../../../use-texts.ts';
import { localProblems, useLocalText } from './local-input.ts';
import { panelTexts } from './texts.ts';
import { useSelected } from './use-element.ts';

export const fileTypes: Array<{ label: string; mediaType: string }> = [
  { label: 'PDF', mediaType: 'application/pdf' },
  { label: 'JPEG', mediaType: 'image/jpeg' },
  { label: 'PNG', mediaType: 'image/png' },
  { label: 'TIFF', mediaType: 'image/tiff' },
  { label: 'Word (DOCX)', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { label: 'ODT', mediaType: 'application/vnd.oasis.opendocument.text' },
];

const recognised: ReadonlySet<string> = new Set(attachmentMediaTypes);

export function FileLimits() {
  const words = useTexts(panelTexts);
  const { element: selected, change, base } = useSelected();
  const element = selected as FileElement;
  const [emptyTried, setEmptyTried] = useState(false);
  const [size, typed] = useLocalText(mibText(element.maxBytes));
  const sizeReading = size === mibText(element.maxBytes) ? undefined : parseMiB(size);
  const typesId = fieldId(`${base}/mediaTypes`);
  const sizePointer = `${base}/maxSize`;
  const problem = sizeReading && !sizeReading.ok ? sizeReading.problem : undefined;
  return (
    <>
      <fieldset className="field designer-panel__types" aria-describedby={emptyTried ? `${typesId}__error` : undefined}>
        <legend className="field-label">{words.mediaTypes}</legend>
        {emptyTried && (
          <p id={`${typesId}__error`} className="field-error field-error__message">
            {words.mediaTypesEmpty}
          </p>
        )}
        {fileTypes.map((type) => {
          const id = `${typesId}-${type.label.replace(/\W+/g, '-')}`;
          const checked = element.mediaTypes.includes(type.mediaType);
          const supported = recognised.has(type.mediaType);
          return (
            <div className="choice" key={type.mediaType}>
              <input
                id={id}
                className="choice__input"
                type="checkbox"
                checked={checked}
                disabled={!supported && !checked}
                aria-describedby={supported ? undefined : `${id}__hint`}
                onChange={(event) => {
                  const mediaTypes = event.target.checked
                    ? fileTypes.map((t) => t.mediaType).filter((m) => m === type.mediaType || element.mediaTypes.includes(m))
                    : element.mediaTypes.filter((m) => m !== type.mediaType);
                  if (mediaTypes.length === 0) return setEmptyTried(true);
                  setEmptyTried(false);
                  change({ ...element, mediaTypes });
                }}
              />
              <label htmlFor={id} className="choice__label">
                {type.label}
                {!supported && (
                  <span id={`${id}__hint`} className="designer-panel__unsupported">
                    {' '}
                    ({words.mediaTypeUnsupported})
                  </span>
                )}
              </label>
            </div>
          );
        })}
      </fieldset>
      <TextField
        form={localProblems({ [sizePointer]: problem && (problem === 'tooLarge' ? words.sizeProblems.tooLarge(maxMiB) : words.sizeProblems[problem]) })}
        pointer={sizePointer}
        label={words.maxSize}
        value={size}
        onChange={(text) => {
          const reading = parseMiB(text);
          if (!reading.ok) return typed(text, mibText(element.maxBytes));
          typed(text, mibText(reading.value));
          if (reading.value !== element.maxBytes) change({ ...element, maxBytes: reading.value });
        }}
      />
    </>
  );
}

/**
 * The files of the form being filled in: the form id uploads go to, and name, type and size of
 * each attachment id in the data (from the upload, from the draft, or asked of the server).
 */
import { createContext, useContext, useEffect } from 'react';
import { getAttachment } from '../../api/attachments.ts';
import type { AttachmentInfo } from '../../api/types.ts';
import { useLanguage } from '../../language.tsx';

export interface AttachmentsState {
  formId: string;
  files: ReadonlyMap<string, AttachmentInfo>;
  remember(id: string, info: AttachmentInfo): void;
  /** When set, nothing is uploaded (the designer's preview): file controls are disabled and say this instead. */
  uploadsOff?: string;
}

export const AttachmentsContext = createContext<AttachmentsState>({ formId: '', files: new Map(), remember: () => {} });

export const useAttachments = () => useContext(AttachmentsContext);

/** What is known about attachment `id`; asks the server once when nothing is. */
export function useAttachmentInfo(id: string): AttachmentInfo | undefined {
  const { files, remember } = useAttachments();
  const { lang } = useLanguage();
  const info = files.get(id);
  useEffect(() => {
    if (info) return;
    let current = true;
    getAttachment(id, lang).then(
      (stored) => current && remember(id, stored),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [id, info, lang, remember]);
  return info;
}

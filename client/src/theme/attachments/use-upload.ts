/**
 * Uploading one file: checks first, then `POST …/attachments?field=<pointer>`. What happens is
 * told in words: a status line for assistive technology, and an error that is announced and
 * linked to the file control (the server's message for 413/415, or the browser's pre-check).
 */
import { useState } from 'react';
import { uploadAttachment } from '../../api/attachments.ts';
import type { StoredAttachment } from '../../api/types.ts';
import { useErrorMessage } from '../../layout/load-states.tsx';
import { useLanguage } from '../../language.tsx';
import { precheck, type AttachmentRule } from './attachment-rules.ts';
import { useAttachments } from './attachments-context.tsx';

export function useUpload(rule: AttachmentRule) {
  const { t, lang } = useLanguage();
  const { formId, remember } = useAttachments();
  const errorMessage = useErrorMessage();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function upload(file: File, field: string): Promise<StoredAttachment | undefined> {
    setError(undefined);
    const refused = precheck(file, rule, t, lang);
    if (refused) {
      setStatus('');
      setError(refused);
      return undefined;
    }
    setBusy(true);
    setStatus(t.attachmentUploading(file.name));
    try {
      const stored = await uploadAttachment(formId, field, file, lang);
      remember(stored.id, stored);
      setStatus(t.attachmentUploaded(stored.fileName));
      return stored;
    } catch (failure) {
      setStatus('');
      setError(t.attachmentServerError(file.name, errorMessage(failure)));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return { upload, status, setStatus, error, setError, busy };
}

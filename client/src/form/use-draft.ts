/**
 * "Später fortsetzen": the first save creates the draft, later ones update it (a draft that has
 * expired meanwhile is created anew). The resume link carries id and token in the fragment,
 * which browsers never send to a server.
 */
import { useRef, useState } from 'react';
import { createDraft, formatDraftKey, updateDraft, type DraftContent, type DraftKey } from '../api/drafts.ts';
import { ApiError } from '../api/http.ts';
import { useErrorMessage } from '../layout/load-states.tsx';
import { useLanguage } from '../language.tsx';
import { paths } from '../routing/routes.ts';
import type { SavedDraft } from './draft-panel.tsx';

export const draftFragment = 'entwurf';

export function resumeLink(formId: string, key: DraftKey): string {
  return `${window.location.origin}${paths.form(formId)}#${draftFragment}=${formatDraftKey(key)}`;
}

export function useDraft(formId: string) {
  const { t, lang } = useLanguage();
  const errorMessage = useErrorMessage();
  const keyRef = useRef<DraftKey | undefined>(undefined);
  const [saved, setSaved] = useState<SavedDraft | undefined>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function save(content: DraftContent) {
    setSaving(true);
    setError(undefined);
    try {
      let expiresAt: string;
      const key = keyRef.current;
      try {
        if (!key) throw new ApiError(404, 'draft_not_found', 'no draft yet');
        expiresAt = (await updateDraft(key, content, lang)).expiresAt;
      } catch (failure) {
        if (!(failure instanceof ApiError && failure.code === 'draft_not_found')) throw failure;
        const created = await createDraft(formId, content, lang);
        keyRef.current = { id: created.id, token: created.resumeToken };
        expiresAt = created.expiresAt;
      }
      setSaved((previous) => ({
        link: resumeLink(formId, keyRef.current!),
        expiresAt,
        saveCount: (previous?.saveCount ?? 0) + 1,
      }));
    } catch (failure) {
      setError(t.draftSaveFailed(errorMessage(failure)));
    } finally {
      setSaving(false);
    }
  }

  /** Continue a draft opened from its link; later saves and the submission refer to it. */
  const adopt = (key: DraftKey) => {
    keyRef.current = key;
  };

  return { save, saving, saved, error, adopt, key: () => keyRef.current, forget: () => (keyRef.current = undefined) };
}

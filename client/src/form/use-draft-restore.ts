/**
 * Opening a resume link (`/formulare/<id>#entwurf=<id>.<token>`): the draft's data, step and
 * files are loaded before the form is shown. The fragment is removed from the address afterwards.
 */
import { useEffect, useState } from 'react';
import { getDraft, parseDraftKey, type DraftKey } from '../api/drafts.ts';
import type { Draft } from '../api/types.ts';
import { useErrorMessage } from '../layout/load-states.tsx';
import { useLanguage } from '../language.tsx';
import { draftFragment } from './use-draft.ts';

export type DraftRestore =
  | { state: 'none' }
  | { state: 'loading' }
  | { state: 'restored'; key: DraftKey; draft: Draft }
  | { state: 'failed'; message: string };

function keyInFragment(): DraftKey | undefined {
  const match = new RegExp(`^#${draftFragment}=(.+)$`).exec(window.location.hash);
  return match ? parseDraftKey(decodeURIComponent(match[1]!)) : undefined;
}

export function useDraftRestore(): DraftRestore {
  const { t, lang } = useLanguage();
  const errorMessage = useErrorMessage();
  const [restore, setRestore] = useState<DraftRestore>(() =>
    window.location.hash.startsWith(`#${draftFragment}=`) ? { state: 'loading' } : { state: 'none' },
  );
  useEffect(() => {
    if (restore.state !== 'loading') return;
    const key = keyInFragment();
    if (!key) {
      setRestore({ state: 'failed', message: t.draftLoadFailed(t.draftLinkInvalid) });
      return;
    }
    getDraft(key, lang).then(
      (draft) => setRestore({ state: 'restored', key, draft }),
      (failure: unknown) => setRestore({ state: 'failed', message: t.draftLoadFailed(errorMessage(failure)) }),
    );
    // runs once, for the address the page was opened with
  }, []);
  return restore;
}

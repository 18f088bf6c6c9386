/**
 * After "Später fortsetzen": the resume link with its expiry and a copy button. The panel takes
 * the focus so the result is announced; copying is confirmed in a live region.
 */
import { useEffect, useRef, useState } from 'react';
import { formatDateTime } from '../../../shared/form-view/format.ts';
import { useLanguage } from '../language.tsx';

export interface SavedDraft {
  link: string;
  expiresAt: string;
  /** Changes with every save, so the panel announces each one. */
  saveCount: number;
}

async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    input?.select();
    return document.execCommand('copy');
  }
}

export function DraftPanel({ draft }: { draft: SavedDraft }) {
  const { t, lang } = useLanguage();
  const ref = useRef<HTMLElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState('');
  useEffect(() => {
    setCopied('');
    ref.current?.focus();
  }, [draft.saveCount]);
  const copy = async () => setCopied((await copyText(draft.link, inputRef.current)) ? t.draftCopied : t.draftCopyFailed);
  return (
    <section className="draft-panel" ref={ref} tabIndex={-1} aria-labelledby="draft-panel-title">
      <h2 id="draft-panel-title" className="draft-panel__title">
        {t.draftSaved}
      </h2>
      <p>{t.draftExplanation(formatDateTime(draft.expiresAt, lang))}</p>
      <label htmlFor="draft-link" className="field-label">
        {t.draftLinkLabel}
      </label>
      <div className="draft-panel__link">
        <input id="draft-link" ref={inputRef} className="input" type="text" readOnly value={draft.link} />
        <button type="button" className="button button--secondary" onClick={copy}>
          {t.draftCopy}
        </button>
      </div>
      <p className="draft-panel__copied" aria-live="polite">
        {copied}
      </p>
    </section>
  );
}

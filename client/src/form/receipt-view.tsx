/**
 * After submitting: reference number, date, the receipt as a tagged PDF to download, what
 * happens next, the status token with what it is for, the status link that carries both, a link
 * to the status page, and the answers to print (a print stylesheet leaves out the page frame,
 * the buttons and the download).
 *
 * The access key is shown only here, so leaving is asked for: the browser's own warning on
 * reload or close, and a dialog before any way out through the portal (links, Back to another
 * page). Back into the form comes here again (form-page.tsx); leaving forgets the receipt.
 */
import { useEffect, useMemo, useRef } from 'react';
import { formatDateTime } from '../../../shared/form-view/format.ts';
import { statusLink, statusLinkPath } from '../../../shared/status-link.ts';
import { receiptPdfPath } from '../api/submissions.ts';
import { useDocumentTitle } from '../layout/page-heading.tsx';
import { useLanguage } from '../language.tsx';
import { Link, useLeaveGuard, type LeaveGuard } from '../routing/router.tsx';
import { paths } from '../routing/routes.ts';
import { Answers } from './answers.tsx';
import type { KeptReceipt } from './receipt-store.ts';

interface ReceiptViewProps {
  formId: string;
  receipt: KeptReceipt;
  /** The citizen has chosen to leave: forget the receipt. */
  onLeave(): void;
}

function useLeaveWarning(formId: string, onLeave: () => void) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const pending = useRef<{ proceed: () => void; focus: Element | null } | undefined>(undefined);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the warning only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const guard = useMemo<LeaveGuard>(
    () => ({
      leaves: (to) => to.pathname !== paths.form(formId) && to.pathname !== paths.receipt(formId),
      confirm(proceed) {
        pending.current = { proceed, focus: document.activeElement };
        if (!dialogRef.current?.open) dialogRef.current?.showModal();
      },
    }),
    [formId],
  );
  useLeaveGuard(guard);

  const stay = () => {
    const focus = pending.current?.focus;
    pending.current = undefined;
    dialogRef.current?.close();
    if (focus instanceof HTMLElement && focus.isConnected) focus.focus();
  };
  const leave = () => {
    const proceed = pending.current?.proceed;
    pending.current = undefined;
    dialogRef.current?.close();
    onLeave();
    proceed?.();
  };
  return { dialogRef, stay, leave };
}

export function ReceiptView({ formId, receipt, onLeave }: ReceiptViewProps) {
  const { t, lang } = useLanguage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t.receiptTitle);
  useEffect(() => headingRef.current?.focus(), []);
  const { dialogRef, stay, leave } = useLeaveWarning(formId, onLeave);
  const linkPath = statusLinkPath(receipt.reference, receipt.statusToken);
  return (
    <div className="receipt">
      <div className="panel">
        <h1 className="panel__title" ref={headingRef} tabIndex={-1}>
          {t.receiptTitle}
        </h1>
        <p>{t.receiptThanks(receipt.formTitle)}</p>
        <p className="panel__reference">
          {t.receiptReference}: <strong>{receipt.reference}</strong>
        </p>
      </div>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t.receiptReference}</dt>
          <dd>{receipt.reference}</dd>
        </div>
        <div className="facts__row">
          <dt>{t.receiptDate}</dt>
          <dd>{formatDateTime(receipt.submittedAt, lang)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t.receiptForm}</dt>
          <dd>{receipt.formTitle}</dd>
        </div>
      </dl>
      <p className="no-print">
        <a href={receiptPdfPath(receipt.id, receipt.statusToken)} download>
          {t.receiptPdfLink}
        </a>
      </p>
      <h2>{t.receiptNextTitle}</h2>
      <p>{t.receiptNext}</p>
      <section className="token-box" aria-labelledby="receipt-token-title">
        <h2 id="receipt-token-title">{t.receiptTokenTitle}</h2>
        <p>{t.receiptTokenExplanation}</p>
        <p className="token-box__token">
          <span className="token-box__label">{t.receiptToken}:</span> <code className="token">{receipt.statusToken}</code>
        </p>
        <p>{t.receiptStatusLinkIntro}</p>
        <p className="no-print">
          <Link to={linkPath}>{t.receiptStatusLinkDirect}</Link>
        </p>
        <p className="token-box__token">
          <span className="token-box__label">{t.receiptStatusLinkAddress}:</span>{' '}
          <code className="link-address">{statusLink(window.location.origin, receipt.reference, receipt.statusToken)}</code>
        </p>
        <p className="no-print">
          <Link to={paths.status}>{t.receiptStatusLink}</Link>
        </p>
      </section>
      <h2>{t.receiptAnswersTitle}</h2>
      <Answers sections={receipt.sections} />
      <div className="form-actions no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t.print}
        </button>
        <Link to={paths.catalogue} className="button button--secondary">
          {t.anotherForm}
        </Link>
      </div>
      <dialog ref={dialogRef} className="leave-dialog" aria-labelledby="leave-dialog-title" aria-describedby="leave-dialog-text" onCancel={(event) => {
        event.preventDefault();
        stay();
      }}>
        <h2 id="leave-dialog-title">{t.receiptLeaveTitle}</h2>
        <p id="leave-dialog-text">{t.receiptLeaveText}</p>
        <div className="form-actions">
          <button type="button" className="button" autoFocus onClick={stay}>
            {t.receiptLeaveStay}
          </button>
          <button type="button" className="button button--secondary" onClick={leave}>
            {t.receiptLeaveConfirm}
          </button>
        </div>
      </dialog>
    </div>
  );
}

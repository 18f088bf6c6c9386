/**
 * After submitting: reference number, date, the receipt as a tagged PDF to download, what
 * happens next, the status token with what it is for, a link to the status page, and the
 * answers to print (a print stylesheet leaves out the page frame, the buttons and the download).
 */
import { useEffect, useRef } from 'react';
import { formatDateTime } from '../../../shared/form-view/format.ts';
import { receiptPdfPath } from '../api/submissions.ts';
import { useDocumentTitle } from '../layout/page-heading.tsx';
import { useLanguage } from '../language.tsx';
import { Link } from '../routing/router.tsx';
import { paths } from '../routing/routes.ts';
import { Answers, type AnswerSection } from './answers.tsx';

export interface Receipt {
  id: string;
  reference: string;
  statusToken: string;
  submittedAt: string;
  sections: AnswerSection[];
}

export function ReceiptView({ formTitle, receipt }: { formTitle: string; receipt: Receipt }) {
  const { t, lang } = useLanguage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t.receiptTitle);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="receipt">
      <div className="panel">
        <h1 className="panel__title" ref={headingRef} tabIndex={-1}>
          {t.receiptTitle}
        </h1>
        <p>{t.receiptThanks(formTitle)}</p>
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
          <dd>{formTitle}</dd>
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
    </div>
  );
}

/**
 * `/formulare/:formId/eingangsbestaetigung`: the receipt kept in this tab (form/receipt-store.ts),
 * or, when there is none (another tab, after leaving it), where to go instead.
 */
import { useState } from 'react';
import { ReceiptView } from '../form/receipt-view.tsx';
import { forgetReceipt, keptReceipt } from '../form/receipt-store.ts';
import { PageHeading } from '../layout/page-heading.tsx';
import { useLanguage } from '../language.tsx';
import { Link } from '../routing/router.tsx';
import { paths } from '../routing/routes.ts';

export function ReceiptPage({ formId }: { formId: string }) {
  const { t } = useLanguage();
  const [receipt] = useState(() => keptReceipt(formId));
  if (receipt) return <ReceiptView formId={formId} receipt={receipt} onLeave={() => forgetReceipt(formId)} />;
  return (
    <>
      <PageHeading title={t.receiptGoneTitle} />
      <p>{t.receiptGoneText}</p>
      <ul>
        <li>
          <Link to={paths.status}>{t.receiptStatusLink}</Link>
        </li>
        <li>
          <Link to={paths.form(formId)}>{t.receiptGoneForm}</Link>
        </li>
        <li>
          <Link to={paths.catalogue}>{t.backToCatalogue}</Link>
        </li>
      </ul>
    </>
  );
}

import { PageHeading } from '../layout/page-heading.tsx';
import { useLanguage } from '../language.tsx';
import { Link } from '../routing/router.tsx';
import { paths } from '../routing/routes.ts';

export function NotFoundPage() {
  const { t } = useLanguage();
  return (
    <>
      <PageHeading title={t.notFoundTitle} />
      <p>{t.notFoundText}</p>
      <p>
        <Link to={paths.catalogue}>{t.backToCatalogue}</Link>
      </p>
    </>
  );
}

/**
 * `/barrierefreiheit`: the accessibility statement in the structure BITV 2.0 asks for, with the
 * operator's name and contact from `GET /api/portal`.
 */
import { usePortal } from '../layout/portal-context.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { useLanguage } from '../language.tsx';

const arbitrationBoard = 'https://www.schlichtungsstelle-bgg.de';

export function AccessibilityStatementPage() {
  const { t } = useLanguage();
  const portal = usePortal();
  const operator = portal?.name ?? t.portalFallbackName;
  const email = portal?.accessibilityContact.email;
  return (
    <>
      <PageHeading title={t.statementTitle} />
      <p className="lead">{t.statementIntro(operator)}</p>
      <h2>{t.statementComplianceTitle}</h2>
      <p>{t.statementCompliance}</p>
      <h2>{t.statementGapsTitle}</h2>
      <p>{t.statementGapsIntro}</p>
      <ul>
        {t.statementGaps.map((gap) => (
          <li key={gap}>{gap}</li>
        ))}
      </ul>
      <h2>{t.statementCreationTitle}</h2>
      <p>{t.statementCreation}</p>
      <h2>{t.statementFeedbackTitle}</h2>
      <p>{t.statementFeedback}</p>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t.statementOperator}</dt>
          <dd>{operator}</dd>
        </div>
        {email && (
          <div className="facts__row">
            <dt>{t.statementContactEmail}</dt>
            <dd>
              <a href={`mailto:${email}`}>{email}</a>
            </dd>
          </div>
        )}
      </dl>
      <h2>{t.statementArbitrationTitle}</h2>
      <p>{t.statementArbitration}</p>
      <p>
        <a href={arbitrationBoard} lang="de">
          {t.statementArbitrationLink}
        </a>
      </p>
    </>
  );
}

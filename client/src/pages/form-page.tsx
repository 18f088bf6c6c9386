/** `/formulare/:formId`: loads the published form (and a draft from a resume link), then the wizard. */
import { ApiError } from '../api/http.ts';
import { getForm } from '../api/forms.ts';
import { formValidators } from '../validation/form-validation.ts';
import { FormWizard } from '../form/form-wizard.tsx';
import { useDraftRestore } from '../form/use-draft-restore.ts';
import { LoadFailed, Loading } from '../layout/load-states.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { useResource } from '../layout/use-resource.ts';
import { useLanguage } from '../language.tsx';
import { Link } from '../routing/router.tsx';
import { paths } from '../routing/routes.ts';

export function FormPage({ formId }: { formId: string }) {
  const { t, lang } = useLanguage();
  // The form's texts come in both languages; a change of language does not reload it. Its
  // precompiled validators are imported right after it (they are part of drawing it).
  const form = useResource(async () => {
    const published = await getForm(formId, lang);
    return { published, validators: await formValidators(published) };
  }, [formId]);
  const restore = useDraftRestore();
  if (form.state === 'loading' || restore.state === 'loading') return <Loading />;
  if (form.state === 'failed') {
    if (form.error instanceof ApiError && form.error.code === 'form_not_found')
      return (
        <>
          <PageHeading title={t.notFoundTitle} />
          <p>{t.formNotFound}</p>
          <p>
            <Link to={paths.catalogue}>{t.backToCatalogue}</Link>
          </p>
        </>
      );
    return <LoadFailed error={form.error} retry={form.retry} />;
  }
  const { published, validators } = form.value;
  return <FormWizard key={`${published.id}@${published.version}`} form={published} validators={validators} restore={restore} />;
}

/** `/`: every published form, searchable by title; the number of hits is announced. */
import { useDeferredValue, useId, useState } from 'react';
import { definitionText, formTexts } from '../../../shared/form-view/definition-texts.ts';
import { listForms } from '../api/forms.ts';
import type { FormListing } from '../api/types.ts';
import { LoadFailed, Loading } from '../layout/load-states.tsx';
import { PageHeading } from '../layout/page-heading.tsx';
import { useResource } from '../layout/use-resource.ts';
import { useLanguage } from '../language.tsx';
import { Link } from '../routing/router.tsx';
import { paths } from '../routing/routes.ts';

const normalise = (text: string) => text.toLocaleLowerCase('de').normalize('NFKD').replace(/\p{M}/gu, '');

function matches(form: FormListing, query: string): boolean {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  const title = normalise(`${definitionText(form.title, 'de')} ${form.title.en ? definitionText(form.title, 'en') : ''}`);
  return words.every((word) => title.includes(word));
}

export function CataloguePage() {
  const { t, lang } = useLanguage();
  const forms = useResource(() => listForms(lang), [lang]);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const searchId = useId();
  const hintId = useId();
  const found = forms.state === 'loaded' ? forms.value.filter((form) => matches(form, deferredQuery)) : [];
  return (
    <>
      <PageHeading title={t.catalogueTitle} />
      <p className="lead">{t.catalogueIntro}</p>
      <form className="search" role="search" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={searchId} className="field-label">
          {t.searchLabel}
        </label>
        <p id={hintId} className="field-hint">
          {t.searchHint}
        </p>
        <input
          id={searchId}
          className="input"
          type="search"
          value={query}
          aria-describedby={hintId}
          autoComplete="off"
          onChange={(event) => setQuery(event.target.value)}
        />
      </form>
      {forms.state === 'loading' && <Loading />}
      {forms.state === 'failed' && <LoadFailed error={forms.error} retry={forms.retry} />}
      {forms.state === 'loaded' && (
        <>
          <p className="search__count" role="status">
            {forms.value.length === 0 ? t.noForms : t.searchResults(found.length)}
          </p>
          <ul className="catalogue">
            {found.map((form) => {
              const { title, description } = formTexts(form, lang);
              return (
                <li key={form.id} className="catalogue__item">
                  <h2 className="catalogue__title">
                    <Link to={paths.form(form.id)}>{title}</Link>
                  </h2>
                  {description && <p className="catalogue__description">{description}</p>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}

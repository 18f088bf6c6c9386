/**
 * The benchmark's ceiling (bench/client-render.ts): the portal's page shell and styles around 20
 * plain React-controlled inputs, without rjsf, validation or data loading. Not part of the
 * portal's build.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { PageLayout } from '../src/layout/page-layout.tsx';
import { LanguageProvider } from '../src/language.tsx';
import { Router } from '../src/routing/router.tsx';
import '../src/styles/base.css';
import '../src/styles/layout.css';
import '../src/styles/form.css';

const fields = Array.from({ length: 20 }, (_, i) => `feld${String(i + 1).padStart(2, '0')}`);

function PlainInputs() {
  const [values, setValues] = useState<Record<string, string>>({});
  return (
    <form className="form" noValidate>
      {fields.map((name, i) => (
        <div className="field" key={name}>
          <label htmlFor={name} className="field-label">
            Feld {i + 1}
          </label>
          <input
            id={name}
            className="input"
            value={values[name] ?? ''}
            onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
          />
        </div>
      ))}
    </form>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <LanguageProvider>
      <Router>
        <PageLayout>
          <h1>Ceiling</h1>
          <PlainInputs />
        </PageLayout>
      </Router>
    </LanguageProvider>
  </StrictMode>,
);

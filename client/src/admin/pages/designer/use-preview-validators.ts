/**
 * The preview's validators, precompiled like the portal's: each definition the preview is to
 * show is sent to `POST /api/admin/forms/:id/preview-validators`, which writes its validator
 * module, and the module is imported from the address answered (nothing is compiled in the
 * browser). The preview shows the newest definition whose module has arrived, so the drawn form
 * and its validators always belong together; a schema that does not compile is `invalid`.
 */
import { useEffect, useRef, useState } from 'react';
import type { FormDefinition } from '../../../../../shared/form-definition.ts';
import { ApiError } from '../../../api/http.ts';
import { validatorsFrom, type FormValidators } from '../../../validation/form-validation.ts';
import { useAdminApi } from '../../admin-api.ts';

export type PreviewValidators =
  | { state: 'loading' }
  | { state: 'ready'; definition: FormDefinition; validators: FormValidators }
  | { state: 'invalid'; definition: FormDefinition }
  | { state: 'failed'; error: unknown };

export function usePreviewValidators(formId: string, definition: FormDefinition): PreviewValidators {
  const api = useAdminApi();
  const [shown, setShown] = useState<PreviewValidators>({ state: 'loading' });
  // Answers can overtake each other: only one newer than what is shown is taken.
  const asked = useRef(0);
  const taken = useRef(0);
  useEffect(() => {
    const number = ++asked.current;
    const take = (next: PreviewValidators) => {
      if (number < taken.current) return;
      taken.current = number;
      setShown(next);
    };
    (async () => {
      const { module } = await api.send<{ module: string }>('POST', `/api/admin/forms/${encodeURIComponent(formId)}/preview-validators`, definition);
      take({ state: 'ready', definition, validators: await validatorsFrom(module, definition) });
    })().catch((error: unknown) => {
      take(error instanceof ApiError && error.code === 'definition_invalid' ? { state: 'invalid', definition } : { state: 'failed', error });
    });
  }, [api, formId, definition]);
  return shown;
}

/**
 * `/admin/formulare/:id`: the designer of one form. Loads the draft (with its ETag for the
 * autosave's conflict detection) and the current published version (whose field keys stay fixed),
 * then hands both to the editor. Reloading after a conflict loads everything again.
 */
import { useState } from 'react';
import { fromDefinition } from '../../../../shared/designer/from-definition.ts';
import type { DesignerForm, Element } from '../../../../shared/designer/model.ts';
import type { FormDefinition } from '../../../../shared/form-definition.ts';
import { ApiError } from '../../api/http.ts';
import { LoadFailed, Loading } from '../../layout/load-states.tsx';
import { PageHeading } from '../../layout/page-heading.tsx';
import { useResource } from '../../layout/use-resource.ts';
import { Link } from '../../routing/router.tsx';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi, type AdminApi } from '../admin-api.ts';
import { adminPages } from '../admin-paths.ts';
import { useTexts } from '../use-texts.ts';
import { Designer } from './designer/designer.tsx';
import { designerTexts } from './designer/texts.ts';
import type { DraftProblem } from './designer/use-autosave.ts';
import type { VersionEntry } from './forms-page/types.ts';

export interface LoadedDraft {
  id: string;
  authority: string | null;
  definition: FormDefinition;
  etag: string;
  problems: DraftProblem[];
  publishedKeys: ReadonlySet<string>;
  readOnly: boolean;
}

const formPath = (id: string, rest: string) => `/api/admin/forms/${encodeURIComponent(id)}/${rest}`;

/** Dot-separated key paths of every field of `form`, sections and repeated groups entered. */
export function keyPaths(form: DesignerForm): Set<string> {
  const keys = new Set<string>();
  const walk = (elements: Element[], prefix: string) => {
    for (const element of elements) {
      const path = prefix + element.key;
      keys.add(path);
      if (element.kind === 'section') walk(element.elements, `${path}.`);
      if (element.kind === 'repeat' && element.item.kind === 'section') walk(element.item.elements, `${path}.`);
    }
  };
  for (const step of form.steps) walk(step.elements, '');
  return keys;
}

/** The keys of the current published version, if there is one: they stay fixed in the draft. */
async function publishedKeysOf(api: AdminApi, id: string): Promise<Set<string>> {
  const versions = await api.get<{ versions: VersionEntry[] }>(formPath(id, 'versions'));
  const current = versions.versions.reduce((n, v) => Math.max(n, v.version), 0);
  if (current === 0) return new Set();
  const published = await api.get<FormDefinition>(`/api/forms/${encodeURIComponent(id)}/versions/${current}`).catch(() => undefined);
  return published ? keyPaths(fromDefinition(published)) : new Set();
}

async function loadDraft(api: AdminApi, id: string): Promise<LoadedDraft> {
  // The draft and the published version are read side by side: opening waits for the slower only.
  const [keys, draft] = await Promise.allSettled([publishedKeysOf(api, id), api.fetch(formPath(id, 'draft'))]);
  if (keys.status === 'rejected') throw keys.reason;
  const publishedKeys = keys.value;
  if (draft.status === 'fulfilled') {
    const response = draft.value;
    const answer = (await response.json()) as { authority: string | null; definition: FormDefinition; problems: DraftProblem[] };
    return { id, authority: answer.authority, definition: answer.definition, etag: response.headers.get('ETag') ?? '', problems: answer.problems, publishedKeys, readOnly: false };
  }
  // A form of the installation's files: shown, not edited.
  const error: unknown = draft.reason;
  if (!(error instanceof ApiError && error.code === 'managed_by_file')) throw error;
  const definition = await api.get<FormDefinition>(formPath(id, 'export'));
  return { id, authority: definition.authority ?? null, definition, etag: '', problems: [], publishedKeys, readOnly: true };
}

export function DesignerPage({ params }: AdminPageProps) {
  const words = useTexts(designerTexts);
  const api = useAdminApi();
  const id = params.id ?? '';
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState<string>();
  const loaded = useResource(() => loadDraft(api, id), [api, id, reload]);
  if (loaded.state === 'loaded')
    return (
      <Designer
        key={`${reload}`}
        draft={loaded.value}
        notice={notice}
        reload={(said) => {
          setNotice(said);
          setReload((n) => n + 1);
        }}
      />
    );
  return (
    <>
      <PageHeading title={words.title(id)} />
      <p>
        <Link to={adminPages.forms.pattern}>{words.back}</Link>
      </p>
      {loaded.state === 'loading' ? <Loading /> : <LoadFailed error={loaded.error} retry={loaded.retry} />}
    </>
  );
}

/**
 * A refused deletion (`409 authority_in_use`, `target_in_use`) in words, with what still refers
 * to the record and how often, e.g. "… Noch verwendet von: Ziele 1, Rollen 2."
 */
import { ApiError } from '../../../api/http.ts';
import type { Language } from '../../../../../shared/i18n.ts';

const uses = {
  de: { submissions: 'Anträge', targets: 'Ziele', grants: 'Rollen', tokens: 'API-Tokens', forms: 'Formulare', deliveries: 'Zustellungen', zustaendigkeiten: 'Zuständigkeiten', lead: 'Noch verwendet von:' },
  en: { submissions: 'applications', targets: 'targets', grants: 'roles', tokens: 'API tokens', forms: 'forms', deliveries: 'deliveries', zustaendigkeiten: 'Zuständigkeiten', lead: 'Still used by:' },
} satisfies Record<Language, Record<string, string>>;

/** Runs a deletion; an "in use" answer becomes an Error whose message names the uses. */
export async function deleting(work: () => Promise<unknown>, lang: Language): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof ApiError && error.code.endsWith('_in_use') && error.details && typeof error.details === 'object') {
      const words = uses[lang] as Record<string, string>;
      const named = Object.entries(error.details as Record<string, unknown>)
        .filter(([, n]) => typeof n === 'number' && n > 0)
        .map(([what, n]) => `${words[what] ?? what} ${String(n)}`)
        .join(', ');
      throw new Error(named ? `${error.message} ${words.lead} ${named}.` : error.message);
    }
    throw error;
  }
}

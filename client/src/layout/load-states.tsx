/** What a page shows while its data loads, or when loading failed. */
import { networkErrorCode, ApiError } from '../api/http.ts';
import { useLanguage } from '../language.tsx';

export function Loading() {
  const { t } = useLanguage();
  return (
    <p className="loading" role="status">
      {t.loading}
    </p>
  );
}

export function LoadFailed({ error, retry }: { error: Error; retry(): void }) {
  const { t } = useLanguage();
  const message = error instanceof ApiError && error.code === networkErrorCode ? t.networkError : error.message;
  return (
    <div className="notice notice--error" role="alert">
      <p>{t.loadFailed(message)}</p>
      <button type="button" className="button button--secondary" onClick={retry}>
        {t.retry}
      </button>
    </div>
  );
}

/** The message of an API error for people, with the network case worded by the portal. */
export function useErrorMessage() {
  const { t } = useLanguage();
  return (error: unknown) =>
    error instanceof ApiError && error.code === networkErrorCode ? t.networkError : (error as Error).message;
}

/**
 * Pages loaded on demand: the form page brings the form renderer and validator (@rjsf, ajv),
 * which the start page, the status page and the accessibility statement do not need. While
 * the page's code loads, the same "Loading" status the page itself shows while it fetches its
 * form; if the code cannot be loaded (offline, or the portal was updated meanwhile), the usual
 * load error with a retry that loads the page afresh.
 */
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { ApiError, networkErrorCode } from '../api/http.ts';
import { LoadFailed, Loading } from '../layout/load-states.tsx';

class PageCodeBoundary extends Component<{ children: ReactNode }, { error: Error | undefined }> {
  override state: { error: Error | undefined } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error: new ApiError(0, networkErrorCode, String((error as Error)?.message ?? error)) };
  }

  override render() {
    if (this.state.error) return <LoadFailed error={this.state.error} retry={() => window.location.reload()} />;
    return this.props.children;
  }
}

/** `load` imports the page's module; the page renders inside a loading status and an error boundary. */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage(props: P) {
    return (
      <PageCodeBoundary>
        <Suspense fallback={<Loading />}>
          <Page {...props} />
        </Suspense>
      </PageCodeBoundary>
    );
  };
}

/**
 * Pages loaded on demand: the form page brings the form renderer and validator (@rjsf, ajv),
 * which the start page, the status page and the accessibility statement do not need. While
 * the page's code loads, the same "Loading" status the page itself shows while it fetches its
 * form; if the code cannot be loaded (offline, or the portal was updated meanwhile), the usual
 * load error with a retry that loads the page afresh.
 */
import { Component, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
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

export type LazyPage<P extends object> = ComponentType<P> & {
  /** Starts loading the page's code; once it is there, the page renders without suspending. */
  preload(): Promise<unknown>;
};

/** `load` imports the page's module; the page renders inside a loading status and an error boundary. */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const keep = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  const Page = lazy(async () => ({ default: await keep() }));
  function LazyPage(props: P) {
    // Code already loaded (preloaded beside other requests) renders at once: no loading status
    // shown and no pause before the page's own requests start. Decided once per mounted page:
    // swapping one element type for the other would start the page afresh.
    const [Loaded] = useState(() => loaded);
    return (
      <PageCodeBoundary>
        <Suspense fallback={<Loading />}>{Loaded ? <Loaded {...props} /> : <Page {...props} />}</Suspense>
      </PageCodeBoundary>
    );
  }
  return Object.assign(LazyPage, { preload: keep });
}

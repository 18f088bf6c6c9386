/** The operator's name and accessibility contact (`GET /api/portal`), loaded once. */
import { createContext, useContext, type ReactNode } from 'react';
import { getPortal } from '../api/portal.ts';
import type { Portal } from '../api/types.ts';
import { useLanguage } from '../language.tsx';
import { useResource } from './use-resource.ts';

const PortalContext = createContext<Portal | undefined>(undefined);

export function PortalProvider({ children }: { children: ReactNode }) {
  const { lang } = useLanguage();
  const portal = useResource(() => getPortal(lang), []);
  // Pages wait for this small request, so the document title names the operator from the first
  // render instead of changing under a screen reader's feet.
  if (portal.state === 'loading') return null;
  return <PortalContext.Provider value={portal.state === 'loaded' ? portal.value : undefined}>{children}</PortalContext.Provider>;
}

/** The portal settings, or undefined while they load (or when the server could not say). */
export const usePortal = () => useContext(PortalContext);

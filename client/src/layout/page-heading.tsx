/**
 * The page's <h1>: sets the document title (WCAG 2.4.2) and, after navigating inside the
 * portal, takes the focus so screen readers announce the new page (as a full page load would).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useLanguage } from '../language.tsx';
import { wasNavigatedInApp } from '../routing/router.tsx';
import { usePortal } from './portal-context.tsx';

export function useDocumentTitle(title: string) {
  const { t } = useLanguage();
  const portalName = usePortal()?.name ?? t.portalFallbackName;
  useEffect(() => {
    document.title = t.documentTitle(title, portalName);
  }, [t, title, portalName]);
}

export function PageHeading({ title, children, className }: { title: string; children?: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(title);
  useEffect(() => {
    if (wasNavigatedInApp()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={className}>
      {children ?? title}
    </h1>
  );
}

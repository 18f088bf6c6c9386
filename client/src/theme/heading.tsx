/** Headings inside the form: the step is <h2>, its sections <h3>, deeper parts <h4>–<h6>. */
import type { ReactNode, Ref } from 'react';

export function headingLevel(depth: number): 3 | 4 | 5 | 6 {
  return Math.min(6, Math.max(3, depth + 2)) as 3 | 4 | 5 | 6;
}

interface SectionHeadingProps {
  depth: number;
  className?: string;
  children: ReactNode;
  ref?: Ref<HTMLHeadingElement>;
}

/** Focusable from script (tabIndex -1), so the focus can rest on it when its content changes. */
export function SectionHeading({ depth, className, children, ref }: SectionHeadingProps) {
  const Tag = `h${headingLevel(depth)}` as const;
  return (
    <Tag ref={ref} className={className} tabIndex={-1}>
      {children}
    </Tag>
  );
}

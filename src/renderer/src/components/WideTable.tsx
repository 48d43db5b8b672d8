// A data table in its own sideways scroll region (WCAG 1.4.10): the page never scrolls sideways, the table may.
import { Table, type TableProps } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

/** True while the element is wider inside than out (its content scrolls sideways). */
export function useOverflowsSideways<T extends HTMLElement>(): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    measure();
    return () => observer.disconnect();
  }, []);
  return [ref, overflows];
}

/**
 * Mantine's Table inside a region that scrolls sideways when the table is wider than the screen. Only then is the
 * region a Tab stop (named after the table), so a keyboard user can scroll it with the arrow keys.
 */
export function WideTable(props: TableProps) {
  const [ref, overflows] = useOverflowsSideways<HTMLDivElement>();
  const label = props['aria-label'];
  return (
    <div
      ref={ref}
      className="clspd-wide-table"
      style={{ overflowX: 'auto', maxWidth: '100%' }}
      {...(overflows ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}
    >
      <Table {...props} />
    </div>
  );
}
